"""Every file the app writes is saved whole or not at all, through one helper."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from coachdesk.savefile import save, save_copy, save_text
from coachdesk.storage.keyfile import KdfParams

ROOT = Path(__file__).resolve().parents[1] / "coachdesk"
FAST = KdfParams(time_cost=1, memory_kib=8192)  # tests only
HAND_WRITTEN = re.compile(
    r"\.write_text\(|\.write_bytes\(|os\.replace\(|\bos\.rename\(|\.rename\(|shutil\.copy"
    r"|partial\.replace\(|mkstemp\("
)
NOT_YET_MOVED: set[str] = set()
"""Every file the app writes now goes through savefile."""


class HalfWrittenError(Exception):
    """Stands for a crash halfway through writing."""


def test_a_write_that_stops_halfway_leaves_the_old_file_and_no_partial(tmp_path: Path) -> None:
    target = save_text(tmp_path / "voorkeuren.json", '{"language": "nl"}')

    def half(handle: object) -> None:
        handle.write(b'{"lang')  # type: ignore[attr-defined]
        raise HalfWrittenError

    with pytest.raises(HalfWrittenError):
        save(target, half)
    assert target.read_text(encoding="utf-8") == '{"language": "nl"}'
    assert sorted(path.name for path in tmp_path.iterdir()) == ["voorkeuren.json"]


def test_the_key_file_and_then_its_folder_reach_the_disk_around_the_rename(
    tmp_path: Path,
) -> None:
    """Seen by the operating system (strace): fsync the new file, rename it, fsync the folder."""
    store = tmp_path / "coachdesk.sqlite"
    code = (
        "import sys; from pathlib import Path; from coachdesk.storage import keyfile; "
        "keyfile.create(Path(sys.argv[1]), 'een lange wachtzin', "
        "keyfile.KdfParams(time_cost=1, memory_kib=8192))"
    )
    trace = tmp_path / "strace.txt"
    syscalls = "trace=fsync,fdatasync,rename,renameat,renameat2"
    strace = ["strace", "-f", "-y", "-e", syscalls, "-o", str(trace)]
    subprocess.run([*strace, sys.executable, "-c", code, str(store)], check=True)
    calls = [line for line in trace.read_text().splitlines() if str(tmp_path) in line]
    key = f"{store}.sleutel"
    assert len(calls) == 3, calls
    assert re.search(rf"fsync\(\d+<{re.escape(key)}\.partial>\) += 0", calls[0])
    assert re.search(rf"rename\w*\(.*\"{re.escape(key)}\.partial\".*\"{re.escape(key)}\"", calls[1])
    assert re.search(rf"fsync\(\d+<{re.escape(str(tmp_path))}>\) += 0", calls[2])


def test_a_copy_keeps_the_bytes_and_the_modification_time(tmp_path: Path) -> None:
    source = save_text(tmp_path / "a.sqlite", "inhoud")
    os.utime(source, (1_700_000_000, 1_700_000_000))
    copy = save_copy(source, tmp_path / "kopie" / "a.sqlite")
    assert copy.read_bytes() == b"inhoud"
    assert copy.stat().st_mtime == 1_700_000_000


def test_no_module_writes_a_file_by_hand() -> None:
    offenders = [
        f"{path.relative_to(ROOT).as_posix()}:{number}"
        for path in sorted(ROOT.rglob("*.py"))
        if path.name != "savefile.py" and path.relative_to(ROOT).as_posix() not in NOT_YET_MOVED
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if HAND_WRITTEN.search(line)
    ]
    assert offenders == []
