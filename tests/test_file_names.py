"""The file names CoachDesk suggests: valid on Windows, macOS and Linux, in every script."""

from __future__ import annotations

from coachdesk.file_names import MAX_PART, name_part


def test_a_title_with_a_colon_or_a_slash_becomes_one_valid_name() -> None:
    assert name_part("Reflectie: groepje leiden bij de klant") == (
        "reflectie-groepje-leiden-bij-de-klant"
    )
    assert name_part("Stage (week 1/2)") == "stage-week-1-2"  # not a folder "Stage (week 1"
    assert name_part('Wat "ging" goed?*') == "wat-ging-goed"


def test_names_in_every_script_stay_readable() -> None:
    assert name_part("Zoë") == "zoë"
    assert name_part("Şükrü Öztürk") == "şükrü-öztürk"
    assert name_part("محمد") == "محمد"


def test_an_empty_or_endless_name_still_gives_a_short_name() -> None:
    assert name_part("  ***  ", "student") == "student"
    assert len(name_part("lang " * 100)) <= MAX_PART
