"""Batch memory: a person the rules found by a role in one article of a batch is the same
person where another article of the batch names them with no role at all.

Indonesian news introduces an official once ("Menteri Luar Negeri Iran Abbas Araghchi")
and, in the next article, writes only "Araghchi mencatat …". Within one article the
weak labeler already carries a name to its later mentions; across a batch nothing did,
so a name the gazetteer lacks was found only where its article gave a role. The memory
is two passes over a batch:

1. label every article as usual and :meth:`BatchMemory.learn` each full name (two name
   words or more) that the rules found, with its class;
2. :meth:`Filler.fill` every article again with those people, each as a gazetteer
   entry of its class, adding the mentions that touch nothing the first pass found, and
   putting the learned name in place of a rule's span of its class that lies inside it
   (the rules cut "Israel Katz" to "Katz" after "Menteri Pertahanan"). A name learned
   with two classes is left out. Its family name alone names the person too when no
   other learned name ends with it and either Indonesian never uses the word
   ("Araghchi") or the first pass tagged it alone in :data:`ALONE_IN` articles of the
   run, as the press writes "Trump" or "Prabowo" once it has named them.

Those mentions get ``canonical: null`` (the gazetteer does not know them) and the score
of :data:`MEMORY_SCORE`; the article labels are the first pass's.

>>> from sorot.training.weak.labeler import WeakLabeler
>>> from sorot.inference.text.gazetteer import Gazetteer
>>> full = WeakLabeler.load()
>>> rules = WeakLabeler(Gazetteer([]), full.topics, full.roles, full.evidence)
>>> texts = ["Menteri Luar Negeri Iran Hamid Vaziri tiba di Oslo.", "Vaziri menolak usulan itu."]
>>> [[e["text"] for e in p["entities"]] for p in label_batch(rules, texts)]
[['Hamid Vaziri'], ['Vaziri']]
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from sorot.inference.text.article import Article, RecordError
from sorot.inference.text.gazetteer import NAME_PARTICLES, Gazetteer, Person
from sorot.inference.text.phrases import Document, keys_of
from sorot.inference.text.readers import chunked
from sorot.inference.time_limit import RecordTimeout, time_limit
from sorot.models.errors import SorotError
from sorot.models.schema import PERSON_TYPES
from sorot.training.weak.labeler import WeakLabeler
from sorot.training.weak.names import zipf

log = logging.getLogger(__name__)

#: The score of a mention found by the memory: below a role's (0.8), as a later mention's.
MEMORY_SCORE = 0.7
#: A family name Indonesian text uses less often than this (Zipf) names one person alone.
FOREIGN_ZIPF = 1.5
#: Articles whose first pass tagged a family name alone before it names a learned person
#: alone elsewhere, whatever Indonesian's use of the word.
ALONE_IN = 2
#: Articles read before the memory fills them (``--batch-memory``): a stream's output lags
#: by at most this many articles.
DEFAULT_BATCH = 1000
#: Past this many learned names a batch's gazetteer takes only those its articles name
#: (reading their words costs more than a small gazetteer does).
FEW_NAMES = 2000


def _name_words(keys: tuple[str, ...]) -> int:
    return sum(k.isalpha() and k not in NAME_PARTICLES for k in keys)


@dataclass
class BatchMemory:
    """Full names the rules found in a batch, with every class they were given, and in how
    many articles each one-word name was tagged alone."""

    names: dict[tuple[str, ...], tuple[str, set[str]]] = field(default_factory=dict)
    alone: dict[str, int] = field(default_factory=dict)

    def learn(self, prediction: dict) -> None:
        """Remember the rules' full names of one first-pass prediction."""
        words = set()
        for e in prediction["entities"]:
            keys = keys_of(e["text"])
            if e["label"] not in PERSON_TYPES or e.get("canonical") is not None:
                continue
            if _name_words(keys) >= 2:
                self.names.setdefault(keys, (e["text"], set()))[1].add(e["label"])
            elif len(keys) == 1:
                words.add(keys[0])
        for word in words:
            self.alone[word] = self.alone.get(word, 0) + 1

    def people(self, known: Gazetteer, present: set[str] | None = None) -> list[Person]:
        """The learned people of one class each, as gazetteer entries; ``known`` (the
        labeler's gazetteer) keeps its names and aliases. With ``present`` (folded words),
        only the people whose family name is among them: a batch's gazetteer stays small
        however much a long run has learned."""
        one_class = {keys: (name, next(iter(types))) for keys, (name, types) in self.names.items()
                     if len(types) == 1 and known.matcher.get(keys) is None}
        lasts: dict[str, int] = {}
        for keys in one_class:
            lasts[keys[-1]] = lasts.get(keys[-1], 0) + 1
        out = []
        for keys, (name, label) in one_class.items():
            last, alias = keys[-1], name.split()[-1]
            if present is not None and last not in present:
                continue
            alone = len(last) > 3 and keys_of(alias) == (last,) and lasts[last] == 1 \
                and known.matcher.get((last,)) is None \
                and (zipf(last) < FOREIGN_ZIPF or self.alone.get(last, 0) >= ALONE_IN)
            out.append(Person(name, label, aliases=(alias,) if alone else ()))
        return out

    def filler(self, labeler: WeakLabeler, present: set[str] | None = None) -> Filler | None:
        """What fills a batch's articles, whose words are ``present`` (``None``: nobody
        learned is named there)."""
        people = self.people(labeler.gazetteer, present)
        if not people:
            return None
        both = WeakLabeler(Gazetteer([*labeler.gazetteer.people, *people]), labeler.topics, labeler.roles,
                           labeler.evidence)
        return Filler(both, Gazetteer(people), frozenset(p.name for p in people))


