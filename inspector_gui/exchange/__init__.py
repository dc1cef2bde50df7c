"""Files in and out: the readers (CSV/JSON files to rows the store imports, below the store) and
the writers (summaries and league tables to CSV, JSON, Markdown, HTML and PDF, fed plain domain
values by :mod:`inspector_gui.reports`)."""
