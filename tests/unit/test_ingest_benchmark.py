"""The benchmark's matching rules."""

from __future__ import annotations

import io

from benchmarks.ingest import date_key, names_match, participants, place_key, run, topics


def test_date_key_reads_month_only_text():
    assert date_key({"date": None, "date_text": "December 2017 (month only)"}) == "2017-12"
    assert date_key({"date": "2025-05-20"}) == "2025-05-20"
    assert date_key({"date": None, "date_text": "next week"}) is None


def test_place_key_resolves_country_names():
    assert place_key({"location": {"city": "Ankara", "country": "Turkey"}}) == place_key(
        {"location": {"city": "ankara", "country": "Türkiye"}})


def test_place_key_knows_a_city_by_its_other_names():
    assert place_key({"location": {"city": "St Petersburg", "country": "Russia"}}) == place_key(
        {"location": {"city": "Saint Petersburg", "country": "Russian Federation"}})


def test_names_match_in_any_order_and_with_middle_names():
    assert names_match("Yachi Shotaro", "Shotaro Yachi")
    assert names_match("Nuh Yılmaz", "Nuh Yilmaz")
    assert names_match("John Smith", "John A. Smith")
    assert not names_match("Smith", "John Smith")


def test_participants_need_name_role_and_country():
    expected = [{"name": "Ann Lee", "role": "Minister for Foreign Affairs",
                 "country_or_org": "EU"}]
    right = [{"name": "Ann Lee", "role": "Foreign Minister", "country_or_org": "European Union"}]
    wrong = [{"name": "Ann Lee", "role": "Deputy Foreign Minister",
              "country_or_org": "European Union"}]
    assert participants(expected, right, full=True).tp == 1
    counts = participants(expected, wrong, full=True)
    assert (counts.tp, counts.fp, counts.fn) == (0, 1, 1)


def test_topics_match_one_to_one():
    counts = topics(["Support for Ukraine", "Climate change"],
                    ["continued support for Ukraine", "support for Ukraine's army", "Energy"])
    assert (counts.tp, counts.fp, counts.fn) == (1, 2, 1)


def test_run_prints_every_field(tmp_path):
    (tmp_path / "01.txt").write_text(
        "Ministers to meet\n\nLatvian Foreign Minister Ilze Berzina will meet Estonian Foreign "
        "Minister Mart Kask in Riga on Friday to discuss energy security.\n", encoding="utf-8")
    (tmp_path / "01.json").write_text(
        '{"published": "2024-03-04", "date": "2024-03-08", "location": {"city": "Riga", '
        '"country": "Latvia"}, "participants": [{"name": "Ilze Berzina", "role": "Foreign '
        'Minister", "country_or_org": "Latvia"}], "topics": ["Energy security"]}',
        encoding="utf-8")
    out = io.StringIO()
    totals = run([str(tmp_path)], out=out)
    assert totals["date"].tp == 1 and totals["place"].tp == 1 and totals["topics"].tp == 1
    assert totals["participants"].tp == 1 and totals["participants"].fp == 1
    assert "date+place" in out.getvalue() and "time per article" in out.getvalue()


def test_very_verbose_run_says_what_was_missed_and_invented(tmp_path):
    (tmp_path / "01.txt").write_text(
        "Ministers to meet\n\nLatvian Foreign Minister Ilze Berzina will meet Estonian Foreign "
        "Minister Mart Kask in Riga on Friday to discuss energy security.\n", encoding="utf-8")
    (tmp_path / "01.json").write_text(
        '{"published": "2024-03-04", "date": "2024-03-09", "location": {"city": "Riga", '
        '"country": "Latvia"}, "participants": [{"name": "Ilze Berzina", "role": "Foreign '
        'Minister", "country_or_org": "Latvia"}], "topics": ["Water policy"]}',
        encoding="utf-8")
    out = io.StringIO()
    run([str(tmp_path)], verbose=2, out=out)
    text = out.getvalue()
    assert "date: expected 2024-03-09, got 2024-03-08" in text
    assert "+ participant: Mart Kask | Foreign Minister | Estonia" in text
    assert "- topic: Water policy" in text and "+ topic: Energy security" in text
