"""One word and one table of labels for every person around a student."""

from __future__ import annotations

import dataclasses

import pytest

from coachdesk.domain.agreements import Agreement
from coachdesk.domain.conversations import Participant
from coachdesk.domain.people import (
    CONTACTS,
    LABELS,
    PARTICIPANTS,
    SHARED_READERS,
    SUMMARY_READERS,
    Person,
)
from coachdesk.domain.students import Contact
from coachdesk.i18n import LANGUAGES, set_language
from tests.test_translations import _dutch_catalogue


def _labels(person: Person) -> list[str]:
    return [
        person.label,
        person.contact_label,
        person.report_label,
        person.sentence_label,
    ]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_person_has_a_label_in_every_place_in_both_languages(language: str) -> None:
    set_language(language)
    for person in Person:
        assert all(text.strip() for text in _labels(person)), person
    assert set(LABELS) == set(Person)


def test_every_label_of_a_person_has_a_dutch_translation() -> None:
    catalogue = _dutch_catalogue()
    for words in LABELS.values():
        for message in dataclasses.astuple(words):
            assert getattr(catalogue.get(message), "string", ""), message


def test_the_dutch_labels_are_the_ones_the_app_always_showed() -> None:
    assert _labels(Person.PARENTS) == [
        "Ouder",
        "Ouder/verzorger",
        "voor de ouders",
        "de ouders",
    ]
    assert Person.WORKPLACE_TRAINER.report_label == "voor de praktijkopleider"
    set_language("en")
    assert _labels(Person.PARENTS) == [
        "Parent",
        "Parent or guardian",
        "for the parents",
        "the parents",
    ]


def test_each_subset_offers_its_people_in_the_order_the_app_always_did() -> None:
    assert [p.value for p in PARTICIPANTS] == ["student", "coach", "praktijkopleider", "ouders"]
    assert [p.value for p in CONTACTS] == ["ouders", "praktijkopleider", "anders"]
    assert [p.value for p in SUMMARY_READERS] == ["student", "ouders", "praktijkopleider"]
    assert set(SHARED_READERS) < set(SUMMARY_READERS)


def test_a_record_refuses_a_person_who_cannot_have_that_place() -> None:
    with pytest.raises(ValueError, match="contact"):
        Contact(student_id="s", role=Person.COACH, name="Mirjam")
    with pytest.raises(ValueError, match="conversation"):
        Participant(conversation_id="c", role=Person.OTHER, name="Buurman")
    with pytest.raises(ValueError, match="agreement"):
        Agreement(student_id="s", description="Bellen", owner=Person.OTHER)
    for person in CONTACTS:
        assert Contact(student_id="s", role=person, name="Iemand").role is person
    for person in PARTICIPANTS:
        assert Participant(conversation_id="c", role=person, name="Iemand").role is person
