"""Extraction rules, one news-style sentence each (none taken from the seeds).

Each test states what an analyst reading the sentence would record; the
pipeline is the real one (spaCy model, gazetteer, linker), built once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date

import pytest

from accords.analyse import Analyzer
from accords.documents import Metadata, make_document
from accords.records import (
    Claim,
    Entity,
    Extraction,
    Meeting,
    Modality,
    Precision,
    Relationship,
    RelationType,
)

PUBLISHED = date(2021, 3, 10)


Run = Callable[[str], Extraction]


@pytest.fixture(scope="module")
def run(analyzer: Analyzer) -> Run:
    def analyse(text: str) -> Extraction:
        meta = Metadata(published=PUBLISHED, precision=Precision.DAY)
        return analyzer.analyse(make_document(text, meta, key="rule-test"))

    return analyse


def _keys(entities: Iterable[Entity | None]) -> set[str]:
    return {(e.qid or e.label) for e in entities if e is not None}


def _claims(ex: Extraction) -> list[tuple[str, str]]:
    return [(c.claimant.label if c.claimant else "", c.content) for c in ex.claims]


def _rels(ex: Extraction) -> list[Relationship]:
    return list(ex.relationships)


def _meetings(ex: Extraction) -> list[Meeting]:
    return list(ex.meetings)


def _claim_by(ex: Extraction, word: str) -> Claim:
    found = [c for c in ex.claims if c.claimant is not None and word in c.claimant.label]
    assert found, _claims(ex)
    return found[0]


# --- claims ---------------------------------------------------------------------------


def test_relative_pronoun_speaker_is_the_noun_it_stands_for(run: Run) -> None:
    ex = run(
        "A senior Egyptian official who spoke to reporters said that Cairo would send "
        "observers to the border."
    )
    claim = ex.claims[0]
    assert claim.claimant is not None and claim.claimant.qid == "Q79"  # Egypt
    assert claim.content.endswith("would send observers to the border")


def test_a_quotation_split_by_the_sentence_splitter_is_one_content(run: Run) -> None:
    ex = run(
        "“We will not accept this. The border stays closed,” Polish Foreign Minister "
        "Radoslaw Sikorski said on Monday."
    )
    claim = _claim_by(ex, "Sikorski")
    assert claim.content == "We will not accept this. The border stays closed"


def test_a_quotation_that_goes_on_in_the_next_sentence_keeps_its_speaker(run: Run) -> None:
    ex = run(
        "“We will not accept this,” Polish Foreign Minister Radoslaw Sikorski said on "
        "Monday. “Our patience is not endless and the talks must resume soon.”"
    )
    assert [c.claimant.label for c in ex.claims if c.claimant] == ["Radoslaw Sikorski"] * 2
    assert ex.claims[1].content.startswith("Our patience is not endless")


def test_an_unattributed_quotation_after_indirect_speech_is_not_a_claim(run: Run) -> None:
    ex = run(
        "A Turkish minister said the talks would go on. “A partner does not do this to a friend.”"
    )
    assert len(ex.claims) == 1


def test_a_pronoun_speaker_is_the_person_named_last_not_one_inside_the_quote(run: Run) -> None:
    ex = run(
        "German Chancellor Angela Merkel spoke after the talks. “That is not what a partner "
        "does, and Vladimir Putin knows it,” she told reporters."
    )
    claim = ex.claims[-1]
    assert claim.claimant is not None and claim.claimant.label == "Angela Merkel"


def test_citing_sources_is_the_frame_not_the_content(run: Run) -> None:
    ex = run(
        "Citing three diplomats, Reuters reported that Beijing had offered to mediate "
        "between the parties."
    )
    assert _claims(ex) == [("Reuters", "that Beijing had offered to mediate between the parties")]


def test_according_to_an_agreement_is_not_a_speaker(run: Run) -> None:
    ex = run(
        "The border was redrawn in 1990 according to the agreement between Helmut Kohl "
        "and Mikhail Gorbachev."
    )
    assert ex.claims == ()


def test_called_for_is_a_proposal(run: Run) -> None:
    ex = run("The French government has called for the release of the detained journalists.")
    assert [(c.type.value, c.content) for c in ex.claims] == [
        ("Proposal", "the release of the detained journalists")
    ]


def test_considers_x_a_y_is_a_claim(run: Run) -> None:
    ex = run("Germany considers Russia the main threat to European security.")
    assert _claims(ex) == [("Germany", "Russia the main threat to European security")]


# --- relationships --------------------------------------------------------------------


def _triples(ex: Extraction) -> set[tuple[str, str, str, str]]:
    """(type, source-or-member, target-or-member, modality) of each relationship."""
    out = set()
    for r in ex.relationships:
        a, b = (r.source, r.target) if r.source and r.target else r.members[:2]
        out.add((r.type.value, a.qid or a.label, b.qid or b.label, r.evidence.modality.value))
    return out


def test_a_question_is_not_evidence(run: Run) -> None:
    ex = run("Are China and Pakistan expanding military ties?")
    assert ex.relationships == () and ex.meetings == ()


def test_an_assault_on_a_state_is_hostility_from_its_owner(run: Run) -> None:
    ex = run("As Armenia continues its assault on Azerbaijan, mediators wait.")
    assert ("Hostility", "Q399", "Q227", "asserted") in _triples(ex)


def test_fighting_an_unlinked_group_makes_it_a_nil_armed_group(run: Run) -> None:
    ex = run("Jordan has been assisting Iraq in fighting ISIS.")
    found = {(t, a, b) for t, a, b, _ in _triples(ex) if t == "Hostility"}
    assert found == {("Hostility", "Q810", "Islamic State"), ("Hostility", "Q796", "Islamic State")}


def test_launching_a_campaign_after_an_accusation_is_asserted_not_alleged(run: Run) -> None:
    ex = run(
        "Ankara accused the militants of the bombing and launched an air campaign "
        "against the Kurdish militias."
    )
    assert ("Hostility", "Q43", "Kurdish militias", "asserted") in _triples(ex)


def test_their_fight_is_not_the_fight_of_a_singular_subject(run: Run) -> None:
    ex = run(
        "Japan remains steadfast in its support of the Philippines and its people in their "
        "fight against the insurgents."
    )
    assert not [r for r in ex.relationships if r.type.value == "Hostility"]


def test_lifting_support_for_rebels_ends_backing(run: Run) -> None:
    ex = run("Last year Paris lifted its support for the rebels fighting the government.")
    assert ("Backing", "Q142", "rebels", "ended") in _triples(ex)


def test_someones_backer_is_backing_of_that_someone(run: Run) -> None:
    ex = run("Belarus is now Russia's most important military backer.")
    assert ("Backing", "Q184", "Q159", "asserted") in _triples(ex)


def test_refusing_to_co_operate_is_denied_coordination(run: Run) -> None:
    ex = run("The EU refuses to co-operate with Venezuelan President Nicolas Maduro.")
    assert ("DiplomaticCoordination", "Q458", "Q717", "denied") in _triples(ex)


def test_generic_coordination_gives_way_to_its_domain(run: Run) -> None:
    ex = run(
        "Greece and Cyprus seek to strengthen ties and improve coordination between the "
        "two countries' military and security services."
    )
    assert {r.type.value for r in ex.relationships} == {"MilitaryCooperation"}
    assert ex.relationships[0].evidence.modality.value == "planned"


def test_a_headline_list_of_subjects_is_read_whole(run: Run) -> None:
    ex = run("Egypt, Sudan look to strengthen military ties")
    assert ("MilitaryCooperation", "Q79", "Q1049", "planned") in _triples(ex) or (
        "MilitaryCooperation",
        "Q1049",
        "Q79",
        "planned",
    ) in _triples(ex)


# --- meetings -------------------------------------------------------------------------


def _meeting_rows(ex: Extraction) -> list[tuple[str, set[str], str]]:
    return [
        (m.type.value, _keys(p for p in m.participants if p.kind is not None), m.status.value)
        for m in ex.meetings
    ]


def test_a_meeting_used_as_a_setting_is_not_evidence(run: Run) -> None:
    ex = run(
        "Indian Prime Minister Narendra Modi met Chinese President Xi Jinping in Kazan. "
        "“We must keep talking,” a diplomat said during the meeting."
    )
    assert len(ex.meetings) == 1
    assert ex.meetings[0].evidence.sentence.text.startswith("Indian Prime Minister")


def test_a_back_reference_that_reports_the_meeting_is_evidence(run: Run) -> None:
    ex = run(
        "The defence chiefs of Greece and Turkey met on Monday. The meeting was held in Athens."
    )
    assert len(ex.meetings) == 2
    assert {m.place_name for m in ex.meetings} == {"Athens"}


def test_the_meeting_of_an_organ_has_the_organ_as_participant(run: Run) -> None:
    ex = run("A NATO summit opened in Vilnius on Tuesday.")
    assert [(t, s) for t, _, s in _meeting_rows(ex)] == [("Summit", "held")]
    assert _keys(ex.meetings[0].participants) == {"Q7184"}


def test_a_possible_summit_between_the_leaders_of_three_states(run: Run) -> None:
    ex = run(
        "A spokesman said a possible summit meeting between the leaders of Egypt, Jordan "
        "and Iraq was under consideration."
    )
    assert _meeting_rows(ex) == [("Summit", {"Q79", "Q810", "Q796"}, "proposed")]


def test_the_states_that_agree_a_summit_take_part_in_it(run: Run) -> None:
    ex = run("Egypt and Jordan agreed the next three-way summit with Iraq will be held in Cairo.")
    assert _meeting_rows(ex) == [("Summit", {"Q79", "Q810", "Q796"}, "planned")]


def test_talks_with_their_own_place_are_not_a_back_reference(run: Run) -> None:
    ex = run("Qatar has hosted the talks in Doha over the last year.")
    assert [(t, p) for t, p, _ in _meeting_rows(ex)] == [("Talks", {"Q846"})]


def test_what_an_effort_is_to_establish_is_planned(run: Run) -> None:
    ex = run(
        "The talks attest to Erdogan's effort to establish a regional alliance with "
        "Azerbaijan and Georgia."
    )
    alliances = [r for r in ex.relationships if r.type.value == "Alliance"]
    assert alliances and all(r.evidence.modality.value == "planned" for r in alliances)


def test_following_months_take_the_year_of_the_previous_sentence(run: Run) -> None:
    """ "In the following months" after "early 2017" speaks of 2017, at year precision."""
    ex = run(
        "The dynamics shifted in early 2017, when Britain began withdrawing from the war. "
        "In the following months, London lifted its support for a collection of rebels."
    )
    [backing] = [r for r in ex.relationships if r.type is RelationType.BACKING]
    assert backing.evidence.modality is Modality.ENDED
    assert backing.target is not None and backing.target.label == "rebels"
    until = backing.evidence.valid_until
    assert until is not None and until.value == "2017" and until.precision is Precision.YEAR


# --- second round: relationships ------------------------------------------------------


def _rel_rows(ex: Extraction) -> set[tuple[str, frozenset[str], str | None, str]]:
    return {
        (
            r.type.value,
            frozenset(_keys(r.members)),
            (r.source.qid or r.source.label) if r.source else None,
            r.evidence.modality.value,
        )
        for r in ex.relationships
    }


def test_an_actor_along_with_another_shares_its_role(run: Run) -> None:
    ex = run("Iran, along with Russia, is the main backer of the Syrian government.")
    backing = {(r.source.qid if r.source else None) for r in ex.relationships}
    assert backing == {"Q794", "Q159"}
    assert all(r.target is not None and r.target.qid == "Q858" for r in ex.relationships)


def test_opposed_sides_after_despite_pair_the_gerund_subject_with_each_opponent(run: Run) -> None:
    ex = run(
        "The talks went ahead despite Egypt still being on the opposite side of the Libyan "
        "conflict from Turkey and Qatar."
    )
    assert _rel_rows(ex) == {
        ("Rivalry", frozenset({"Q79", "Q43"}), None, "asserted"),
        ("Rivalry", frozenset({"Q79", "Q846"}), None, "asserted"),
    }


def test_states_able_to_help_are_its_subjects(run: Run) -> None:
    ex = run("Japan and Australia are able to support Papua New Guinea after the earthquake.")
    assert {(r.source.qid if r.source else None) for r in ex.relationships} == {"Q17", "Q408"}


def test_we_in_a_speakers_words_is_the_speakers_state(run: Run) -> None:
    ex = run(
        "“We have never been on the same side with Pakistan on this,” Indian Foreign "
        "Minister Subrahmanyam Jaishankar said."
    )
    assert ("Rivalry", frozenset({"Q668", "Q843"}), None, "asserted") in _rel_rows(ex)


def test_our_coordination_takes_the_circle_the_speaker_belongs_to(run: Run) -> None:
    ex = run(
        "China, Russia and Iran held naval drills last week. “I propose "
        "enhancing our coordination at sea,” Chinese Foreign Minister Wang Yi said."
    )
    proposed = [r for r in ex.relationships if r.evidence.modality is Modality.PROPOSED]
    assert [_keys(r.members) for r in proposed] == [{"Q148", "Q159", "Q794"}]


def test_our_allies_name_no_second_party(run: Run) -> None:
    ex = run(
        "Britain and Russia traded accusations. “The actions of the Russian navy are a threat "
        "to all our allies,” British Defence Secretary Ben Wallace said."
    )
    assert not [r for r in ex.relationships if r.type is RelationType.ALLIANCE]


def test_hyphen_epithets_name_patron_and_client(run: Run) -> None:
    ex = run(
        "Turkey shelled positions of the Syrian Democratic Forces (SDF) on Monday. Iran-backed "
        "militias and the US-allied SDF both condemned the strikes."
    )
    rows = {(r.type.value, _keys(r.members).__repr__()) for r in ex.relationships}
    labels = {
        (r.type.value, tuple(sorted(m.qid or m.label for m in r.members))) for r in ex.relationships
    }
    assert ("Backing", ("Q794", "militias")) in labels, rows
    assert ("Alliance", ("Q30", "Syrian Democratic Forces")) in labels, rows
    assert all(r.evidence.modality is Modality.ASSERTED for r in ex.relationships)


def test_joining_sanctions_on_a_state_and_the_country_anaphor(run: Run) -> None:
    ex = run(
        "Officials said Norway changed its export rules after the country joined the "
        "sanctions imposed on Belarus over its crackdown on Lithuania."
    )
    rows = _rel_rows(ex)
    assert ("Sanctions", frozenset({"Q20", "Q184"}), "Q20", "asserted") in rows
    assert ("Hostility", frozenset({"Q184", "Q37"}), "Q184", "asserted") in rows


def test_sanctions_come_from_their_own_modifier_not_a_distant_subject(run: Run) -> None:
    ex = run(
        "Beijing's trade deal will help Pyongyang skirt further U.S. sanctions on North Korea."
    )
    sanctions = [r for r in ex.relationships if r.type is RelationType.SANCTIONS]
    assert [(s.source.qid if s.source else None) for s in sanctions] == ["Q30"]


def test_a_reconciliation_ends_a_rivalry_at_its_date(run: Run) -> None:
    ex = run("Ethiopia and Eritrea have traded freely since a 2018 reconciliation deal.")
    [ended] = [r for r in ex.relationships if r.type is RelationType.RIVALRY]
    assert _keys(ended.members) == {"Q115", "Q986"}
    assert ended.evidence.modality is Modality.ENDED
    until = ended.evidence.valid_until
    assert until is not None and until.value == "2018" and ended.evidence.valid_from is None


def test_an_agreement_between_states_is_agreed_coordination(run: Run) -> None:
    ex = run("The agreement between Israel and Morocco opened direct flights last year.")
    assert ("DiplomaticCoordination", frozenset({"Q801", "Q1028"}), None, "agreed") in _rel_rows(ex)


# --- second round: meetings -----------------------------------------------------------


def test_a_summit_naming_one_state_takes_the_states_the_text_is_about(run: Run) -> None:
    ex = run(
        "Egypt, Jordan and Iraq pledged closer trade ties. Egyptian President Abdel Fattah "
        "al-Sisi spoke on Sunday during a summit in Amman."
    )
    summits = [m for m in ex.meetings if m.type.value == "Summit"]
    assert summits and _keys(p for p in summits[0].participants if p.kind is not None) >= {
        "Q79",
        "Q810",
        "Q796",
    }


def test_discuss_yields_to_the_noun_naming_the_meeting(run: Run) -> None:
    ex = run(
        "Egyptian and Sudanese intelligence chiefs discuss border security in Cairo meeting. "
        "The intelligence chiefs of Egypt and Sudan met in Cairo on Tuesday."
    )
    assert {m.type.value for m in ex.meetings} == {"Meeting"}


def test_a_delegation_heading_to_a_state_for_talks_is_a_planned_visit(run: Run) -> None:
    ex = run(
        "A senior Greek delegation is heading to Egypt on Friday for talks on gas exploration."
    )
    assert [(m.type.value, _keys(m.participants), m.status.value) for m in ex.meetings] == [
        ("Visit", {"Q41", "Q79"}, "planned")
    ]


def test_a_delegation_led_by_an_official_stands_for_the_officials_state(run: Run) -> None:
    ex = run(
        "The delegation led by Greek Foreign Minister Nikos Dendias will hold talks with "
        "their Egyptian counterparts in Cairo."
    )
    [talks] = ex.meetings
    assert talks.type.value == "Talks" and talks.status.value == "planned"
    assert {"Q41", "Q79"} <= _keys(talks.participants)


# --- third round: relationships (issue 5) ---------------------------------------------


def _typed(ex: Extraction) -> set[tuple[str, frozenset[str], str]]:
    return {
        (r.type.value, frozenset(_keys(r.members)), r.evidence.modality.value)
        for r in ex.relationships
    }


def test_states_discussing_working_against_a_foe_propose_cooperation(run: Run) -> None:
    ex = run("Egyptian and Sudanese security chiefs discuss working against smugglers in Cairo.")
    assert ("SecurityCooperation", frozenset({"Q79", "Q1049"}), "proposed") in _typed(ex)


def test_one_state_working_against_a_foe_is_no_cooperation(run: Run) -> None:
    ex = run("Egypt is working against smugglers on its southern border.")
    assert ex.relationships == ()


def test_states_that_agreed_to_a_deal_cooperate(run: Run) -> None:
    ex = run("Egypt and Sudan agreed to a deal on the Nile waters on Tuesday.")
    assert ("DiplomaticCoordination", frozenset({"Q79", "Q1049"}), "agreed") in _typed(ex)


def test_a_deal_to_supply_weapons_is_military_cooperation(run: Run) -> None:
    ex = run("Egypt and Sudan signed a deal that will let Cairo sell missiles to Khartoum.")
    assert ("MilitaryCooperation", frozenset({"Q79", "Q1049"}), "agreed") in _typed(ex)


def test_an_effort_by_named_states_is_their_cooperation(run: Run) -> None:
    ex = run("A new effort by Egypt and Sudan to mediate in the war was announced on Monday.")
    assert ("DiplomaticCoordination", frozenset({"Q79", "Q1049"}), "asserted") in _typed(ex)


def test_a_joint_effort_against_terrorists_is_security_cooperation(run: Run) -> None:
    ex = run(
        "Egypt and Sudan opened a border post. Officials said the effort by the two "
        "countries would focus on tracking terrorists."
    )
    assert ("SecurityCooperation", frozenset({"Q79", "Q1049"}), "asserted") in _typed(ex)


def test_one_states_effort_is_no_cooperation(run: Run) -> None:
    ex = run("An effort by Egypt to mediate in the war was announced on Monday.")
    assert ex.relationships == ()


def test_the_cooperation_refers_to_the_states_named_before(run: Run) -> None:
    ex = run(
        "Egypt and Sudan held joint naval drills last week. The cooperation comes despite "
        "a long dispute over the Nile dam."
    )
    assert ("DiplomaticCoordination", frozenset({"Q79", "Q1049"}), "asserted") in _typed(ex)


def test_a_cooperation_with_nobody_named_before_is_not_recorded(run: Run) -> None:
    ex = run("The cooperation comes despite a long dispute over the dam.")
    assert ex.relationships == ()


def test_a_list_parsed_as_apposition_keeps_every_target(run: Run) -> None:
    ex = run(
        "Officials said Russia's cyber campaign is meant to undermine the United States, "
        "NATO, and the European Union."
    )
    targets = {r.target.qid for r in ex.relationships if r.target is not None}
    assert {"Q7184", "Q458"} <= targets, _typed(ex)


def test_membership_in_a_defence_pact_is_an_alliance_of_the_latter(run: Run) -> None:
    ex = run(
        "Moscow courted Sweden and Finland last year, despite the latter's recent "
        "membership in NATO."
    )
    assert ("Alliance", frozenset({"Q33", "Q7184"}), "asserted") in _typed(ex)
    assert not any("Q34" in _keys(r.members) and "Q7184" in _keys(r.members) for r in _rels(ex))


def test_membership_of_a_trade_bloc_is_no_alliance(run: Run) -> None:
    ex = run("Finland's membership in the European Union began in 1995.")
    assert ex.relationships == ()


def test_states_exploring_the_possibility_of_working_together_propose_it(run: Run) -> None:
    ex = run("Egypt and Sudan are exploring the possibility of working together on the dam.")
    assert ("DiplomaticCoordination", frozenset({"Q79", "Q1049"}), "proposed") in _typed(ex)


def test_agencies_working_together_give_the_kind_of_cooperation(run: Run) -> None:
    ex = run("Egyptian and Sudanese intelligence agencies have worked together since 2019.")
    assert ("IntelligenceSharing", frozenset({"Q79", "Q1049"}), "asserted") in _typed(ex)


def test_states_agreeing_to_do_something_agree_to_cooperate(run: Run) -> None:
    ex = run("Egypt and Sudan agreed on Sunday to set up joint military patrols on the border.")
    assert ("MilitaryCooperation", frozenset({"Q79", "Q1049"}), "agreed") in _typed(ex)


def test_one_state_agreeing_to_act_is_no_cooperation(run: Run) -> None:
    ex = run("Egypt agreed on Sunday to reopen the border crossing.")
    assert ex.relationships == ()


def test_the_aim_of_an_action_belongs_to_the_actor(run: Run) -> None:
    ex = run("Egyptian troops crossed the border with the aim of attacking Sudan.")
    assert any(r.type is RelationType.HOSTILITY for r in ex.relationships), _typed(ex)
    assert {r.source.qid for r in ex.relationships if r.source} == {"Q79"}


def test_helping_a_state_do_something_backs_it(run: Run) -> None:
    ex = run("Egypt has promised to help Sudan rebuild its power grid.")
    assert {(t[0], t[1], t[2]) for t in _triples(ex)} == {("Backing", "Q79", "Q1049")}


# --- fourth round (issue 5) -----------------------------------------------------------


def test_a_numbered_group_is_found_behind_pairs_named_again(run: Run) -> None:
    ex = run(
        "Egypt, Jordan, Iraq and Saudi Arabia met in Amman on Monday to discuss water. "
        "Egypt and Jordan share a long border. Jordan and Iraq trade oil. "
        "Egypt and Jordan signed a gas deal in 2019. Iraq and Jordan opened a new crossing. "
        "Egypt and Jordan held naval drills. Jordan and Iraq built a pipeline. "
        "Egypt and Jordan host refugees. Jordan and Iraq restored flights. "
        "The four countries will cooperate on border security."
    )
    four = frozenset({"Q79", "Q810", "Q796", "Q851"})
    assert ("SecurityCooperation", four, "planned") in _typed(ex)  # on border security


def test_a_title_parsed_as_the_head_of_a_name_stands_for_the_person(run: Run) -> None:
    ex = run(
        "Tehran has been signalling renewed interest in a meeting with the Turkish "
        "President Recep Tayyip Erdogan."
    )
    assert ("Meeting", {"Q794", "Q43", "Q39259"}, "proposed") in _meeting_rows(ex)


def test_a_meeting_named_twice_in_one_sentence_is_one_record(run: Run) -> None:
    ex = run(
        "In a telephone conversation, Biden and Erdogan discussed the potential for new "
        "contacts between the United States, Turkey and Greece on Cyprus."
    )
    rows = _meeting_rows(ex)
    held = [r for r in rows if r[2] == "held"]
    assert held == [("PhoneCall", {"Q30", "Q43", "Q6279", "Q39259"}, "held")]
    assert ("Meeting", {"Q30", "Q43", "Q41"}, "proposed") in rows


def test_a_quoted_speaker_reported_again_goes_on_in_the_next_quotation(run: Run) -> None:
    ex = run(
        "Greek Foreign Minister Nikos Dendias arrived in Ankara on Monday. “We will not "
        "accept a frozen conflict,” Dendias said. He added that migration would also be "
        "discussed. “We have not been on the same side with Turkey on these issues, but our "
        "engagements are proceeding.”"
    )
    # the surname is the minister named before; the last quotation is his as well
    assert [c.claimant.label for c in ex.claims if c.claimant] == ["Nikos Dendias"] * 3
    assert ex.claims[-1].content.startswith("We have not been on the same side")
    # "we" and "our" in his words are Greece; "our engagements" are those with Turkey
    assert ("Rivalry", frozenset({"Q41", "Q43"}), "asserted") in _typed(ex)
    assert ("DiplomaticCoordination", frozenset({"Q41", "Q43"}), "asserted") in _typed(ex)


def test_a_military_engagement_is_no_tie(run: Run) -> None:
    ex = run("Turkish and Greek jets had a brief military engagement over the Aegean on Monday.")
    assert not any(r.type is RelationType.DIPLOMATIC_COORDINATION for r in ex.relationships)


def test_a_war_named_by_its_sides_is_an_undirected_hostility(run: Run) -> None:
    ex = run("Rifles from the Armenia and Azerbaijan war are turning up in Georgian markets.")
    hostile = [r for r in ex.relationships if r.type is RelationType.HOSTILITY]
    assert [(_keys(r.members), r.source, r.target) for r in hostile] == [
        ({"Q399", "Q227"}, None, None)
    ]
    assert hostile[0].evidence.modality is Modality.ASSERTED


def test_a_war_with_a_target_keeps_its_direction(run: Run) -> None:
    ex = run("Moscow's war against Kyiv entered its third year on Saturday.")
    assert _triples(ex) == {("Hostility", "Q159", "Q212", "asserted")}


def test_states_on_the_verge_of_an_offensive_together_cooperate_militarily(run: Run) -> None:
    ex = run(
        "Ethiopia and Eritrea are on the verge of a joint offensive against rebel-held "
        "towns in Tigray."
    )
    assert _typed(ex) == {("MilitaryCooperation", frozenset({"Q115", "Q986"}), "asserted")}


def test_states_bombing_a_third_party_together_cooperate_and_each_is_hostile(run: Run) -> None:
    ex = run("American and British warplanes bombed Houthi positions in Yemen overnight.")
    assert ("MilitaryCooperation", frozenset({"Q30", "Q145"}), "asserted") in _typed(ex)
    hostile = {(t[1], t[2]) for t in _triples(ex) if t[0] == "Hostility"}
    assert hostile == {("Q30", "Houthi"), ("Q145", "Houthi")}


def test_states_attacking_each_other_do_not_cooperate(run: Run) -> None:
    ex = run("Armenia and Azerbaijan attacked each other on Monday.")
    assert not any(r.type is RelationType.MILITARY_COOPERATION for r in ex.relationships)


def test_our_joint_efforts_are_those_of_the_speaker_and_the_counterpart_met(run: Run) -> None:
    ex = run(
        "“Our joint efforts can bring calm to the Gulf,” Iraqi Prime Minister Mustafa "
        "Al-Kadhimi said during a bilateral meeting with Joe Biden."
    )
    assert _typed(ex) == {("DiplomaticCoordination", frozenset({"Q796", "Q30"}), "asserted")}


def test_our_efforts_against_an_agency_are_proposed_hostility_not_cooperation(run: Run) -> None:
    ex = run(
        "“Our countries must intensify our common efforts, above all against the Mossad,” "
        "Iranian President Ebrahim Raisi said."
    )
    assert _triples(ex) == {("Hostility", "Q794", "Q801", "proposed")}


def test_our_efforts_alone_name_no_partner(run: Run) -> None:
    ex = run("“Our efforts will not stop,” British Prime Minister Boris Johnson said in Kyiv.")
    assert ex.relationships == ()


def test_a_joint_press_conference_with_a_counterpart_is_a_meeting(run: Run) -> None:
    ex = run(
        "Greek Foreign Minister Nikos Dendias spoke at a joint news conference with his "
        "Cypriot counterpart on Friday."
    )
    assert [(r[0], r[1] & {"Q41", "Q229"}, r[2]) for r in _meeting_rows(ex)] == [
        ("Meeting", {"Q41", "Q229"}, "held")
    ]


def test_a_press_conference_alone_is_no_meeting(run: Run) -> None:
    ex = run("Greek Foreign Minister Nikos Dendias spoke at a news conference in Athens.")
    assert ex.meetings == ()


def test_talks_between_rebel_groups_and_a_government_are_a_meeting(run: Run) -> None:
    ex = run(
        "Egypt declined to attend the talks between the rebel groups and the Libyan "
        "government hosted by the UN."
    )
    rows = _meeting_rows(ex)
    assert rows == [("Talks", {"Q1016", "rebel groups"}, "held")], rows


def test_talks_between_one_state_and_nobody_named_are_no_meeting(run: Run) -> None:
    ex = run("The talks between the groups and the Libyan government were hosted by the UN.")
    assert ex.meetings == ()


def test_speaking_at_an_organ_is_a_meeting_of_the_organ(run: Run) -> None:
    ex = run(
        "Joe Biden spoke after Boris Johnson at the United Nations General Assembly on Tuesday."
    )
    assert _meeting_rows(ex) == [("Meeting", {"Q6279", "Q180589", "Q47423", "Q30", "Q145"}, "held")]


def test_speaking_at_a_rally_is_no_meeting(run: Run) -> None:
    ex = run("Joe Biden spoke at a rally in Ohio on Tuesday.")
    assert ex.meetings == ()


def test_where_he_will_meet_at_an_organ_is_a_planned_meeting_of_it(run: Run) -> None:
    ex = run(
        "Boris Johnson flew to Brussels for the European Council, where he\u2019ll meet with "
        "other leaders to discuss the budget."
    )
    rows = _meeting_rows(ex)
    assert [(r[0], r[1] & {"Q145", "Q8886"}, r[2]) for r in rows] == [
        ("Meeting", {"Q145", "Q8886"}, "planned")
    ], rows


def test_intelligence_services_cooperating_share_intelligence(run: Run) -> None:
    ex = run("The Mossad and the CIA are cooperating closely on Iran, according to officials.")
    assert ("IntelligenceSharing", frozenset({"Q801", "Q30"}), "asserted") in _typed(ex)


def test_pledged_support_to_a_state_is_planned_backing(run: Run) -> None:
    ex = run("Germany pledged military support to Ukraine on Monday.")
    assert _triples(ex) == {("Backing", "Q183", "Q212", "planned")}


def test_supplying_a_state_with_arms_backs_it(run: Run) -> None:
    ex = run("North Korea is supplying Russia with artillery shells, US officials said.")
    assert ("Backing", "Q423", "Q159", "asserted") in _triples(ex)
    ex = run("Iran sent hundreds of drones to Russia last year.")
    assert _triples(ex) == {("Backing", "Q794", "Q159", "asserted")}


def test_military_aid_backs_the_receiver(run: Run) -> None:
    ex = run("Washington approved new military aid for Kyiv.")
    assert _triples(ex) == {("Backing", "Q30", "Q212", "asserted")}


def test_supplying_gas_or_humanitarian_aid_is_no_backing(run: Run) -> None:
    assert run("Qatar supplies Germany with gas.").relationships == ()
    assert run("Japan sent humanitarian aid to Turkey.").relationships == ()


def test_an_accusation_is_alleged_hostility_whoever_makes_it_a_warning_only_a_claim(
    run: Run,
) -> None:
    ex = run("Ukraine accused Russia of attacking Ukrainian ports.")
    # the object of "accused ... of" is the one said to attack
    assert _triples(ex) == {("Hostility", "Q159", "Q212", "rumoured")}
    # a third party's allegation is kept too, as alleged (rumoured), never as a fact
    ex = run("Lithuania accused Russia of attacking Ukrainian ports.")
    assert _triples(ex) == {("Hostility", "Q159", "Q212", "rumoured")}
    assert [c.type.value for c in ex.claims] == ["Accusation"]
    ex = run("Lithuania warned Russia against attacking Ukrainian ports.")
    assert ex.relationships == () and [c.type.value for c in ex.claims] == ["Warning"]


def test_a_state_criticised_for_backing_rebels_is_their_backer(run: Run) -> None:
    ex = run("Turkey has been criticised for backing the rebels in Idlib.")
    assert _triples(ex) == {("Backing", "Q43", "rebels", "asserted")}


def test_joint_military_exercises_are_military_cooperation(run: Run) -> None:
    ex = run("Turkey and Azerbaijan held joint military exercises near the Armenian border.")
    assert _typed(ex) == {("MilitaryCooperation", frozenset({"Q43", "Q227"}), "asserted")}


def test_calling_for_cooperation_proposes_it_calling_for_a_toppling_is_hostile(run: Run) -> None:
    ex = run("France and Germany called for closer defence cooperation within the EU.")
    assert ("MilitaryCooperation", frozenset({"Q142", "Q183"}), "proposed") in _typed(ex)
    ex = run(
        "The Turkish government has openly called for the toppling of the Venezuelan president."
    )
    assert _triples(ex) == {("Hostility", "Q43", "Q717", "asserted")}


def test_refusing_to_impose_sanctions_on_a_state_is_denied(run: Run) -> None:
    ex = run("Serbia refuses to impose sanctions on Russia.")
    assert _triples(ex) == {("Sanctions", "Q403", "Q159", "denied")}


def test_cooperating_with_an_armed_group_names_it(run: Run) -> None:
    ex = run("The Kremlin denied that Russia was cooperating with the Taliban.")
    assert _typed(ex) == {("DiplomaticCoordination", frozenset({"Q159", "Taliban"}), "denied")}


def test_coordinated_demonyms_on_one_agency_name_both_states(run: Run) -> None:
    ex = run(
        "The heads of the Egyptian and Sudanese intelligence services met in Cairo. The "
        "meeting was held in secret, making it the first contact between Egyptian and "
        "Sudanese intelligence in years."
    )
    rows = [(r[0], r[1] & {"Q79", "Q1049"}, r[2]) for r in _meeting_rows(ex)]
    assert rows == [("Meeting", {"Q79", "Q1049"}, "held")] * 2  # one record per sentence


def test_a_round_of_talks_is_talks_of_those_holding_it(run: Run) -> None:
    ex = run("India and China held a new round of border talks on Sunday.")
    assert _meeting_rows(ex) == [("Talks", {"Q668", "Q148"}, "held")]


def test_agreeing_to_meet_again_is_a_planned_meeting_not_cooperation(run: Run) -> None:
    ex = run("Egypt and Jordan held talks in Amman. The two countries agreed to meet again soon.")
    rows = _meeting_rows(ex)
    assert ("Meeting", {"Q79", "Q810"}, "planned") in rows, rows
    assert not [r for r in ex.relationships if "agreed" in (r.evidence.trigger or "")]


def test_speaking_with_a_leader_by_phone_is_a_phone_call(run: Run) -> None:
    ex = run("Erdogan spoke with Putin by telephone on Sunday.")
    assert _meeting_rows(ex) == [("PhoneCall", {"Q39259", "Q7747", "Q43", "Q159"}, "held")]


def test_a_video_call_that_was_held_is_held(run: Run) -> None:
    ex = run("Putin and Chinese President Xi Jinping held a video call on Friday.")
    assert [(r[0], r[2]) for r in _meeting_rows(ex)] == [("PhoneCall", "held")]


def test_speaking_with_reporters_is_no_meeting(run: Run) -> None:
    assert run("Joe Biden spoke with reporters in Ohio.").meetings == ()


def test_calling_for_a_summit_with_someone_proposes_the_callers_summit(run: Run) -> None:
    ex = run("Erdogan called for a summit with Assad.")
    assert _meeting_rows(ex) == [("Summit", {"Q44329", "Q39259", "Q858", "Q43"}, "proposed")]
    ex = run("Erdogan called for talks between Armenia and Azerbaijan.")
    assert _meeting_rows(ex) == [("Talks", {"Q399", "Q227"}, "proposed")]


def test_travelling_for_talks_with_an_official_the_travellers_take_part(run: Run) -> None:
    ex = run(
        "Israel's Mossad chief travelled to Washington for talks with CIA director William Burns."
    )
    rows = _meeting_rows(ex)
    # one record: the visit, named by the travel, with the one it is for talks with
    assert [(r[0], r[1] & {"Q801", "Q30"}) for r in rows] == [("Visit", {"Q801", "Q30"})], rows


def test_rebels_named_by_a_demonym_are_a_group_not_the_state(run: Run) -> None:
    ex = run("Turkey backs Syrian rebels.")
    assert _triples(ex) == {("Backing", "Q43", "Syrian rebels", "asserted")}
    ex = run("Russia attacked Ukrainian forces near Kharkiv.")
    assert _triples(ex) == {("Hostility", "Q159", "Q212", "asserted")}


def test_helping_to_train_a_force_backs_it(run: Run) -> None:
    ex = run("Britain has sent instructors to help train Ukrainian militias.")
    assert _triples(ex) == {("Backing", "Q145", "Ukrainian militias", "asserted")}


def test_a_named_group_waging_war_is_hostile_even_inside_an_accusation(run: Run) -> None:
    ex = run(
        "Ankara accuses Tehran of arming Kurdish separatists, who have waged a war against "
        "Turkey for decades."
    )
    # the arming is Ankara's allegation against Tehran (Ankara is no party to it: a claim);
    # the war in the writer's aside is asserted
    assert ("Hostility", "Kurdish separatists", "Q43", "asserted") in _triples(ex)


def test_unqualified_militants_are_nobody_in_particular(run: Run) -> None:
    assert run("Militants attacked Iraqi forces on Monday.").relationships == ()


def test_groups_entrenched_against_a_leader_are_hostile_to_his_state(run: Run) -> None:
    ex = run(
        "Fighting flared near Sirte, where a mix of the Libyan National Army and Wagner "
        "mercenaries are entrenched against Dbeibah's government in Libya."
    )
    sources = {t[1] for t in _triples(ex) if t[0] == "Hostility"}
    assert any("Wagner" in s for s in sources), _triples(ex)
    assert not any(r.type is RelationType.MILITARY_COOPERATION for r in ex.relationships)


def test_mercenaries_of_a_named_organisation_stand_for_it(run: Run) -> None:
    ex = run("Wagner mercenaries attacked Malian villages.")
    assert _triples(ex) == {("Hostility", "Wagner", "Q912", "asserted")}


# --- fourth round: claims -------------------------------------------------------------


def test_a_quotation_signed_by_a_speaker_without_a_verb_is_his_claim(run: Run) -> None:
    ex = run("“I propose closer coordination between our navies,” Erdogan at a summit in Baku.")
    claim = _claim_by(ex, "Erdo")
    assert claim.content.startswith("I propose closer coordination")
    assert claim.type.value == "Proposal"


def test_an_aired_complaint_is_an_accusation_about_its_grounds(run: Run) -> None:
    ex = run(
        "Egypt's foreign minister voiced an unusual complaint about the Ethiopian filling "
        "of the dam on Sunday."
    )
    accusations = [c for c in ex.claims if c.type.value == "Accusation"]
    assert [c.content for c in accusations] == ["about the Ethiopian filling of the dam"]


def test_to_whom_something_was_confirmed_is_not_what(run: Run) -> None:
    ex = run("Two Egyptian diplomats confirmed the figures to the AFP news agency.")
    assert [c for _, c in _claims(ex)] == ["the figures"]


def test_labelling_someone_a_terrorist_accuses_labelling_calm_asserts(run: Run) -> None:
    ex = run("Zelensky often describes Putin as a war criminal and a liar.")
    assert [(c.type.value, c.content) for c in ex.claims] == [
        ("Accusation", "Putin as a war criminal and a liar")
    ]
    ex = run("Egypt's foreign ministry described the border situation as stable.")
    assert [(c.type.value, c.content) for c in ex.claims] == [
        ("Assertion", "the border situation as stable")
    ]


def test_saying_takes_the_time_of_the_verb_it_follows(run: Run) -> None:
    ex = run(
        "Egyptian President Abdel Fattah el-Sisi defended the deal with Sudan on Monday, "
        "saying Cairo needs to share water data with Khartoum."
    )
    claim = ex.claims[0]
    assert claim.content.startswith("Cairo needs to share")
    assert claim.stated is not None and claim.stated.value == "2021-03-08"


def test_a_claim_is_about_the_actors_it_names_not_the_places(run: Run) -> None:
    ex = run(
        "Egypt and Sudan held talks on Monday. Egyptian officials said the two countries "
        "discussed the ceasefire in Libya's east and would send observers to Chad."
    )
    claim = _claim_by(ex, "Egypt")
    assert _keys(claim.about) == {"Q79", "Q1049"}


def test_a_spokesmans_own_state_named_in_his_words_is_what_he_speaks_about(run: Run) -> None:
    ex = run("A Turkish presidential source said that Turkey and Russia agreed to hold a summit.")
    assert {"Q43", "Q159"} <= _keys(ex.claims[0].about)


def test_a_fronted_time_dates_the_clauses_that_hang_on_it(run: Run) -> None:
    ex = run(
        "Last year, Cairo withdrew its envoy and allowed Egyptian troops to cross the border, "
        "with the aim of repelling Sudanese militias."
    )
    hostile = [r for r in ex.relationships if r.type is RelationType.HOSTILITY]
    assert hostile and all(r.evidence.observed.value == "2020" for r in hostile), _triples(ex)


def test_the_day_a_relation_was_stated_dates_it(run: Run) -> None:
    ex = run("Egyptian officials said on Monday that Egypt and Sudan are working together.")
    coordination = [r for r in ex.relationships if r.type is RelationType.DIPLOMATIC_COORDINATION]
    assert [r.evidence.observed.value for r in coordination] == ["2021-03-08"]


def test_an_agency_cooperating_with_authorities_is_security_cooperation(run: Run) -> None:
    ex = run(
        "Turkey's intelligence agency MIT has been cooperating with Iraqi authorities "
        "against the PKK."
    )
    assert _typed(ex) == {("SecurityCooperation", frozenset({"Q43", "Q796"}), "asserted")}


def test_intelligence_sharing_split_at_its_hyphen(run: Run) -> None:
    ex = run("South Korea and Japan restored intelligence-sharing in 2019.")
    assert _typed(ex) == {("IntelligenceSharing", frozenset({"Q884", "Q17"}), "asserted")}


def test_a_partnership_treaty_is_a_strategic_partnership(run: Run) -> None:
    ex = run("Iran and Russia signed a comprehensive strategic partnership treaty in January.")
    assert _typed(ex) == {("StrategicPartnership", frozenset({"Q794", "Q159"}), "agreed")}


def test_negotiating_a_deal_proposes_it_signing_agrees_it(run: Run) -> None:
    ex = run("Greece and Turkey are negotiating a new maritime agreement.")
    assert _typed(ex) == {("DiplomaticCoordination", frozenset({"Q41", "Q43"}), "proposed")}
    ex = run("Israel and Saudi Arabia are moving closer to a normalisation deal.")
    assert _typed(ex) == {("DiplomaticCoordination", frozenset({"Q801", "Q851"}), "proposed")}
    ex = run("Greece and Turkey signed a new maritime agreement.")
    assert _typed(ex) == {("DiplomaticCoordination", frozenset({"Q41", "Q43"}), "agreed")}


def test_stopping_arms_supplies_ends_backing(run: Run) -> None:
    ex = run("Germany has stopped supplying weapons to Saudi Arabia.")
    assert _triples(ex) == {("Backing", "Q183", "Q851", "ended")}


def test_a_states_strongest_supporter_backs_it(run: Run) -> None:
    ex = run("Poland is Ukraine's strongest supporter in Europe.")
    assert _triples(ex) == {("Backing", "Q36", "Q212", "asserted")}


def test_their_ties_are_the_ties_of_the_subjects(run: Run) -> None:
    ex = run("Moscow and Beijing pledged to deepen their military ties.")
    assert _typed(ex) == {("MilitaryCooperation", frozenset({"Q159", "Q148"}), "planned")}


def test_respectively_pairs_each_backer_with_its_client(run: Run) -> None:
    ex = run("Saudi Arabia and the UAE support the Sudanese army and the RSF respectively.")
    pairs = {(t[1], t[2]) for t in _triples(ex)}
    assert pairs == {("Q851", "Q1049"), ("Q878", "RSF")}, pairs


def test_a_visit_to_a_state_or_its_capital_takes_the_host(run: Run) -> None:
    ex = run("Putin's visit to Tehran was his first trip abroad this year.")
    assert [(r[0], r[1] & {"Q159", "Q794"}) for r in _meeting_rows(ex)] == [
        ("Visit", {"Q159", "Q794"})
    ]
    ex = run("Israel's prime minister cancelled a planned visit to Washington.")
    assert [(r[0], r[1] & {"Q801", "Q30"}, r[2]) for r in _meeting_rows(ex)] == [
        ("Visit", {"Q801", "Q30"}, "cancelled")
    ]


def test_hosting_a_counterpart_is_a_meeting_hosting_talks_is_the_talks(run: Run) -> None:
    ex = run("Erdogan hosted his Iranian counterpart in Ankara on Tuesday.")
    assert [(r[0], r[1] & {"Q43", "Q794"}) for r in _meeting_rows(ex)] == [
        ("Meeting", {"Q43", "Q794"})
    ]
    ex = run("Erdogan hosted talks between Armenia and Azerbaijan in Ankara.")
    assert [r[0] for r in _meeting_rows(ex)] == ["Talks"]


def test_telephoning_a_leader_is_a_phone_call(run: Run) -> None:
    ex = run("Erdogan telephoned the Iranian president on Sunday.")
    assert [(r[0], r[1] & {"Q43", "Q794"}) for r in _meeting_rows(ex)] == [
        ("PhoneCall", {"Q43", "Q794"})
    ]


def test_where_travellers_go_is_the_place_of_their_talks(run: Run) -> None:
    ex = run("A Russian delegation is heading to Turkey on Thursday for talks on Syria.")
    meeting = ex.meetings[0]
    assert _keys(p for p in meeting.participants if p.kind is not None) >= {"Q159", "Q43"}
    assert meeting.place_name == "Turkey"
    ex = run("Boris Johnson flew to New York for the United Nations General Assembly.")
    assert [m.place_name for m in ex.meetings] in ([], ["New York"])


def test_talks_held_somewhere_take_that_place(run: Run) -> None:
    ex = run(
        "Moscow has refused to send a delegation to the talks between the rebel groups and "
        "the Libyan government held under the auspices of the UN in Geneva."
    )
    assert [m.place_name for m in ex.meetings] == ["Geneva"]


def test_meetings_that_did_not_happen_are_not_recorded(run: Run) -> None:
    for text in (
        "Syria and Turkey have not met since 2011.",
        "Iraq refused to meet the Turkish delegation.",
        "Rumours of a secret meeting between Israeli and Iranian officials were denied.",
    ):
        assert run(text).meetings == (), text


def test_not_sending_a_delegation_to_talks_denies_no_talks(run: Run) -> None:
    ex = run("Russia did not send a delegation to the talks between Armenia and Azerbaijan.")
    assert _meeting_rows(ex) == [("Talks", {"Q399", "Q227"}, "held")]


def test_striking_targets_is_hostile_striking_a_deal_is_not(run: Run) -> None:
    ex = run("Britain struck Houthi targets in Yemen on Saturday.")
    assert ("Hostility", "Q145", "Houthi", "asserted") in _triples(ex)
    ex = run("Britain struck a deal with Iran on Saturday.")
    assert not any(r.type is RelationType.HOSTILITY for r in ex.relationships)


def test_a_body_owned_by_a_state_stands_for_it(run: Run) -> None:
    ex = run("Britain imposed sanctions on Iran's Revolutionary Guards.")
    assert _triples(ex) == {("Sanctions", "Q145", "Q794", "asserted")}


def test_an_unlinked_acronym_is_no_armed_group_to_cooperate_with(run: Run) -> None:
    ex = run("Britain's GCHQ works closely with the ABCD.")
    assert not any("ABCD" in _keys(r.members) for r in ex.relationships)


def test_what_is_believed_is_rumoured(run: Run) -> None:
    ex = run("The Mossad is believed to have helped Azerbaijan.")
    assert _triples(ex) == {("Backing", "Q801", "Q227", "rumoured")}


def test_restoring_diplomatic_relations_is_coordination(run: Run) -> None:
    ex = run("Iran and Saudi Arabia restored diplomatic relations in March.")
    assert _typed(ex) == {("DiplomaticCoordination", frozenset({"Q794", "Q851"}), "asserted")}
    assert run("The firm hired a public relations adviser in Iran.").relationships == ()


def test_an_agreement_on_security_cooperation_is_security_cooperation(run: Run) -> None:
    ex = run("Iraq and Turkey signed a memorandum of understanding on security cooperation.")
    assert _typed(ex) == {("SecurityCooperation", frozenset({"Q796", "Q43"}), "agreed")}


def test_a_meeting_reported_again_without_a_date_is_the_dated_one(run: Run) -> None:
    ex = run("Erdogan met Putin in Sochi on Monday. The two leaders discussed the war in Ukraine.")
    assert len({(m.type, m.date.value if m.date else None) for m in ex.meetings}) == 1
    assert all(m.date is not None and m.date.value == "2021-03-08" for m in ex.meetings)


def test_an_intelligence_chief_unknown_to_the_gazetteer_stands_for_his_state(run: Run) -> None:
    ex = run(
        "The heads of Israel's Mossad and the CIA held talks in Qatar with Egyptian "
        "intelligence chief Abbas Kamel."
    )
    assert {"Q801", "Q30", "Q79"} <= _meeting_rows(ex)[0][1]


def test_the_three_agencies_are_the_three_named_before(run: Run) -> None:
    ex = run(
        "Egypt, Jordan and Iraq held talks in Amman on Monday. The three governments have "
        "been working together on border security."
    )
    assert any(_keys(r.members) == {"Q79", "Q810", "Q796"} for r in ex.relationships), _typed(ex)


def test_an_opposition_named_by_a_demonym_is_not_the_state(run: Run) -> None:
    ex = run("Turkey supports the Syrian opposition.")
    assert _triples(ex) == {("Backing", "Q43", "Syrian opposition", "asserted")}


def test_committed_to_supporting_takes_the_committed(run: Run) -> None:
    ex = run("The United States is committed to supporting Iraq's security forces.")
    assert _triples(ex) == {("Backing", "Q30", "Q796", "asserted")}


def test_support_named_by_the_givers_demonym_backs_who_welcomes_it(run: Run) -> None:
    ex = run("Iraq welcomed Iranian support in the fight against ISIS.")
    assert ("Backing", "Q794", "Q796", "asserted") in _triples(ex)


def test_agreeing_to_fight_a_group_together_is_security_cooperation(run: Run) -> None:
    ex = run("Turkey and Iraq agreed on Monday to jointly fight the PKK.")
    assert ("SecurityCooperation", frozenset({"Q43", "Q796"}), "agreed") in _typed(ex)


def test_states_supporting_each_other_are_partners(run: Run) -> None:
    ex = run("Russia and Iran support each other at the United Nations.")
    assert _typed(ex) == {("StrategicPartnership", frozenset({"Q159", "Q794"}), "asserted")}


def test_a_states_backing_of_another_backs_it(run: Run) -> None:
    ex = run("Turkey's backing of Azerbaijan has not wavered.")
    assert _triples(ex) == {("Backing", "Q43", "Q227", "asserted")}


def test_steps_aimed_at_coordinating_against_militants_are_proposed_security_cooperation(
    run: Run,
) -> None:
    ex = run(
        "Egyptian and Sudanese intelligence chiefs met in Cairo. Officials said the two sides "
        "discussed the border, and future steps aimed at coordinating against armed militants "
        "in Darfur."
    )
    assert ("SecurityCooperation", frozenset({"Q79", "Q1049"}), "proposed") in _typed(ex)


def test_an_assertion_of_wrongdoing_is_an_accusation(run: Run) -> None:
    ex = run(
        "Those reports follow a pattern of Iranian disinformation, according to British officials."
    )
    assert [c.type.value for c in ex.claims] == ["Accusation"]
    ex = run("British officials said the talks with Iran went well.")
    assert [c.type.value for c in ex.claims] == ["Assertion"]


def test_a_continued_quotation_that_calls_to_act_is_a_proposal(run: Run) -> None:
    ex = run(
        "“We will not accept this,” Polish Foreign Minister Radoslaw Sikorski said on "
        "Monday. “We must now step up our collective efforts.”"
    )
    assert [c.type.value for c in ex.claims] == ["Assertion", "Proposal"]


def test_taking_someone_to_task_over_something_accuses_them(run: Run) -> None:
    ex = run("Erdogan took Putin to task over failing to stop the fighting in Idlib.")
    assert [(c.type.value, c.content) for c in ex.claims] == [
        ("Accusation", "over failing to stop the fighting in Idlib")
    ]


def test_a_joint_statement_is_coordination_of_its_makers(run: Run) -> None:
    ex = run("Egypt and Sudan issued a joint statement on Monday.")
    assert _typed(ex) == {("DiplomaticCoordination", frozenset({"Q79", "Q1049"}), "asserted")}


def test_a_meeting_that_could_take_place_later_is_not_held(run: Run) -> None:
    ex = run("Cavusoglu said a meeting between Erdogan and Assad could take place later this year.")
    assert [r[2] for r in _meeting_rows(ex)] == ["proposed"]


def test_a_meeting_dated_after_the_publication_day_is_planned(run: Run) -> None:
    ex = run("Erdogan meets Putin in Sochi on March 15.")
    assert [r[2] for r in _meeting_rows(ex)] == ["planned"]


def test_pushing_for_a_rapprochement_ends_no_rivalry_and_names_its_parties(run: Run) -> None:
    ex = run("Russia has long pushed for a rapprochement between Ankara and Damascus.")
    assert not any(r.evidence.modality is Modality.ENDED for r in ex.relationships)
    ex = run("Ankara and Damascus sealed a rapprochement in 2022.")
    assert ("Rivalry", frozenset({"Q43", "Q858"}), "ended") in _typed(ex)


def test_refusing_to_hold_talks_denies_them_declining_to_attend_does_not(run: Run) -> None:
    assert run("Iraq refused to hold talks with the Turkish delegation.").meetings == ()
    ex = run("Egypt declined to attend the talks between Armenia and Azerbaijan in Geneva.")
    assert _meeting_rows(ex) == [("Talks", {"Q399", "Q227"}, "held")]


# --- fifth round: coded state-to-state sentences (issue 5) ----------------------------


def test_rumours_that_states_cooperate_are_rumoured(run: Run) -> None:
    ex = run("There were rumours that Egypt and Israel were sharing intelligence.")
    assert _typed(ex) == {("IntelligenceSharing", frozenset({"Q79", "Q801"}), "rumoured")}


def test_ruled_out_talks_are_no_meeting_and_ruled_out_cooperation_is_denied(run: Run) -> None:
    assert run("Armenia's prime minister ruled out talks with Azerbaijan.").meetings == ()
    ex = run("Greece ruled out any military cooperation with Turkey.")
    assert _typed(ex) == {("MilitaryCooperation", frozenset({"Q41", "Q43"}), "denied")}


def test_its_support_in_a_cause_phrase_belongs_to_the_one_sanctioned(run: Run) -> None:
    ex = run(
        "Canada imposed sanctions on Belarus over its support for Russia's invasion of Ukraine."
    )
    backing = {
        (r.source.qid if r.source else None, r.target.qid if r.target else None)
        for r in ex.relationships
        if r.type is RelationType.BACKING
    }
    assert backing == {("Q184", "Q159")}  # Belarus backs Russia; nobody here backs Ukraine


def test_a_relationship_formed_in_a_year_starts_then(run: Run) -> None:
    ex = run("Hungary and Serbia formed a strategic alliance in 2019.")
    (rel,) = ex.relationships
    assert rel.type is RelationType.ALLIANCE
    assert rel.evidence.valid_from is not None and rel.evidence.valid_from.value == "2019"


def test_states_ending_their_war_end_a_hostility(run: Run) -> None:
    ex = run("Ethiopia and Eritrea ended their war in 2018.")
    (rel,) = ex.relationships
    assert (rel.type, _keys(rel.members)) == (RelationType.HOSTILITY, {"Q115", "Q986"})
    assert rel.evidence.modality is Modality.ENDED
    assert rel.evidence.valid_until is not None and rel.evidence.valid_until.value == "2018"


def test_cooperating_on_security_or_counterterrorism_is_security_cooperation(run: Run) -> None:
    ex = run("Norway and Finland are cooperating closely on security.")
    assert ("SecurityCooperation", frozenset({"Q20", "Q33"}), "asserted") in _typed(ex)
    ex = run("Kenya and Somalia will cooperate on counterterrorism.")
    assert ("SecurityCooperation", frozenset({"Q114", "Q1045"}), "planned") in _typed(ex)


def test_according_to_at_the_start_reports_what_follows_the_comma(run: Run) -> None:
    ex = run("According to the Foreign Ministry, Egypt and Sudan agreed on a water plan.")
    assert [c.content for c in ex.claims] == ["Egypt and Sudan agreed on a water plan"]


def test_warning_someone_against_an_act_is_a_warning_about_it(run: Run) -> None:
    ex = run("Washington warned Beijing against providing lethal aid to Moscow.")
    (claim,) = ex.claims
    assert claim.type.value == "Warning"
    assert claim.content == "Beijing against providing lethal aid to Moscow"
    assert not ex.relationships  # warned against, not done


def test_talks_after_which_states_agree_are_held_by_them(run: Run) -> None:
    ex = run("Saudi Arabia and Iran agreed to restore diplomatic relations after talks in Baghdad.")
    (meeting,) = ex.meetings
    assert _meeting_rows(ex) == [("Talks", {"Q851", "Q794"}, "held")]
    assert meeting.place is not None and meeting.place.label == "Baghdad"


def test_the_place_of_talks_may_hang_on_the_counterpart(run: Run) -> None:
    ex = run("Egypt's foreign minister held talks with his Jordanian counterpart in Amman.")
    (meeting,) = ex.meetings
    assert meeting.place is not None and meeting.place.label == "Amman"


def test_cutting_ties_ends_them_and_restoring_them_starts_them_again(run: Run) -> None:
    (cut,) = run("Morocco and Algeria cut diplomatic ties in 2021.").relationships
    assert cut.evidence.modality is Modality.ENDED
    assert cut.evidence.valid_until is not None and cut.evidence.valid_until.value == "2021"
    (restored,) = run(
        "Turkey and Israel restored full diplomatic ties in August 2022."
    ).relationships
    assert restored.evidence.valid_from is not None
    assert restored.evidence.valid_from.value == "2022-08"


def test_agreeing_to_normalise_relations_is_an_agreed_tie(run: Run) -> None:
    ex = run("Israel and Sudan agreed in October 2020 to normalise relations.")
    assert _typed(ex) == {("DiplomaticCoordination", frozenset({"Q801", "Q1049"}), "agreed")}


def test_an_office_whose_holder_is_unknown_still_speaks_for_its_state(analyzer: Analyzer) -> None:
    # the gazetteer knows no holder of either office in 2030: the offices stand for their states
    meta = Metadata(published=date(2030, 5, 6), precision=Precision.DAY)
    text = "The Iranian president met the Iraqi prime minister on Monday."
    ex = analyzer.analyse(make_document(text, meta, key="rule-test"))
    assert _meeting_rows(ex) == [("Meeting", {"Q794", "Q796"}, "held")]


def test_discussing_a_topic_during_a_call_is_one_call_without_the_topic(run: Run) -> None:
    ex = run("Putin and Erdogan discussed Syria during a phone call.")
    assert _meeting_rows(ex) == [("PhoneCall", {"Q7747", "Q39259", "Q159", "Q43"}, "held")]


def test_its_ministry_speaks_for_the_state_named_before(run: Run) -> None:
    ex = run("India will not join the alliance, its foreign ministry said.")
    assert [(c.claimant.qid if c.claimant else None, c.content) for c in ex.claims] == [
        ("Q668", "India will not join the alliance")
    ]


def test_lifting_its_sanctions_ends_the_subjects_sanctions(run: Run) -> None:
    (rel,) = run("Japan lifted its sanctions on India in 2001.").relationships
    assert rel.type is RelationType.SANCTIONS and rel.evidence.modality is Modality.ENDED
    assert (rel.source and rel.source.qid, rel.target and rel.target.qid) == ("Q17", "Q668")


def test_thanking_someone_for_its_support_names_the_giver(run: Run) -> None:
    (rel,) = run("Armenia's president thanked France for its support.").relationships
    assert rel.type is RelationType.BACKING
    assert (rel.source and rel.source.qid, rel.target and rel.target.qid) == ("Q142", "Q399")


def test_an_unknown_official_titled_by_a_demonym_speaks_for_that_state(run: Run) -> None:
    # neither spy chief is in the gazetteer; the titles name their states
    ex = run("Egyptian intelligence chief Hassan Rashad held talks with his Jordanian counterpart.")
    ((kind, who, status),) = _meeting_rows(ex)
    assert (kind, status) == ("Talks", "held") and {"Q79", "Q810"} <= who
    ex = run("Turkish intelligence chief Hakan Fidan met his Iraqi counterpart in Baghdad.")
    ((kind, who, status),) = _meeting_rows(ex)
    assert {"Q43", "Q796"} <= who


def test_cooperating_militarily_is_military_cooperation(run: Run) -> None:
    ex = run("India and France have been cooperating militarily since 1998.")
    assert ("MilitaryCooperation", frozenset({"Q668", "Q142"}), "asserted") in _typed(ex)


def test_coordinated_efforts_against_a_named_terrorist_group_are_security_cooperation(
    run: Run,
) -> None:
    ex = run("Nigeria and Chad will coordinate their efforts against Boko Haram.")
    assert ("SecurityCooperation", frozenset({"Q1033", "Q657"}), "planned") in _typed(ex)


def test_a_first_name_cut_from_its_surname_is_no_gazetteer_surname(run: Run) -> None:
    # spaCy may end the name after "Ibrahim"; the Syrian official of that surname is not meant
    ex = run("Ibrahim Kalin, the head of Turkey's intelligence agency, met Syrian officials.")
    linked = [m for m in ex.mentions if m.text == "Ibrahim"]
    assert linked and all(m.entity is None for m in linked)


def test_trying_to_broker_a_rapprochement_ends_no_rivalry(run: Run) -> None:
    ex = run("Russia has been trying to broker a rapprochement between Turkey and Syria.")
    assert not [r for r in ex.relationships if r.evidence.modality is Modality.ENDED]


def test_the_two_leaders_are_the_two_people_just_named(run: Run) -> None:
    ex = run(
        "Egypt and Jordan share a long border. Russian President Vladimir Putin hosted "
        "Turkish President Recep Tayyip Erdogan in Sochi in September, and the two leaders "
        "agreed to continue their cooperation in Syria."
    )
    assert ("DiplomaticCoordination", frozenset({"Q159", "Q43"}), "agreed") in _typed(ex)
    (meeting,) = ex.meetings
    assert meeting.place_name == "Sochi"  # on the guest: "hosted Erdogan in Sochi"
    assert meeting.date is not None and meeting.date.value == "2020-09"


def test_blaming_someone_for_an_attack_on_its_site_is_alleged_hostility_of_the_blamed(
    run: Run,
) -> None:
    ex = run("Iran on Monday blamed Israel for an attack on its Natanz nuclear facility.")
    assert [
        (r.type.value, r.source and r.source.qid, r.target and r.target.qid)
        for r in ex.relationships
    ] == [
        ("Hostility", "Q801", "Q794")  # Israel on Iran; the facility is no armed group
    ]
    assert ex.relationships[0].evidence.modality is Modality.RUMOURED
    assert [(c.claimant and c.claimant.qid, c.type.value) for c in ex.claims] == [
        ("Q794", "Accusation")
    ]


def test_the_one_accused_in_a_passive_is_no_speaker(run: Run) -> None:
    assert run("Israel blamed for attack on Iran's Natanz nuclear site").claims == ()
    (claim,) = run("Syria was accused by France of using chemical weapons.").claims
    assert claim.claimant is not None and claim.claimant.qid == "Q142"


def test_a_meeting_is_not_dated_by_a_relative_clause_or_another_nouns_year(run: Run) -> None:
    ex = run(
        "Iraqi Prime Minister Mustafa al-Kadhimi, who visited Saudi Arabia last week, has been "
        "hosting talks between Saudi and Iranian officials in Baghdad."
    )
    talks = [m for m in ex.meetings if m.type.value == "Talks"]
    assert talks and all(m.date is not None and m.date.value == "2021-03-10" for m in talks)
    ex = run("The United States and Iran held talks in Vienna on reviving the 2015 nuclear deal.")
    (meeting,) = ex.meetings
    assert meeting.date is not None and meeting.date.value == "2021-03-10"  # not 2015


# --- sixth round: an independently written probe set (issue 5) -------------------------


def test_a_traveller_under_a_title_on_a_trip_visits_the_destination(run: Run) -> None:
    ex = run(
        "Egyptian President Ahmed Nabil will travel to Amman on Sunday on his first trip abroad."
    )
    ((kind, who, status),) = _meeting_rows(ex)
    assert (kind, status) == ("Visit", "planned") and {"Q79", "Q810"} <= who


def test_arriving_in_a_capital_for_a_visit_is_one_visit_to_its_state(run: Run) -> None:
    ex = run(
        "French Foreign Minister Claire Dumont arrived in Cairo on Monday for a two-day visit."
    )
    ((kind, who, status),) = _meeting_rows(ex)
    assert (kind, status) == ("Visit", "held") and {"Q142", "Q79"} <= who


def test_a_royal_title_speaks_for_its_state(run: Run) -> None:
    ex = run("Jordanian Crown Prince Ali Hassan will visit Cairo next week for talks.")
    ((_, who, status),) = _meeting_rows(ex)
    assert status == "planned" and {"Q810", "Q79"} <= who


def test_no_plans_to_meet_is_no_meeting(run: Run) -> None:
    assert run("Ankara said it had no plans to meet Syrian officials in Moscow.").meetings == ()


def test_calling_off_a_summit_cancels_it_and_coordinated_names_stay_sides(run: Run) -> None:
    ex = run(
        "Moscow called off a planned summit between US President Donald Trump and Russian "
        "President Vladimir Putin in Helsinki."
    )
    ((kind, who, status),) = _meeting_rows(ex)
    assert (kind, status) == ("Summit", "cancelled") and {"Q30", "Q159"} <= who


def test_hosting_guests_for_a_summit_is_a_summit(run: Run) -> None:
    ex = run("Erdogan hosted Putin and Rouhani in Ankara on Monday for a three-way summit.")
    assert [r[0] for r in _meeting_rows(ex)] == ["Summit"]


def test_sanctions_lifted_in_part_end_the_subjects_sanctions(run: Run) -> None:
    (rel,) = run("The European Union lifted most of its sanctions on Belarus.").relationships
    assert rel.type is RelationType.SANCTIONS and rel.evidence.modality is Modality.ENDED


def test_firing_missiles_at_troops_is_hostility_on_their_state(run: Run) -> None:
    (rel,) = run("Syria fired rockets at Turkish troops near the border.").relationships
    assert (rel.type, rel.source and rel.source.qid, rel.target and rel.target.qid) == (
        RelationType.HOSTILITY,
        "Q858",
        "Q43",
    )


def test_a_proposed_joint_security_mechanism_is_proposed_security_cooperation(run: Run) -> None:
    ex = run("Jordan proposed a joint security mechanism with Syria.")
    assert ("SecurityCooperation", frozenset({"Q810", "Q858"}), "proposed") in _typed(ex)


def test_freezing_cooperation_ends_it(run: Run) -> None:
    ex = run("Cairo froze its military cooperation with Moscow in 1972.")
    assert ("MilitaryCooperation", frozenset({"Q79", "Q159"}), "ended") in _typed(ex)


def test_announcing_sanctions_is_an_act_and_a_spokesman_for_a_ministry_is_its_state(
    run: Run,
) -> None:
    ex = run("Beijing announced sanctions on two US defence firms.")
    assert ex.claims == () and [r.type for r in ex.relationships] == [RelationType.SANCTIONS]
    ex = run("A spokesman for the Turkish foreign ministry said Ankara would not join the talks.")
    assert [c.claimant.qid if c.claimant else None for c in ex.claims] == ["Q43"]


def test_a_strike_on_a_refinery_in_a_state_is_hostility_on_that_state(run: Run) -> None:
    (rel,) = run("Israeli jets struck a fuel depot in Syria's Homs province.").relationships
    assert (rel.source and rel.source.qid, rel.target and rel.target.qid) == ("Q801", "Q858")


# --- seventh round: a second independent probe set of short news items (issue 5) ------


def test_dismissing_accusations_is_a_denial_and_naming_the_attacker_an_accusation(
    run: Run,
) -> None:
    ex = run("Syria's foreign ministry said the allegations were groundless.")
    assert [(c.claimant and c.claimant.qid, c.type.value) for c in ex.claims] == [
        ("Q858", "Denial")
    ]
    ex = run('"Russia is behind this attack," the British foreign secretary said.')
    assert [c.type.value for c in ex.claims] == ["Accusation"]


def test_promising_a_response_warns_and_being_ready_to_host_talks_offers(run: Run) -> None:
    ex = run("Egypt's army said it would retaliate against any attack.")
    assert [c.type.value for c in ex.claims] == ["Warning"]
    ex = run("Qatar said it was ready to host talks between Armenia and Azerbaijan.")
    assert [c.type.value for c in ex.claims] == ["Proposal"]


def test_his_office_is_the_office_of_the_person_reported_on(run: Run) -> None:
    ex = run(
        "Egyptian President Ahmed Nabil spoke by telephone with Vladimir Putin, his office said."
    )
    assert [c.claimant and c.claimant.qid for c in ex.claims] == ["Q79"]
    ((kind, who, _),) = _meeting_rows(ex)
    assert kind == "PhoneCall" and {"Q79", "Q159"} <= who


def test_a_meeting_inside_a_denial_is_not_recorded(run: Run) -> None:
    ex = run("The Kremlin denied that Putin had held a secret meeting with Erdogan in Baku.")
    assert ex.meetings == ()


def test_meeting_to_discuss_cooperation_proposes_it(run: Run) -> None:
    ex = run(
        "The heads of Egypt's and Jordan's intelligence services met to discuss security cooperation."
    )
    assert [r.evidence.modality for r in ex.relationships] == [Modality.PROPOSED]


def test_attacks_named_after_their_weapons_and_launched_at_a_state(run: Run) -> None:
    ex = run("Russia launched a missile and drone attack on Ukraine's power grid.")
    assert _triples(ex) == {("Hostility", "Q159", "Q212", "asserted")}
    ex = run("Iran launched missiles at Israel on Saturday.")
    assert _triples(ex) == {("Hostility", "Q794", "Q801", "asserted")}
    assert run("Iran launched a satellite on Saturday.").relationships == ()


def test_a_seat_of_government_speaks_for_its_state(run: Run) -> None:
    ex = run("The Pentagon said the strike had killed a senior commander.")
    assert [c.claimant and c.claimant.qid for c in ex.claims] == ["Q30"]


def test_hosting_officials_for_talks_and_the_talks_referred_to_after(run: Run) -> None:
    ex = run(
        "Oman's foreign minister hosted Iranian and Saudi officials in Muscat on Saturday for "
        "talks on Yemen. The talks ended without agreement, a source said."
    )
    rows = _meeting_rows(ex)  # one record per sentence, the same meeting (one node in RDF)
    assert len(rows) == 2 and rows[0] == rows[1] and rows[0][0] == "Talks"
    assert {"Q842", "Q794", "Q851"} <= rows[0][1]


def test_a_visit_expected_to_focus_on_a_topic_is_evidence_of_that_visit(run: Run) -> None:
    ex = run(
        "Iraq's foreign minister will visit Amman on Sunday for talks. The visit is expected "
        "to focus on water and trade."
    )
    rows = _meeting_rows(ex)
    assert len(rows) == 2 and rows[0] == rows[1] and rows[0][0] == "Visit"


def test_a_king_named_after_his_state_speaks_for_it(run: Run) -> None:
    ex = run("Morocco's King Hassan and Egyptian President Ahmed Nabil met in Rabat on Monday.")
    ((_, who, _),) = _meeting_rows(ex)
    assert {"Q1028", "Q79"} <= who


def test_retaliating_by_striking_targets_of_a_state_is_hostility_on_it(run: Run) -> None:
    ex = run("Israel retaliated by striking Iranian military targets.")
    assert _triples(ex) == {("Hostility", "Q801", "Q794", "asserted")}


def test_a_strategic_cooperation_agreement_is_a_strategic_partnership(run: Run) -> None:
    ex = run("India and Egypt signed a strategic cooperation agreement.")
    assert _typed(ex) == {("StrategicPartnership", frozenset({"Q668", "Q79"}), "agreed")}


def test_supplying_air_defence_backs_and_continuing_to_back_is_asserted(run: Run) -> None:
    ex = run("France will supply Ukraine with air defence systems.")
    assert _triples(ex) == {("Backing", "Q142", "Q212", "planned")}
    assert run("France will supply Ukraine with tractors.").relationships == ()
    ex = run("Russia will continue to back the Syrian government.")
    assert _triples(ex) == {("Backing", "Q159", "Q858", "asserted")}


def test_an_official_titled_without_a_state_speaks_for_the_state_of_the_statement(
    run: Run,
) -> None:
    ex = run("Egypt will open its border crossing on Monday, Prime Minister Ahmed Nabil said.")
    assert [
        (c.claimant and c.claimant.country_qid) or (c.claimant and c.claimant.qid)
        for c in ex.claims
    ] == ["Q79"]
    ex = run(
        "Jordan denied on Monday that it had closed the crossing. Foreign ministry spokesman "
        "Omar Saleh said the reports were false."
    )
    last = ex.claims[-1]
    assert last.type.value == "Denial"
    assert last.claimant is not None and (last.claimant.country_qid or last.claimant.qid) == "Q810"


def test_saying_there_was_no_such_contact_denies_it(run: Run) -> None:
    (claim,) = run("The Kremlin said there had been no such contacts.").claims
    assert claim.type.value == "Denial"


def test_it_in_a_reported_clause_is_the_reporting_state(run: Run) -> None:
    ex = run("Qatar denied that it had shared intelligence with Israel.")
    assert _typed(ex) == {("IntelligenceSharing", frozenset({"Q846", "Q801"}), "denied")}
    ex = run("Egypt said it would back Sudan.")
    assert _triples(ex) == {("Backing", "Q79", "Q1049", "planned")}


def test_no_plans_to_invade_is_denied_hostility_and_a_seizure_is_hostility(run: Run) -> None:
    ex = run("Armenia had no plans to attack Azerbaijan, the minister said.")
    assert _triples(ex) == {("Hostility", "Q399", "Q227", "denied")}
    ex = run("Ankara protested Greece's seizure of Turkish fishing boats.")
    assert ("Hostility", "Q41", "Q43", "asserted") in _triples(ex)


def test_buying_a_states_arms_is_military_cooperation_with_it(run: Run) -> None:
    ex = run(
        "Washington imposed sanctions on Egypt over its purchase of Russian Su-35 fighter jets."
    )
    assert ("MilitaryCooperation", frozenset({"Q79", "Q159"}), "asserted") in _typed(ex)
    ex = run("Qatar bought French Rafale jets in 2015.")
    assert _typed(ex) == {("MilitaryCooperation", frozenset({"Q846", "Q142"}), "asserted")}
    assert run("Egypt bought Russian wheat.").relationships == ()
