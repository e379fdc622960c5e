"""From a parsed document to typed records: relationships, meetings, claims.

Pure function of its inputs (spaCy Doc, the document, the linker's mentions,
the time expressions, the gazetteer): the same input gives the same records.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import timedelta

from spacy.tokens import Doc, Span, Token

from accords import __version__
from accords.nlp.actors import ActorContext, ActorDirectory, quotation_spans
from accords.nlp.claims import ClaimFinding, claim_about, claim_type, find_claims
from accords.nlp.doctext import doc_text, release, tokens_of
from accords.nlp.hostility import find_hostility
from accords.nlp.meetings import MeetingFinding, find_meetings, travel_purpose
from accords.nlp.relations import RelationFinding, find_relations
from accords.nlp.syntax import governing_verb, in_aside, lemma
from accords.nlp.timex import governing_timex, span_for_date, span_for_value
from accords.records import (
    ActorKind,
    Claim,
    ClaimType,
    Document,
    Entity,
    Evidence,
    Extraction,
    Meeting,
    MeetingStatus,
    MeetingType,
    Mention,
    Modality,
    Relationship,
    Sentence,
    TimeSpan,
    Timex,
)

EXTRACTOR_VERSION = f"accords-{__version__}"
ONE_DAY = timedelta(days=1)
#: Time anaphora: the period after the one the previous sentence named.
_FOLLOWING = re.compile(
    r"\b(?:in|over|during) the (?:following|next|subsequent) (?:days|weeks|months)\b"
    r"|\bin the (?:weeks|months) that followed\b",
    re.I,
)
#: Meeting types from the most to the least specific (merging keeps the first); a visit
#: "for talks" is the talks.
_SPECIFICITY = [
    MeetingType.PHONE_CALL,
    MeetingType.SUMMIT,
    MeetingType.TALKS,
    MeetingType.VISIT,
    MeetingType.MEETING,
]
_OPENING_MARKS = ("\u201c", '"')
_TIME_TYPES = ("DATE", "TIME", "DURATION")
#: Dependencies through which a clause shares the time of the clause it hangs on.
_TIME_SCOPES = frozenset({"xcomp", "conj", "advcl", "pcomp", "prep", "pobj", "acomp", "ccomp"})
_DISPUTING = ("those claims", "these claims", "the claims", "that claim", "this claim")


def sentences_of(doc: Doc) -> list[tuple[Span, Sentence]]:
    """Sentences with offsets trimmed of surrounding white space."""
    out: list[tuple[Span, Sentence]] = []
    for sent in doc.sents:
        text = sent.text
        stripped = text.strip()
        if not stripped:
            continue
        start = sent.start_char + (len(text) - len(text.lstrip()))
        out.append((sent, Sentence(len(out), start, start + len(stripped), stripped)))
    return out


#: Verbs that bring a relationship into being ("established diplomatic relations").
_BEGINNING = frozenset(
    {
        "establish",
        "form",
        "forge",
        "found",
        "create",
        "launch",
        "sign",
        "conclude",
        "seal",
        "ink",
        "begin",
        "start",
        "initiate",
        "inaugurate",
        "restore",
        "resume",
        "reestablish",
        "re-establish",
        "normalise",
        "normalize",
    }
)


def _begun(trigger: Token) -> bool:
    """The trigger is begun by its verb: the verb itself, or its object ("signed a pact")."""
    if lemma(trigger) in _BEGINNING:
        return True
    return trigger.dep_ == "dobj" and lemma(trigger.head) in _BEGINNING


def _out_of_scope(timex: Timex, root: Token | None, trigger: Token, meeting: bool) -> bool:
    """A time expression (with the root token of its words) that cannot date the fact of
    this trigger (see ``_timex``)."""
    if root is None:
        return False
    node = root
    for _ in range(12):  # a relative clause around the expression that leaves the trigger out
        if node.dep_ == "relcl" and not (node.left_edge.i <= trigger.i <= node.right_edge.i):
            return True
        if node.head.i == node.i:
            break
        node = node.head
    modifier = root.dep_ in ("compound", "nummod", "amod", "nmod", "poss")
    other_noun = root.head.pos_ in ("NOUN", "PROPN") and root.head.i != trigger.i
    return meeting and timex.anchor == "at" and modifier and other_noun


class _Extractor:
    def __init__(
        self,
        document: Document,
        mentions: Sequence[Mention],
        timexes: Sequence[Timex],
        directory: ActorDirectory,
    ) -> None:
        self.document = document
        self.timexes = timexes
        self.actors = ActorContext(mentions, directory, document.published)
        self.doc_span = (
            span_for_date(document.published, document.published_precision)
            if document.published and document.published_precision
            else None
        )
        self.relationships: list[Relationship] = []
        self.meetings: list[Meeting] = []
        self.dated_by_text: set[int] = set()  # indices of meetings whose date the text states
        self.claims: list[Claim] = []
        self.quoted_speaker: tuple[int, Entity] | None = None  # who was quoted, in which sentence
        self.reported_speaker: tuple[int, Entity] | None = None  # the latest claimant
        self.quoted_at: dict[str, int] = {}  # speaker key -> last sentence quoting them directly
        self.previous_time: TimeSpan | None = None  # the time the previous sentence spoke of
        self.anaphoric_time: TimeSpan | None = None  # "in the following months" -> that time
        self.sentence_timexes: dict[int, list[tuple[Timex, Token | None]]] = {}

    # --- time ----------------------------------------------------------------------

    def _timexes_of(self, sentence: Sentence, doc: Doc) -> list[tuple[Timex, Token | None]]:
        """The sentence's time expressions with their root tokens (computed once)."""
        found = self.sentence_timexes.get(sentence.start)
        if found is None:
            found = []
            for t in self.timexes:
                if sentence.start <= t.start < sentence.end:
                    span = doc.char_span(t.start, t.end, alignment_mode="expand")
                    found.append((t, span.root if span is not None else None))
            self.sentence_timexes[sentence.start] = found
        return found

    def _timex(self, sentence: Sentence, trigger: Token, meeting: bool = False) -> Timex | None:
        """The time expression in the clause of the trigger's verb, else in the clauses it
        depends on ("Last year, X left … and allowed troops to invade …, with the aim of
        repelling Y": last year), never across a relative clause.

        Left out: an expression inside a relative clause the trigger is not in ("Kadhimi, who
        visited Riyadh last week, has been hosting talks"), and for a meeting one that only
        dates another noun ("talks on reviving the 2015 nuclear deal").
        """
        inside = self._timexes_of(sentence, trigger.doc)
        if not inside:
            return None
        usable = [t for t, root in inside if not _out_of_scope(t, root, trigger, meeting)]
        verb = governing_verb(trigger)
        for _ in range(8):
            start, end = verb.left_edge.idx, verb.right_edge.idx + len(verb.right_edge.text)
            start, end = max(start, sentence.start), min(end, sentence.end)
            found = governing_timex(usable, start, end, trigger.idx)
            if found is not None and found.span is not None and found.type in _TIME_TYPES:
                return found
            if verb.dep_ not in _TIME_SCOPES or verb.head.i == verb.i:
                return None
            verb = governing_verb(verb.head)
        return None

    def _evidence(
        self, sentence: Sentence, modality: Modality, trigger: Token, relation: bool = False
    ) -> Evidence:
        timex = self._timex(sentence, trigger)
        observed: TimeSpan | None = self.doc_span
        valid_from = valid_until = None
        if timex is None and self.anaphoric_time is not None:
            observed = self.anaphoric_time
        if timex is not None and timex.span is not None:
            if timex.anchor == "since":
                valid_from = timex.span
            elif timex.anchor in ("until", "by"):
                valid_until = timex.span
            elif timex.anchor == "range":
                valid_from, valid_until = timex.span, timex.end_span
            else:
                observed = timex.span
                if (
                    relation
                    and modality in (Modality.ASSERTED, Modality.AGREED)
                    and _begun(trigger)
                ):
                    valid_from = timex.span  # "formed an alliance in 2023": it starts then
        if modality is Modality.ENDED and valid_from is not None and valid_until is None:
            # "since a 2016 reconciliation deal": the ended relation ended then
            valid_from, valid_until = None, valid_from
        if modality is Modality.ENDED and valid_until is None:
            valid_until = observed
        return Evidence(
            sentence=sentence,
            modality=modality,
            observed=observed,
            valid_from=valid_from,
            valid_until=valid_until,
            trigger=trigger.text,
        )

    # --- per sentence --------------------------------------------------------------

    def _sentence_time(self, sentence: Sentence) -> None:
        """Remember the period this sentence speaks of; resolve "in the following months"."""
        self.anaphoric_time = None
        if self.previous_time is not None and _FOLLOWING.search(sentence.text):
            # the year the previous sentence spoke of: never more precise than the text allows
            year = self.previous_time.earliest.year
            self.anaphoric_time = span_for_value(str(year))
        own = governing_timex(self.timexes, sentence.start, sentence.end)
        if own is not None and own.span is not None and own.type in ("DATE", "TIME"):
            self.previous_time = own.span
        elif self.anaphoric_time is not None:
            self.previous_time = self.anaphoric_time
        else:
            self.previous_time = None

    def sentence(self, sent: Span, sentence: Sentence) -> None:
        self._sentence_time(sentence)
        self.actors.index(sent)
        named_states = self.actors.states_of(
            e for t in tokens_of(sent) if (e := self.actors.entity_at(t)) is not None
        )
        claims = (
            find_claims(sent, self.actors)
            or self._continued_quote(sent)
            or self._signed_quote(sent)
        )
        self.actors.note_voices((c.content_start, c.content_end, c.claimant) for c in claims)
        # a question asks, it does not report ("Are Russia and Iran expanding ties?")
        question = sentence.text.endswith("?")
        relations = [] if question else find_relations(sent, self.actors)
        relations += [] if question else find_hostility(sent, self.actors)
        for finding in relations:
            self._relationship(finding, sentence, claims)
        meetings = [] if question else find_meetings(sent, self.actors)
        denied = [c for c in claims if c.type is ClaimType.DENIAL]
        meetings = [  # "The Kremlin denied that a meeting ... was being prepared"
            m
            for m in meetings
            if not any(c.content_start <= m.trigger.idx < c.content_end for c in denied)
        ]
        resolved = [m for f in meetings if (m := self._resolved(f)) is not None]
        for meeting in _one_per_meeting(resolved):
            self._meeting(meeting, sentence)
        for claim in claims:
            self._claim(claim, sentence)
        self.actors.note_people(sent)
        if 2 <= len(named_states) <= 4:
            self.actors.remember(named_states)

    def _relationship(
        self, finding: RelationFinding, sentence: Sentence, claims: list[ClaimFinding]
    ) -> None:
        modality = finding.modality
        # a relationship inside an accusation's content is alleged, not asserted; a relative
        # clause after a comma is the writer's, not the accuser's
        claims = [] if in_aside(finding.trigger) else claims
        inside = [
            c
            for c in claims
            if c.content_start <= finding.trigger.idx < c.content_end
            and c.type in (ClaimType.ACCUSATION, ClaimType.DENIAL)
        ]
        members = {m.key for m in finding.members}
        if any(
            c.type is ClaimType.WARNING
            and c.content_start <= finding.trigger.idx < c.content_end
            and self._third_party(c, members)
            for c in claims
        ):
            return  # what a third party warns of is its claim, not a relationship
        if inside and modality is Modality.ASSERTED:
            modality = Modality.DENIED if inside[0].type is ClaimType.DENIAL else Modality.RUMOURED
        evidence = self._evidence(sentence, modality, finding.trigger, relation=True)
        self.relationships.append(
            Relationship(
                type=finding.type,
                members=finding.members,
                evidence=evidence,
                source=finding.source,
                target=finding.target,
            )
        )
        self.actors.remember(finding.members)

    def _third_party(self, claim: ClaimFinding, members: set[str]) -> bool:
        """Whether the claimant is none of the members (nor speaks for one of them)."""
        state = self.actors.state_of(claim.claimant)
        keys = {claim.claimant.key} | ({state.key} if state is not None else set())
        return not keys & members

    def _resolved(self, finding: MeetingFinding) -> MeetingFinding | None:
        """ "The meeting was held in Moscow": the meeting reported before, or None."""
        if not finding.refers_back:
            return finding
        if not self.meetings or self.meetings[-1].status is not finding.status:
            return None
        previous = self.meetings[-1]
        return replace(
            finding,
            participants=previous.participants,
            type=previous.type,
            place=finding.place or previous.place,
            place_name=finding.place_name or previous.place_name,
        )

    def _meeting(self, finding: MeetingFinding, sentence: Sentence) -> None:
        states = [p for p in finding.participants if p.kind is ActorKind.STATE]
        if finding.type is MeetingType.SUMMIT and len(states) == 1:
            # "Putin during a summit in Tehran": a summit of the states the text is about
            circle = self.actors.group_with(states[0])
            finding = replace(
                finding, participants=tuple(dict.fromkeys([*finding.participants, *circle]))
            )
        timex = self._timex(sentence, finding.trigger, meeting=True)
        date = timex.span if timex is not None else None
        if date is None and finding.refers_back and self.meetings:
            # "The meeting was held in Athens": the date of the meeting it refers to
            date = self.meetings[-1].date
            if len(self.meetings) - 1 in self.dated_by_text:
                self.dated_by_text.add(len(self.meetings))
        elif date is not None:
            self.dated_by_text.add(len(self.meetings))
        published = self.document.published
        if (
            finding.status is MeetingStatus.HELD
            and timex is not None
            and date is not None
            and published is not None
            and date.earliest > published
        ):
            # "could take place later this year", "meets on Friday" (after the publication
            # day): not held yet
            finding = replace(finding, status=MeetingStatus.PLANNED)
        if date is None and finding.status is MeetingStatus.HELD:
            date = self.doc_span
        modality = {
            MeetingStatus.HELD: Modality.ASSERTED,
            MeetingStatus.PLANNED: Modality.PLANNED,
            MeetingStatus.PROPOSED: Modality.PROPOSED,
            MeetingStatus.CANCELLED: Modality.ENDED,
        }[finding.status]
        evidence = self._evidence(sentence, modality, finding.trigger)
        self.meetings.append(
            Meeting(
                type=finding.type,
                participants=finding.participants,
                status=finding.status,
                evidence=evidence,
                date=date,
                place=finding.place,
                place_name=finding.place_name,
                topic=finding.topic,
            )
        )
        states = [p for p in finding.participants if p.kind is ActorKind.STATE]
        people = [p for p in finding.participants if p.kind is ActorKind.PERSON]
        self.actors.remember(states)
        self.actors.remember(people)

    def _continued_quote(self, sent: Span) -> list[ClaimFinding]:
        """A sentence that is all quotation, right after a claim: the same speaker goes on."""
        previous = self.quoted_speaker
        if previous is None or previous[0] != self.actors.sentence_no - 1:
            previous = self._running_voice()
        if previous is None:
            return []
        text = sent.text.strip()
        if not text.startswith(("\u201c", '"')):
            return []
        quotes = quotation_spans(sent)
        if (
            not quotes
            or quotes[0][0] != sent.start_char + (len(sent.text) - len(sent.text.lstrip())) + 1
        ):
            return []
        start, end = quotes[0]
        if end < sent.end_char - 3 or len(doc_text(sent.doc)[start:end].split()) < 3:
            return []  # a quotation followed by its own frame is found by find_claims
        cue = sent[0]
        content = doc_text(sent.doc)[start:end]
        return [
            ClaimFinding(
                type=claim_type(cue, content),
                claimant=previous[1],
                content=content,
                content_start=start,
                content_end=end,
                about=claim_about(start, end, sent, self.actors, previous[1]),
                cue=cue,
            )
        ]

    def _running_voice(self) -> tuple[int, Entity] | None:
        """ "“…,” X said. He added that … . “We have …”": a speaker quoted directly a few
        sentences before, then reported in the previous sentence, goes on speaking.

        A quotation after indirect speech alone is not given to its speaker.
        """
        reported = self.reported_speaker
        if reported is None or reported[0] != self.actors.sentence_no - 1:
            return None
        quoted = self.quoted_at.get(reported[1].key)
        if quoted is None or not 0 < reported[0] - quoted <= 3:
            return None
        return reported

    def _signed_quote(self, sent: Span) -> list[ClaimFinding]:
        """ "“I suggest enhancing our coordination …,” Putin during a summit in Tehran.": a
        quotation signed by a named speaker right after it, with no reporting verb."""
        text = sent.text.strip()
        if not text.startswith(_OPENING_MARKS):
            return []
        quotes = quotation_spans(sent)
        if not quotes or len(doc_text(sent.doc)[quotes[0][0] : quotes[0][1]].split()) < 3:
            return []
        start, end = quotes[0]
        after = [t for t in sent if t.idx > end and not t.is_punct]
        if not after:
            return []
        speaker = self.actors.entity_at(after[0])
        if speaker is None or speaker.kind not in (ActorKind.PERSON, ActorKind.STATE):
            return []
        content = doc_text(sent.doc)[start:end]
        return [
            ClaimFinding(
                type=claim_type(after[0], content),
                claimant=speaker,
                content=content,
                content_start=start,
                content_end=end,
                about=claim_about(start, end, sent, self.actors, speaker),
                cue=after[0],
            )
        ]

    def _claim(self, finding: ClaimFinding, sentence: Sentence) -> None:
        self.actors.note_speaker(finding.claimant)
        if self.document.text[finding.content_start - 1 : finding.content_start] in _OPENING_MARKS:
            self.quoted_speaker = (self.actors.sentence_no, finding.claimant)
            self.quoted_at[finding.claimant.key] = self.actors.sentence_no
        self.reported_speaker = (self.actors.sentence_no, finding.claimant)
        timex = self._timex(sentence, finding.cue)
        cue = finding.cue
        if timex is None and cue.dep_ in ("advcl", "conj") and cue.tag_ == "VBG":
            # "defended the deal on Monday, saying ...": said when the main verb happened
            timex = self._timex(sentence, cue.head)
        stated = timex.span if timex is not None else None
        modality = Modality.DENIED if finding.type is ClaimType.DENIAL else Modality.ASSERTED
        evidence = self._evidence(sentence, modality, finding.cue)
        self.claims.append(
            Claim(
                type=finding.type,
                claimant=finding.claimant,
                content=finding.content,
                content_start=finding.content_start,
                content_end=finding.content_end,
                evidence=evidence,
                about=finding.about,
                stated=stated,
                disputes=self._disputed(finding),
            )
        )

    def _disputed(self, finding: ClaimFinding) -> int | None:
        """The earlier claim a denial (or "those claims are propaganda") disputes."""
        text = finding.content.lower()
        about = {e.key for e in finding.about}
        for index in range(len(self.claims) - 1, -1, -1):
            earlier = self.claims[index]
            if earlier.claimant is not None and earlier.claimant.key == finding.claimant.key:
                continue
            if finding.type is ClaimType.DENIAL and earlier.type is ClaimType.ACCUSATION:
                return index
            if text.startswith(_DISPUTING) or (
                any(w in text for w in ("propaganda", "lie", "false", "fabricat"))
                and about & {e.key for e in earlier.about}
            ):
                return index
            if finding.type is ClaimType.DENIAL and about & {e.key for e in earlier.about}:
                return index
        return None

    # --- document ------------------------------------------------------------------

    def _summits_joined(self, groups: list[list[int]]) -> list[list[int]]:
        """A summit mentioned again with fewer participants is the fuller summit of that date."""

        def states(indices: list[int]) -> set[str]:
            return {
                p.key
                for i in indices
                for p in self.meetings[i].participants
                if p.kind is ActorKind.STATE
            }

        out: list[list[int]] = []
        for indices in groups:
            first = self.meetings[indices[0]]
            fuller = next(
                (
                    other
                    for other in groups
                    if other is not indices
                    and self.meetings[other[0]].type is MeetingType.SUMMIT
                    and first.type is MeetingType.SUMMIT
                    and self.meetings[other[0]].status is first.status
                    and _near(self.meetings[other[0]].date, first.date)
                    and states(indices) < states(other)
                ),
                None,
            )
            if fuller is not None and states(indices):
                fuller.extend(indices)
            else:
                out.append(indices)
        return out

    def _stated(self, index: int) -> TimeSpan | None:
        return self.meetings[index].date if index in self.dated_by_text else None

    def merged_meetings(self) -> list[Meeting]:
        """Meetings reported by several sentences of one article share their identity."""
        groups: list[list[int]] = []
        for index, meeting in enumerate(self.meetings):
            states = {p.key for p in meeting.participants if p.kind is ActorKind.STATE}
            for indices in groups:
                first = self.meetings[indices[0]]
                other = {p.key for p in first.participants if p.kind is ActorKind.STATE}
                if (
                    states
                    and states == other
                    and meeting.status == first.status
                    # a date the text does not state (the publication day) decides nothing
                    and _near(self._stated(index), self._stated(indices[0]))
                ):
                    indices.append(index)
                    break
            else:
                groups.append([index])
        groups = self._summits_joined(groups)
        merged: list[Meeting] = []
        for indices in groups:
            group = [self.meetings[i] for i in indices]
            participants = tuple(dict.fromkeys(p for m in group for p in m.participants))
            stated = [self.meetings[i].date for i in indices if i in self.dated_by_text]
            dated = next((d for d in [*stated, *(m.date for m in group)] if d is not None), None)
            place = _most_specific_place(group)
            mtype = min(group, key=_type_rank).type
            topic = next((m.topic for m in group if m.topic), None)
            for m in group:
                merged.append(
                    replace(
                        m,
                        participants=participants,
                        date=dated,
                        type=mtype,
                        topic=topic,
                        place=place.place if place else None,
                        place_name=place.place_name if place else None,
                    )
                )
        return merged


