"""Make the fonts in resources/fonts from the upstream DejaVu and Noto files.

Why: reportlab asks HarfBuzz for ligatures (``liga``, ``dlig``) whenever it shapes a
paragraph with Arabic or Hebrew. Those would print a typed "محمد" as the decorated ligature
ﷴ (with vowels the student never typed) and "stage" as "ﬆage", and text copied out of the
PDF would differ from what was typed. So only the features a script needs to be written
correctly are kept. Hinting is dropped from the fallback fonts to keep them small.

Usage: .venv/bin/python scripts/subset_fonts.py DEJAVU_FOLDER NOTO_FOLDER NOTO_EMOJI_TTF
(DejaVu and Noto from Debian's fonts-dejavu-core and fonts-noto-core; Noto Emoji, the
monochrome one, from Google Fonts.) Needs fontTools (``pip install fonttools``); the app
itself does not.
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

TARGET = Path(__file__).resolve().parent.parent / "resources" / "fonts"
FEATURES = ["ccmp", "locl", "init", "medi", "fina", "isol", "rlig", "calt", "kern", "mark", "mkmk"]


def make(source: Path, name: str, *, hinting: bool = False) -> None:
    options = subset.Options()
    options.layout_features = FEATURES
    options.hinting = hinting
    options.name_IDs = ["*"]
    options.notdef_outline = True
    font = TTFont(source)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=font.getBestCmap().keys())
    subsetter.subset(font)
    font.save(TARGET / name)


def main() -> None:
    dejavu, noto, emoji = (Path(argument) for argument in sys.argv[1:4])
    for style in ("", "-Bold", "-Oblique", "-BoldOblique"):
        make(dejavu / f"DejaVuSans{style}.ttf", f"DejaVuSans{style}.ttf", hinting=True)
    for style in ("Regular", "Bold"):
        for script in ("Arabic", "Hebrew"):
            make(noto / f"NotoSans{script}-{style}.ttf", f"NotoSans{script}-{style}.ttf")
    make(emoji, "NotoEmoji-Regular.ttf")


if __name__ == "__main__":
    main()
