#!/usr/bin/env bash
# Set up everything and start CoachDesk. Without data of your own yet, it opens the separate
# demo store with fictional students. Without a screen (a server, CI) it runs on Xvfb.
# Extra arguments go to coachdesk, e.g. --data-dir DIR or --lang en.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
args=("$@")
if [ ${#args[@]} -eq 0 ] && [ "$(.venv/bin/coachdesk students --json 2>/dev/null || echo '[]')" = "[]" ]; then
    args=(--demo)
fi
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ "$(uname)" = "Linux" ]; then
    echo "Geen beeldscherm gevonden: CoachDesk start op een virtueel scherm (Xvfb)." >&2
    exec xvfb-run -a .venv/bin/coachdesk "${args[@]}"
fi
exec .venv/bin/coachdesk "${args[@]}"
