"""The decode stage: what the device gave back → SCHEMA §3 predictions. Pure functions.

Tags become entity spans on word boundaries with character offsets into the original
text; person spans get the gazetteer's ``canonical`` name, topic spans a ``topic`` id
(what each type gets comes from :func:`sorot.models.schema.entity_kind`); article
probabilities become labels by the thresholds, and ``primary`` must be one of them.

>>> spec = DecodeSpec(("O", "B-LEADER", "I-LEADER"), ("gaza",), ("gaza", "other"), {"gaza": 0.5})
>>> article_result([0.9], [0.2, 0.8], spec)
{'labels': ['gaza'], 'primary': 'other', 'scores': {'gaza': 0.9}}
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from sorot.inference.text.bio import sparse_bio_to_word_spans
from sorot.inference.text.gazetteer import are_initials, family_names, family_owners, middle_names
from sorot.inference.text.phrases import keys_of
from sorot.models.schema import PRIMARY_OTHER, entity_kind


@dataclass(frozen=True)
class DecodeSpec:
    """The model's label maps and thresholds as plain values (no config lookups per word)."""

    tags: tuple[str, ...]
    article_labels: tuple[str, ...]
    primary_labels: tuple[str, ...]
    thresholds: dict[str, float]

    @classmethod
    def of(cls, config) -> DecodeSpec:
        return cls(tuple(config.tags), tuple(config.article_labels), tuple(config.primary_labels),
                   dict(config.thresholds))

    @property
    def outside(self) -> int:
        return self.tags.index("O")


class EntityLookups:
    """Gazetteer and topic lookups of entity texts, remembered: the same names come back
    in article after article, and each lookup normalises and segments its text. Bounded:
    the memo is cleared when it holds ``size`` texts."""

    def __init__(self, gazetteer, topics, size: int = 1 << 16) -> None:
        self.gazetteer, self.topics, self.size = gazetteer, topics, size
        self._canonical: dict[str, str | None] = {}
        self._topic: dict[str, str | None] = {}

    def canonical(self, text: str) -> str | None:
        if text not in self._canonical:
            if len(self._canonical) >= self.size:
                self._canonical.clear()
            person = self.gazetteer.lookup(text)
            self._canonical[text] = person.name if person is not None else None
        return self._canonical[text]

    def given_canonical(self, text: str, named: set[str], families: dict[str, str | None]) -> str | None:
        """The person whose unique given name, family name or initials ``text`` is, when the
        article names them in full (their canonical name is in ``named``; ``families`` the
        :func:`family_names` of the article's full names): "Steve" or "SW" after "Steve
        Witkoff", "Munir" after "Asim Munir"."""
        keys = keys_of(text)
        if len(keys) != 1:
            return None
        if text.isupper():
            return next((name for name in sorted(named) if are_initials(keys[0], keys_of(name))), None)
        person = self.gazetteer.given_names.get(keys[0])
        return person.name if person is not None and person.name in named else families.get(keys[0])

    def topic(self, text: str) -> str | None:
        if text not in self._topic:
            if len(self._topic) >= self.size:
                self._topic.clear()
            self._topic[text] = self.topics.topic_of(text)
        return self._topic[text]


def article_result(art: list[float], prim: list[float], spec: DecodeSpec,
                   thresholds: dict[str, float] | None = None) -> dict:
    """Labels over their thresholds, scores to 4 decimals, and ``primary``."""
    th = {**spec.thresholds, **(thresholds or {})}
    scores = {lbl: round(float(p), 4) for lbl, p in zip(spec.article_labels, art)}
    labels = [lbl for lbl in spec.article_labels if scores[lbl] >= th[lbl]]
    primary = spec.primary_labels[max(range(len(prim)), key=prim.__getitem__)]
    if primary != PRIMARY_OTHER and primary not in labels:
        primary = PRIMARY_OTHER  # the main conflict must be one of the article's labels
    return {"labels": labels, "primary": primary, "scores": scores}


def entities(text: str, starts, ends, words: list[int], tag_names: list[str], probs: list[float],
             lookups: EntityLookups) -> list[dict]:
    """Entity dicts from the article's tagged words (``words`` numbered in the article,
    which start and end at ``starts[w]`` and ``ends[w]``). A person's given name alone
    gets the canonical name of the one known person it belongs to, when the article
    names that person in full, as the weak labeler's silver data does."""
    out = []
    for i, j, label in sparse_bio_to_word_spans(words, tag_names):
        start, end = starts[words[i]], ends[words[j - 1]]
        kind, span = entity_kind(label), text[start:end]
        # the same keys on every entity, null when absent: typed columns in datasets/pandas
        out.append({"start": start, "end": end, "label": label, "text": span,
                    "score": round(sum(probs[i:j]) / (j - i), 4),
                    "canonical": lookups.canonical(span) if kind.person else None,
                    "topic": lookups.topic(span) if kind.topic else None})
    known = [e for e in out if e["canonical"]]
    for e, owner in zip(known, family_owners([(keys_of(e["text"]), e["canonical"]) for e in known])):
        e["canonical"] = owner  # "Mohammed Sinwar … Sinwar": not the gazetteer's Yahya
    named = {e["canonical"] for e in known}
    names = [(keys_of(e["text"]), e["canonical"]) for e in known]
    families = {**middle_names(names), **family_names(names)}
    for e in out:
        if named and e["canonical"] is None and entity_kind(e["label"]).person:
            e["canonical"] = lookups.given_canonical(e["text"], named, families)
    return out


def decode(words, fwd, spec: DecodeSpec, lookups: EntityLookups,
           thresholds: dict[str, float] | None = None) -> list[dict]:
    """One prediction per article of ``words`` (:class:`~sorot.inference.stages.Words`),
    in order. A text with no word that holds a letter or digit ("", "   ", ".") gets no
    labels and no entities."""
    results = []
    for a, text in enumerate(words.texts):
        lo, hi = words.offsets[a], words.offsets[a + 1]
        i, j = bisect_left(fwd.tagged, lo), bisect_left(fwd.tagged, hi)
        if not words.has_words[a]:  # nothing to read, nothing to claim
            results.append({"text": text, "labels": [], "primary": PRIMARY_OTHER,
                            "scores": dict.fromkeys(spec.article_labels, 0.0), "entities": []})
            continue
        tagged = [w - lo for w in fwd.tagged[i:j]]
        names = [spec.tags[t] for t in fwd.tag_ids[i:j]]
        ents = entities(text, words.starts[a], words.ends[a], tagged, names, fwd.tag_probs[i:j], lookups)
        results.append({"text": text, **article_result(fwd.article_probs[a], fwd.primary_probs[a],
                                                       spec, thresholds), "entities": ents})
    return results
