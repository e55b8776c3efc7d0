"""A reflection on paper prints as the student typed it: Markdown read by a real parser."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from coachdesk.domain.reflections import Reflection, ReflectionAuthor
from coachdesk.export.reflection_pdf import markdown_flowables, write_reflection


def _printed(body: str, tmp_path: Path) -> str:
    reflection = Reflection(author=ReflectionAuthor.COACH, title="Mijn stage", body=body)
    target = write_reflection(reflection, "Zoë van der Meer", tmp_path / "reflectie.pdf")
    return "\n".join(page.extract_text() for page in PdfReader(target).pages)


def _markup(body: str) -> list[str]:
    return [getattr(flowable, "text", "") for flowable in markdown_flowables(body)]


@pytest.mark.parametrize(
    ("typed", "printed"),
    [
        # The editor escapes what would otherwise become a list or markup.
        ("1\\. punt", "1. punt"),
        ("\\<i>x\\</i> en 5 \\* 3", "<i>x</i> en 5 * 3"),
        ("Een <b>tag</b> blijft tekst & zo", "Een <b>tag</b> blijft tekst & zo"),
        ("\\# geen kop", "# geen kop"),
    ],
)
def test_escaped_characters_print_as_typed(typed: str, printed: str, tmp_path: Path) -> None:
    text = _printed(typed, tmp_path)
    assert printed in text
    assert "\\" not in text


def test_lists_keep_their_numbers_and_nesting(tmp_path: Path) -> None:
    text = _printed("3. derde\n4. vierde\n   - onder vier\n\n- los punt", tmp_path)
    for expected in ("3. derde", "4. vierde", "• onder vier", "• los punt"):
        assert expected in text


def test_emphasis_headings_links_and_code(tmp_path: Path) -> None:
    markup = _markup("## Situatie\n\nOp **vet**, *schuin* en `code`.\nZelfde alinea.")
    assert markup[0] == "<b>Situatie</b>"
    assert markup[1] == "Op <b>vet</b>, <i>schuin</i> en code. Zelfde alinea."
    link = _markup("[de site](https://www.s-bb.nl/)")[0]
    assert 'href="https://www.s-bb.nl/"' in link
    assert "de site" in link
    text = _printed(
        "> Een citaat van mijn begeleider.\n\n```\nregel een\nregel twee\n```", tmp_path
    )
    assert "Een citaat van mijn begeleider." in text
    assert "regel een\nregel twee" in text
