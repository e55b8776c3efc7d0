"""A report as plain blocks (title, heading, paragraph…): the PDF and the printout share them."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from coachdesk.domain.agreements import Goal, agreement_sentence
from coachdesk.domain.experiences import Experience
from coachdesk.domain.people import Person
from coachdesk.i18n import N_, _
from coachdesk.i18n.dates import long_date
from coachdesk.services.progress_report import ProgressReport
from coachdesk.services.summary_content import Summary

_INTRODUCTIONS = {
    # Parents and the workplace trainer read a report about someone else: a word of context,
    # formal ("u") and warm.
    Person.PARENTS: N_(
        "This report was written together with {name} and is meant for you as a parent or "
        "carer. If you have any questions, please contact {coach}."
    ),
    Person.WORKPLACE_TRAINER: N_(
        "Thank you for your time and for guiding {name}. This report was written together "
        "with {name}; if you have any questions, please contact {coach}."
    ),
}


def _coach(summary: Summary) -> str:
    """Return who to ask: the coach by name ("Mirjam de Haan, the coach") where known."""
    name = next((p.name for p in summary.participants if p.role is Person.COACH and p.name), "")
    return _("{name}, the coach").format(name=name) if name else Person.COACH.sentence_label


def _introduction(summary: Summary) -> str:
    """Return a word of context for parents and the praktijkopleider, and how to reach the coach.

    The contact line is a sentence of its own: it may hold brackets itself ("(ma t/m do)").
    """
    text = _(_INTRODUCTIONS[summary.reader]).format(
        name=summary.student.given_name, coach=_coach(summary)
    )
    if summary.coach_contact:
        text += " " + _("Contact details: {contact}.").format(contact=summary.coach_contact)
    return text


class Style(Enum):
    """How a block looks; each renderer maps these to its own styling."""

    SCHOOL = "school"
    TITLE = "title"
    SUBTITLE = "subtitle"
    SMALL = "small"
    HEADING = "heading"
    BODY = "body"
    BULLET = "bullet"


@dataclass(frozen=True)
class Block:
    """One paragraph of user or app text; ``label`` is shown bold before it (or above it)."""

    style: Style
    text: str
    label: str = ""
    label_above: bool = False


@dataclass(frozen=True)
class WritingLines:
    """Ruled lines for a handwritten comment."""

    count: int


@dataclass(frozen=True)
class SignatureLines:
    """One labelled signature line per signer."""

    labels: list[str] = field(default_factory=list)


Item = Block | WritingLines | SignatureLines


def summary_blocks(summary: Summary) -> list[Item]:
    """Return the report for one reader, in reading order."""
    student, conversation = summary.student, summary.conversation
    items: list[Item] = []
    if summary.school_name:
        items.append(Block(Style.SCHOOL, summary.school_name))
    facts = " · ".join(p for p in (student.full_name, student.group, student.programme) if p)
    items += [
        Block(Style.TITLE, summary.title),
        Block(Style.SUBTITLE, facts),
        Block(
            Style.SMALL,
            _("{date} · version {reader}").format(
                date=long_date(conversation.date), reader=summary.reader.report_label
            ),
        ),
    ]
    people = ", ".join(
        f"{p.name} ({p.role.label.lower()})" if p.name else p.role.label.lower()
        for p in summary.participants
    )
    if people:
        items.append(Block(Style.SMALL, _("Present: {people}").format(people=people)))
    if summary.reader in _INTRODUCTIONS:
        items.append(Block(Style.BODY, _introduction(summary)))
    if summary.summary:
        items += [
            Block(Style.HEADING, _("In the student's own words")),
            Block(Style.BODY, summary.summary),
        ]
    if summary.insights:
        items.append(Block(Style.HEADING, _("What the student found out")))
        items += [Block(Style.BODY, text, c.label) for c, text in summary.insights]
    if summary.views:
        items.append(Block(Style.HEADING, _("How we each see it")))
        items += [Block(Style.BODY, text, label) for label, text in summary.views]
    items.append(Block(Style.HEADING, _("Agreements")))
    items += [Block(Style.BULLET, sentence) for sentence in summary.agreements] or [
        Block(Style.BODY, _("No new agreements."))
    ]
    if summary.goals:
        items.append(Block(Style.HEADING, _("Goals")))
        items += [Block(Style.BULLET, _goal_line(g)) for g in summary.goals]
    if summary.next_appointment:
        items += [
            Block(Style.HEADING, _("Next appointment")),
            Block(Style.BODY, summary.next_appointment),
        ]
    comment = (
        _("Room for your own comment")
        if summary.reader is Person.STUDENT
        else _("Room for your own response")  # parents and trainer are addressed as "u"
    )
    items += [
        Block(Style.HEADING, comment),
        WritingLines(2),
        Block(Style.HEADING, _("Signatures")),
        SignatureLines([_signature_label(summary, role) for role in summary.signatures]),
    ]
    return items


def _signature_label(summary: Summary, role: str) -> str:
    """Return "Handtekening coach" with the signer's name below it, so a copy shows who signed."""
    names = [p.name for p in summary.participants if p.role.label == role]
    if not names and role == Person.STUDENT.label:
        names = [summary.student.full_name]
    label = _("Signature {role}").format(role=role.lower())
    return "\n".join([label, ", ".join(names)]) if names else label


