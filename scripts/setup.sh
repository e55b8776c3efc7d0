#!/usr/bin/env bash
# Set up CoachDesk on a fresh Debian machine: the system libraries Qt needs, a virtual
# environment in .venv and CoachDesk itself. Safe to run again; it only adds what is missing.
# Usage: scripts/setup.sh [--test]   (--test also installs the test tools)
set -euo pipefail
cd "$(dirname "$0")/.."

SYSTEM_PACKAGES=(
    xvfb xauth libegl1 libgl1 libfontconfig1 libglib2.0-0 libdbus-1-3 libxkbcommon0
    libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-randr0
    libxcb-render-util0 libxcb-shape0 libxcb-xkb1 libx11-xcb1 fonts-dejavu-core poppler-utils strace
    openbox
)
APT_LOCK_WAIT_SECONDS="${APT_LOCK_WAIT_SECONDS:-300}"
PYTHON="${PYTHON:-$(command -v python3.11 || command -v python3)}"

install_system_packages() {
    command -v dpkg-query >/dev/null 2>&1 || return 0
    local missing=() package
    for package in "$@"; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
            || missing+=("$package")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    echo "Systeempakketten installeren: ${missing[*]}"
    # Another apt run (e.g. unattended upgrades) may hold the dpkg lock: wait for it.
    $sudo apt-get -o "DPkg::Lock::Timeout=$APT_LOCK_WAIT_SECONDS" update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get -o "DPkg::Lock::Timeout=$APT_LOCK_WAIT_SECONDS" \
        install -y -qq --no-install-recommends "${missing[@]}"
}

install_system_packages "${SYSTEM_PACKAGES[@]}"
if ! "$PYTHON" -c "import ensurepip, venv" >/dev/null 2>&1; then
    install_system_packages python3-venv
fi
if [ ! -x .venv/bin/python ]; then
    "$PYTHON" -m venv .venv
fi
extras=""
[ "${1:-}" = "--test" ] && extras="[test]"
.venv/bin/python -m pip install --quiet --disable-pip-version-check --editable ".${extras}"
bash scripts/compile_translations.sh
