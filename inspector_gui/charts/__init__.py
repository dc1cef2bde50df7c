"""pyqtgraph charts fed plain numbers (see :mod:`inspector_gui.domain.chartdata`), and their
export to PNG and SVG. Importing this package imports no Qt; its modules do."""
