"""A prediction as a spaCy ``Doc``: entities in ``doc.ents``, article scores in ``doc.cats``.

spaCy's tokens are not sorot's words, so a span is aligned to whole spaCy tokens: exactly
when its offsets fall on token boundaries, else widened to the tokens it touches
(``alignment_mode="expand"``), and every widened span is listed in
``doc.user_data["sorot"]["expanded"]`` with its original offsets. Nothing is dropped
silently: a span that would overlap another after widening is listed under ``"dropped"``.

    from spacy import displacy
    from sorot import Predictor
    from sorot.integrations import to_doc

    doc = to_doc(Predictor.from_pretrained("runs/demo/tiny/model")("Presiden Vladimir Putin tiba."))
    displacy.render(doc, style="ent")

Each entity span's ``kb_id_`` is its ``canonical`` name (people the gazetteer knows) or its
``topic`` id; ``doc.user_data["sorot"]`` also holds ``labels`` and ``primary``.
"""

from __future__ import annotations

from functools import lru_cache

from sorot.models.errors import SorotError


@lru_cache(maxsize=1)
def blank_indonesian():
    """``spacy.blank("id")``, made once (its tokenizer rules take a while to build)."""
    try:
        import spacy
    except ImportError:
        raise SorotError('to_doc needs spaCy: pip install "sorot[spacy]"') from None
    return spacy.blank("id")


def _aligned(doc, ent: dict, report: dict):
    span = doc.char_span(ent["start"], ent["end"], label=ent["label"], kb_id=ent.get("canonical") or
                         ent.get("topic") or "", alignment_mode="strict")
    if span is None:
        span = doc.char_span(ent["start"], ent["end"], label=ent["label"], kb_id=ent.get("canonical") or
                             ent.get("topic") or "", alignment_mode="expand")
        report["expanded"].append({"start": ent["start"], "end": ent["end"], "label": ent["label"],
                                   "doc_start": span.start_char, "doc_end": span.end_char})
    return span


def to_doc(prediction: dict, text: str | None = None, nlp=None):
    """The ``Doc`` of one prediction (SCHEMA §3 dict), on ``nlp`` (default ``spacy.blank("id")``).
    ``text`` is the article's text, for records that do not carry it (``sorot predict``
    output keeps the input's fields, not its text)."""
    text = text if text is not None else prediction.get("text")
    if text is None:
        raise SorotError(f"prediction {prediction.get('id', '')!r} has no text: pass to_doc(prediction, text=...)")
    nlp = nlp or blank_indonesian()
    doc = nlp.make_doc(text)
    report = {"labels": list(prediction.get("labels", [])), "primary": prediction.get("primary"),
              "expanded": [], "dropped": []}
    spans, taken = [], set()
    for ent in sorted(prediction.get("entities", []), key=lambda e: e["start"]):
        span = _aligned(doc, ent, report)
        tokens = set(range(span.start, span.end))
        if tokens & taken:  # widening ran it into its neighbour
            report["dropped"].append({k: ent[k] for k in ("start", "end", "label")})
            continue
        taken |= tokens
        spans.append(span)
    doc.ents = spans
    doc.cats = dict(prediction.get("scores", {}))
    doc.user_data["sorot"] = report
    return doc
