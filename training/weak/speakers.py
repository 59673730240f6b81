"""Speakers an article never introduces: "Araghchi mencatat bahwa …", "…," kata Araghchi.

A foreign official the press knows well is often quoted by family name alone, with no
role anywhere in the article, and no rule reads a role there. Such a name still shows
itself: a word Indonesian never uses (Zipf under :data:`SPEAKER_ZIPF`), always
capitalised and always alone (never beside another name word, so never introduced in
full, as an analyst or a resident is), written at least :data:`MIN_MENTIONS` times and
at least once right next to a verb of saying, in an article that names a conflict (a
football coach or a company's founder is quoted bare too; the labeler asks this rule
only where a strong conflict cue stands). It is tagged OFFICIAL (the gazetteer lists the
heads of state the press names bare; officials are too many to list), with the lowest
score of the rules.

A news agency or a company quoted the same way ("Menurut Xinhua, …", "Rosatom
mengatakan") is told by the words the article writes before it once ("kantor berita
Xinhua", "perusahaan nuklir Rosatom", "dilansir Haaretz") or the verbs only a medium
takes ("Xinhua melaporkan"); the places list already has the best-known ones.

>>> from sorot.training.weak.context import RoleRules
>>> doc = Document.from_text('Vaziri mencatat bahwa perundingan gagal. "Kami siap," kata Vaziri.')
>>> [(doc.span_text(h.start, h.end), h.payload) for h in role_less_speakers(doc, set(), set(), RoleRules.load())]
[('Vaziri', 'OFFICIAL'), ('Vaziri', 'OFFICIAL')]
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from sorot.inference.text.phrases import Document, Hit, is_capitalised, same_line
from sorot.models.schema import OFFICIAL
from sorot.training.weak.context import SAYS_AFTER, beside_saying
from sorot.training.weak.names import zipf

if TYPE_CHECKING:
    from sorot.training.weak.context import RoleRules

#: Zipf frequency under which a word is no Indonesian word ("Araghchi" 0; "Abbas" 4.2).
SPEAKER_ZIPF = 1.5
#: A speaker the article names fewer times than this is left alone.
MIN_MENTIONS = 2
#: Verbs of saying after a speaker, beyond the role rules' own.
_SAID_AFTER = SAYS_AFTER | {"mencatat", "membantah", "membantahnya", "berkata", "menekankan", "menyampaikan"}
#: Words that make the name after them an organisation's or a medium's.
_ORGANISATION_WORDS = frozenset({
    "berita", "media", "harian", "koran", "surat", "kabar", "majalah", "situs", "laman", "portal", "stasiun",
    "televisi", "radio", "saluran", "outlet", "agensi", "laporan", "dilansir", "melansir", "lansir", "dikutip",
    "mengutip", "perusahaan", "operator", "raksasa", "produsen", "maskapai", "pabrikan", "bank", "grup",
    "kelompok", "milisi", "gerakan", "organisasi", "lembaga", "badan", "partai", "platform", "aplikasi"})
#: Verbs only a medium takes: "Xinhua melaporkan".
_REPORTS = frozenset({"melaporkan", "memberitakan", "mewartakan", "melansir", "menayangkan", "menerbitkan"})


def role_less_speakers(doc: Document, blocked: set[int], lower: set[str], roles: RoleRules) -> list[Hit]:
    """Every mention of each role-less speaker (see the module), outside ``blocked`` words;
    a name with any mention inside ``blocked`` is some found person's, and left alone."""
    mentions: dict[str, list[int]] = defaultdict(list)
    for k, key in enumerate(doc.keys):
        # the article's lower-case words first: most words are, and the test is a set's
        if key not in lower and len(key) >= 4 and key.isalpha() and zipf(key) < SPEAKER_ZIPF:
            mentions[key].append(k)
    hits, role_ends = [], None
    for at in mentions.values():
        if len(at) >= MIN_MENTIONS and blocked.isdisjoint(at) and all(_alone(doc, k, lower, roles) for k in at) \
                and any(_speaks(doc, k) for k in at) and not any(_an_organisation(doc, k) for k in at):
            # right after a role the word is the role's body or principal ("Penasihat
            # Danantara", "utusan Vaziri"), never the role's holder
            role_ends = {h.end for h in roles.roles.find(doc)} if role_ends is None else role_ends
            if role_ends.isdisjoint(at):
                hits += [Hit(k, k + 1, OFFICIAL) for k in at]
    return sorted(hits, key=lambda h: h.start)


def _alone(doc: Document, k: int, lower: set[str], roles: RoleRules) -> bool:
    """Word ``k`` is a name word with no name word beside it on its line."""
    def beside(j: int) -> bool:
        return 0 <= j < len(doc.keys) and same_line(doc, min(j, k), max(j, k)) and roles.is_name_word(doc, j, lower)
    return is_capitalised(doc.word(k)) and roles.is_name_word(doc, k, lower) and not (beside(k - 1) or beside(k + 1))


def _speaks(doc: Document, k: int) -> bool:
    """Word ``k`` speaks: right before a verb of saying or right after "kata", "menurut" …"""
    return beside_saying(doc, k, _SAID_AFTER)


def _an_organisation(doc: Document, k: int) -> bool:
    """An organisation's or a medium's word right before word ``k``, or a medium's verb after it."""
    return (k > 0 and doc.keys[k - 1] in _ORGANISATION_WORDS) or (k + 1 < len(doc.keys) and doc.keys[k + 1] in _REPORTS)
