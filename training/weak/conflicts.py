"""Article labels from evidence counted over body sentences.

Each body sentence (boilerplate excluded) scores every conflict: a strong cue
("Kyiv", "Fordow", "Gaza") weighs 2, a weak cue ("Rusia", "nuklir") 1, a person
tied to the conflict 1, a TOPIC phrase 1 when the sentence already has a place
cue. A sentence whose best score reaches ``min_sentence_score`` is *about* that
conflict (a bare name in passing is not enough). An article gets each label that
at least ``min_sentences`` sentences are about; ``primary`` is the label with the
most evidence, or ``other`` when none is clearly ahead or the main one has too few
sentences (a lone label may count the sentences that name its conflict by any cue).

>>> ev = ConflictEvidence.load()
>>> ev.sentence_scores(Document.from_text("Rudal Rusia menghantam Kyiv semalam."))
[{'russia_ukraine': 3, 'israel_iran': 0, 'gaza': 0}]
"""

from __future__ import annotations

import logging
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sorot.inference.text.phrases import Document, Hit, PhraseMatcher, keys_of
from sorot.inference.text.resources import DataFileError, data_path, load_yaml, refuse_unknown_keys
from sorot.models.schema import ARTICLE_LABELS, PRIMARY_OTHER
from sorot.training.weak.names import word_stems, zipf
from sorot.training.weak.passing import InPassing, in_relative_clause

logger = logging.getLogger(__name__)


def check_cue_labels(cues: dict, source: str) -> None:
    """Refuse cues for a label the schema does not have (a typo would silently never
    fire); warn for a schema label with no cues (its articles can never get it).

    >>> check_cue_labels({"gaza": {"strong": ["Gaza"]}, "gazza": {}}, "my.yaml")
    Traceback (most recent call last):
    ...
    sorot.inference.text.resources.DataFileError: my.yaml: cues for unknown article label 'gazza' ...
    """
    for key in cues:
        if key not in ARTICLE_LABELS:
            raise DataFileError(f"{source}: cues for unknown article label {key!r} "
                                f"(the labels are {', '.join(ARTICLE_LABELS)})")
    for label in ARTICLE_LABELS:
        if not (cues.get(label) or {}).get("strong"):
            logger.warning("%s: no strong cues for article label %r: the weak labeler never gives it",
                           source, label)


def _by_start(hits) -> tuple[list[int], list[Hit]]:
    """``hits`` sorted by start word, with the starts alongside for bisection."""
    ordered = sorted(hits, key=lambda h: h.start)
    return [h.start for h in ordered], ordered


def _within(indexed: tuple[list[int], list[Hit]], start: int, end: int) -> list[Hit]:
    """The hits that start in words ``[start, end)``."""
    starts, hits = indexed
    return hits[bisect_left(starts, start):bisect_left(starts, end)]


#: Zipf frequency below which a word of four letters or more is a content word, not a
#: function word ("dengan" 7.0 and "sementara" 5.6 are not; "kapal" 5.4 is)
_CONTENT_ZIPF = 5.5
@dataclass
class ArticleDecision:
    """Labels, primary and per-label scores (in [0, 1]) for one article."""

    labels: list[str]
    primary: str
    scores: dict[str, float]
    evidence: dict[str, float] = field(default_factory=dict)


#: What :meth:`ConflictEvidence.asides` says of a sentence: an aside ("juga"), which an
#: event it tells makes coverage, or background ("sebelumnya"), which stays an aside.
ASIDE, BACKGROUND = 1, 2


