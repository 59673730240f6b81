"""How well the weak labeler finds people it has never heard of: leave-names-out scores.

The gazetteer was written while reading the dev set, so the labeler's full score there
says little about unseen articles. Here dev is split into ``k`` folds; for each fold,
every gazetteer person any of whose names occurs anywhere in that fold's articles is
removed, the fold is labelled with what is left, and all folds are scored together.
What is still found is found by the rules (roles, appositives, lists, later mentions),
which is what carries over to articles about other people.

    sorot evaluate --weak-labeler --leave-names-out 5 --gold ../shared/corpus/dev.jsonl

Rules and lexicon entries written while reading dev's errors are optimistic on dev by
construction, whatever the gazetteer. So dev is also cut in two halves by a hash of
each article's id (:func:`half_of`): rules are changed only from the errors of the
*development* half, and the *check* half, whose errors nobody reads, is the
leave-articles-out estimate:

    sorot evaluate --weak-labeler --half check --gold ../shared/corpus/dev.jsonl
"""

from __future__ import annotations

import hashlib

from sorot.inference.text.gazetteer import Gazetteer
from sorot.inference.text.phrases import Document, keys_of
from sorot.training.weak.batch_memory import label_batch
from sorot.training.weak.labeler import WeakLabeler


def folds_of(ids: list[str], k: int) -> list[list[str]]:
    """``k`` folds of ``ids``, stable for given ids (hash order, not input order).

    >>> folds_of(["a", "b", "c", "d", "e"], 2)
    [['e', 'a', 'd'], ['c', 'b']]
    """
    ranked = sorted(ids, key=lambda i: hashlib.blake2b(i.encode(), digest_size=8).digest())
    return [ranked[f::k] for f in range(k)]


#: The two halves of a gold set (``--half``): errors are read on the first only.
HALVES = ("development", "check")


def half_of(rid: str) -> str:
    """``"development"`` or ``"check"``: a hash of the id alone, so an article keeps its
    half whatever else is in the file.

    >>> [half_of(i) for i in ("a", "b", "c", "d")]
    ['check', 'development', 'check', 'development']
    """
    return HALVES[hashlib.blake2b(f"half:{rid}".encode(), digest_size=8).digest()[0] % 2]


def without_people_in(gazetteer: Gazetteer, texts: list[str]) -> Gazetteer:
    """The gazetteer less every person any of whose names occurs in ``texts``: as any
    word sequence, also inside a longer name ("Abbas" in "Abbas Araghchi")."""
    grams = set()
    for text in texts:
        keys = Document.from_text(text).keys
        grams |= {tuple(keys[i:i + n]) for n in range(1, 6) for i in range(len(keys) - n + 1)}
    return Gazetteer([p for p in gazetteer.people
                      if not any(keys_of(name) in grams for name in (p.name, *p.aliases))])


def leave_names_out(labeler: WeakLabeler, gold: dict[str, dict], k: int = 5,
                    batch: int | None = None) -> tuple[dict, dict]:
    """Predictions for every gold article with its fold's people removed from the
    gazetteer; returns the predictions and how many people each fold removed. Each fold
    is a run of its own for the batch memory (``batch`` articles at a time, ``None``: the
    default, ``0``: off):
    it learns only from the fold's articles, as from a batch of unseen ones."""
    preds, removed = {}, {}
    for n, fold in enumerate(folds_of(sorted(gold), k)):
        reduced = without_people_in(labeler.gazetteer, [gold[i]["text"] for i in fold])
        removed[f"fold {n + 1}"] = len(labeler.gazetteer.people) - len(reduced.people)
        fold_labeler = WeakLabeler(reduced, labeler.topics, labeler.roles, labeler.evidence)
        preds.update(zip(fold, label_batch(fold_labeler, [gold[i]["text"] for i in fold], fold, batch)))
    return preds, removed
