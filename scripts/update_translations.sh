#!/usr/bin/env bash
# Extract every marked message into the template and merge it into each language's catalogue.
# Then translate the new (empty or fuzzy) entries in resources/locale/*/LC_MESSAGES/coachdesk.po;
# tests/test_translations.py fails until every message has a Dutch translation.
set -euo pipefail
cd "$(dirname "$0")/.."
PYBABEL="${PYBABEL:-.venv/bin/pybabel}"
"$PYBABEL" extract --no-location --sort-output -k _ -k ngettext:1,2 -k N_ \
    --project CoachDesk --copyright-holder CoachDesk -o resources/locale/coachdesk.pot coachdesk
for catalogue in resources/locale/*/LC_MESSAGES/coachdesk.po; do
    "$PYBABEL" update --no-fuzzy-matching --ignore-obsolete -i resources/locale/coachdesk.pot \
        -D coachdesk -l "$(basename "$(dirname "$(dirname "$catalogue")")")" -d resources/locale
done
bash scripts/compile_translations.sh
