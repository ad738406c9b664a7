"""Input checks and article segmentation for ingest."""

from __future__ import annotations

import pytest

from db.errors import IngestError
from db.ingest.text import MAX_BYTES, decode, split_article, split_sentences


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        ("   \n\t\n", "empty"),
        (b"\x00\x01binary\x00" * 50, "binary"),
        (bytes(range(1, 32)) * 40, "binary"),
        (b"a" * (MAX_BYTES + 1), "at most"),
        ("Short text only.", "too short"),
        (b"\xff\xfe\xfa" * 10, "words"),
    ],
)
def test_bad_input_is_refused_with_a_reason(data, message):
    with pytest.raises(IngestError, match=message):
        decode(data)


def test_header_dateline_byline_and_trailer_are_separated():
    article = split_article(decode(
        "https://example.org/a\nMinisters to meet in Vienna\n\n"
        "VIENNA, May 3 (Reuters) - The ministers will meet on Friday. They will talk.\n"
        "By Jane Doe\n"
    ))
    assert article.url == "https://example.org/a"
    assert article.title == "Ministers to meet in Vienna"
    assert article.dateline_outlet == "Reuters"
    assert article.byline == "Jane Doe"
    assert [s.text for s in article.body_sentences] == [
        "The ministers will meet on Friday.", "They will talk."
    ]
    trailer = split_article(decode("Title line here\n\nThe two sides met in Beijing on Friday "
                                   "for talks.\n(Xinhua News Agency January 27, 2007)"))
    assert trailer.trailer == "Xinhua News Agency January 27, 2007"


def test_sentences_do_not_end_at_abbreviations_or_initials():
    text = ("U.S. Secretary Mr. Smith met Indian minister S. Jaishankar on Sept. 3 in Delhi. "
            "They spoke.")
    assert split_sentences(text) == [
        "U.S. Secretary Mr. Smith met Indian minister S. Jaishankar on Sept. 3 in Delhi.",
        "They spoke.",
    ]


def test_hard_wrapped_lines_are_joined_into_sentences():
    from db.ingest.text import split_article

    wrapped = (
        "Talks on water\n"
        "The two ministers will meet in Amman on the coming Monday, officials said, and\n"
        "Jordan's foreign minister will host the talks at the ministry.\n"
    )
    article = split_article(wrapped)
    assert article.title == "Talks on water"
    body = [s.text for s in article.sentences if not s.is_title]
    assert body == ["The two ministers will meet in Amman on the coming Monday, officials said, "
                    "and Jordan's foreign minister will host the talks at the ministry."]