def _finding_rank(finding: MeetingFinding) -> tuple[bool, bool, int, bool]:
    """As :func:`_type_rank`, for a finding: a noun naming the meeting beats "discuss", a
    visit the talks it is for; on a tie, the back-reference ("The meeting was held ...")
    keeps the meeting's own date."""
    verb_only = lemma(finding.trigger) == "discuss"
    purpose = travel_purpose(finding.trigger)
    return verb_only, purpose, _SPECIFICITY.index(finding.type), not finding.refers_back


def _one_per_meeting(findings: list[MeetingFinding]) -> list[MeetingFinding]:
    """One sentence, one record per meeting: "In a telephone conversation, A and B discussed
    ..." and "hosted talks - the first such summit between the trio" name one meeting twice.

    Findings with the same states and status are one meeting; the most specific type
    (a noun over "discuss") keeps its trigger, and the participants are joined.
    """
    groups: dict[tuple[frozenset[str], MeetingStatus], list[MeetingFinding]] = {}
    out: list[MeetingFinding | tuple[frozenset[str], MeetingStatus]] = []
    for finding in findings:
        states = frozenset(p.key for p in finding.participants if p.kind is ActorKind.STATE)
        if not states:
            out.append(finding)
            continue
        key = (states, finding.status)
        if key not in groups:
            groups[key] = []
            out.append(key)
        groups[key].append(finding)
    result: list[MeetingFinding] = []
    for item in out:
        if isinstance(item, MeetingFinding):
            result.append(item)
            continue
        group = groups[item]
        best = min(group, key=_finding_rank)
        participants = tuple(dict.fromkeys(p for f in group for p in f.participants))
        place = next((f for f in group if f.place is not None or f.place_name), None)
        result.append(
            replace(
                best,
                participants=participants,
                place=best.place or (place.place if place else None),
                place_name=best.place_name or (place.place_name if place else None),
                topic=best.topic or next((f.topic for f in group if f.topic), None),
            )
        )
    return result