class ConflictEvidence:
    """Scores sentences for each conflict and decides article labels."""

    def __init__(self, cues: dict[str, dict], min_sentence_score: int = 2,
                 min_sentences: int = 1, primary_margin: float = 1.5,
                 min_primary_sentences: int = 2, primary_share: float = 1 / 3, lead_sentences: int = 3,
                 coverage_score: int = 4, source: str = "conflict cues") -> None:
        cues = dict(cues)
        self.passing = InPassing.of(cues.pop("in_passing", None) or {})
        check_cue_labels(cues, source)
        self.matcher = PhraseMatcher()
        self.promote: dict[str, tuple[frozenset, frozenset]] = {}
        self.anchored: dict[str, frozenset] = {}
        self.peacetime: dict[str, tuple[frozenset, frozenset]] = {}  # needs_war: (cues, unless)
        # a weak cue of two conflicts ("Israel", "Qatar") scores for the first listed and
        # names both (weight 0 for the others): support for a lone label's primary
        # ("Militer Israel mencegat kapal … bantuan untuk Gaza"). Scored for both, it would
        # tie Gaza with Israel–Iran in every sentence that names Israel beside both.
        self.labels_of: dict[tuple, list[tuple[str, int]]] = {}
        for label in ARTICLE_LABELS:
            refuse_unknown_keys(cues.get(label) or {}, ("strong", "weak", "strong_with", "needs_anchor",
                                                        "needs_war"), f"{source}: {label} has")
            for strength, weight in (("strong", 2), ("weak", 1)):
                for cue in cues.get(label, {}).get(strength, []):
                    shared = self.labels_of.setdefault(keys_of(cue), [])
                    if not shared:  # the matcher finds the words; labels_of says whose they are
                        self.matcher.add(cue, (label, weight))
                    shared.append((label, weight if not shared else 0))
            # strong only beside another strong cue of the article: "uranium" of an
            # Indonesian power plant, IAEA at Zaporizhzhia name no Israel–Iran conflict
            self.anchored[label] = frozenset(keys_of(c) for c in cues.get(label, {}).get("needs_anchor", []))
            rule = cues.get(label, {}).get("needs_war") or {}
            refuse_unknown_keys(rule, ("cues", "unless"), f"{source}: {label}: needs_war has")
            self.peacetime[label] = (frozenset(keys_of(c) for c in rule.get("cues", [])),
                                     frozenset(w.lower() for w in rule.get("unless", [])))
            rule = cues.get(label, {}).get("strong_with")
            if rule:
                self.promote[label] = (frozenset(c.lower() for c in rule["cues"]),
                                       frozenset(w.lower() for w in rule["context"]))
        self.min_sentence_score = min_sentence_score
        self.min_sentences = min_sentences
        self.primary_margin = primary_margin
        self.min_primary_sentences = min_primary_sentences
        self.primary_share = primary_share
        self.lead_sentences = lead_sentences
        # an aside whose sentence scores this much is coverage: two cues and a topic
        self.coverage_score = coverage_score

    @classmethod
    def load(cls, path: str | Path | None = None, **kwargs) -> ConflictEvidence:
        path = path or data_path("conflicts.yaml")
        return cls(load_yaml(path), source=str(path), **kwargs)

    def sentence_scores(self, doc: Document, people: list[Hit] = (), topics: list[Hit] = (),
                        sentences: list[tuple[int, int]] | None = None,
                        cues: list[Hit] | None = None) -> list[dict[str, int]]:
        """Evidence for each conflict in each word range ``[start, end)`` of ``sentences``
        (the whole document by default). A cue or person counts once a sentence; only
        people tied to a single conflict count, and a conflict with no strong cue in
        the sentence scores 0 (a bare name or "Rusia" in passing is not the subject).
        ``cues`` are this evidence's :meth:`find_cues` of ``doc``, when the caller has them."""
        return [scores for scores, _, _ in self.sentence_evidence(doc, people, topics, sentences, cues)]

    def sentence_evidence(self, doc: Document, people: list[Hit] = (), topics: list[Hit] = (),
                          sentences: list[tuple[int, int]] | None = None,
                          cues: list[Hit] | None = None) -> list[tuple[dict[str, int], set[str], dict[str, int]]]:
        """For each sentence, its :meth:`sentence_scores`, the conflicts it names at all by
        a cue, weak ones too ("Israel", "Netanyahu"): support for ``primary``, never a label
        on its own, and its scores without a relative clause's cues. A person tied to one
        conflict in the gazetteer is no support: "Menlu Sugiono bertemu Lavrov" (Sugiono
        speaks on Gaza) is not about Gaza."""
        sentences = sentences if sentences is not None else [(0, len(doc.keys))]
        # each hit list sorted once by start word: a sentence takes its slice by bisection,
        # so the cost is linear in sentences + hits, not their product (long articles)
        cues = self.find_cues(doc) if cues is None else cues
        cue_hits, people, topics = (_by_start(hits) for hits in (cues, people, topics))
        return [self._sentence_score(doc, cue_hits, people, topics, start, end) for start, end in sentences]

    def find_cues(self, doc: Document) -> list[Hit]:
        """The cue hits of ``doc``, payload (label, weight), each ``needs_anchor`` cue made
        weak where the article has no other strong cue of its conflict. Found once an
        article: callers pass them on as ``cues``."""
        cues = [Hit(h.start, h.end, payload) for h in self.matcher.find(doc)
                for payload in self.labels_of[tuple(doc.keys[h.start:h.end])]]

        def anchoring(h: Hit) -> bool:
            return tuple(doc.keys[h.start:h.end]) in self.anchored[h.payload[0]]
        anchored = {h.payload[0] for h in cues if h.payload[1] == 2 and not anchoring(h)}
        return [Hit(h.start, h.end, (h.payload[0], 1)) if h.payload[1] == 2 and h.payload[0] not in anchored
                and anchoring(h) else h for h in cues]

    def without_war(self, doc: Document, cues: list[Hit]) -> list[Hit]:
        """``cues`` with each ``needs_war`` cue made weak, unless the article has one of its
        ``unless`` words: for an article that names no war and no conflict topic, where a
        country is only a country ("Gempa mengguncang Iran selatan", "Pasokan gandum dari
        Rusia dan Ukraina menekan harga"), but not one that names the other party ("Iran
        menangkap dua mata-mata Mossad")."""
        words = set(doc.keys)
        weak = {label: names for label, (names, unless) in self.peacetime.items() if unless.isdisjoint(words)}
        return [Hit(h.start, h.end, (h.payload[0], 1)) if tuple(doc.keys[h.start:h.end]) in
                weak.get(h.payload[0], ()) else h for h in cues]

    def _sentence_score(self, doc: Document, cue_hits, people, topics, start: int,
                        end: int) -> tuple[dict[str, int], set[str], dict[str, int]]:
        """Scores and named conflicts of the sentence ``[start, end)``, and its scores
        without the cues of a relative clause (:func:`~sorot.training.weak.passing.in_relative_clause`; the same dict
        when it has none)."""
        hits = self.passing.kept(doc, _within(cue_hits, start, end), start, end)
        scores, named = self._scores(doc, hits, people, topics, start, end)
        clause = [h for h in hits if in_relative_clause(doc, h.start, start, end)]
        if not clause:
            return scores, named, scores
        return scores, named, self._scores(doc, [h for h in hits if h not in clause], people, topics, start, end)[0]

    def _scores(self, doc: Document, hits: list[Hit], people, topics, start: int,
                end: int) -> tuple[dict[str, int], set[str]]:
        found = {(*h.payload, doc.span_text(h.start, h.end).lower()) for h in hits}
        scores = dict.fromkeys(ARTICLE_LABELS, 0)
        for label, weight, _ in found:
            scores[label] += weight
        named = {label for label, _, _ in found}
        for person in {p.payload for p in _within(people, start, end)}:
            if len(person.conflicts) == 1:
                scores[person.conflicts[0]] += 1
        has_topic = bool(_within(topics, start, end))
        strong = {label for label, weight, _ in found if weight == 2}
        words = set(doc.keys[start:end])
        strong |= {label for label, (names, context) in self.promote.items()
                   if words & names and words & context}
        return {lbl: scores[lbl] + has_topic if lbl in strong else 0 for lbl in scores}, named

    def asides(self, doc: Document, sentences: list[tuple[int, int]]) -> list[int]:
        """Whether each sentence (word range) says it is an aside: :data:`ASIDE` ("Trump
        juga menyinggung perang di Ukraina", ``in_passing: aside:``), :data:`BACKGROUND`
        ("Turki sebelumnya menjadi tuan rumah …", ``background:``) or 0."""
        def kind(words: set[str]) -> int:
            return BACKGROUND if not self.passing.background.isdisjoint(words) else \
                ASIDE if not self.passing.aside.isdisjoint(words) else 0
        return [kind(set(doc.keys[start:end])) for start, end in sentences]

    @staticmethod
    def echoes(doc: Document, sentences: list[tuple[int, int]], k: int) -> bool:
        """Whether sentence ``k`` (of word ranges ``sentences``) repeats a content word of
        the first one, the headline, in any of its forms (:func:`word_stems`): "Kapal Bantuan
        Dicegat … mencegat kapal yang membawa bantuan" and "IDF Tarik Pasukan … menarik
        sebagian pasukannya" tell the same story, "Ekspor kopi naik. Sementara itu Israel …"
        another."""
        def content(start: int, end: int) -> set[str]:
            words = (w for w in doc.keys[start:end] if len(w) >= 4 and w.isalpha() and zipf(w) < _CONTENT_ZIPF)
            return {stem for w in words for stem in word_stems(w)}
        return 0 < k < len(sentences) and bool(content(*sentences[0]) & content(*sentences[k]))

    def decide_article(self, evidence: list[tuple[dict[str, int], set[str], dict[str, int]]],
                       asides: list[int], echoes: Callable[[int], bool]) -> ArticleDecision:
        """:meth:`decide` on :meth:`sentence_evidence` of the body's sentences. A relative
        clause's cues say who someone is ("Presiden Rusia X, yang pasukannya masih bertempur
        di Ukraina, menyerukan …" in an article about Iran), so the article is decided
        without them, unless that leaves it no label: "Netanyahu, yang pasukannya terus
        menggempur Gaza, menolak …" is all an article may say of its war."""
        mentions = [named for _, named, _ in evidence]
        decision = self.decide([strict for _, _, strict in evidence], asides, mentions, echoes)
        if decision.labels or all(strict is scores for scores, _, strict in evidence):
            return decision
        return self.decide([scores for scores, _, _ in evidence], asides, mentions, echoes)

    def decide(self, sentence_scores: list[dict[str, int]], asides: list[int] | None = None,
               mentions: list[set[str]] | None = None,
               echoes: Callable[[int], bool] | None = None) -> ArticleDecision:
        """Article labels and primary from the scores of its body sentences, in order.

        A sentence is about every conflict that reaches ``min_sentence_score`` and ties
        its best score. The first body sentence (headline or lead) counts double
        towards ``primary``. ``asides`` marks the sentences that say they are an aside."""
        about = dict.fromkeys(ARTICLE_LABELS, 0)
        evidence = dict.fromkeys(ARTICLE_LABELS, 0.0)
        first = dict.fromkeys(ARTICLE_LABELS, len(sentence_scores))
        for k, scores in enumerate(sentence_scores):
            best = max(scores.values())
            if best < self.min_sentence_score:
                continue
            for label in (lbl for lbl, score in scores.items() if score == best):
                about[label] += 1
                evidence[label] += best * (2 if k == 0 else 1)
                first[label] = min(first[label], k)
        asides = asides or [0] * len(sentence_scores)
        # an aside that tells an event is coverage ("Sidang juga membahas serangan drone …
        # ke Kyiv"); background stays an aside whatever it tells
        asides = [aside == BACKGROUND or (bool(aside) and not any(s >= self.coverage_score for s in scores.values()))
                  for aside, scores in zip(asides, sentence_scores)]
        labels = [lbl for lbl in ARTICLE_LABELS if about[lbl] >= self.min_sentences
                  and not self._in_passing(lbl, about, first, asides)]
        support = {lbl: sum(lbl in named for named in mentions or ()) for lbl in ARTICLE_LABELS}
        # a brief's lone label: its share of the body, when its first sentence is the
        # headline's story (the headline itself, or a sentence that ``echoes`` it; asked of
        # one sentence at most, as only a lone label has a share)
        share = {lbl: about[lbl] / len(sentence_scores) if len(labels) == 1 and about[lbl] and
                 (first[lbl] == 0 or (echoes is not None and echoes(first[lbl]))) else 0.0 for lbl in labels}
        return ArticleDecision(labels, self._primary(labels, evidence, about, support, share),
                               {lbl: round(1 - 0.5 ** about[lbl], 4) for lbl in ARTICLE_LABELS},
                               evidence)

    def _in_passing(self, label: str, about: dict, first: dict, asides: list[bool]) -> bool:
        """One sentence, after the title and lead, in an article that covers another
        conflict at length ("an Israel–Iran article with one line about Gaza"), or that
        covered another conflict before it and says it is an aside ("Trump juga
        menyinggung perang di Ukraina"). In the lead, only such an aside, and only when
        the conflict before it has two sentences or more: a brief of two stories keeps
        both."""
        if about[label] != 1:
            return False
        others = [other for other in about if other != label and about[other]]
        before = [other for other in others if first[other] < first[label]]
        if first[label] < self.lead_sentences:  # in the lead: only an aside on a story told at length
            return asides[first[label]] and any(about[other] >= 2 for other in before)
        return any(about[other] >= 2 for other in others) or (asides[first[label]] and bool(before))

    def _primary(self, labels: list[str], evidence: dict[str, float], about: dict, support: dict,
                 share: dict[str, float]) -> str:
        """The label with the most evidence, clearly ahead of the next; a lone label needs
        ``min_primary_sentences`` sentences that name its conflict (one about it, others
        naming it by a weak cue: "Netanyahu bertemu Trump … gencatan senjata di Gaza"), or
        ``primary_share`` of the body's sentences about it: a brief of a headline and two
        sentences ("Kapal Bantuan Dicegat")."""
        if not labels:
            return PRIMARY_OTHER
        lone = labels[0] if len(labels) == 1 else None
        if max(about[lbl] for lbl in labels) < self.min_primary_sentences and not (lone and (
                support[lone] >= self.min_primary_sentences or share[lone] >= self.primary_share)):
            return PRIMARY_OTHER
        ranked = sorted(labels, key=lambda lbl: -evidence[lbl])
        if len(ranked) > 1 and evidence[ranked[0]] < self.primary_margin * evidence[ranked[1]]:
            return PRIMARY_OTHER
        return ranked[0]
