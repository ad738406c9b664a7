"""Agenda phrases and how lists split into topics."""

from __future__ import annotations

import pytest

from db.ingest.topics import split_items
from db.ingest.words import content_stems, phrase_similarity


@pytest.mark.parametrize(
    ("phrase", "items"),
    [
        ("Syria, Iran and the Israeli-Palestinian conflict",
         ["Syria", "Iran", "Israeli-Palestinian conflict"]),
        ("the withdrawal of foreign fighters, the reunification of the armed forces and the "
         "protection of oil installations",
         ["Withdrawal of foreign fighters", "Reunification of the armed forces",
          "Protection of oil installations"]),
        ("security, stability and territorial integrity of Syria",
         ["Security, stability and territorial integrity of Syria"]),
        ("the fight against ISIS (Daesh) and other terrorist organisations",
         ["Fight against ISIS (Daesh) and other terrorist organisations"]),
        ("humanitarian and security challenges in camps", ["Humanitarian and security challenges "
                                                           "in camps"]),
        ("substantive issues of the settlement, as well as measures to reduce tensions",
         ["Substantive issues of the settlement", "Measures to reduce tensions"]),
        ("building \"strategic, mutually beneficial\" ties",
         ["Strategic, mutually beneficial ties"]),
        ("migration, renewable energy and higher education",
         ["Migration", "Renewable energy", "Higher education"]),
    ],
)
def test_split_items(phrase, items):
    assert split_items(phrase) == items


def test_spelling_variants_and_plurals_meet():
    assert content_stems("stabilisation of organisations") == content_stems(
        "stabilization organizations")
    assert phrase_similarity("Support for Ukraine", "continued support for Ukraine") >= 0.5


def topics(body: str, published=None) -> list[str]:
    import datetime as dt

    from db.ingest import draft_from_text

    result = draft_from_text(f"Ministers meet\n\n{body}", published or dt.date(2024, 3, 4))
    return [item.text for item in result.draft.items]


def test_on_the_table_as_subject_and_inverted():
    assert topics("The ministers will meet in Vienna on Friday. Officials said the gas transit "
                  "deal and the border dispute would be on the table.") == [
        "Gas transit deal", "Border dispute"]
    assert topics("The ministers will meet in Vienna on Friday. On the table are also the "
                  "protracted conflicts in the region and cooperation on fighting trafficking.") \
        == ["Protracted conflicts in the region", "Cooperation on fighting trafficking"]


def test_a_list_after_a_colon_in_the_sentence():
    assert topics("The ministers met in Manila on Friday. Their talks focused on three things: "
                  "the signing of the access agreement, which lets troops train together; "
                  "maritime security; and coastal radars.") == [
        "Signing of the access agreement", "Maritime security", "Coastal radars"]


def test_a_list_in_the_lines_below_a_colon():
    body = ("The working group met in Chisinau on Friday.\nThe agenda covered:\n"
            "- completion of the high-voltage power line;\n- gas storage ahead of the winter;\n"
            "- a feasibility study for a second interconnector.\n"
            "\"We have moved on,\" the co-chair said.")
    assert topics(body) == ["Completion of the high-voltage power line",
                            "Gas storage ahead of the winter",
                            "Feasibility study for a second interconnector"]
    semicolons = ("The ministers met in Luxembourg on Friday.\nMinisters discussed:\n"
                  "Russia's war against Ukraine;\nthe situation in the Middle East;\n"
                  "relations with Moldova.\nThe next council is in May.")
    assert topics(semicolons) == ["Russia's war against Ukraine",
                                  "Situation in the Middle East", "Relations with Moldova"]


def test_an_aside_inside_a_list_does_not_end_it():
    assert topics("The ministers will meet in Kyiv on Friday to address EU accession talks, "
                  "which Poland wants to advance during its presidency, the reconstruction of "
                  "the grid, and the exhumation of victims.") == [
        "EU accession talks", "Reconstruction of the grid", "Exhumation of victims"]


@pytest.mark.parametrize(
    ("phrase", "items"),
    [
        ("the strengthening of air and missile defence on the eastern flank",
         ["Air and missile defence on the eastern flank"]),
        ("preparations for the first summit between the GCC and the EU",
         ["Preparations for the first summit between the GCC and the EU"]),
        ("the fight against terrorism and climate change", ["Fight against terrorism",
                                                            "Climate change"]),
    ],
)
def test_shared_objects_are_not_split(phrase, items):
    assert split_items(phrase) == items


def test_dates_audiences_and_relative_clauses_are_not_topics():
    found = topics("The ministers held talks on 5 and 6 December in Valletta. They agreed on the "
                   "leadership package that had blocked the organisation. They discussed the "
                   "budget of the mission and continued support for refugees. The president "
                   "later addressed the General Assembly.",
                   published=__import__("datetime").date(2024, 12, 7))
    assert found == ["Leadership package", "Budget of the mission",
                     "Support for refugees"]


