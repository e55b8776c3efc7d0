"""The fillable scan form (AcroForm): the paper scan's layout, with fields any PDF reader fills.

A praktijkopleider or student opens it in any PDF reader, clicks one answer per statement,
types their words and sends it back; it prints as well for those who prefer a pen. The
fields' names are the only thing ``services/scan_form_fields.py`` relies on.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.colors import HexColor, white
from reportlab.lib.units import mm
from reportlab.pdfbase.acroform import PDFFromString
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from coachdesk.domain.competences import SCAN_SCALE, Competence
from coachdesk.domain.people import Person
from coachdesk.domain.scan_forms import (
    AGREED_FIELD,
    CHECK_FIELD,
    DATE_FIELD,
    FORM_ID_FIELD,
    NAME_FIELD,
    POINTS_FIELD,
    PROPOSALS_FIELD,
    RATER_FIELD,
    SCALE_STATES,
    STATEMENT_PREFIX,
    STORE_FIELD,
    VIEW_FIELD,
    form_code,
)
from coachdesk.export.markup import paragraph, paragraph_text
from coachdesk.export.pdf_styles import ACCENT, styles, write_pdf
from coachdesk.export.scan_pdf import scan_table
from coachdesk.i18n import _
from coachdesk.i18n.dates import long_date
from coachdesk.services.competence_scan import Statement
from coachdesk.services.scan_forms import FormContent

BORDER = HexColor("#8a8a8a")
FIELD_FILL = HexColor("#f4f8f8")
FIELD_FONT = "Helvetica"
"""PDF readers draw typed text in a standard font; the printed text stays in DejaVu Sans."""
_SYMBOL_FONT = "<< /BaseFont /ZapfDingbats /Name /ZaDb /Subtype /Type1 /Type /Font >>"
_STATE = {rating: state for state, rating in SCALE_STATES.items()}
_CHOICE_LOOK: dict[str, object] = {
    # Where and how a round answer or the akkoord tick is drawn: one look for both.
    "x": 0,
    "y": 0,
    "relative": True,
    "borderColor": BORDER,
    "fillColor": white,
    "textColor": ACCENT,
    "borderWidth": 0.8,
}


class _Radio(Flowable):  # type: ignore[misc]  # reportlab ships no type information
    """One answer of one statement: a round button in the group of that statement."""

    def __init__(
        self, statement: Statement, rating: int, tooltip: str, size: float = 5 * mm
    ) -> None:
        super().__init__()
        self.statement, self.rating, self.tooltip, self.size = statement, rating, tooltip, size
        self.width = self.height = size

    def draw(self) -> None:
        self.canv.acroForm.radio(
            name=STATEMENT_PREFIX + self.statement.id,
            value=_STATE[self.rating],
            tooltip=self.tooltip,
            size=self.size,
            buttonStyle="circle",
            shape="circle",
            **_CHOICE_LOOK,
            fieldFlags="noToggleToOff radio",
        )


class _TextBox(Flowable):  # type: ignore[misc]  # reportlab ships no type information
    """A box to type in; several lines when it is tall enough."""

    def __init__(self, name: str, tooltip: str, width: float, height: float) -> None:
        super().__init__()
        self.name, self.tooltip = name, tooltip
        self.width, self.height = width, height
        self.hAlign = "CENTER"  # in line with the tables above it

    def draw(self) -> None:
        multiline = self.height > 10 * mm
        self.canv.acroForm.textfield(
            name=self.name,
            tooltip=self.tooltip,
            x=0,
            y=0,
            width=self.width,
            height=self.height,
            relative=True,
            fieldFlags="multiline" if multiline else "",
            maxlen=4000 if multiline else 80,
            fontName=FIELD_FONT,
            fontSize=10,
            borderColor=BORDER,
            fillColor=FIELD_FILL,
            textColor=HexColor("#111111"),
            borderWidth=0.6,
        )


class _TickBox(Flowable):  # type: ignore[misc]  # reportlab ships no type information
    """The "akkoord" tick."""

    def __init__(self, name: str, tooltip: str, size: float = 5 * mm) -> None:
        super().__init__()
        self.name, self.tooltip = name, tooltip
        self.width = self.height = size

    def draw(self) -> None:
        self.canv.acroForm.checkbox(
            name=self.name,
            tooltip=self.tooltip,
            size=self.width,
            buttonStyle="check",
            **_CHOICE_LOOK,
            fieldFlags="",
        )


class _OwnFields(Flowable):  # type: ignore[misc]  # reportlab ships no type information
    """The form's id, store fingerprint, rater and check: read-only, never shown or printed."""

    def __init__(self, content: FormContent) -> None:
        super().__init__()
        self.content = content
        self.width = self.height = 0

    def draw(self) -> None:
        content = self.content
        acro = self.canv.acroForm
        # Readers that redraw the buttons themselves look for the symbol font among the form's
        # fonts; reportlab would list each font under a key of its own, so the list is written.
        text_font, text_name = acro.makeFont(FIELD_FONT)
        symbols = acro.getRefStr(PDFFromString(_SYMBOL_FONT))
        acro.extras["DR"] = PDFFromString(
            f"<< /Encoding << /RLAFencoding {acro.encRefStr} >> "
            f"/Font << /{text_name} {text_font} /ZaDb {symbols} >> >>"
        )
        for index, (name, value) in enumerate(
            (
                (FORM_ID_FIELD, content.form_id),
                (STORE_FIELD, content.fingerprint),
                (RATER_FIELD, content.rater.value),
                (CHECK_FIELD, content.check),
            )
        ):
            self.canv.acroForm.textfield(
                name=name,
                value=value,
                x=index,
                y=0,
                width=1,
                height=1,
                relative=True,
                fieldFlags="readOnly",
                annotationFlags="hidden",
                borderWidth=0,
                maxlen=None,
            )


