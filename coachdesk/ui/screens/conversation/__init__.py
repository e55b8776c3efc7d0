"""Gesprek: prepare, hold (calm mode) and close a conversation."""
