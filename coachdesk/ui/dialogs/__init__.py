"""Dialogs; each offers a classmethod that returns the result, or ``None`` when cancelled."""
