"""Resources are found from a source checkout, an installed wheel and a frozen bundle."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from coachdesk import paths

ROOT = Path(__file__).resolve().parent.parent


def test_resources_are_found_in_a_source_checkout() -> None:
    assert paths.resources_dir() == ROOT / "resources"
    assert paths.resource_path("demo", "caseload.json").is_file()


def test_resources_are_found_in_a_frozen_bundle(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bundled = tmp_path / "coachdesk" / "resources"
    (bundled / "locale").mkdir(parents=True)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert paths.resources_dir() == bundled


@pytest.mark.slow
def test_resources_are_shipped_inside_the_wheel_and_found_there(tmp_path: Path) -> None:
    build = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "-q",
            "-w",
            str(tmp_path / "dist"),
            str(ROOT),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert build.returncode == 0, build.stderr
    (wheel,) = (tmp_path / "dist").glob("coachdesk-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        archive.extractall(tmp_path / "installed")
    assert "coachdesk/resources/locale/nl/LC_MESSAGES/coachdesk.po" in names
    assert "coachdesk/resources/demo/caseload.json" in names
    probe = subprocess.run(
        [sys.executable, "-c", "from coachdesk import paths; print(paths.resources_dir())"],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
        env={"PYTHONPATH": str(tmp_path / "installed"), "PATH": ""},
    )
    assert probe.returncode == 0, probe.stderr
    assert Path(probe.stdout.strip()) == tmp_path / "installed" / "coachdesk" / "resources"


def test_the_data_folder_follows_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(paths.DATA_DIR_ENV, str(tmp_path / "hier"))
    assert paths.default_data_dir() == tmp_path / "hier"
    assert paths.store_path(tmp_path, demo=True) == tmp_path / "demo" / "coachdesk.sqlite"
