"""Context rules: a role word followed by a capitalised name the gazetteer lacks.

"Presiden Prancis Emmanuel Macron" -> ``Emmanuel Macron`` LEADER;
"juru bicara militer Israel, Daniel Hagari," -> ``Daniel Hagari`` OFFICIAL.
The role, the office's domain words and any place in between stay outside the
span. Headlines in Title Case are skipped, since every word there is capitalised.

>>> rules = RoleRules.load()
>>> doc = Document.from_text("Menteri Luar Negeri Austria Beate Meinl-Reisinger tiba.")
>>> [(doc.span_text(h.start, h.end), h.payload) for h in rules.find(doc)]
[('Beate Meinl-Reisinger', 'OFFICIAL')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from sorot.inference.phrases import Document, Hit, PhraseMatcher, is_capitalised, keys_of
from sorot.inference.resources import data_path, load_yaml

_PARTICLES = frozenset({"al", "el", "bin", "binti", "ibn", "van", "von", "der", "de", "da", "abu",
                        "abdel", "abdul", "-", "'", "ad", "as", "ben"})
_NAME_WORD = re.compile(r"^[^\W\d_][\w'.]*$")
_MAX_NAME = 4


class RoleRules:
    """Finds names after role words; payloads are ``LEADER`` / ``OFFICIAL``."""

    def __init__(self, roles: dict[str, list[str]], modifiers: list[str], places: list[str],
                 leader_groups: list[str], not_names: list[str] = ()) -> None:
        self.roles = PhraseMatcher()
        for label, words in roles.items():
            for word in words:
                self.roles.add(word.lower(), label)
        for group in leader_groups:
            self.roles.add(f"pemimpin {group.lower()}", "LEADER")
        self.modifiers = frozenset(keys_of(" ".join(modifiers)))
        self.not_names = frozenset(keys_of(" ".join(not_names)))
        self.places = PhraseMatcher()
        for place in places:
            self.places.add(place, place)

    @classmethod
    def load(cls, roles: str | Path | None = None, places: str | Path | None = None) -> RoleRules:
        r = load_yaml(roles or data_path("roles.yaml"))
        p = load_yaml(places or data_path("places.yaml"))
        return cls({k: r[k] for k in ("LEADER", "OFFICIAL")}, r.get("modifiers", []),
                   p["places"], r.get("leader_of_groups", []), r.get("not_names", []))

    def _skip_modifiers(self, doc: Document, i: int, lower: set[str]) -> int:
        """Index of the first word after the office's domain words, places, institution
        words ("Badan", "Departemen") and a comma; at most 8 words are skipped."""
        limit = i + 8
        while i < min(len(doc.keys), limit):
            place = self.places.match_at(doc, i)
            if place:
                i = place.end
            elif self._skippable(doc, i, lower):
                i += 1
            else:
                break
        return i

    def _skippable(self, doc: Document, i: int, lower: set[str]) -> bool:
        key = doc.keys[i]
        if key in self.modifiers or (key == "," and i + 1 < len(doc.keys)):
            return True
        return is_capitalised(doc.word(i)) and not self.is_name_word(doc, i, lower)

    def is_name_word(self, doc: Document, i: int, lower: set[str]) -> bool:
        """Capitalised, not an acronym, place, role or institution word, and never
        written in lower case elsewhere in the article (so not a common word)."""
        word, key = doc.word(i), doc.keys[i]
        return (is_capitalised(word) and bool(_NAME_WORD.match(word)) and not word.isupper()
                and key not in lower and key not in self.not_names and key not in self.modifiers
                and self.places.match_at(doc, i) is None and self.roles.match_at(doc, i) is None)

    def _name_at(self, doc: Document, i: int, lower: set[str]) -> int:
        """End of the name starting at word ``i`` (``i`` itself when there is none)."""
        j = i
        while j < len(doc.keys) and j - i < _MAX_NAME + 2:
            particle = doc.keys[j] in _PARTICLES and self._particle_joins(doc, i, j, lower)
            if particle or self.is_name_word(doc, j, lower):
                j += 1
            else:
                break
        if sum(self.is_name_word(doc, k, lower) for k in range(i, j)) > _MAX_NAME:
            return i
        return j

    def _particle_joins(self, doc: Document, i: int, j: int, lower: set[str]) -> bool:
        """A particle ("al", "-", "van") at ``j`` continues a name when a name word follows
        it, possibly after one more particle ("al-Rahim"); a hyphen never starts a name."""
        if doc.keys[j] == "-" and j == i:
            return False
        for k in (j + 1, j + 2):
            if k < len(doc.keys) and self.is_name_word(doc, k, lower):
                return True
            if k >= len(doc.keys) or doc.keys[k] not in _PARTICLES:
                return False
        return False

    def _name_after_role(self, doc: Document, role_end: int, lower: set[str]) -> tuple[int, int]:
        start = self._skip_modifiers(doc, role_end, lower)
        end = self._name_at(doc, start, lower)
        # "Menteri Luar Negeri Chile, Alberto van Klaveren": the appositive is the name.
        if end < len(doc.keys) - 1 and doc.keys[end] == "," and is_capitalised(doc.word(end + 1)):
            start = end + 1
            end = self._name_at(doc, start, lower)
        return start, end

    def find(self, doc: Document, blocked: set[int] | None = None,
             context: ArticleContext | None = None) -> list[Hit]:
        """Names after role words, outside ``blocked`` words and Title Case lines."""
        blocked = blocked or set()
        context = context or ArticleContext.of(doc)
        headline, lower = context.headline, context.lower
        hits: list[Hit] = []
        for role in self.roles.find(doc):
            start, end = self._name_after_role(doc, role.end, lower)
            if end == start or role.start in headline:
                continue
            if blocked.intersection(range(start, end)):
                continue
            hits.append(Hit(start, end, role.payload))
        return hits


@dataclass(frozen=True)
class ArticleContext:
    """Per-article facts the name rules use: headline word indices, and the folded
    words that appear in lower case somewhere in the article (so are common words)."""

    headline: set[int]
    lower: set[str]

    @classmethod
    def of(cls, doc: Document) -> ArticleContext:
        return cls(headline_words(doc), {k for i, k in enumerate(doc.keys) if doc.word(i).islower()})


def headline_words(doc: Document) -> set[int]:
    """Indices of words on headline lines: Title Case, no closing full stop."""
    out: set[int] = set()
    line: list[int] = []
    for i in range(len(doc.words) + 1):
        newline = i == len(doc.words) or (i and "\n" in doc.text[doc.words[i - 1][1]:doc.words[i][0]])
        if newline and line:
            long_words = [k for k in line if len(doc.word(k)) > 3 and doc.word(k).isalpha()]
            caps = sum(is_capitalised(doc.word(k)) for k in long_words)
            ends_sentence = doc.word(line[-1]) in {".", "!", "?", '"', "'", "”"}
            if len(long_words) >= 5 and caps / len(long_words) >= 0.7 and not ends_sentence:
                out.update(line)
            line = []
        if i < len(doc.words):
            line.append(i)
    return out
