"""Predictions as spaCy Docs (`sorot[spacy]`): aligned spans, scores, displaCy."""

from __future__ import annotations

import json

import pytest

pytest.importorskip("spacy")


def test_every_span_of_real_article_predictions_aligns_to_spacy_tokens(trained, corpus):
    from spacy import displacy

    from sorot import Predictor
    from sorot.integrations import to_doc

    texts = [json.loads(line)["text"] for line in (corpus / "dev.jsonl").read_text().splitlines()]
    preds = Predictor.from_pretrained(trained[1], device="cpu")(texts)
    total = expanded = 0
    for pred in preds:
        doc = to_doc(pred)
        report = doc.user_data["sorot"]
        assert report["dropped"] == [] and len(doc.ents) == len(pred["entities"])
        widened = {(x["start"], x["end"]) for x in report["expanded"]}
        for span, ent in zip(doc.ents, pred["entities"]):
            assert span.label_ == ent["label"]
            exact = (span.start_char, span.end_char) == (ent["start"], ent["end"])
            assert exact or (ent["start"], ent["end"]) in widened  # widened spans are reported
            assert span.kb_id_ == (ent["canonical"] or ent["topic"] or "")
        assert doc.cats == pred["scores"] and report["primary"] == pred["primary"]
        total, expanded = total + len(pred["entities"]), expanded + len(widened)
    assert total > 100 and expanded <= total // 50
    html = displacy.render(to_doc(preds[0]), style="ent")
    assert preds[0]["entities"][0]["text"] in html and preds[0]["entities"][0]["label"] in html


def test_a_span_that_cuts_a_spacy_token_is_widened_and_reported():
    from sorot.integrations import to_doc

    text = "Presiden Zelenskyy tiba di Kyiv."
    pred = {"text": text, "labels": ["russia_ukraine"], "primary": "russia_ukraine", "scores": {"russia_ukraine": 0.9},
            "entities": [{"start": 9, "end": 17, "label": "LEADER", "text": text[9:17], "score": 0.8,
                          "canonical": None, "topic": None}]}
    doc = to_doc(pred)
    (span,) = doc.ents
    assert span.text == "Zelenskyy" and span.label_ == "LEADER"
    assert doc.user_data["sorot"]["expanded"] == [
        {"start": 9, "end": 17, "label": "LEADER", "doc_start": 9, "doc_end": 18}]


def test_a_batch_output_record_takes_its_text_from_the_input():
    """`sorot predict` keeps the input's fields, not its text: to_doc asks for it, in one line."""
    from sorot.integrations import to_doc
    from sorot.models.errors import SorotError

    text = "Presiden Vladimir Putin tiba."
    record = {"id": "a1", "labels": [], "primary": "other", "scores": {},
              "entities": [{"start": 9, "end": 23, "label": "LEADER"}]}
    with pytest.raises(SorotError, match="prediction 'a1' has no text: pass to_doc"):
        to_doc(record)
    assert [s.text for s in to_doc(record, text=text).ents] == ["Vladimir Putin"]
