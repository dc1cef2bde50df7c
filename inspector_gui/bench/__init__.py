"""The benchmark behind ``inspector bench``: speed figures on a synthetic store beside the raw
``sqlite3`` query and Datasette's JSON API for the same filter on the same file.

Imports no Qt: GUI figures are measured in child processes (``gui_probe``), so every figure that
involves Qt includes its own start-up and never inherits this process's state.
"""
