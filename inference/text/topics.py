"""The topic lexicon: cue phrases for each TOPIC id, with rules for ambiguous words.

Used by the weak labeler to find TOPIC spans, and by the predictor to give a
model's TOPIC span its ``topic`` id.

>>> lex = TopicLexicon.load()
>>> doc = Document.from_text("Pembicaraan telepon itu membahas program nuklirnya dan sanksi.")
>>> [(doc.span_text(h.start, h.end), h.payload) for h in lex.find(doc)]
[('program nuklirnya', 'nuclear_programme'), ('sanksi', 'sanctions')]
>>> lex.topic_of("Gencatan Senjata"), lex.topic_of("paket bantuan militer")
('ceasefire', 'military_aid')

A cue word of eight or more letters also matches one typing slip away (a letter added,
dropped, changed or two swapped: "fasiliats nuklir", "negoisasi"), unless the word is
a real one (``not_misspellings:`` in the lexicon: "perundangan" is not "perundingan"; a
listed word covers its "-nya" form). The eight letters count without "-nya":
"tawarannya" (an offer) is no slip of "tawanannya". A word of five to seven letters slips
only next to its partner in a cue, spelt right, and never when it is a word itself:
"gencatan sanjata" is a ceasefire, "pertukaran tahunan" (a yearly exchange) is none.

>>> [(h.payload) for h in lex.find(Document.from_text("Bom jatuh di fasiliats nuklir."))]
['nuclear_programme']
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, fields
from pathlib import Path

from sorot.inference.text.phrases import Document, Hit, PhraseMatcher, is_capitalised, keys_of, same_line
from sorot.inference.text.resources import DataFileError, data_path, load_yaml, refuse_unknown_keys
from sorot.inference.text.slips import Slips
from sorot.models.schema import TOPIC_IDS


@dataclass(frozen=True)
class _Exception:
    """Drops ``cues`` right after a ``preceded_by`` word or with a ``followed_by`` word in
    the ``window`` words after them; with ``keep_only``, drops them everywhere else."""

    cues: frozenset
    followed_by: frozenset
    preceded_by: frozenset
    window: int
    keep_only: bool = False

    def drops(self, doc: Document, hit: Hit) -> bool:
        after = _clause(doc.keys[hit.end:hit.end + self.window])
        before = doc.keys[hit.start - 1] if hit.start else ""
        return (bool(self.followed_by.intersection(after)) or before in self.preceded_by) != self.keep_only


def _variants(cue: str) -> list[str]:
    """The cue, with "-nya" on its last word, and with its first word reduplicated (the
    plural: "situs-situs nuklir", "sanksi-sanksi")."""
    words = cue.split()
    return [cue, " ".join([*words[:-1], words[-1] + "nya"]), " ".join([f"{words[0]}-{words[0]}", *words[1:]])]


@dataclass(frozen=True)
class TopicLists:
    """The word lists of ``topics.yaml`` besides ``topics:`` and ``exceptions:``, as
    written (any case); the README of ``data/`` says what each is for.

    >>> TopicLists.from_data({"war_words": ["perang"]}, "topics.yaml:").war_words
    ['perang']
    """

    not_misspellings: list[str] = field(default_factory=list)
    needs_conflict: list[str] = field(default_factory=list)
    off_conflict: list[str] = field(default_factory=list)
    name_heads: list[str] = field(default_factory=list)
    needs_war: list[str] = field(default_factory=list)
    war_words: list[str] = field(default_factory=list)
    subject_shifts: list[str] = field(default_factory=list)

    @classmethod
    def from_data(cls, data: dict, where: str) -> TopicLists:
        """The lists of a parsed ``topics.yaml`` mapping; ``where`` opens each error."""
        lists = {f.name: data.get(f.name) or [] for f in fields(cls)}
        for key, words in lists.items():
            if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
                raise DataFileError(f"{where} `{key}:` must be a list of words")
        return cls(**lists)


class TopicLexicon:
    """Finds TOPIC cues in documents; payloads are topic ids."""

    def __init__(self, topics: dict[str, list[str]], exceptions: list[dict] | None = None,
                 lists: TopicLists = TopicLists()):
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
                       int(e.get("window", 1)), bool(e.get("keep_only", False)))
            for e in exceptions or ()]
        self.needs_conflict = frozenset(keys_of(c) for c in lists.needs_conflict)
        self.off_conflict = frozenset(k for w in lists.off_conflict for k in keys_of(w))
        self.name_heads = frozenset(k for w in lists.name_heads for k in keys_of(w))
        self.needs_war = frozenset(keys_of(c) for c in lists.needs_war)
        self.war_words = frozenset(k for w in lists.war_words for k in keys_of(w))
        self.subject_shifts = PhraseMatcher()
        for shift in lists.subject_shifts:
            self.subject_shifts.add(shift.lower(), shift)
        pairs = {pair for cue in self._cue_topic for pair in zip(cue, cue[1:])}
        self.misspellings = Slips(self.matcher.vocabulary(), {w.lower() for w in lists.not_misspellings}, pairs)

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
        refuse_unknown_keys(data, ("topics", "exceptions", *(f.name for f in fields(TopicLists))), f"{path}:")
        lists = TopicLists.from_data(data, f"{path}:")
        try:
            return cls(topics, exceptions, lists)
        except ValueError as e:
            raise DataFileError(f"{path}: {e}") from e

    def inside_names(self, doc: Document, headline: set[int] = frozenset()) -> set[int]:
        """Words of proper names that open with a ``name_heads:`` word ("Perjanjian
        Non-Proliferasi Senjata Nuklir", "Badan Perdamaian"): a treaty's or a body's name
        is not the issue. A run of capitalised words (and hyphens) on one line, outside
        Title Case headlines, where every word is capitalised anyway.

        >>> lex = TopicLexicon.load()
        >>> doc = Document.from_text("Iran keluar dari Perjanjian Non-Proliferasi Senjata Nuklir kemarin.")
        >>> [doc.word(i) for i in sorted(lex.inside_names(doc))]
        ['Non', '-', 'Proliferasi', 'Senjata', 'Nuklir']
        """
        out: set[int] = set()
        i = 0
        while i < len(doc.keys):
            if doc.keys[i] not in self.name_heads or not is_capitalised(doc.word(i)) or i in headline:
                i += 1
                continue
            j = i + 1
            while j < len(doc.keys) and same_line(doc, j - 1, j) and \
                    (is_capitalised(doc.word(j)) or (doc.keys[j] == "-" and j + 1 < len(doc.keys)
                                                     and is_capitalised(doc.word(j + 1)))):
                j += 1
            out.update(range(i + 1, j))
            i = j
        return out

    def shifts_subject(self, doc: Document, start: int) -> bool:
        """Whether the sentence at word ``start`` opens with a ``subject_shifts:`` phrase
        ("Sementara itu", "Di sisi lain"), after any opening quote.

        >>> lex = TopicLexicon.load()
        >>> lex.shifts_subject(Document.from_text("Di sisi lain, DPR membahas RUU."), 0)
        True
        """
        if start < len(doc.keys) and not doc.keys[start][:1].isalnum():
            start += 1  # an opening quote or a bullet
        return start < len(doc.keys) and self.subject_shifts.match_at(doc, start) is not None

    def _excepted(self, doc: Document, hit: Hit, cue: tuple) -> bool:
        return any(cue in ex.cues and ex.drops(doc, hit) for ex in self.exceptions)

    def names_a_war(self, doc: Document) -> bool:
        """Whether ``doc`` has a word of war (``war_words:``: "perang", "militer" …)."""
        return not self.war_words.isdisjoint(doc.keys)

    def find(self, doc: Document, blocked: set[int] | None = None,
             about_a_conflict: Callable[[Hit], bool | None] | None = None, at_war: bool = True) -> list[Hit]:
        """TOPIC hits in ``doc``, exceptions removed; payload is the topic id. With
        ``about_a_conflict``, a generic cue (``needs_conflict:``, "negosiasi", "reaktor
        nuklir") is kept only where it says the hit's context may be about a conflict; where
        it cannot tell (``None``: no conflict and no other subject around), the cue goes as
        the generic cue of its topic before it went: "… perundingan kerja sama ekonomi …
        Perundingan itu diharapkan rampung" are the same trade talks. In an article not
        ``at_war`` (naming no conflict nor war), a word Indonesian news also uses at home
        (``needs_war:``: "sanksi", "tahanan", "eskalasi") is no topic."""
        hits = []
        doc = self.misspellings.apply(doc)
        went: dict[str, bool] = {}  # topic -> whether its last generic cue was kept
        for hit in self.matcher.find(doc, blocked):
            topic, cue = hit.payload
            generic = about_a_conflict is not None and cue in self.needs_conflict
            if self._excepted(doc, hit, cue) or (not at_war and cue in self.needs_war):
                if generic:  # "pembicaraan telepon … pembicaraan itu": the same call
                    went[topic] = False
                continue
            if generic:
                verdict = about_a_conflict(hit)
                went[topic] = verdict = went.get(topic, True) if verdict is None else verdict
                if not verdict:
                    continue
            hits.append(Hit(hit.start, hit.end, topic))
        return hits

    def topic_of(self, span_text: str) -> str | None:
        """The topic id of a span: its longest cue inside it, else ``None``."""
        doc = self.misspellings.apply(Document.from_text(span_text.lower()))
        hits = self.matcher.find(doc)
        if not hits:
            return None
        best = max(hits, key=lambda h: h.end - h.start)
        return best.payload[0]


#: Words that start another item, after which a word no longer modifies the cue.
_COORDINATION = frozenset({"dan", "serta", "atau", ",", ".", ";", ":"})


def _clause(keys: list[str]) -> list[str]:
    """``keys`` up to a coordinating word: in "gencatan senjata dan perdagangan" the trade
    word is a second item, not the truce's kind ("gencatan senjata perang dagang").

    >>> _clause(["dan", "perdagangan"]), _clause(["perang", "dagang"])
    ([], ['perang', 'dagang'])
    """
    for k, key in enumerate(keys):
        if key in _COORDINATION:
            return keys[:k]
    return keys