def _type_rank(meeting: Meeting) -> tuple[bool, int]:
    """Most specific type first; "discuss" says what was done, a noun names the meeting."""
    verb_only = (meeting.evidence.trigger or "").lower().startswith("discuss")
    return verb_only, _SPECIFICITY.index(meeting.type)


def _near(a: TimeSpan | None, b: TimeSpan | None) -> bool:
    """Dates that may be the same meeting: unknown, overlapping, or a day apart."""
    if a is None or b is None:
        return True
    return a.earliest <= b.latest + ONE_DAY and b.earliest <= a.latest + ONE_DAY


def _most_specific_place(group: list[Meeting]) -> Meeting | None:
    """A city beats its country ("held in Moscow" over "met in Russia")."""
    placed = [m for m in group if m.place is not None or m.place_name]
    cities = [m for m in placed if m.place is None or m.place.kind is not ActorKind.STATE]
    best = cities or placed
    return best[0] if best else None


def extract(
    doc: Doc,
    document: Document,
    mentions: Sequence[Mention],
    timexes: Sequence[Timex],
    directory: ActorDirectory,
    model: str = "",
) -> Extraction:
    """All records of one document."""
    extractor = _Extractor(document, mentions, timexes, directory)
    pairs = sentences_of(doc)
    try:
        for sent, sentence in pairs:
            extractor.sentence(sent, sentence)
    finally:
        release(doc)
    return Extraction(
        document=document,
        sentences=tuple(s for _, s in pairs),
        mentions=tuple(mentions),
        timexes=tuple(timexes),
        relationships=tuple(extractor.relationships),
        meetings=tuple(extractor.merged_meetings()),
        claims=tuple(extractor.claims),
        extractor_version=EXTRACTOR_VERSION,
        model=model,
    )
