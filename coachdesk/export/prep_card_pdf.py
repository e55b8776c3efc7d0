"""The one-page voorbereidingskaart: so the laptop can stay closed during the conversation."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.colors import HexColor
from reportlab.platypus import Flowable, HRFlowable, KeepTogether, ListFlowable, Spacer

from coachdesk.domain.agreements import agreement_sentence
from coachdesk.domain.questions import Phase
from coachdesk.export.markup import paragraph, paragraph_text
from coachdesk.export.pdf_styles import styles, write_pdf
from coachdesk.i18n import _
from coachdesk.i18n.dates import long_date
from coachdesk.services.preparation import Preparation

MAX_AGREEMENTS = 8
MAX_QUESTIONS = 8
NOTE_LINES = 9


def _bullets(items: list[str]) -> ListFlowable:
    style = styles()["body"]
    return ListFlowable(
        [paragraph(item, style) for item in items],
        bulletType="bullet",
        start="•",
        leftIndent=12,
        bulletFontName=style.fontName,
    )


def prep_card_story(preparation: Preparation) -> list[Flowable]:
    """Return the card's content: agenda, last agreements, focus, questions, room for notes."""
    css = styles()
    conversation, student = preparation.conversation, preparation.student
    people = ", ".join(f"{p.name} ({p.role.label.lower()})" for p in preparation.participants)
    story: list[Flowable] = [
        paragraph(
            paragraph_text(_("Preparation: {kind}").format(kind=conversation.kind.label)),
            css["title"],
        ),
        paragraph(
            paragraph_text(
                f"{student.full_name} · {student.group} · {long_date(conversation.date)}"
            ),
            css["subtitle"],
        ),
    ]
    if people:
        story.append(
            paragraph(paragraph_text(_("With: {people}").format(people=people)), css["small"])
        )
    story.append(paragraph(_("Agenda"), css["heading"]))
    story.append(_bullets([paragraph_text(phase.label) for phase in Phase]))
    story.append(paragraph(_("Agreements from last time"), css["heading"]))
    agreements = preparation.earlier_agreements[:MAX_AGREEMENTS]
    if agreements:
        story.append(
            _bullets(
                [
                    paragraph_text(
                        agreement_sentence(
                            a, preparation.student.given_name, preparation.conversation.date
                        )
                        + f" · {a.status.label}"
                    )
                    for a in agreements
                ]
            )
        )
    else:
        story.append(paragraph(_("No agreements from last time."), css["body"]))
    if conversation.focus_competences:
        story.append(paragraph(_("Focus"), css["heading"]))
        story.append(
            paragraph(
                paragraph_text(", ".join(c.label for c in conversation.focus_competences)),
                css["body"],
            )
        )
    story.append(paragraph(_("Questions"), css["heading"]))
    questions = conversation.questions[:MAX_QUESTIONS]
    if questions:
        story.append(
            ListFlowable(
                [paragraph(paragraph_text(q), css["body"]) for q in questions],
                bulletType="1",
                bulletFormat="%s.",
                leftIndent=14,
                bulletFontName=css["body"].fontName,
            )
        )
    else:
        story.append(paragraph(_("No questions chosen yet."), css["body"]))
    lines: list[Flowable] = [paragraph(_("Notes"), css["heading"])]
    for _line in range(NOTE_LINES):
        lines += [Spacer(1, 16), HRFlowable(width="100%", thickness=0.5, color=HexColor("#999999"))]
    story.append(KeepTogether(lines))
    return story


def write_prep_card(preparation: Preparation, target: Path) -> Path:
    """Write the prep card as a PDF at ``target`` (atomically)."""
    title = _("Preparation: {kind}").format(kind=preparation.conversation.kind.label)
    footer = _("Confidential · {title}").format(title=preparation.student.full_name)
    return write_pdf(target, prep_card_story(preparation), title, footer)
