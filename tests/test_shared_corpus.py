"""Regression guard on the real gold set (skipped when ../shared/corpus is absent).

The targets are those of the foundation issue; the README reports the scores.
"""

from __future__ import annotations

from sorot.inference.text.article import Article
from sorot.inference.text.bio import spans_to_bio
from sorot.inference.text.boilerplate import find_boilerplate
from sorot.inference.text.readers import read_articles
from sorot.inference.text.words import word_spans
from sorot.training.records import load_annotated
from sorot.training.scoring import score


def test_weak_labeler_meets_targets_on_dev(corpus, labeler):
    gold = load_annotated(corpus / "dev.jsonl")
    pred = {i: labeler.label(g["text"], i) for i, g in gold.items()}
    r = score(gold, pred)
    ents, arts = r["entities"], r["articles"]
    assert ents["LEADER"]["f1"] >= 0.97
    assert ents["OFFICIAL"]["f1"] >= 0.90
    assert ents["TOPIC"]["f1"] >= 0.80
    assert arts["micro"]["f1"] >= 0.95
    assert r["primary_accuracy"] >= 0.92


def test_gold_spans_fit_our_words_and_texts_survive_reading(corpus):
    gold = load_annotated(corpus / "dev.jsonl")  # validates alignment of every span
    for g in gold.values():
        assert len(spans_to_bio(word_spans(g["text"]), g["entities"])) == len(word_spans(g["text"]))
    arts = [a for a in read_articles(corpus / "txt") if isinstance(a, Article)]
    assert len(arts) == len(list((corpus / "txt").glob("*.txt")))
    # many scraped pages carry noise (14 of the 38 when this was written)
    assert sum(bool(find_boilerplate(a.text)) for a in arts) >= 12
