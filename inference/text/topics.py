"""The topic lexicon: cue phrases for each TOPIC id, with rules for ambiguous words.

Used by the weak labeler to find TOPIC spans, and by the predictor to give a
model's TOPIC span its ``topic`` id.

>>> lex = TopicLexicon.load()
>>> doc = Document.from_text("Pembicaraan telepon itu membahas program nuklirnya dan sanksi.")
>>> [(doc.span_text(h.start, h.end), h.payload) for h in lex.find(doc)]
[('program nuklirnya', 'nuclear_programme'), ('sanksi', 'sanctions')]
>>> lex.topic_of("Gencatan Senjata"), lex.topic_of("paket bantuan militer")
('ceasefire', 'military_aid')
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sorot.inference.text.phrases import Document, Hit, PhraseMatcher, keys_of
from sorot.inference.text.resources import DataFileError, data_path, load_yaml
from sorot.models.schema import TOPIC_IDS


@dataclass(frozen=True)
class _Exception:
    cues: frozenset
    followed_by: frozenset
    preceded_by: frozenset
    window: int


def _variants(cue: str) -> list[str]:
    """The cue, with "-nya" on its last word, and with its first word reduplicated."""
    words = cue.split()
    out = [cue, " ".join([*words[:-1], words[-1] + "nya"])]
    if len(words) > 1:
        out.append(" ".join([f"{words[0]}-{words[0]}", *words[1:]]))
    return out


class TopicLexicon:
    """Finds TOPIC cues in documents; payloads are topic ids."""

    def __init__(self, topics: dict[str, list[str]], exceptions: list[dict] | None = None):
        unknown = sorted(set(topics) - set(TOPIC_IDS))
        if unknown:
            raise ValueError(f"topic lexicon: unknown topic id {unknown[0]!r}; ids are "
                             f"{', '.join(TOPIC_IDS)}")
        self.matcher = PhraseMatcher()
        self._cue_topic: dict[tuple, str] = {}
        for topic, cues in topics.items():
            for cue in cues:
                self._cue_topic[keys_of(cue)] = topic
                for variant in _variants(cue.lower()):
                    self.matcher.add(variant, (topic, keys_of(cue)))
        self.exceptions = [
            _Exception(frozenset(keys_of(c) for c in e["cues"]),
                       frozenset(e.get("followed_by", ())), frozenset(e.get("preceded_by", ())),
                       int(e.get("window", 1)))
            for e in exceptions or ()]

    @classmethod
    def load(cls, path: str | Path | None = None) -> TopicLexicon:
        path = path or data_path("topics.yaml")
        data = load_yaml(path)
        topics = data.get("topics") if isinstance(data, dict) else None
        if not isinstance(topics, dict) or not all(
                isinstance(cues, list) and all(isinstance(c, str) and c.strip() for c in cues)
                for cues in topics.values()):
            raise DataFileError(f"{path}: not a topic lexicon: expected `topics:` mapping each topic "
                                "id to a list of cue phrases")
        exceptions = data.get("exceptions") or []
        if not isinstance(exceptions, list) or not all(
                isinstance(e, dict) and isinstance(e.get("cues"), list) for e in exceptions):
            raise DataFileError(f"{path}: `exceptions:` must be a list of mappings with `cues:`")
        try:
            return cls(topics, exceptions)
        except ValueError as e:
            raise DataFileError(f"{path}: {e}") from e

    def _excepted(self, doc: Document, hit: Hit, cue: tuple) -> bool:
        for ex in self.exceptions:
            if cue not in ex.cues:
                continue
            after = doc.keys[hit.end:hit.end + ex.window]
            before = doc.keys[hit.start - 1] if hit.start else ""
            if ex.followed_by.intersection(after) or before in ex.preceded_by:
                return True
        return False

    def find(self, doc: Document, blocked: set[int] | None = None) -> list[Hit]:
        """TOPIC hits in ``doc``, exceptions removed; payload is the topic id."""
        hits = []
        for hit in self.matcher.find(doc, blocked):
            topic, cue = hit.payload
            if not self._excepted(doc, hit, cue):
                hits.append(Hit(hit.start, hit.end, topic))
        return hits

    def topic_of(self, span_text: str) -> str | None:
        """The topic id of a span: its longest cue inside it, else ``None``."""
        doc = Document.from_text(span_text.lower())
        hits = self.matcher.find(doc)
        if not hits:
            return None
        best = max(hits, key=lambda h: h.end - h.start)
        return best.payload[0]
