"""Names of organisations and facilities, whose words look like people's names.

English organisation names with connectors ("Council on Foreign Relations", "Institute
for the Study of War") belong to the organisation (:func:`english_organisation_end`).

Places and things are named after people: "Bandara Soekarno-Hatta", "Rumah Sakit
Nasser", "kapal induk USS Harry S. Truman", "Jalan Jenderal Sudirman". The person's name
there is part of the facility's name and mentions nobody (SCHEMA tags people), so neither
the gazetteer nor the role rules may tag it ("Jenderal Sudirman" looks like a rank and a
name).

A facility's name is the capitalised run right after its head word (``facilities:`` of
``data/roles.yaml``), past modifiers ("Internasional"), with dotted initials and attached
hyphens inside it. A head written capitalised in the data ("Jalan") opens a name only when
the text capitalises it too, since "jalan" is also a common word ("membuka jalan Putin
…" is rare, "jalan" before a name in lower case rarer still). Title Case headlines are
left alone: every word there is capitalised, so the run would swallow the headline.

>>> names = FacilityNames(["bandara", "Jalan"], ["internasional"])
>>> doc = Document.from_text("Ia tiba di Bandara Internasional Soekarno-Hatta, lalu ke Jalan Jenderal Sudirman.")
>>> [(doc.word(head), doc.span_text(run.start, run.stop)) for head, run in names.runs(doc, set())]
[('Bandara', 'Soekarno-Hatta'), ('Jalan', 'Jenderal Sudirman')]
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from sorot.inference.text.gazetteer import NAME_PARTICLES
from sorot.inference.text.phrases import Document, PhraseMatcher, is_capitalised, same_line
from sorot.training.weak.names import initial_length, joins

_MAX_WORDS = 6
#: Lower-case words inside English organisation names ("Council on Foreign Relations").
CONNECTORS = frozenset({"of", "on", "for", "the", "and"})


class FacilityNames:
    """Finds the words of facilities' proper names in a document."""

    def __init__(self, heads: Iterable[str] = (), modifiers: Iterable[str] = (),
                 ranks: Iterable[str] = ()) -> None:
        self.heads = PhraseMatcher()
        for head in heads:
            # payload: whether the text must capitalise the head ("Jalan")
            self.heads.add(head.lower(), is_capitalised(head))
        self.modifiers = frozenset(m.lower() for m in modifiers)
        # a rank inside the run opens an officer's name: "Panglima Komando Operasi Udara
        # Nasional Marsdya TNI X" ("Jalan Jenderal Sudirman" has its rank first)
        self.ranks = frozenset(r.split()[0].lower() for r in ranks)

    def runs(self, doc: Document, headline: set[int]) -> list[tuple[int, range]]:
        """Each facility's head word and its name's words, outside the ``headline`` words."""
        return [(hit.start, run) for hit in self.heads.find(doc)
                if hit.start not in headline and (run := self.name_at(doc, hit.start))]

    def name_at(self, doc: Document, i: int) -> range | None:
        """The name of the facility whose head word is word ``i``, ``None`` when no head
        is there (or a capitalised-only head is written in lower case)."""
        hit = self.heads.match_at(doc, i) if i < len(doc.keys) else None
        if hit is None or (hit.payload and not is_capitalised(doc.word(i))):
            return None
        j = hit.end
        if j < len(doc.keys) and doc.keys[j] == "." and doc.words[j][0] == doc.words[j - 1][1] \
                and len(doc.keys[j - 1]) <= 3:
            j += 1  # an abbreviated head ("Jl."), not a sentence's end ("… rumah sakit. BHS …")
        while j < len(doc.keys) and doc.keys[j] in self.modifiers and same_line(doc, i, j):
            j += 1
        return self._run(doc, j)

    def _run(self, doc: Document, start: int) -> range:
        """The capitalised words from ``start`` on the same line, with the dots of
        initials ("S." of "Harry S. Truman") and attached hyphens ("Soekarno-Hatta")."""
        j = start
        while j < len(doc.keys) and j - start < _MAX_WORDS and same_line(doc, start, j):
            hyphen = doc.keys[j] == "-" and j > start and joins(doc, j) and is_capitalised(doc.word(j + 1))
            if not (hyphen or initial_length(doc, j) or (is_capitalised(doc.word(j)) and doc.word(j)[0].isalpha())) \
                    or (j > start and doc.keys[j] in self.ranks):
                break
            j += initial_length(doc, j) or 1
        return range(start, j)


