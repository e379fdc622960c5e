"""The scorer's matching on hand-made records, and the gold loader's checks."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from accords.documents import iter_documents
from accords.evaluation import score_document
from accords.gold import (
    GoldClaim,
    GoldClaimant,
    GoldDocument,
    GoldError,
    GoldMeeting,
    GoldRelationship,
    Span,
    check_gold,
    load_gold,
    load_gold_dir,
)
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
    Modality,
    Precision,
    Relationship,
    RelationType,
    Sentence,
    TimeSpan,
)

ROOT = Path(__file__).resolve().parents[1]
TEXT = (
    "Russia and Turkey work together since 2016. "
    "Putin met Erdogan in Moscow on Monday. "
    "Ankara accused Kurdish groups of the attack. "
    "The groups denied it."
)
DOC = Document(id="t", key="t", text=TEXT, raw_sha256="", published=date(2020, 1, 14))


def sentence(i: int) -> Sentence:
    starts = [0]
    for part in TEXT.split(". ")[:-1]:
        starts.append(starts[-1] + len(part) + 2)
    ends = [s - 1 for s in starts[1:]] + [len(TEXT)]
    return Sentence(i, starts[i], ends[i], TEXT[starts[i] : ends[i]])


def span(i: int) -> Span:
    s = sentence(i)
    return Span(s.start, s.end, s.text)


RUSSIA = Entity("Q159", "Russia", ActorKind.STATE, qid="Q159")
TURKEY = Entity("Q43", "Türkiye", ActorKind.STATE, qid="Q43")
IRAN = Entity("Q794", "Iran", ActorKind.STATE, qid="Q794")
PUTIN = Entity("Q7747", "Vladimir Putin", ActorKind.PERSON, qid="Q7747", country_qid="Q159")
ERDOGAN = Entity(
    "Q39259", "Recep Tayyip Erdoğan", ActorKind.PERSON, qid="Q39259", country_qid="Q43"
)
MIT = Entity("enwiki:MIT", "MIT", ActorKind.INTELLIGENCE_SERVICE, country_qid="Q43")
KURDS = Entity("nil:kurdish-groups", "Kurdish groups", ActorKind.ARMED_GROUP)
FSA = Entity("nil:free-syrian-army", "Free Syrian Army", ActorKind.ARMED_GROUP)
YEAR_2016 = TimeSpan("2016", Precision.YEAR, date(2016, 1, 1), date(2016, 12, 31))


def evidence(
    i: int, modality: Modality = Modality.ASSERTED, valid_from: TimeSpan | None = None
) -> Evidence:
    return Evidence(sentence(i), modality, observed=None, valid_from=valid_from)


def rel(
    members: tuple[Entity, ...],
    i: int = 0,
    type_: RelationType = RelationType.ALLIANCE,
    modality: Modality = Modality.ASSERTED,
    valid_from: TimeSpan | None = None,
    source: Entity | None = None,
    target: Entity | None = None,
) -> Relationship:
    return Relationship(type_, members, evidence(i, modality, valid_from), source, target)


def gold_rel(
    members: tuple[str, ...],
    i: int = 0,
    type_: RelationType = RelationType.ALLIANCE,
    alt: tuple[RelationType, ...] = (),
    modality: Modality = Modality.ASSERTED,
    valid_from: str | None = None,
    source: str | None = None,
    target: str | None = None,
) -> GoldRelationship:
    return GoldRelationship(
        type_,
        frozenset(alt),
        frozenset(members),
        source,
        target,
        modality,
        frozenset(),
        valid_from,
        None,
        None,
        span(i),
    )


def gold_doc(
    relationships: tuple[GoldRelationship, ...] = (),
    meetings: tuple[GoldMeeting, ...] = (),
    claims: tuple[GoldClaim, ...] = (),
) -> GoldDocument:
    return GoldDocument("t.txt", "t", None, len(TEXT), relationships, meetings, claims, "t.json")


def extraction(
    relationships: tuple[Relationship, ...] = (),
    meetings: tuple[Meeting, ...] = (),
    claims: tuple[Claim, ...] = (),
) -> Extraction:
    return Extraction(
        DOC,
        tuple(sentence(i) for i in range(4)),
        relationships=relationships,
        meetings=meetings,
        claims=claims,
    )


def levels(gold: GoldDocument, ext: Extraction, kind: str = "relationship") -> dict[str, int]:
    report = score_document(gold, ext)
    return {lv: c.tp for lv, c in report.kinds[kind].levels.items()}


def test_exact_relationship_scores_one() -> None:
    report = score_document(
        gold_doc((gold_rel(("Q159", "Q43")),)), extraction((rel((RUSSIA, TURKEY)),))
    )
    core = report.kinds["relationship"].levels["core"]
    assert (core.precision, core.recall, core.f1) == (1.0, 1.0, 1.0)


def test_other_sentence_never_matches() -> None:
    got = levels(
        gold_doc((gold_rel(("Q159", "Q43"), i=0),)), extraction((rel((RUSSIA, TURKEY), i=1),))
    )
    assert got == {"sentence": 0, "actors": 0, "type": 0, "core": 0, "full": 0}


def test_people_and_agencies_count_as_their_state() -> None:
    gold = gold_doc((gold_rel(("Q159", "Q43")),))
    assert levels(gold, extraction((rel((PUTIN, MIT)),)))["core"] == 1
    assert levels(gold, extraction((rel((PUTIN, RUSSIA, ERDOGAN)),)))["core"] == 1
    assert levels(gold, extraction((rel((RUSSIA, TURKEY, IRAN)),)))["core"] == 0


def test_type_levels_and_alternative_types() -> None:
    gold = gold_doc(
        (
            gold_rel(
                ("Q159", "Q43"),
                type_=RelationType.MILITARY_COOPERATION,
                alt=(RelationType.SECURITY_COOPERATION,),
            ),
        )
    )
    wrong = extraction((rel((RUSSIA, TURKEY), type_=RelationType.RIVALRY),))
    assert levels(gold, wrong) == {"sentence": 1, "actors": 1, "type": 0, "core": 0, "full": 0}
    alt = extraction((rel((RUSSIA, TURKEY), type_=RelationType.SECURITY_COOPERATION),))
    assert levels(gold, alt)["core"] == 1


def test_one_prediction_counts_for_one_gold_record() -> None:
    twice = gold_doc((gold_rel(("Q159", "Q43")), gold_rel(("Q159", "Q43"))))
    c = score_document(twice, extraction((rel((RUSSIA, TURKEY)),))).kinds["relationship"]
    assert (c.levels["core"].tp, c.levels["core"].recall) == (1, 0.5)


def test_matching_is_maximum_not_greedy() -> None:
    # prediction 0 (Rivalry) fits both gold records, prediction 1 (Alliance) only
    # gold 0: pairing prediction 0 with gold 0 first would leave one match, not two.
    gold = gold_doc(
        (
            gold_rel(("Q159", "Q43"), type_=RelationType.RIVALRY, alt=(RelationType.ALLIANCE,)),
            gold_rel(("Q159", "Q43"), type_=RelationType.RIVALRY),
        )
    )
    preds = extraction(
        (
            rel((RUSSIA, TURKEY), type_=RelationType.RIVALRY),
            rel((RUSSIA, TURKEY), type_=RelationType.ALLIANCE),
        )
    )
    assert levels(gold, preds)["core"] == 2


def test_nil_members_match_by_shared_word() -> None:
    gold = gold_doc(
        (
            gold_rel(
                ("Q43", "nil:Kurdish paramilitaries"),
                i=2,
                type_=RelationType.HOSTILITY,
                source="Q43",
                target="nil:Kurdish paramilitaries",
            ),
        )
    )
    ok = extraction(
        (rel((TURKEY, KURDS), i=2, type_=RelationType.HOSTILITY, source=TURKEY, target=KURDS),)
    )
    assert levels(gold, ok)["core"] == 1
    other = extraction((rel((TURKEY, FSA), i=2, type_=RelationType.HOSTILITY),))
    assert levels(gold, other)["core"] == 0


def test_direction_modality_and_time_are_attributes_of_core_pairs() -> None:
    gold = gold_doc(
        (
            gold_rel(
                ("Q43", "nil:Kurdish groups"),
                i=2,
                type_=RelationType.HOSTILITY,
                source="Q43",
                target="nil:Kurdish groups",
                modality=Modality.ASSERTED,
                valid_from="2016",
            ),
        )
    )
    pred = extraction(
        (
            rel(
                (TURKEY, KURDS),
                i=2,
                type_=RelationType.HOSTILITY,
                source=KURDS,
                target=TURKEY,
                modality=Modality.DENIED,
            ),
        )
    )
    report = score_document(gold, pred).kinds["relationship"]
    assert report.levels["core"].tp == 1 and report.levels["full"].tp == 0
    attrs = {n: (a.correct, a.total) for n, a in report.attributes.items()}
    assert attrs == {"direction": (0, 1), "modality": (0, 1), "time": (0, 1)}
    right = extraction(
        (
            rel(
                (TURKEY, KURDS),
                i=2,
                type_=RelationType.HOSTILITY,
                source=TURKEY,
                target=KURDS,
                valid_from=YEAR_2016,
            ),
        )
    )
    report = score_document(gold, right).kinds["relationship"]
    assert report.levels["full"].tp == 1
    assert all(a.correct == a.total == 1 for a in report.attributes.values())


def test_time_not_counted_when_gold_states_none() -> None:
    report = score_document(
        gold_doc((gold_rel(("Q159", "Q43")),)),
        extraction((rel((RUSSIA, TURKEY), valid_from=YEAR_2016),)),
    )
    assert "time" not in report.kinds["relationship"].attributes
    assert report.kinds["relationship"].levels["full"].tp == 1


def test_spurious_and_missed_are_listed() -> None:
    report = score_document(
        gold_doc((gold_rel(("Q159", "Q43"), i=0),)),
        extraction((rel((RUSSIA, IRAN), i=0), rel((RUSSIA, TURKEY), i=3))),
    )
    categories = sorted(e.category for e in report.errors)
    assert categories == ["spurious", "wrong actors"]


def meeting(
    participants: tuple[Entity, ...],
    i: int = 1,
    type_: MeetingType = MeetingType.MEETING,
    place: str | None = "Moscow",
) -> Meeting:
    return Meeting(type_, participants, MeetingStatus.HELD, evidence(i), place_name=place)


def test_meetings_match_on_participants_and_type() -> None:
    gold = gold_doc(
        meetings=(
            GoldMeeting(
                MeetingType.MEETING,
                frozenset({MeetingType.TALKS}),
                frozenset({"Q159", "Q43"}),
                frozenset(),
                "Moscow",
                None,
                None,
                MeetingStatus.HELD,
                span(1),
            ),
        )
    )
    assert levels(gold, extraction(meetings=(meeting((PUTIN, ERDOGAN)),)), "meeting")["core"] == 1
    talks = extraction(meetings=(meeting((PUTIN, ERDOGAN), type_=MeetingType.TALKS, place="Kyiv"),))
    report = score_document(gold, talks).kinds["meeting"]
    assert report.levels["core"].tp == 1
    assert (report.attributes["place"].correct, report.attributes["place"].total) == (0, 1)
    assert levels(gold, extraction(meetings=(meeting((PUTIN,)),)), "meeting")["core"] == 0


def claim(
    claimant: Entity | None, content: str, i: int, type_: ClaimType, disputes: int | None = None
) -> Claim:
    start = TEXT.index(content)
    return Claim(
        type_, claimant, content, start, start + len(content), evidence(i), disputes=disputes
    )


def gold_claim(
    actor: str,
    label: str,
    state: str | None,
    content: str,
    i: int,
    type_: ClaimType,
    disputes: int | None = None,
) -> GoldClaim:
    start = TEXT.index(content)
    return GoldClaim(
        type_,
        frozenset(),
        GoldClaimant(actor, label, state),
        Span(start, start + len(content), content),
        None,
        frozenset(),
        disputes,
        span(i),
    )


def test_claims_need_speaker_and_overlapping_content() -> None:
    gold = gold_doc(
        claims=(
            gold_claim(
                "Q43", "Ankara", "Q43", "Kurdish groups of the attack", 2, ClaimType.ACCUSATION
            ),
            gold_claim(
                "nil:Kurdish groups",
                "The groups",
                None,
                "denied it",
                3,
                ClaimType.DENIAL,
                disputes=0,
            ),
        )
    )
    preds = extraction(
        claims=(
            claim(ERDOGAN, "accused Kurdish groups of the attack", 2, ClaimType.ACCUSATION),
            claim(KURDS, "denied it", 3, ClaimType.DENIAL, disputes=0),
        )
    )
    report = score_document(gold, preds).kinds["claim"]
    assert report.levels["core"].tp == 2
    assert (report.attributes["disputes"].correct, report.attributes["disputes"].total) == (1, 1)
    too_wide = extraction(
        claims=(claim(TURKEY, TEXT, 2, ClaimType.ACCUSATION),)
    )  # Dice 2*28/(28+len) < 0.5
    assert levels(gold, too_wide, "claim") == {
        "sentence": 1,
        "actors": 1,
        "type": 1,
        "core": 0,
        "full": 0,
    }
    wrong_speaker = extraction(
        claims=(claim(RUSSIA, "Kurdish groups of the attack", 2, ClaimType.ACCUSATION),)
    )
    assert levels(gold, wrong_speaker, "claim")["core"] == 0


def test_seed_gold_loads_and_quotes_the_seeds() -> None:
    golds = load_gold_dir(ROOT / "eval" / "gold" / "seeds")
    documents = [d for d in iter_documents([ROOT / "seeds"]) if isinstance(d, Document)]
    assert sorted(golds) == sorted(Path(d.source_path or "").stem for d in documents)
    for d in documents:
        gold = golds[Path(d.source_path or "").stem]
        check_gold(gold, d)
        assert gold.relationships and gold.meetings and gold.claims


def test_gold_errors_name_the_file_and_field(tmp_path: Path) -> None:
    source = ROOT / "eval" / "gold" / "seeds" / "000_114920ede2618bf3.json"
    data = json.loads(source.read_text(encoding="utf-8"))
    data["relationships"][0]["type"] = "Friendship"
    bad = tmp_path / "000_114920ede2618bf3.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(GoldError, match=r"000_114920ede2618bf3.json: relationships\[0\].*Friend"):
        load_gold(bad)
    data = json.loads(source.read_text(encoding="utf-8"))
    data["claims"][0]["content"]["start"] += 1
    bad.write_text(json.dumps(data), encoding="utf-8")
    gold = load_gold(bad)
    (document,) = [
        d
        for d in iter_documents([ROOT / "seeds" / "000_114920ede2618bf3.txt"])
        if isinstance(d, Document)
    ]
    with pytest.raises(GoldError, match=r"claims\[0\].content .* does not quote"):
        check_gold(gold, document)
