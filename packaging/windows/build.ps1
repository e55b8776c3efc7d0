# Build CoachDesk on Windows: a one-folder app with PyInstaller, then an installer with Inno Setup.
# Run from the repository root in PowerShell with Python 3.11 and Inno Setup 6 installed.
$ErrorActionPreference = "Stop"
py -3.11 -m venv .venv
.venv\Scripts\python -m pip install --quiet -e . "pyinstaller>=6.10,<7"
New-Item -ItemType Directory -Force packaging\build | Out-Null
.venv\Scripts\python packaging\render_icon.py packaging\build
.venv\Scripts\pyinstaller --noconfirm --clean --windowed --distpath dist --workpath packaging\build\work packaging\coachdesk.spec
$env:COACHDESK_VERSION = (.venv\Scripts\python -c "import coachdesk; print(coachdesk.__version__)")
iscc packaging\windows\coachdesk.iss