def test_agenda_before_a_mention_of_another_event_is_kept():
    found = topics("The two ministers spoke by phone on Tuesday. They also reviewed preparations "
                   "for the next session of the cooperation council, planned for May in Budapest.")
    assert found == ["Preparations for the next session of the cooperation council"]
    assert topics("The two ministers met in Oslo on Tuesday. At their last meeting they "
                  "discussed fishing rights.") == []


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("The ministers held talks in Brussels on Friday. Topics included Ukraine and defence "
         "production.", ["Ukraine", "Defence production"]),
        ("The emir received the minister in Doha on Friday. Among the issues discussed were "
         "regional security and nuclear talks.", ["Regional security", "Nuclear talks"]),
        ("The prime ministers will meet in Tokyo on Friday, focusing on semiconductors and "
         "defence ties.", ["Semiconductors", "Defence ties"]),
        ("The chancellor met the president in Beijing on Friday. The talks touched upon trade, "
         "Ukraine and climate.", ["Trade", "Ukraine", "Climate"]),
        ("The two ministers spoke by phone on Friday about migration.", ["Migration"]),
        ("The ministers met in Oslo on Friday. Energy prices dominated the talks.",
         ["Energy prices"]),
        ("The secretary-general met the king in Amman on Friday to discuss refugees.",
         ["Refugees"]),
    ],
)
def test_more_agenda_phrasings(body, expected):
    assert topics(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("The two ministers met in Delhi on Friday. They took stock of the strategic "
         "partnership agreed by their prime ministers last year and exchanged views on "
         "connectivity, maritime cooperation in the Eastern Mediterranean and the Indian Ocean, "
         "and defence industrial collaboration.",
         ["Strategic partnership", "Connectivity",
          "Maritime cooperation in the Eastern Mediterranean and the Indian Ocean",
          "Defence industrial collaboration"]),
        ("The president will travel to Accra on Friday to hold talks with President Kofi Mensah "
         "on economic cooperation and the security situation in the Sahel, from where armed "
         "groups have moved south.",
         ["Economic cooperation", "Security situation in the Sahel"]),
        ("The assembly will be held in Asunción on Friday. Three issues are likely to dominate: "
         "the crisis in Venezuela, the emergency in Haiti, and the organisation's finances, "
         "which members must shore up. The theme chosen by the host country is \"Integration "
         "and security\".",
         ["Crisis in Venezuela", "Emergency in Haiti", "Organisation's finances",
          "Integration and security"]),
        ("The ministers met in Madrid on Friday. They discussed cooperation on migration, the "
         "reopening of customs posts at the borders of Ceuta and Melilla, and preparations for "
         "the World Cup. They also reviewed progress on a mobility and migration agreement.",
         ["Cooperation on migration", "Reopening of customs posts at the borders of Ceuta and "
          "Melilla", "Preparations for the World Cup", "Mobility and migration agreement"]),
        ("The commission met in Tashkent on Friday. The parties considered the following "
         "issues: 1) raising trade; 2) water sharing on the Syr Darya.",
         ["Raising trade", "Water sharing on the Syr Darya"]),
    ],
)
def test_agenda_phrasings_from_readouts_and_previews(body, expected):
    assert topics(body) == expected


@pytest.mark.parametrize(
    ("phrase", "items"),
    [
        # commas part the items when a comma stands before the last "and"
        ("aid under the new fund, trade and tourism, ports in the north and the south, and "
         "the training of pilots",
         ["Aid under the new fund", "Trade and tourism", "Ports in the north and the south",
          "Training of pilots"]),
        # a repeated "on" opens a second item
        ("the quota for cod and on the licences for trawlers",
         ["Quota for cod", "Licences for trawlers"]),
        # an action noun with a short object keeps what follows "and"
        ("the hiring of local cooks and IT staff by foreign hotels",
         ["Hiring of local cooks and IT staff by foreign hotels"]),
        # "above all" opens sub-items of the same topic
        ("the ferry link, above all new boats and a second pier",
         ["Ferry link, above all new boats and a second pier"]),
    ],
)
def test_list_separators(phrase, items):
    assert split_items(phrase) == items


def test_lead_ins_passives_and_bullets_after_reviewed():
    assert topics("The two envoys met in Oslo on Friday. Talks had been expected to deal with "
                  "the fishing quota.") == ["Fishing quota"]
    assert topics("The two envoys met in Oslo on Friday and discussed ferry links, with Oslo "
                  "urging faster work. Port fees were raised as well.") == [
        "Ferry links", "Port fees"]
    assert topics("The two envoys met in Oslo on Friday. Progress on the new pier and on the "
                  "ferry timetable was reviewed too.") == ["New pier", "Ferry timetable"]
    assert topics("The two envoys met in Oslo on Friday.\nThe envoys reviewed:\n"
                  "- the cod quota,\n- the ferry timetable.\nThey will meet again.") == [
        "Cod quota", "Ferry timetable"]


def test_the_object_of_an_agreed_step_is_a_topic():
    assert topics("The envoys met in Oslo on Friday and agreed to extend the ferry link into "
                  "Sweden.") == ["Extend the ferry link into Sweden"]
    assert topics("The envoys met in Oslo on Friday and agreed to put more weight behind the "
                  "fisheries pact that the two states have been drafting for years.") == [
        "Fisheries pact"]
    assert topics("The envoys met in Oslo on Friday to look at a fish farm that two firms plan "
                  "to open, and the new ferry timetable.") == ["Fish farm",
                                                               "New ferry timetable"]
