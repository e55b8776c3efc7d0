#!/usr/bin/env bash
# Build the one-folder app with PyInstaller into dist/CoachDesk and check that it starts.
# Usage: packaging/build.sh   (run scripts/setup.sh first; needs no network beyond PyPI)
# DIST and WORK choose where the bundle and PyInstaller's work files go.
set -euo pipefail
cd "$(dirname "$0")/.."
DIST="${DIST:-dist}"
WORK="${WORK:-packaging/build}"
.venv/bin/python -m pip install --quiet --disable-pip-version-check "pyinstaller>=6.10,<7"
bash scripts/compile_translations.sh
mkdir -p packaging/build "$WORK"
QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/render_icon.py packaging/build
.venv/bin/pyinstaller --noconfirm --clean --log-level ERROR \
    --distpath "$DIST" --workpath "$WORK/work" packaging/coachdesk.spec
cp packaging/coachdesk.desktop packaging/build/coachdesk.png "$DIST/CoachDesk/"
echo "Gebouwd: $DIST/CoachDesk/coachdesk ($(du -sh "$DIST/CoachDesk" | cut -f1))"
