"""Reading CSV exports from Dutch school systems, whatever Excel or the system did to them.

Handles UTF-8 with or without BOM, UTF-16 (with or without BOM) and Windows-1252, and the
delimiters ``;``, ``,`` and tab. Lines that are not text (binary bytes, control characters)
are kept and marked as garbled, so the validator can report them by line number.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path

from coachdesk.errors import ValidationError
from coachdesk.i18n import _

MAX_FILE_BYTES = 20 * 1024 * 1024
DELIMITERS = (";", ",", "\t")
_GARBLED = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffd\udc80-\udcff]")
_BINARY_NUL_SHARE = 0.01


@dataclass(frozen=True)
class CsvRow:
    """One data row, with the physical line it starts on (the header is line 1)."""

    line: int
    cells: list[str]
    garbled: bool = False


@dataclass(frozen=True)
class CsvTable:
    """A decoded CSV file: how it was read, its header and its rows."""

    encoding: str
    delimiter: str
    header: list[str]
    rows: list[CsvRow]


def _utf16_without_bom(data: bytes) -> str | None:
    sample = data[:400]
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = max(len(sample) // 2, 1)
    if odd_nuls / half > 0.3 and even_nuls / half < 0.05:
        return "utf-16-le"
    if even_nuls / half > 0.3 and odd_nuls / half < 0.05:
        return "utf-16-be"
    return None


def _guess_8bit(data: bytes) -> str:
    """UTF-8 if any non-ASCII line is valid UTF-8, else Windows-1252 (Excel's "CSV" on Windows)."""
    failed = valid_non_ascii = 0
    for line in data.splitlines():
        if line.isascii():
            continue
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            failed += 1
        else:
            valid_non_ascii += 1
    return "utf-8" if valid_non_ascii or not failed else "cp1252"


def decode(data: bytes) -> tuple[str, str]:
    """Return the text and a readable name of the encoding it was read with."""
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="surrogateescape"), "UTF-8 (BOM)"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace"), "UTF-16"
    utf16 = _utf16_without_bom(data)
    if utf16:
        return data.decode(utf16, errors="replace"), "UTF-16"
    if data.count(0) > max(len(data) * _BINARY_NUL_SHARE, 8):
        raise ValidationError(_("This file is not a text (CSV) file. Nothing was imported."))
    encoding = _guess_8bit(data)
    label = "UTF-8" if encoding == "utf-8" else "Windows-1252"
    return data.decode(encoding, errors="surrogateescape"), label


def sniff_delimiter(header_line: str) -> str:
    """Pick the delimiter that splits the header line most often (``;`` wins ties)."""
    counts = {delimiter: header_line.count(delimiter) for delimiter in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ";"


def parse(data: bytes) -> CsvTable:
    """Decode and split a CSV file; refuse files that are empty or not text."""
    if not data.strip():
        raise ValidationError(_("The file is empty. Nothing was imported."))
    text, encoding = decode(data)
    lines = text.splitlines(keepends=True)
    garbled_lines = {number for number, line in enumerate(lines, 1) if _GARBLED.search(line)}
    filled = [number for number, line in enumerate(lines, 1) if line.strip()]
    if filled and (filled[0] in garbled_lines or len(garbled_lines) * 2 > len(filled)):
        raise ValidationError(_("This file is not a text (CSV) file. Nothing was imported."))
    header_line = lines[filled[0] - 1] if filled else ""
    delimiter = sniff_delimiter(header_line)
    clean = io.StringIO(_GARBLED.sub("\ufffd", text), newline="")
    reader = csv.reader(clean, delimiter=delimiter)
    header: list[str] | None = None
    rows: list[CsvRow] = []
    last_line = 0
    for cells in reader:
        first_line, last_line = last_line + 1, reader.line_num
        if not any(cell.strip() for cell in cells):
            continue
        if header is None:
            header = [cell.strip() for cell in cells]
            continue
        garbled = any(n in garbled_lines for n in range(first_line, last_line + 1))
        rows.append(CsvRow(line=first_line, cells=[c.strip() for c in cells], garbled=garbled))
    if header is None or not rows:
        raise ValidationError(
            _("The file has no students, only a header line. Nothing was imported.")
        )
    return CsvTable(encoding=encoding, delimiter=delimiter, header=header, rows=rows)


def read_table(path: Path) -> CsvTable:
    """Read a CSV file from disk with the checks of ``parse``."""
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise ValidationError(
                _("The file is larger than {size} MB; that is not a class list.").format(
                    size=MAX_FILE_BYTES // (1024 * 1024)
                )
            )
        data = path.read_bytes()
    except OSError as error:
        raise ValidationError(
            _("The file {path} cannot be read: {reason}").format(path=path, reason=error.strerror)
        ) from error
    return parse(data)
