"""Where a person's name starts and ends in running text, for the role rules.

A name is a run of name words: capitalised, no acronym, place, role, institution,
domain or frequent Indonesian word, and never lower case elsewhere in the article.
Around them a name may hold particles ("al-Rahim"), dotted initials ("George W.
Bush"), a Roman numeral ("Leo XIV"), a quoted nickname, and a frequent word as its
first or last word when nothing else explains it ("Bagus Hidayat", "Hendra Putra").

>>> from sorot.training.weak.context import RoleRules
>>> rules = RoleRules.load()
>>> doc = Document.from_text("kata Menlu Hendra Putra kepada wartawan")
>>> doc.span_text(2, rules._name_at(doc, 2, set()))
'Hendra Putra'
"""

from __future__ import annotations

import re

from sorot.inference.text.gazetteer import ARTICLE_PARTICLES, NAME_PARTICLES
from sorot.inference.text.phrases import Document, is_capitalised, same_line
from sorot.training.weak.names import (
    initial_length,
    is_bare_verb,
    is_common_word,
    is_derived_word,
    joins,
    looks_foreign,
)

#: An apostrophe inside a name may be typed straight, curly or as the modifier letter:
#: "Sa'ar", "Sa\u2019ar", "Sa\u02bcar".
_NAME_WORD = re.compile(r"^[^\W\d_][\w'\u2019\u02bc.]*$")
_ROMAN = re.compile(r"^(?=[IVXL])L?X{0,3}(IX|IV|V?I{0,3})$")  # "Leo XIV", "Charles III"
_MAX_NAME = 4
_CLITICS = frozenset({"nya", "lah", "kah", "pun", "tah", "ku", "mu"})
#: Kunyas, "father/mother of": '"Abu Khalid"' names a man, though "abu" is a word (ash).
KUNYAS = frozenset({"abu", "abou", "umm", "ummu"})
_OPEN_QUOTES, _CLOSE_QUOTES = frozenset('"\u201c\u00ab'), frozenset('"\u201d\u00bb')
_QUOTE_KEYS = _OPEN_QUOTES | _CLOSE_QUOTES
INSTITUTIONS = frozenset({"partai", "badan", "komisi", "lembaga", "kementerian", "dewan", "fraksi",
                           "yayasan", "universitas", "bank", "kantor", "markas", "mahkamah",
                           "pengadilan", "sekretariat", "organisasi", "gerakan", "front", "brigade",
                           "komite", "panitia", "hadiah", "penghargaan", "anugerah", "pasukan",
                           "pt", "perum", "perumda",  # "PT Pertamina": a company's name follows
                           # associations and alliances: "Ketua Asosiasi Pengusaha Indonesia X"
                           "asosiasi", "federasi", "perhimpunan", "ikatan", "himpunan", "serikat",
                           "aliansi", "koalisi", "majelis", "perkumpulan", "forum"})


