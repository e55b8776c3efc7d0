#!/usr/bin/env bash
# Set up everything and run the whole test suite: lint, format check, the layers contract,
# types, dead code and pytest (Qt offscreen, plus one real start of the app under Xvfb).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --test
.venv/bin/ruff check .
.venv/bin/ruff format --check .
.venv/bin/lint-imports --no-cache   # layers: nothing imports upward, ui never imports storage
.venv/bin/mypy                      # strict types over the whole package (pyproject.toml)
.venv/bin/vulture                   # dead code (the few names only Qt or the store use: pyproject)
QT_QPA_PLATFORM=offscreen .venv/bin/python -m pytest "$@"
