#!/usr/bin/env bash
# Render every report type from the fixed fixture and store the pages as the new references
# (tests/data/pdf_references). Look at the changed PNGs before committing them.
set -euo pipefail
cd "$(dirname "$0")/.."
COACHDESK_UPDATE_PDF_REFERENCES=1 QT_QPA_PLATFORM=offscreen \
    .venv/bin/python -m pytest tests/test_pdf_visual.py -q "$@"
git status --short tests/data/pdf_references