def english_organisation_end(doc: Document, i: int, heads: frozenset[str]) -> int | None:
    """End of an English organisation's name at word ``i`` that has a connector and a head
    word (``heads``): "Council on Foreign Relations", "Quincy Institute for Responsible
    Statecraft", the capitalised words after it on its line included; ``None`` else.

    >>> doc = Document.from_text("Presiden Council on Foreign Relations Mira Hale tiba.")
    >>> english_organisation_end(doc, 1, frozenset({"council"}))
    7
    """
    if CONNECTORS.isdisjoint(doc.keys[i:i + 12]):
        return None  # most roles: no connector within reach, no scan (a hot path)
    j, connector, head = i, False, False
    while j < len(doc.keys) and same_line(doc, i, j):
        word, key = doc.word(j), doc.keys[j]
        k = j
        while k < len(doc.keys) and doc.keys[k] in CONNECTORS:
            k += 1  # "for the"
        if k > j and j > i and k < len(doc.keys) and same_line(doc, j, k) and is_capitalised(doc.word(k)):
            connector, j = True, k
            continue
        if not (is_capitalised(word) and word.isalpha()):
            break
        head = head or key in heads
        j += 1
    return j if connector and head else None


#: Words an English body's name without a connector may take: "Indonesian Tax Authority
#: Reform Forum" has five.
_BODY_WORDS = 5


def english_body_end(doc: Document, i: int, heads: frozenset[str]) -> int | None:
    """End of an English organisation's name with no connector at word ``i``: a
    capitalised run of up to five words on one line, up to its last head word
    (``heads``): "Eurasia Group", "Quincy Institute", "International Crisis Group",
    "Indonesian Tax Authority Reform Forum"; ``None`` when the run has no head word.

    >>> doc = Document.from_text("Pendiri Quincy Institute, Mira Hale, tiba.")
    >>> english_body_end(doc, 1, frozenset({"institute"}))
    3
    """
    end = None
    for k in range(i, min(i + _BODY_WORDS, len(doc.keys))):
        if not (is_capitalised(doc.word(k)) and same_line(doc, i, k)):
            break
        if doc.keys[k] in heads:
            end = k + 1
    return end


#: English Zipf frequency from which a capitalised word in an English organisation's name
#: may be an English word ("Statecraft" 2.3); below it ("Yose" 1.5) it is a name.
ENGLISH_ZIPF = 2.0


def english_word(key: str) -> bool:
    """An English word, not a name: frequent enough in English and no more frequent in
    Indonesian ("studies", "statecraft"; not "rizal", "budi", "yose")."""
    from wordfreq import zipf_frequency

    english = zipf_frequency(key, "en")
    return english >= ENGLISH_ZIPF and english >= zipf_frequency(key, "id")


def english_holder(doc: Document, run: range, heads: frozenset[str],
                   is_name_word: Callable[[int], bool]) -> tuple[int, int] | None:
    """The holder's name after the last head word (``heads``: "Studies"), or else the last
    English word, of an organisation's name ``run`` when two or three name words are left: "…
    International Studies Yose Rizal Damuri" (the last-two-words guess would drop
    "Yose"); ``None`` when that is unclear.

    >>> doc = Document.from_text("Direktur Center for Strategic and International Studies Yose Rizal Damuri.")
    >>> english_holder(doc, range(5, 10), frozenset(), lambda i: True)
    (7, 10)
    """
    english = [k for k in run if doc.keys[k] in heads] or [k for k in run if english_word(doc.keys[k])]
    start = english[-1] + 1 if english else run.start
    if english and 2 <= run.stop - start <= 3 and all(is_name_word(k) for k in range(start, run.stop)):
        return start, run.stop
    return None


def _acronym_in_brackets(doc: Document, i: int) -> bool:
    """Words ``i:i + 3`` are one acronym in brackets on one line: "(CSIS)", "(RSI)"."""
    return i + 3 < len(doc.keys) and doc.keys[i] == "(" and doc.keys[i + 2] == ")" and \
        doc.word(i + 1).isupper() and doc.word(i + 1).isalnum() and same_line(doc, i, i + 3)


def holder_after(doc: Document, run: range, own: int, is_name_word: Callable[[int], bool],
                 name_at: Callable[[int], int]) -> tuple[int, int]:
    """The name of whoever a role names after an organisation's or a facility's name
    ``run`` ("Direktur Rumah Sakit …", "Direktur Institute for the Study of War …"): after
    a comma ("Rumah Sakit Al-Shifa, X Y") or the name's acronym in brackets, or else the run's last two words, with a
    particle before them ("Hussam Abu Safiya"), when ``own`` or more words are left before
    them for the name itself; nobody otherwise, since those words look like names too.

    >>> doc = Document.from_text("Direktur Bandara Soekarno-Hatta Agus Haryadi datang.")
    >>> holder_after(doc, range(2, 7), 2, lambda i: True, lambda i: i)
    (5, 7)
    """
    end = run.stop
    if end + 1 < len(doc.keys) and doc.keys[end] == "," and (after := name_at(end + 1)) > end + 1:
        return end + 1, after
    if _acronym_in_brackets(doc, end) and (after := name_at(end + 3)) > end + 3:
        return end + 3, after  # "Ketua Centre for … Studies (CSIS) X Y": the acronym closes the name
    start = end - 2
    if doc.keys[start] in NAME_PARTICLES:
        start -= 1  # "Kamal Adwan Hussam Abu Safiya": "Abu" joins the given name
    if len([k for k in range(run.start, start) if doc.keys[k] != "-"]) < own or \
            not all(is_name_word(k) for k in (start, end - 1)):
        return end, end
    return start, end