class NameShapes:
    """Name boundaries for a rule set with ``places`` and ``roles`` matchers and
    ``modifiers``, ``not_names``, ``honorifics`` and ``word_given_names`` word sets
    (:class:`RoleRules`)."""

    def is_name_word(self, doc: Document, i: int, lower: set[str]) -> bool:
        """Capitalised, not an acronym, place, role or institution word, never written in
        lower case elsewhere in the article, and neither a frequent Indonesian word nor a
        noun derived from one ("Pernyataan", "Kunjungan")."""
        word, key = doc.word(i), doc.keys[i]
        # a lower-case word is a name word only when ArticleContext kept it out of ``lower``
        return ((is_capitalised(word) or word.islower()) and bool(_NAME_WORD.match(word)) and not word.isupper()
                and key not in lower and key not in self.not_names and key not in self.modifiers
                and key not in self.honorifics
                and not is_common_word(key) and not is_derived_word(key)
                and self.places.match_at(doc, i) is None and self.roles.match_at(doc, i) is None)

    def _name_at(self, doc: Document, i: int, lower: set[str]) -> int:
        """End of the name starting at word ``i`` (``i`` itself when there is none); a
        name never runs over a line break (a byline above a headline is not its name)."""
        j = i
        # particles and hyphens count apart: "Izz al-Din al-Haddad" is seven tokens
        while j < len(doc.keys) and j - i < _MAX_NAME + 4 and (j == i or same_line(doc, j - 1, j)):
            if j > i and is_bare_verb(doc.keys[j]) and is_capitalised(doc.word(j)):
                break  # "Menlu Sugiono Sambut Lavrov": a headline's verb between two names
            particle = doc.keys[j] in NAME_PARTICLES and not doc.word(j).isupper() and joins(doc, j) \
                and self._particle_joins(doc, i, j, lower)  # "BIN" is the agency, "bin" a particle
            numeral = j > i and bool(_ROMAN.match(doc.word(j))) and doc.word(j).isupper()
            if j > i and (quoted := self._quoted_nickname(doc, j, lower)):
                j += quoted  # Ahmad "Ucok" Siregar: the nickname is inside the name
            elif self._initial_in_name(doc, j, lower):
                j += 2  # "George W. Bush", "M. Herindra", "J.D. Vance"
            elif particle or numeral or self.is_name_word(doc, j, lower) or after_article(doc, j) or (j == i and (
                    self._common_given_name(doc, j, lower) or self._place_starts_name(doc, j, lower)
                    or self._month_starts_name(doc, j, lower))):
                # "Leo XIV", "Bagus Hidayat", "Israel Katz"
                j += 1
            elif j > i and self.is_name_word(doc, j - 1, lower) and self._common_given_name(doc, j, lower):
                j += 1  # "Ayu Putri Lestari": a frequent word between two name words
            elif j > i and hyphenated_syllable(doc, j):
                j += 2  # "Lee Jae-myung": a Korean given name's second syllable
            else:
                break
        while j > i + 1 and doc.keys[j - 1] in NAME_PARTICLES:
            j -= 1  # a name never ends on a particle ("al-" before a word past the limit)
        if j > i and self._common_family_name(doc, j, lower):
            j += 1  # "Hendra Putra": a frequent word closes the name
        elif j == i + 1 and (k := _lower_family_name(doc, j)):
            j = k  # "Abbas araghchi", "Faisal bin farhan": the source's lower-case family name
        return j if 0 < self._name_words(doc, i, j, lower) <= _MAX_NAME else i

    def birth_order_prefix(self, doc: Document, start: int) -> bool:
        """An "I" right before a Balinese birth-order name at ``start`` ("I Wayan Koster"):
        the name's first word, unless a numbered unit has it ("Komisi I Made X")."""
        return (start >= 1 and doc.word(start - 1) == "I" and doc.keys[start] in self.birth_order_names
                and is_capitalised(doc.word(start)) and same_line(doc, start - 1, start)
                and not (start >= 2 and same_line(doc, start - 2, start - 1)
                         and (doc.keys[start - 2] in self.not_names or doc.keys[start - 2] in INSTITUTIONS)))

    def _name_words(self, doc: Document, start: int, end: int, lower: set[str]) -> int:
        """How many of the words ``start:end`` are name words (particles, initials and a
        quoted nickname's words are not: 'Mohammad Bagher "Haj Ali" Ghalibaf' has three)."""
        count, quoted = 0, False
        for k in range(start, end):
            if doc.keys[k] in _QUOTE_KEYS:
                quoted = not quoted if doc.keys[k] == '"' else doc.keys[k] in _OPEN_QUOTES
            elif not quoted:
                count += self.is_name_word(doc, k, lower)
        return count

    def _common_family_name(self, doc: Document, j: int, lower: set[str]) -> bool:
        """A capitalised frequent word ("Putra", "Indah") right after a name word
        that ends the capitalised run on its line: the name's last word, as
        :meth:`_common_given_name` is its first. Days, months and places are not
        ("Hendra Gunawan Senin (2/6)")."""
        word = doc.word(j) if j < len(doc.keys) else ""
        # an office's domain word after a name is the name's ("Djaka Budhi Utama"): no
        # domain word follows its holder's name
        return (len(word) > 2 and is_capitalised(word) and word.isalpha() and not word.isupper()
                and same_line(doc, j - 1, j) and is_common_word(doc.keys[j])
                and self._may_be_name(doc, j, lower, domain_words=True)
                and not (j + 1 < len(doc.keys) and same_line(doc, j, j + 1) and is_capitalised(doc.word(j + 1))))

    def _initial_in_name(self, doc: Document, j: int, lower: set[str]) -> bool:
        """A dotted initial at ``j`` with a name word (or another initial) after it."""
        k = j
        while initial_length(doc, k):
            k += 2
        return k > j and k < len(doc.keys) and self.is_name_word(doc, k, lower)

    def _common_given_name(self, doc: Document, i: int, lower: set[str]) -> bool:
        """A capitalised frequent word ("Bagus", "Indah") that is never lower case in the
        article and stands right before a name word on its line: a given name (the
        frequency test alone would cut it off and start the span mid-name)."""
        word, key = doc.word(i), doc.keys[i]
        return (i + 1 < len(doc.keys) and is_capitalised(word) and word.isalpha() and not word.isupper()
                and ((is_common_word(key) and self._may_be_name(doc, i, lower)) or self._word_given_name(doc, i))
                and same_line(doc, i, i + 1) and self.is_name_word(doc, i + 1, lower))

    def _word_given_name(self, doc: Document, i: int) -> bool:
        """A function word that is also a given name, capitalised after a word or a comma
        on its line: "Gubernur Kharkiv Oleh Synehubov" ("oleh" is "by"), "Jenderal Dan
        Caine", "Gubernur Kharkiv, Oleh Synehubov," (mid-sentence, only a name is
        capitalised after a comma)."""
        return doc.keys[i] in self.word_given_names and i > 0 and same_line(doc, i - 1, i) \
            and (doc.keys[i - 1][:1].isalnum() or doc.keys[i - 1] == ",")

    def _may_be_name(self, doc: Document, i: int, lower: set[str], domain_words: bool = False) -> bool:
        """A frequent word that may still be part of a name: never lower case in the
        article, and no derived noun, institution, place or role word, nor a domain word
        (unless ``domain_words``)."""
        key = doc.keys[i]
        return (not is_derived_word(key) and key not in lower and key not in self.not_names
                and (domain_words or key not in self.modifiers) and key not in INSTITUTIONS
                and self.places.match_at(doc, i) is None and self.roles.match_at(doc, i) is None)

    def _quoted_nickname(self, doc: Document, j: int, lower: set[str]) -> int:
        """How many words a quoted nickname at ``j`` takes, quotes included (0 when there
        is none): a capitalised word ('"Dima"'), a kunya ('"Abu Khalid"') or two name words
        ('"Haj Ali"') with a name word after the closing quote."""
        for words in (1, 2):
            close = j + words + 1
            if words == 2 and (j + 2 >= len(doc.keys) or not (
                    doc.keys[j + 1] in KUNYAS or all(self.is_name_word(doc, k, lower) for k in (j + 1, j + 2)))):
                continue  # '"Siap Membantu"' is a quoted phrase; '"Haj Ali"', '"Abu Khalid"' are names
            if close + 1 < len(doc.keys) and doc.keys[j] in _OPEN_QUOTES and doc.keys[close] in _CLOSE_QUOTES \
                    and all(is_capitalised(doc.word(k)) and doc.word(k).isalpha() for k in range(j + 1, close)) \
                    and same_line(doc, j, close + 1) and self.is_name_word(doc, close + 1, lower):
                return words + 2
        return 0

    def _particle_joins(self, doc: Document, i: int, j: int, lower: set[str]) -> bool:
        """A particle ("al", "-", "van") at ``j`` continues a name when a name word follows
        it, possibly after one more particle ("al-Rahim"); a hyphen never starts a name."""
        if doc.keys[j] == "-" and j == i:
            return False
        for k in (j + 1, j + 2):
            if k < len(doc.keys) and (self.is_name_word(doc, k, lower) or after_article(doc, k)):
                return True
            if k >= len(doc.keys) or doc.keys[k] not in NAME_PARTICLES:
                return False
        return False


