"""One module per screen in the main window's stacked area."""
