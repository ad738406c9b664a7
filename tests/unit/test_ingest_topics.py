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