def _goal_line(goal: Goal, *, with_status: bool = False) -> str:
    """Return "Ik spreek iemand … (werkexploratie)": the goal with the competence it serves."""
    about = [goal.competence.label.lower()] if goal.competence else []
    about += [goal.status.label.lower()] if with_status else []
    return f"{goal.description} ({', '.join(about)})" if about else goal.description


def progress_blocks(report: ProgressReport) -> list[Item]:
    """Return the progress overview: what happened, what was agreed and what came of it."""
    student = report.student
    facts = " · ".join(p for p in (student.full_name, student.group, student.programme) if p)
    items: list[Item] = []
    if report.school_name:
        items.append(Block(Style.SCHOOL, report.school_name))
    items += [
        Block(Style.TITLE, _("Progress overview")),
        Block(Style.SUBTITLE, facts),
        Block(
            Style.SMALL,
            _("From {start} to {end}").format(
                start=long_date(report.start), end=long_date(report.end)
            ),
        ),
        Block(Style.HEADING, _("Experiences")),
    ]
    items += [Block(Style.BULLET, _experience_line(e)) for e in report.experiences] or [
        Block(Style.BODY, _("No experiences in this period."))
    ]
    items.append(Block(Style.HEADING, _("Conversations")))
    items += [
        Block(
            Style.BODY,
            c.summary or c.state.label,
            f"{long_date(c.date)} · {c.kind.label}",
            label_above=True,
        )
        for c in report.conversations
    ] or [Block(Style.BODY, _("No conversations in this period."))]
    items.append(Block(Style.HEADING, _("Goals")))
    items += [Block(Style.BULLET, _goal_line(g, with_status=True)) for g in report.goals] or [
        Block(Style.BODY, _("No goals yet."))
    ]
    items.append(Block(Style.HEADING, _("Agreements and what came of them")))
    items += [
        Block(
            Style.BODY,
            " · ".join(p for p in (a.status.label, a.outcome) if p),
            agreement_sentence(a, report.student.given_name, report.end),
            label_above=True,
        )
        for a in report.agreements
    ] or [Block(Style.BODY, _("No agreements in this period."))]
    return items


def _experience_line(experience: Experience) -> str:
    """Return "14 september 2025 · Snuffelstage bij X" without repeating kind or company."""
    parts = [long_date(experience.start_date)]
    first_word = experience.kind.label.split(" ")[0].lower()
    if not experience.title.lower().startswith(first_word):
        parts.append(experience.kind.label)
    parts.append(experience.title)
    if experience.organisation and experience.organisation not in experience.title:
        parts.append(experience.organisation)
    return " · ".join(parts)


def summary_footer(summary: Summary) -> str:
    """Return the line under every page of a summary (and under its read-back on screen)."""
    return _("Confidential · {student} · {date} · version {reader}").format(
        student=summary.student.full_name,
        date=long_date(summary.conversation.date),
        reader=summary.reader.report_label,
    )
