"""Widgets that compose the main window: panels, header, legend, detail panes."""
