#!/usr/bin/env bash
# Compile each language's catalogue (coachdesk.po) into coachdesk.mo beside it, which the app
# loads at start instead of parsing the .po. Run by setup.sh, update_translations.sh and the build;
# a .mo older than its .po is ignored by the app, so forgetting this only costs start-up time.
set -euo pipefail
cd "$(dirname "$0")/.."
PYBABEL="${PYBABEL:-.venv/bin/pybabel}"
"$PYBABEL" --quiet compile --domain coachdesk --directory resources/locale
