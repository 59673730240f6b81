"""Normalisation and word segmentation: offsets always point into the original text."""

from __future__ import annotations

import html
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from sorot.inference.text.normalize import fold, normalize
from sorot.inference.text.words import sentence_spans, word_spans

PIECES = ["Putin", "negara-negara", "Trump-Putin", "(14/6)", "“kata”", "‘ya’", "\u00a0", "\u200b",
          "e\u0301", "ﬁ", "Ｘ", "—", "-nya", "Ma'ruf", " ", "\n", "\r\n", "\t", "1.000", "al-Hayya",
          ".", ",", "Zelenskyy", "«", "\u00ad", "z",
          # HTML character references of scraped pages, doubly escaped too, and lookalikes
          "&nbsp;", "&quot;", "&amp;quot;", "&#8220;", "&#x2014;", "&lt;", "&amp;", "&foo;", "AT&T", "&#0;"]
texts = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=3)), max_size=25).map("".join)


def words_of(text: str) -> list[str]:
    return [text[s:e] for s, e in word_spans(text)]


def test_indonesian_news_tokens():
    text = "Negara-negara Barat menolak pertemuan Trump-Putin (14/6), kata “Ma'ruf”. Programnya"
    assert words_of(text) == ["Negara-negara", "Barat", "menolak", "pertemuan", "Trump", "-",
                              "Putin", "(", "14/6", ")", ",", "kata", "“", "Ma'ruf", "”", ".",
                              "Programnya"]


def test_nya_clitic_after_hyphen_and_reduplication_with_suffix():
    assert words_of("Putin-nya situs-situsnya besar-besaran") == [
        "Putin", "-", "nya", "situs-situsnya", "besar-besaran"]


def test_numbers_dates_and_urls_stay_whole():
    assert words_of("Senin (21/3/2022) pukul 14:28, 1.000 orang https://x.id/a.") == [
        "Senin", "(", "21/3/2022", ")", "pukul", "14:28", ",", "1.000", "orang",
        "https://x.id/a", "."]


def test_invisible_characters_do_not_split_or_join_words():
    text = "Zelen\u00adskyy\u200b dan\u00a0Putin"
    assert words_of(text) == ["Zelen\u00adskyy", "dan", "Putin"]


def test_fold_unifies_case_accents_quotes_and_dashes():
    assert fold("ERDOĞAN") == fold("erdogan") == "erdogan"
    assert fold("Sa’ar") == "sa'ar"
    assert fold("Ben–Gvir") == "ben-gvir"


def test_sentences_split_on_stops_and_lines():
    text = "Putin tiba. Ia bertemu Xi!\n\nBaca juga: lain"
    assert [text[s:e] for s, e in sentence_spans(text)] == [
        "Putin tiba.", "Ia bertemu Xi!", "Baca juga: lain"]


@settings(max_examples=300, deadline=None)
@given(texts)
def test_normalisation_map_round_trips(text):
    norm = normalize(text)
    assert len(norm.src_start) == len(norm.src_end) == len(norm.text)
    for i, ch in enumerate(norm.text):
        s, e = norm.src_start[i], norm.src_end[i]
        assert 0 <= s < e <= len(text)
        # the output character comes from that slice of the original
        source = unicodedata.normalize("NFKC", html.unescape(text[s:e]))
        assert ch in source or ch in "'\"- \n" or not source.strip()
    assert list(norm.src_start) == sorted(norm.src_start)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_words_cover_every_visible_character_once(text):
    spans = word_spans(text)
    assert all(0 <= s < e <= len(text) for s, e in spans)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))  # ordered, no overlap
    covered = {i for s, e in spans for i in range(s, e)}
    norm = normalize(text)  # what a reader sees: "&nbsp;" is a space, "&quot;" a quote
    visible = {i for k, c in enumerate(norm.text) if c.strip() for i in range(norm.src_start[k], norm.src_end[k])}
    assert visible <= covered
    assert all(text[s:e].strip() for s, e in spans)


def test_plain_runs_and_combining_marks_compose():
    n = normalize("Cafe\u0301 di Ankara")
    assert n.text == "Café di Ankara"
    assert n.to_original(0, 4) == (0, 5) and n.original[slice(*n.to_original(5, 7))] == "di"


def test_html_character_references_read_as_their_characters():
    text = "Menlu Rusia&nbsp;Sergei Lavrov: &quot;Siap&quot; &amp;quot;ya&amp;quot; AT&T &foo; Kyiv&#39;s"
    assert words_of(text) == ["Menlu", "Rusia", "Sergei", "Lavrov", ":", "&quot;", "Siap", "&quot;",
                              "&amp;quot;", "ya", "&amp;quot;", "AT", "&", "T", "&", "foo", ";", "Kyiv",
                              "&#39;s"]
    assert normalize("&#8220;Gaza&#8221; &#x2014; &lt;b&gt;").text == '"Gaza" - <b>'
    assert fold("&quot;") == '"'
