"""Find the spans of scraped-page noise in an article.

Boilerplate is *marked*, never deleted: article labels ignore it, while tagging
still covers the whole text (a name in a link list is still a name). Detection is
line based, because scrapers keep the page's lines: a menu, a "Baca Juga:" list,
a byline or a caption each sits on lines of its own. An inline "Baca juga:" marks
from the cue to the end of its line.

Kinds: ``menu``, ``related`` ("Baca Juga", "Artikel Terkait" lists), ``comment``
(comment prompts), ``read_more``, ``spam`` (gambling, porn), ``byline`` (authors,
editors, datelines, sources), ``caption`` (photo credits) and ``widget`` (share
bars, font-size controls, ads, "loading...").

>>> text = "Menu\\nBerita\\nDunia\\nPutin bertemu Xi di Moskow.\\nBaca juga:\\nTrump Telepon Putin\\n\\nFoto: Reuters"
>>> [(text[b.start:b.end], b.kind) for b in find_boilerplate(text)]
[('Menu\\nBerita\\nDunia', 'menu'), ('Baca juga:\\nTrump Telepon Putin', 'related'), ('Foto: Reuters', 'caption')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sorot.inference.text.words import Span


@dataclass(frozen=True)
class Boilerplate:
    """One noise span: ``text[start:end]`` is a whole line or the tail of one."""

    start: int
    end: int
    kind: str


_I = re.IGNORECASE
_RELATED_HEAD = re.compile(
    r"^\W*(baca (juga|pula)|artikel terkait|berita terkait|lihat juga|simak juga|also read"
    r"|read also|related( articles?| news)?|artikel pilihan|berita lainnya|rekomendasi)\b\W*", _I)
_INLINE_RELATED = re.compile(r"\b(baca juga|artikel terkait|berita terkait)\s*:", _I)
_LINE_RULES: list[tuple[str, re.Pattern]] = [
    ("comment", re.compile(
        r"leave a (reply|comment)|please enter your (comment|name)|you have entered an incorrect"
        r"|save my name|jadilah yang pertama|^\W*(tinggalkan|tulis|berikan|kirim) (balasan|komentar)"
        r"|^komentar\s*\(\d+\)|^\d+\s+komentar|post a comment"
        r"|^comments?\s*\(?\d*\)?$", _I)),
    ("read_more", re.compile(
        r"read (the )?(entire|full|more) (article|story)|^\W*(baca )?selengkapnya\b|continue reading"
        r"|baca artikel selengkapnya|simak selengkapnya|cek berita dan artikel|baca berita dengan"
        r"|google news|^\W*(lanjut|lanjutkan) membaca", _I)),
    ("spam", re.compile(
        r"\b(slot (online|gacor)|gacor|togel|judi (online|bola)|maxwin|sbobet|situs slot|casino"
        r"|kasino|jackpot|deposit pulsa|bandar (bola|judi)|porn\w*|xbporn|bokep|rtp live|scatter)\b",
        _I)),
    ("widget", re.compile(
        r"^(a a a|loading\.*|ukuran (text|teks):?|dengarkan berita:?|bagikan( artikel ini)?:?"
        r"|share( this)?:?|sebarkan artikel ini|scroll to continue.*|advertisement|iklan"
        r"|\[iklan[^\]]*\]|baca (berita )?(di|dalam) app|lihat foto|copy link|salin tautan"
        r"|ikuti (kami|berita).*|halaman:?\s*[\d\s]*|story code\s*:.*|close banner.*|x|×|\||tags?:.*"
        r"|avatar photo|photo author|author|follow us.*|baca berita tanpa iklan.*|ads?|sponsored)$",
        _I)),
    ("byline", re.compile(
        r"^\W*(penulis|editor|reporter|redaktur|narator|produser|musik|video editor|penulis naskah"
        r"|sumber|laporan|pewarta|kontributor|penerjemah|fotografer|writer|oleh)\s*:", _I)),
    # "[^()]*" stops at the next bracket: with "[^)]*" every "(reuters" of a long line
    # without a closing bracket scanned to the end of the line (quadratic)
    ("caption", re.compile(
        r"\(\s*foto\s*[:/]|\bfoto\s*[:/]|\bfoto(:|\s*/\s*)\s*\w|\b(ist|istimewa|dok|ilustrasi)\.?\)?$"
        r"|^[-–\s]*(ist|istimewa|dok\.?.*)$|\((unsplash|reuters|afp|ap|antara|getty)[^()]*\)\s*$"
        r"|\b(reuters|afp|ap|antara|getty images|anadolu)/\w", _I)),
]
_DAY_MONTH = (
    r"senin|selasa|rabu|kamis|jumat|jum'at|sabtu|minggu|monday|tuesday|wednesday|thursday"
    r"|friday|saturday|sunday|januari|februari|maret|april|mei|juni|juli|agustus|september"
    r"|oktober|november|desember|january|february|march|may|june|july|august|october"
    r"|december|jan|feb|mar|apr|jun|jul|agu|aug|sep|okt|oct|nov|des|dec|wib|wita|wit|gmt|utc|date"
)
_DATE_WORD = re.compile(rf"^(\d+([/.:-]\d+)*|{_DAY_MONTH})$", _I)
# "(ant/abc)", "(Reuters/ Rina Putri )": after a slash come words separated by spaces.
# Spaces and word characters sit in separate quantifiers, so the engine never tries the
# ways of sharing one run of spaces between two of them (the old `[\w. ]+` then `\s*`
# backtracked quadratically: "(a/" + 80,000 spaces + "x" took 15 s).
_PAREN_CREDIT = re.compile(r"^\(\s*[\w.]+(/ *[\w.]+( +[\w.]+)*)*(/(?= ))?\s*\)$|^[-–]\s*[\w.]+(/[\w.]+)+$")
_NAV_SEP = re.compile(r"\s[|»›>•/-]\s|\s\|\s?|\|")
_WORD = re.compile(r"[^\W_][\w'.-]*")


def _is_dateline(line: str) -> bool:
    words = _WORD.findall(line)
    dated = [w for w in words if _DATE_WORD.match(w.strip(".-"))]
    return len(dated) >= 2 and len(words) - len(dated) <= 1 + len(words) // 4 and len(words) <= 12


def _looks_like_title(line: str) -> bool:
    """A link-list entry: short, no final full stop, most long words capitalised."""
    words = _WORD.findall(line)
    if not words or len(words) > 16 or line.rstrip().endswith((".", '"', "'")):
        return False
    long_words = [w for w in words if len(w) > 3]
    caps = sum(w[0].isupper() or w[0].isdigit() for w in long_words)
    return not long_words or caps / len(long_words) >= 0.6


def classify_line(line: str) -> str | None:
    """The boilerplate kind of one stripped line, or ``None`` for body text.

    >>> classify_line("Editor: Rina"), classify_line("Putin tiba di Beijing."), classify_line("A A A")
    ('byline', None, 'widget')
    """
    if _RELATED_HEAD.match(line) and (len(line) < 25 or line.rstrip().endswith(":")
                                      or ":" in line[:25]):
        return "related"
    for kind, pattern in _LINE_RULES:
        if pattern.search(line):
            return kind
    if _is_dateline(line) or _PAREN_CREDIT.match(line):
        return "byline"
    if len(_NAV_SEP.findall(line)) >= 2 and all(
            len(_WORD.findall(part)) <= 4 for part in re.split(_NAV_SEP, line)):
        return "menu"
    return None


def _lines(text: str) -> list[Span]:
    """``[start, end)`` of each non-blank line, stripped of surrounding spaces."""
    spans = []
    for m in re.finditer(r"[^\n]+", text):
        seg = m.group()
        if seg.strip():
            lead = len(seg) - len(seg.lstrip())
            spans.append((m.start() + lead, m.start() + len(seg.rstrip())))
    return spans


def _is_short(line: str) -> bool:
    return len(line) <= 30 and len(_WORD.findall(line)) <= 3 and not line.endswith((".", "?", "!"))


def _line(text: str, lines: list[Span], i: int) -> str:
    return text[lines[i][0]:lines[i][1]]


def _extend_related(text: str, lines: list[Span], kinds: list, i: int) -> None:
    """A bare "Baca juga:" heads link titles on the following lines: the first may
    come after a blank line, the rest follow one another."""
    j = i + 1
    while (j < len(lines) and j <= i + 8 and kinds[j] is None
           and _looks_like_title(_line(text, lines, j))
           and (j == i + 1 or "\n\n" not in text[lines[j - 1][1]:lines[j][0]])):
        kinds[j] = "related"
        j += 1


def _label_lines(text: str, lines: list[Span]) -> list[str | None]:
    kinds = [classify_line(text[s:e]) for s, e in lines]
    for i in range(len(lines)):
        line = _line(text, lines, i)
        if kinds[i] == "related" and len(_WORD.findall(line)) <= 3:
            _extend_related(text, lines, kinds, i)
        elif (kinds[i] == "byline" and line.endswith(":") and i + 1 < len(lines)
              and kinds[i + 1] is None and _is_short(_line(text, lines, i + 1))):
            kinds[i + 1] = "byline"  # "Penulis:" on one line, the name on the next
    _mark_menu_runs(text, lines, kinds)
    return kinds


def _mark_menu_runs(text: str, lines: list[Span], kinds: list[str | None]) -> None:
    """Three or more short unlabelled lines in a row are navigation, not subheadings."""
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and kinds[j] in (None, "menu") and _is_short(text[slice(*lines[j])]):
            j += 1
        if j - i >= 3:
            kinds[i:j] = ["menu"] * (j - i)
        i = max(j, i + 1)


def find_boilerplate(text: str) -> list[Boilerplate]:
    """All boilerplate spans of ``text``, in order; adjacent lines of one kind merge."""
    lines = _lines(text)
    out: list[Boilerplate] = []
    for (s, e), kind in zip(lines, _label_lines(text, lines)):
        if kind is None:
            m = _INLINE_RELATED.search(text, s, e)
            if not m:
                continue
            s, kind = m.start(), "related"
        if out and out[-1].kind == kind and not text[out[-1].end:s].strip():
            out[-1] = Boilerplate(out[-1].start, e, kind)
        else:
            out.append(Boilerplate(s, e, kind))
    return out


def body_spans(text: str, boilerplate: list[Boilerplate] | None = None) -> list[Span]:
    """The complement of the boilerplate: ``[start, end)`` pieces of article body.

    >>> t = "Putin tiba.\\nEditor: Rina"
    >>> [t[s:e] for s, e in body_spans(t)]
    ['Putin tiba.\\n']
    """
    spans, pos = [], 0
    for b in boilerplate if boilerplate is not None else find_boilerplate(text):
        if b.start > pos:
            spans.append((pos, b.start))
        pos = max(pos, b.end)
    if pos < len(text):
        spans.append((pos, len(text)))
    return spans