def _question(text: str, name: str, height: float) -> list[Flowable]:
    css = styles()
    return [
        paragraph(paragraph_text(text), css["heading"]),
        _TextBox(name, text, 170 * mm, height),
    ]


def _intro(content: FormContent) -> str:
    if content.rater is Person.STUDENT:
        return _(
            "Fill this in on the computer (any PDF reader will do) or print it and use a pen. "
            "Choose one answer per statement; there are no wrong answers. Save the file and "
            "give it back to your coach."
        )
    return _(
        "Fill this in on the computer (any PDF reader will do: Adobe Acrobat Reader, Edge, "
        "Firefox, Preview) or print it and use a pen. Choose one answer per statement; there "
        "are no wrong answers, the differences are what we talk about. Save the file and send "
        "it back to the coach."
    )


def _signature(content: FormContent) -> Flowable:
    css = styles()
    name_label = (
        _("Name of the workplace trainer")
        if content.rater is Person.WORKPLACE_TRAINER
        else _("Name")
    )
    rows: list[list[object]] = [
        [
            paragraph(paragraph_text(name_label), css["small"]),
            paragraph(paragraph_text(_("Date (dd-mm-yyyy)")), css["small"]),
        ],
        [
            _TextBox(NAME_FIELD, name_label, 100 * mm, 8 * mm),
            _TextBox(DATE_FIELD, _("Date"), 40 * mm, 8 * mm),
        ],
    ]
    if content.rater is Person.WORKPLACE_TRAINER:
        agreed = _("Agreed: this is my view of {name}, to be talked about in the trialoog.").format(
            name=content.first_name
        )
        rows.append(
            [
                Table(
                    [
                        [
                            _TickBox(AGREED_FIELD, agreed),
                            paragraph(paragraph_text(agreed), css["body"]),
                        ]
                    ],
                    colWidths=[8 * mm, 140 * mm],
                    style=TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE")]),
                ),
                "",
            ]
        )
    table = Table(rows, colWidths=[110 * mm, 60 * mm])
    style: list[tuple[object, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
    ]
    if content.rater is Person.WORKPLACE_TRAINER:
        style += [("SPAN", (0, 2), (1, 2)), ("TOPPADDING", (0, 2), (-1, 2), 5 * mm)]
    table.setStyle(TableStyle(style))
    return table


def write_scan_form(content: FormContent, target: Path) -> Path:
    """Write the fillable form for a praktijkopleider or a student."""
    css = styles()
    trainer = content.rater is Person.WORKPLACE_TRAINER
    first = content.first_name
    title = (
        _("Competence scan and trialoog: your view of {name}").format(name=first)
        if trainer
        else _("Competence scan: how do you see yourself?")
    )
    facts = " · ".join(
        part
        for part in (content.full_name, content.programme, content.company if trainer else "")
        if part
    )
    story: list[Flowable] = [
        _OwnFields(content),
        paragraph(paragraph_text(title), css["title"]),
        paragraph(paragraph_text(f"{facts} · {long_date(content.moment)}"), css["subtitle"]),
        paragraph(paragraph_text(_intro(content)), css["small"]),
    ]
    for competence in Competence:
        story += scan_table(
            competence,
            lambda statement: [
                paragraph(paragraph_text(statement.text(content.rater)), css["body"]),
                *(_Radio(statement, r, statement.text(content.rater)) for r in SCAN_SCALE),
            ],
        )
    if trainer:
        story += [
            *_question(_("How do you see {name}?").format(name=first), VIEW_FIELD, 34 * mm),
            *_question(
                _("What would you like to talk about in the conversation?"), POINTS_FIELD, 28 * mm
            ),
            *_question(_("Proposals for agreements"), PROPOSALS_FIELD, 28 * mm),
        ]
    # The name and date go along with the last question (or competence): never alone on a page.
    story[-2:] = [KeepTogether([*story[-2:], Spacer(1, 6 * mm), _signature(content)])]
    name = _("Competence scan")
    footer = _("Confidential · {title} · CoachDesk form {code}").format(
        title=f"{name} · {content.full_name}", code=form_code(content.form_id)
    )
    return write_pdf(target, story, name, footer)