def academic_degree(doc: Document, start: int, end: int) -> bool:
    """Words ``start:end`` are an academic degree written after a name: short letter
    groups joined by dots ("S.Sos", "M.Si", "Ph.D"), never a name ("J.D. Vance" goes on
    to a long word).

    >>> doc = Document.from_text("Suharyanto, S.Sos., hadir; J.D. Vance")
    >>> academic_degree(doc, 2, 5), academic_degree(doc, 8, 12)
    (True, False)
    """
    keys = doc.keys[start:end]
    return "." in keys and all(k == "." or (k.isalpha() and len(k) <= 4) for k in keys)


def _lower_family_name(doc: Document, j: int) -> int:
    """End of a lower-case family name at word ``j``, after a given name and maybe a
    particle, when it reads as foreign (:func:`looks_foreign`); 0 otherwise."""
    k = j + 1 if doc.keys[j:j + 1] and doc.keys[j] in NAME_PARTICLES and doc.keys[j] != "-" else j
    if k < len(doc.keys) and same_line(doc, j - 1, k) and doc.word(k).islower() and looks_foreign(doc.keys[k]):
        return k + 1
    return 0


def hyphenated_syllable(doc: Document, j: int) -> bool:
    """A lower-case syllable hyphenated, unspaced, to the capitalised word before it, as
    Korean given names are written ("Jae-myung", "Gyu-back"); a clitic ("-nya") or an
    Indonesian word after the hyphen is no syllable of a name."""
    if doc.keys[j] != "-" or j + 1 >= len(doc.keys) or not joins(doc, j) or not is_capitalised(doc.word(j - 1)):
        return False
    syllable = doc.word(j + 1)
    return syllable.isalpha() and syllable.islower() and 2 <= len(syllable) <= 6 and \
        syllable not in _CLITICS and not is_common_word(syllable)


def after_article(doc: Document, j: int) -> bool:
    """A capitalised word hyphenated to an article particle ("el-Sisi", "al-Hayya") is a
    name word even where it is a frequent word too, in any case elsewhere ("sisi", side)."""
    return (2 <= j < len(doc.keys) and doc.keys[j - 1] == "-" and doc.keys[j - 2] in ARTICLE_PARTICLES
            and joins(doc, j - 1) and is_capitalised(doc.word(j)) and doc.word(j).isalpha())
