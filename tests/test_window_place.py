"""The window on a laptop: inside the free screen area, remembered, every screen usable."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QRect

from coachdesk.app import build_window
from coachdesk.preferences import (
    load_column_widths,
    load_language,
    load_window_state,
    save_language,
    save_window_state,
)
from coachdesk.services.demo_data import fill_with_demo
from coachdesk.services.workspace import StoreLocation, Workspace
from coachdesk.ui.window_place import COMFORTABLE_SIZE, first_geometry, minimum_size, show_in_place
from tests.helpers import run_cli

ROOT = Path(__file__).resolve().parent.parent
TASKBAR = 40


def _free_area(width: int, height: int) -> QRect:
    """The screen without a taskbar along the bottom."""
    return QRect(0, 0, width, height - TASKBAR)


@pytest.mark.parametrize(("width", "height"), [(1024, 600), (1280, 800), (1366, 768)])
def test_a_laptop_screen_opens_the_window_maximised_with_room_to_spare(
    width: int, height: int
) -> None:
    free = _free_area(width, height)
    assert first_geometry(free) is None  # maximised: the status bar stays above the taskbar
    smallest = minimum_size(free)
    assert smallest.width() < free.width() and smallest.height() < free.height() - 30


@pytest.mark.parametrize("scale", [1.0, 1.25, 1.5])
def test_at_any_scaling_the_smallest_window_fits_the_free_area(scale: float) -> None:
    free = _free_area(round(1024 / scale), round(600 / scale))
    smallest = minimum_size(free)
    assert smallest.width() <= free.width() and smallest.height() + 30 <= free.height()


def test_a_large_screen_opens_the_window_centred_in_the_free_area() -> None:
    free = _free_area(1920, 1080)
    geometry = first_geometry(free)
    assert geometry is not None
    assert geometry.size() == COMFORTABLE_SIZE
    assert free.contains(geometry.adjusted(-8, -40, 8, 8))  # its frame too
    assert abs(geometry.center().x() - free.center().x()) <= 1


@pytest.fixture
def demo(data_dir: Path):
    workspace = Workspace.open(StoreLocation(data_dir, demo=True))
    fill_with_demo(workspace.repos, students=6, today=dt.date(2026, 11, 23))
    yield workspace
    workspace.close()


def test_maximised_is_remembered_after_a_restart(qtbot, demo: Workspace, data_dir: Path) -> None:
    first = build_window(demo)
    qtbot.addWidget(first)
    first.showMaximized()
    first.close()
    assert load_window_state(data_dir) is not None
    second = build_window(demo)
    qtbot.addWidget(second)
    show_in_place(second, load_window_state(data_dir))
    assert second.isMaximized()
    second.close()


def test_place_and_size_are_remembered_after_a_restart(
    qtbot, demo: Workspace, data_dir: Path
) -> None:
    first = build_window(demo)
    qtbot.addWidget(first)
    first.show()
    first.setGeometry(QRect(20, 30, 780, 500))
    qtbot.waitUntil(lambda: first.geometry() == QRect(20, 30, 780, 500))
    first.close()
    second = build_window(demo)
    qtbot.addWidget(second)
    show_in_place(second, load_window_state(data_dir))
    assert not second.isMaximized()
    assert second.geometry() == QRect(20, 30, 780, 500)
    second.close()


def test_column_widths_the_coach_set_are_kept_and_the_language_too(
    qtbot, demo: Workspace, data_dir: Path
) -> None:
    save_language(data_dir, "en")
    first = build_window(demo)
    qtbot.addWidget(first)
    first.show()
    assert load_column_widths(data_dir) == []
    first.caseload_screen.table.horizontalHeader().resizeSection(1, 140)  # as a drag does
    first.close()
    assert load_column_widths(data_dir)[1] == 140
    assert load_language(data_dir) == "en"
    second = build_window(demo)
    qtbot.addWidget(second)
    second.show()
    assert second.caseload_screen.table.columnWidth(1) == 140
    second.close()


def test_typing_a_search_does_not_count_as_setting_the_columns(
    qtbot, demo: Workspace, data_dir: Path
) -> None:
    window = build_window(demo)
    qtbot.addWidget(window)
    window.show()
    qtbot.keyClicks(window.caseload_screen.search_edit, "a")
    window.resize(900, 600)
    window.close()
    assert load_column_widths(data_dir) == []


def test_a_damaged_window_preference_means_a_first_start(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    (data_dir / "voorkeuren.json").write_text('{"window": "niet%base64", "language": "en"}')
    assert load_window_state(data_dir) is None
    assert load_language(data_dir) == "en"
    save_window_state(data_dir, b"\x01\x02")
    assert load_window_state(data_dir) == b"\x01\x02"


@pytest.fixture(scope="module")
def probe_stores(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("probe")
    demo_dir, empty_dir = folder / "demo-data", folder / "empty-data"
    assert run_cli("--demo", "demo", "--students", "30", data_dir=demo_dir).returncode == 0
    return demo_dir, empty_dir


def _probe(
    stores: tuple[Path, Path], folder: Path, size: tuple[int, int], scale: float, language: str
) -> dict:
    screen = {"name": "laptop", "x": 0, "y": 0, "width": size[0], "height": size[1]}
    screen |= {"logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}
    config = folder / "screen.json"
    config.write_text(json.dumps({"screens": [screen]}))
    empty = folder / f"empty-{language}"
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
        "QT_SCALE_FACTOR": str(scale),
        "PYTHONPATH": str(ROOT),
    }
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "tests" / "screen_probe.py"),
            str(stores[0]),
            str(empty),
            language,
            str(folder / f"{size[0]}x{size[1]}-{scale}-{language}"),
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def _inside(frame: list[int], free: list[int]) -> bool:
    """Whether the window's frame lies in the free area (scaling may round by a pixel)."""
    x, y, width, height = frame
    fx, fy, fwidth, fheight = free
    return (
        x >= fx - 1
        and y >= fy - 1
        and x + width <= fx + fwidth + 1
        and y + height <= fy + fheight + 1
    )


@pytest.mark.slow
@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize(
    ("size", "scale"), [((1366, 768), 1.0), ((1366, 768), 1.25), ((1920, 1080), 1.0)]
)
def test_every_screen_is_usable_without_sideways_scrolling_or_clipping(
    probe_stores: tuple[Path, Path],
    tmp_path: Path,
    size: tuple[int, int],
    scale: float,
    language: str,
) -> None:
    report = _probe(probe_stores, tmp_path, size, scale, language)
    assert _inside(report["frame"], report["free"]), report
    assert report["maximised"] is (size[0] < 1920)
    for row, seen in report["screens"].items():
        assert seen["clipped"] == [], row
        if scale == 1.0 or row == "0":  # at 125 % the caseload; the others are wider yet
            assert seen["sideways"] is False, row
    assert report["caseload"] == []
    assert report["empty"] == {"offers": True, "clipped": []}


@pytest.mark.slow
@pytest.mark.parametrize("scale", [1.0, 1.25, 1.5])
def test_a_small_screen_holds_the_window_and_the_caseload_whole(
    probe_stores: tuple[Path, Path], tmp_path: Path, scale: float
) -> None:
    report = _probe(probe_stores, tmp_path, (1024, 600), scale, "nl")
    assert _inside(report["frame"], report["free"]), report
    assert report["maximised"]
    for seen in report["screens"].values():
        assert seen["clipped"] == []
    if scale == 1.0:
        assert report["screens"]["0"]["sideways"] is False
        assert report["caseload"] == []
