"""Prepare, hold and close a conversation, and decide what the screen may show during it.

Every step is one transaction. Agreements that are still open or partly done come back
in the next conversation's preparation without anyone copying them.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

from coachdesk.domain.agreements import Agreement, AgreementStatus
from coachdesk.domain.audience import Note
from coachdesk.domain.competences import Competence
from coachdesk.domain.consents import Consent, ConsentSubject, consent_giver
from coachdesk.domain.conversations import (
    Conversation,
    ConversationKind,
    ConversationState,
    Participant,
)
from coachdesk.domain.notes import NoteKind
from coachdesk.domain.people import COACH_ONLY, Person
from coachdesk.domain.records import utc_now
from coachdesk.errors import ValidationError
from coachdesk.i18n import _
from coachdesk.i18n.dates import long_date
from coachdesk.services.audit import audit_store
from coachdesk.services.closing import (
    PARTY_VIEWS,
    Closing,
    Owner,
    SharedText,
    closing_from_json,
    closing_notes,
    closing_to_json,
    needs_party_views,
    readers_of,
)
from coachdesk.services.preparation import Preparation, preparation_for, trainer_forms
from coachdesk.storage.repositories import Repositories


@dataclass(frozen=True)
class CalmView:
    """All the screen shows during a conversation: a first name, questions, keywords.

    ``keywords`` maps each question to what was typed while it was on screen.
    """

    first_name: str
    questions: list[str]
    keywords: dict[str, str]


class ConversationFlow:
    """The three steps of a conversation over one store."""

    def __init__(self, repos: Repositories) -> None:
        self._repos = repos

    def _conversation(self, conversation_id: str) -> Conversation:
        conversation = self._repos.conversations.get(conversation_id)
        if conversation is None:
            raise ValidationError(_("This conversation no longer exists."))
        return conversation

    def start(
        self,
        student_id: str,
        kind: ConversationKind,
        date: dt.date,
        participants: list[tuple[Person, str, str | None]],
        *,
        time: dt.time | None = None,
        place: str = "",
    ) -> Conversation:
        """Plan a conversation with its participants; it starts in the "prepared" state."""
        if not any(role is Person.STUDENT for role, _name, _contact in participants):
            raise ValidationError(_("The student takes part in every conversation."))
        if kind is ConversationKind.TRIALOGUE and not any(
            role is Person.WORKPLACE_TRAINER for role, _name, _contact in participants
        ):
            raise ValidationError(_("A trialogue needs the workplace trainer at the table."))
        conversation = Conversation(
            student_id=student_id, kind=kind, date=date, time=time, place=place.strip()
        )
        with self._repos.store.atomic():
            self._repos.conversations.add(conversation)
            self._repos.participants.add_many(
                Participant(
                    conversation_id=conversation.id, role=role, name=name, contact_id=contact_id
                )
                for role, name, contact_id in participants
            )
        return conversation

    def current(self, student_id: str, today: dt.date) -> Conversation | None:
        """Return the conversation F5 opens: one held but not closed, else the next planned.

        A planned conversation from the past that never took place counts too, after the
        ones still to come.
        """
        conversations = self._repos.conversations.for_student(student_id)
        held = [c for c in conversations if c.state is ConversationState.HELD]
        if held:
            return held[0]
        planned = [c for c in conversations if c.state is ConversationState.PREPARED]
        planned.sort(key=lambda c: (c.date < today, abs((c.date - today).days)))
        return planned[0] if planned else None

    def prep_card(self, conversation_id: str) -> Preparation:
        """Return the preparation for the printed card; logged, as it leaves the app."""
        preparation = self.prepare(conversation_id)
        audit_store(self._repos.store, "prep-card", conversation=conversation_id)
        return preparation

    def prepare(self, conversation_id: str) -> Preparation:
        """Return last time's agreements, open goals and what happened since then."""
        return preparation_for(self._repos, self._conversation(conversation_id))

    def mark_agreement(self, agreement_id: str, status: AgreementStatus, outcome: str) -> Agreement:
        """Record what became of an earlier agreement."""
        agreement = self._repos.agreements.get(agreement_id)
        if agreement is None:
            raise ValidationError(_("This agreement no longer exists."))
        return self._repos.agreements.update(
            dataclasses.replace(agreement, status=status, outcome=outcome.strip())
        )

    def choose(
        self, conversation_id: str, focus: list[Competence], questions: list[str]
    ) -> Conversation:
        """Store the focus competences and the questions picked for the conversation."""
        conversation = self._conversation(conversation_id)
        return self._repos.conversations.update(
            dataclasses.replace(conversation, focus_competences=focus, questions=questions)
        )

    def calm_view(self, conversation_id: str, today: dt.date) -> CalmView:
        """Return the only things the screen shows during the conversation.

        The student's first name and the chosen questions: no other student, no
        timeline, no private note. Entering it marks the conversation as held, on the day it
        is held (``today``): one planned for later and held early is dated when it happened.
        """
        conversation = self._conversation(conversation_id)
        student = self._repos.students.get(conversation.student_id)
        assert student is not None
        if conversation.state is ConversationState.PREPARED:
            conversation = self._repos.conversations.update(
                dataclasses.replace(conversation, state=ConversationState.HELD, date=today)
            )
        return CalmView(
            student.given_name or student.full_name,
            list(conversation.questions),
            {note.question: note.body for note in self._repos.notes.live_notes(conversation_id)},
        )

    def save_keywords(self, conversation_id: str, question: str, text: str) -> None:
        """Keep the keywords typed under one question (called every second or so)."""
        note = next(
            (n for n in self._repos.notes.live_notes(conversation_id) if n.question == question),
            None,
        )
        if note is None:
            conversation = self._conversation(conversation_id)
            self._repos.notes.add(
                Note(
                    student_id=conversation.student_id,
                    conversation_id=conversation_id,
                    body=text,
                    kind=NoteKind.LIVE,
                    audience=COACH_ONLY,
                    question=question,
                )
            )
        elif note.body != text:
            self._repos.notes.update(dataclasses.replace(note, body=text))

    def keywords(self, conversation_id: str) -> list[tuple[str, str]]:
        """Return what was typed during the talk, per question in the order they were asked."""
        order = self._conversation(conversation_id).questions
        typed = [n for n in self._repos.notes.live_notes(conversation_id) if n.body.strip()]
        typed.sort(key=lambda n: order.index(n.question) if n.question in order else len(order))
        return [(n.question, n.body.strip()) for n in typed]

    def owners(self, conversation_id: str) -> list[Owner]:
        """Return who can take on an agreement: everyone at the table, the student first.

        The student is named by their first name, as they read it; without a parent at the
        table, "the parents" can still take something on.
        """
        conversation = self._conversation(conversation_id)
        student = self._repos.students.get(conversation.student_id)
        assert student is not None
        owners = [Owner(Person.STUDENT, student.given_name or student.full_name)]
        for person in self._repos.participants.for_conversation(conversation_id):
            if person.role is not Person.STUDENT and person.name.strip():
                owners.append(Owner(person.role, person.name.strip()))
        if not any(owner.role is Person.PARENTS for owner in owners):
            owners.append(Owner(Person.PARENTS, Person.PARENTS.sentence_label))
        return owners

    def new_closing(self, conversation: Conversation) -> Closing:
        """Return the close's defaults: who reads what, and the next meeting's time and place.

        The student's words go to the parents, and in a trialogue also to the workplace
        trainer, who also reads each party's view; insights stay with the student. Every
        version still needs the consent that is asked for at the close. A view the
        praktijkopleider sent back on a form is where the company's view starts.
        """
        workplace = needs_party_views(conversation.kind)
        trainer = (Person.WORKPLACE_TRAINER,) if workplace else ()
        views = {kind: SharedText(readers=trainer) for kind in PARTY_VIEWS} if workplace else {}
        sent = [form.view for form in trainer_forms(self._repos, conversation)]
        if sent and sent[0]:
            # The praktijkopleider's own words from the form start the company's view.
            views[NoteKind.VIEW_COMPANY] = SharedText(sent[0], trainer)
        return Closing(
            summary=SharedText(readers=(Person.PARENTS, *trainer)),
            insights={c: SharedText() for c in conversation.focus_competences},
            views=views,
            next_time=conversation.time,
            next_place=conversation.place,
        )

    def closing(self, conversation_id: str) -> Closing:
        """Return the close as last typed: the saved draft, else what was stored, else defaults."""
        conversation = self._conversation(conversation_id)
        draft = self._repos.closing_drafts.get(conversation_id)
        if draft is not None:
            return closing_from_json(draft[0])
        if conversation.state is not ConversationState.CLOSED:
            return self.new_closing(conversation)
        notes = self._repos.notes.for_conversation(conversation_id)
        consents = self._repos.consents.for_conversation(conversation_id)
        granted = {c.recipient for c in consents if c.granted}
        written = [n for n in notes if n.kind is not NoteKind.LIVE]
        shared = [n for n in written if n.audience is not COACH_ONLY]
        # Before schema 8 any part could be marked private: it stays private, in the private note.
        private = [n.body for n in written if n.audience is COACH_ONLY]
        summary_note = next((n for n in shared if n.kind is NoteKind.GENERAL), None)
        defaults = self.new_closing(conversation)
        return Closing(
            summary=SharedText(conversation.summary, readers_of(summary_note))
            if summary_note
            else SharedText(readers=defaults.summary.readers),
            insights={
                **defaults.insights,
                **{
                    n.competence: SharedText(n.body, readers_of(n))
                    for n in shared
                    if n.kind is NoteKind.INSIGHT and n.competence is not None
                },
            },
            views={
                **defaults.views,
                **{
                    n.kind: SharedText(n.body, readers_of(n))
                    for n in shared
                    if n.kind in PARTY_VIEWS
                },
            },
            agreements=self._repos.agreements.for_conversation(conversation_id),
            goals=self._repos.goals.for_conversation(conversation_id),
            next_appointment=conversation.next_appointment,
            next_time=conversation.next_appointment_time,
            next_place=conversation.next_appointment_place,
            private_note="\n\n".join(dict.fromkeys(private)),
            share_with_parents=Person.PARENTS in granted,
            share_with_trainer=Person.WORKPLACE_TRAINER in granted,
            read_back=conversation.read_back_at is not None,
        )

    def save_draft(self, conversation_id: str, closing: Closing) -> None:
        """Keep the close as it is being typed, so a crash loses at most a few seconds."""
        self._repos.closing_drafts.save(conversation_id, closing_to_json(closing))

    def warnings(self, conversation_id: str, closing: Closing, today: dt.date) -> list[str]:
        """Return the dates that look wrong, in plain words, to confirm before closing."""
        conversation = self._conversation(conversation_id)
        found = [
            _("The date of “{agreement}” ({date}) has already passed.").format(
                agreement=a.description.strip(), date=long_date(a.due_date)
            )
            for a in closing.agreements
            if a.due_date is not None and a.due_date < today and a.status is AgreementStatus.OPEN
        ]
        upcoming = closing.next_appointment
        if upcoming is not None and upcoming <= conversation.date:
            found.append(
                _("The next appointment ({date}) is not after this conversation ({day}).").format(
                    date=long_date(upcoming), day=long_date(conversation.date)
                )
            )
        elif upcoming is not None and upcoming < today:
            found.append(
                _("The next appointment ({date}) has already passed.").format(
                    date=long_date(upcoming)
                )
            )
        return found

    def close(
        self, conversation_id: str, closing: Closing, today: dt.date | None = None
    ) -> Conversation:
        """Save the close in one transaction; a second close marks the edit after closing.

        One planned for later and closed now was held by now: it is dated ``today``.
        """
        conversation = self._conversation(conversation_id)
        student = self._repos.students.get(conversation.student_id)
        assert student is not None
        day = today or dt.date.today()
        already_closed = conversation.state is ConversationState.CLOSED
        repos = self._repos
        with repos.store.atomic():
            repos.notes.delete_closing_notes(conversation_id)
            for consent in repos.consents.for_conversation(conversation_id):
                repos.consents.delete(consent.id)
            kept = {a.id for a in closing.agreements}
            for old in repos.agreements.for_conversation(conversation_id):
                if old.id not in kept:
                    repos.agreements.delete(old.id)
            repos.agreements.save_many(
                dataclasses.replace(a, student_id=student.id, conversation_id=conversation_id)
                for a in closing.agreements
            )
            known = {g.id for g in repos.goals.for_student(student.id)}
            repos.goals.save_many(
                # An earlier goal keeps where it was set; a new one belongs to this conversation.
                g
                if g.id in known
                else dataclasses.replace(g, student_id=student.id, conversation_id=conversation_id)
                for g in closing.goals
            )
            repos.notes.add_many(closing_notes(student.id, conversation_id, closing))
            giver = consent_giver(student.age_on(day))
            repos.consents.add_many(
                Consent(
                    student_id=student.id,
                    subject=ConsentSubject.SUMMARY,
                    recipient=recipient,
                    granted=granted,
                    given_by=giver,
                    date=day,
                    conversation_id=conversation_id,
                    basis=_("Agreed at the end of the conversation"),
                )
                for recipient, granted in (
                    (Person.PARENTS, closing.share_with_parents),
                    (Person.WORKPLACE_TRAINER, closing.share_with_trainer),
                )
            )
            now = utc_now()
            closed = repos.conversations.update(
                dataclasses.replace(
                    conversation,
                    date=conversation.date if already_closed else min(conversation.date, day),
                    summary=closing.summary.text.strip(),
                    next_appointment=closing.next_appointment,
                    next_appointment_time=closing.next_time,
                    next_appointment_place=closing.next_place.strip(),
                    read_back_at=now if closing.read_back else conversation.read_back_at,
                    state=ConversationState.CLOSED,
                    closed_at=conversation.closed_at or now,
                    edited_after_close_at=now if already_closed else None,
                )
            )
            repos.closing_drafts.delete(conversation_id)
        audit_store(
            repos.store,
            "consent",
            subject="summary",
            conversation=conversation_id,
            parents=closing.share_with_parents,
            trainer=closing.share_with_trainer,
        )
        return closed
