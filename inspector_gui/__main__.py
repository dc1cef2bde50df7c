"""``python -m inspector_gui`` runs the command line."""

from inspector_gui.cli import main

main()
