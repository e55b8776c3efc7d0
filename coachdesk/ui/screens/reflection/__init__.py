"""The reflection editor and "Mijn praktijk"."""
