"""The Qt desktop app: the main window, its item models, views, dialogs and background workers.

Only this package (with ``charts`` and the Qt writers) imports PySide6.
"""
