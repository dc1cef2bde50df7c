"""Tests that drive the real main window offscreen (a package, so its conftest is not "conftest")."""
