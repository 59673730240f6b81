"""Spans <-> IOB2 over words, with the rule for invalid sequences."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sorot.inference.text.bio import AlignmentError, bio_to_spans, bio_to_word_spans, spans_to_bio
from sorot.inference.text.words import word_spans
from sorot.models.schema import BIO_TAGS, ENTITY_TYPES


def test_invalid_i_after_o_or_other_type_opens_a_span():
    tags = ["I-TOPIC", "I-TOPIC", "O", "B-LEADER", "I-OFFICIAL", "I-OFFICIAL", "B-LEADER"]
    assert bio_to_word_spans(tags) == [(0, 2, "TOPIC"), (3, 4, "LEADER"), (4, 6, "OFFICIAL"),
                                       (6, 7, "LEADER")]


def test_lenient_alignment_takes_every_overlapped_word():
    words = word_spans("Presiden Putin tiba")
    with pytest.raises(AlignmentError, match="cuts a word"):
        spans_to_bio(words, [{"start": 10, "end": 14, "label": "LEADER"}])
    assert spans_to_bio(words, [{"start": 10, "end": 14, "label": "LEADER"}], strict=False) == [
        "O", "B-LEADER", "O"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["Putin", "gencatan", "senjata", "-", "(14/6)", "Ma'ruf", "“",
                                 "negara-negara", "\u00a0", "Zelenskyy"]), min_size=1, max_size=30),
       st.data())
def test_spans_and_tags_round_trip(pieces, data):
    text = " ".join(pieces)
    words = word_spans(text)
    tags = data.draw(st.lists(st.sampled_from(BIO_TAGS), min_size=len(words), max_size=len(words)))
    spans = bio_to_spans(words, tags)
    assert all(text[s:e].strip() and t in ENTITY_TYPES for s, e, t in spans)
    ents = [{"start": s, "end": e, "label": t} for s, e, t in spans]
    again = spans_to_bio(words, ents)
    assert bio_to_spans(words, again) == spans  # decoding a valid sequence is lossless
    starts, ends = {s for s, _ in words}, {e for _, e in words}
    assert all(s in starts and e in ends for s, e, _ in spans)  # spans sit on word boundaries


@given(st.lists(st.sampled_from(["O", "B-LEADER", "I-LEADER", "B-TOPIC", "I-TOPIC", "I-OFFICIAL"]),
                max_size=30))
@settings(max_examples=300, deadline=None)
def test_sparse_decoding_equals_dense_decoding(tags):
    from sorot.inference.text.bio import bio_to_word_spans, sparse_bio_to_word_spans

    words = [k for k, t in enumerate(tags) if t != "O"]
    sparse = sparse_bio_to_word_spans(words, [tags[k] for k in words])
    assert [(words[i], words[j - 1] + 1, t) for i, j, t in sparse] == bio_to_word_spans(tags)
