"""Exports that leave the app: PDFs (reportlab only, no Qt)."""
