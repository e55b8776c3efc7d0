"""The competence scan: filling it in, and its chart."""
