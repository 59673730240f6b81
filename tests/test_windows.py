"""Words -> sub-token windows: alignment, coverage and the most-context merge rule."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from sorot.inference.windows import best_windows, encode_words, toy_tokenizer, window_starts

TOK = toy_tokenizer()
WORDS = st.lists(st.sampled_from(["Putin", "tiba", "di", "Kyiv", "tibanya", "Xyz", "putinnya"]),
                 max_size=60)


@settings(max_examples=150, deadline=None)
@given(WORDS, st.integers(6, 20), st.data())
def test_windows_cover_every_subtoken_and_label_first_subtokens_only(words, window_length, data):
    window_stride = data.draw(st.integers(0, window_length - 3))
    enc = encode_words(words, TOK, window_length, window_stride)
    flat = TOK(words, is_split_into_words=True, add_special_tokens=False) if words else None
    n = len(flat["input_ids"]) if flat else 0
    body = window_length - 2
    assert all(len(w.input_ids) <= window_length for w in enc.windows)
    assert [w.start for w in enc.windows] == window_starts(n, body, window_stride)
    covered = {w.start + p for w in enc.windows for p in range(len(w.input_ids) - 2)}
    assert covered == set(range(n))
    for w in enc.windows:  # a word's first sub-token is labelled wherever it appears
        for p, word in enumerate(w.first_of_word):
            if word >= 0:
                q = w.start + p - 1
                assert flat.word_ids()[q] == word and (q == 0 or flat.word_ids()[q - 1] != word)
    best = best_windows(enc)
    assert set(best) == set(range(len(words)))  # every toy word has a sub-token
    for word, (w, p) in best.items():
        assert enc.windows[w].first_of_word[p] == word


def test_merge_prefers_the_window_with_most_context_on_both_sides():
    enc = encode_words(["Putin"] * 10, TOK, window_length=6, window_stride=2)  # bodies of 4, step 2
    assert [w.start for w in enc.windows] == [0, 2, 4, 6]
    best = best_windows(enc)
    # word 3 sits at body index 3 of window 0 (context 0) and 1 of window 1 (context 1)
    assert best[3] == (1, 2) and best[0] == (0, 1) and best[9] == (3, 4)


def test_empty_article_gets_one_window_of_special_tokens():
    enc = encode_words([], TOK, window_length=8, window_stride=2)
    assert [w.input_ids for w in enc.windows] == [[2, 3]] and best_windows(enc) == {}