@dataclass(frozen=True)
class Filler:
    """The labeler that knows the learned people too, and the learned people alone (to
    tell cheaply which articles name one where the first pass found nothing)."""

    labeler: WeakLabeler
    learned: Gazetteer
    names: frozenset[str]

    def fill(self, text: str, prediction: dict) -> dict:
        """``prediction`` (of ``text``) with the learned people's mentions that touch none
        of its spans, and with the learned full name in place of a rule's span that lies
        inside it ("Katz" of "Menteri Pertahanan Israel Katz", where a place stands for a
        given name; "Witkoff" of a headline's "Sosok Steve Witkoff")."""
        have = prediction["entities"]
        doc = Document.from_text(text)
        if all(_inside(doc.char_span(h.start, h.end), have) for h in self.learned.find(doc)):
            return prediction  # every learned name here is found already: no second pass
        added, dropped = [], set()
        for e in self.labeler.label(text, prediction.get("id"))["entities"]:
            if e["canonical"] not in self.names:
                continue
            touched = [k for k, h in enumerate(have) if h["start"] < e["end"] and e["start"] < h["end"]]
            if all(_part_of(have[k], e) for k in touched):
                added.append({**e, "canonical": None, "score": MEMORY_SCORE})
                dropped.update(touched)
        if not added:
            return prediction
        kept = [h for k, h in enumerate(have) if k not in dropped]
        return {**prediction, "entities": sorted([*kept, *added], key=lambda e: e["start"])}


def _inside(span: tuple[int, int], entities: list[dict]) -> bool:
    return any(e["start"] <= span[0] and span[1] <= e["end"] for e in entities)


def _part_of(rule: dict, learned: dict) -> bool:
    """A rule's span of the learned person's class, found by no gazetteer, that lies inside
    the learned name and is shorter: the rule cut the name."""
    return rule["label"] == learned["label"] and rule.get("canonical") is None and \
        learned["start"] <= rule["start"] and rule["end"] <= learned["end"] and \
        rule["end"] - rule["start"] < learned["end"] - learned["start"]


def labelled(labeler: WeakLabeler, articles: Iterable[Article | RecordError], batch: int | None = None,
             max_seconds: float | None = None) -> Iterator[tuple[Article, dict] | RecordError]:
    """``(article, prediction)`` for each article, in input order, and each
    :class:`RecordError` as it came; an article that fails or passes ``max_seconds``
    becomes one. The memory carries over the whole run; each article is filled with what
    was learned up to the end of its batch of ``batch`` articles (``None``:
    :data:`DEFAULT_BATCH`; ``0``: no memory, and no article is held back)."""
    batch = DEFAULT_BATCH if batch is None else batch
    memory = BatchMemory()
    for chunk in chunked(articles, max(batch, 1)):
        done = [item if isinstance(item, RecordError) else _first_pass(labeler, item, max_seconds)
                for item in chunk]
        for item in done:
            if batch and not isinstance(item, RecordError):
                memory.learn(item[1])
        filler = memory.filler(labeler, _words_of(done) if len(memory.names) > FEW_NAMES else None) \
            if batch else None
        for item in done:
            yield item if filler is None or isinstance(item, RecordError) else \
                (item[0], _second_pass(filler, *item, max_seconds))


def _first_pass(labeler: WeakLabeler, article: Article,
                max_seconds: float | None) -> tuple[Article, dict] | RecordError:
    try:
        with time_limit(max_seconds):
            return article, labeler.label(article.text, article.id)
    except Exception as e:  # one article's failure never ends the run (as in process_corpus)
        if isinstance(e, OSError):
            raise
        reason = str(e) if isinstance(e, ValueError) else f"{type(e).__name__}: {e}"
        return RecordError(article.source, reason, id=article.id)


def _second_pass(filler: Filler, article: Article, prediction: dict, max_seconds: float | None) -> dict:
    """The filled prediction; the first pass's when filling fails or runs out of time (the
    record is never lost for the memory's sake)."""
    try:
        with time_limit(max_seconds):
            return filler.fill(article.text, prediction)
    except RecordTimeout:
        return prediction
    except Exception as e:
        if isinstance(e, OSError):
            raise
        log.warning("%s (id %r): the batch memory could not fill it (%s: %s); kept as first labelled",
                    article.source or "input", article.id, type(e).__name__, e)
        return prediction


def _words_of(done: list) -> set[str]:
    """The folded words of a batch's articles."""
    return {k for item in done if not isinstance(item, RecordError) for k in keys_of(item[0].text)}


def label_batch(labeler: WeakLabeler, texts: Iterable[str], ids: Iterable[str | None] | None = None,
                batch: int | None = None) -> list[dict]:
    """Predictions for in-memory articles, with the batch memory; a failure raises."""
    texts = list(texts)
    ids = list(ids) if ids is not None else [None] * len(texts)
    out = []
    for item in labelled(labeler, (Article(i, t) for t, i in zip(texts, ids)), batch):
        if isinstance(item, RecordError):
            raise SorotError(str(item))
        out.append(item[1])
    return out
