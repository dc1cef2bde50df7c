"""Dialogs: errors (with Details), About, keyboard shortcuts."""
