#!/usr/bin/env bash
# Set up everything and run the whole test suite: lint, format check and pytest
# (Qt offscreen, plus one real start of the app under Xvfb).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --test
.venv/bin/ruff check .
.venv/bin/ruff format --check .
QT_QPA_PLATFORM=offscreen .venv/bin/python -m pytest "$@"
