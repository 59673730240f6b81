"""Is this capitalised word a name? Real Indonesian word frequencies decide.

A capitalised word that is also a frequent Indonesian common word ("Bangsa", "Merah",
"Putih", "Muda", "Informasi") is not a person's name on its own: it is an
institution's, a cabinet's or a rank's word, or starts a sentence. The frequencies
come from ``wordfreq`` (Zipf scale: 6 is "dan"-frequent, 3 is one in a million words).
Given names are frequent too ("Joko" 4.6, "Budi" 4.7, "Trump" 4.3), so the bar sits at
5.0, above every given name and below the common words that stand in front of names.

>>> is_common_word("bangsa"), is_common_word("guterres"), is_common_word("joko")
(True, False, False)
"""

from __future__ import annotations

import re
from functools import lru_cache

from sorot.inference.text.phrases import Document, is_capitalised, same_line

#: Zipf frequency from which a word is a common Indonesian word, not a name.
COMMON_ZIPF = 5.0



@lru_cache(maxsize=1 << 16)
def zipf(key: str) -> float:
    """Indonesian Zipf frequency of a folded word (0 for unknown words); a reduplicated
    word ("bangsa-bangsa") counts as its base.

    >>> zipf("bangsa-bangsa") == zipf("bangsa") > 5
    True
    """
    from wordfreq import zipf_frequency

    base, _, again = key.partition("-")
    if again and again == base:
        key = base
    return zipf_frequency(key, "id") if key.isalpha() else 0.0


def is_common_word(key: str) -> bool:
    return zipf(key) >= COMMON_ZIPF or is_suffixed_word(key)


#: Zipf frequency from which a stem is an Indonesian word, and a derived word one at all.
STEM_ZIPF, DERIVED_ZIPF = 3.0, 3.0
#: Zipf frequency from which a long ``pe(N)-…-an`` word is a noun whatever its stem.
LONG_NOUN_ZIPF = 3.5
#: Noun prefixes of ``-an`` words, with the stem's first letter a nasal prefix swallows
#: ("pe-nyerang-an" of "serang", "pe-nangkap-an" of "tangkap").
_NOUN_PREFIXES = (("peny", "s"), ("peng", "k"), ("peng", ""), ("pem", "p"), ("pem", ""), ("pen", "t"),
                  ("pen", ""), ("per", ""), ("pe", ""), ("ke", ""), ("", ""))


def is_derived_noun(key: str) -> bool:
    """A noun made from a frequent stem with ``-an`` ("pernyataan" of "nyata", "kunjungan",
    "tanggapan", "kementerian"): such a word opens a sentence or an institution's name
    ("Pernyataan Trump", "Kunjungan Erdogan"), it is never part of a person's name. Given
    names are as frequent as these nouns, so frequency alone cannot tell them apart; names
    ending in "-an" ("Setiawan", "Ridwan", "Sulaiman") have no such stem.

    >>> [is_derived_noun(w) for w in ("pernyataan", "kunjungan", "penyerangan", "kementerian")]
    [True, True, True, True]
    >>> [is_derived_noun(w) for w in ("setiawan", "ridwan", "sulaiman", "firman", "dahlan", "erdogan")]
    [False, False, False, False, False, False]
    >>> [is_derived_noun(w) for w in ("penanggulangan", "terorisme", "pezeshkian")]
    [True, True, False]
    """
    if key.isalpha() and len(key) >= 7 and key.endswith(("isme", "isasi")):
        return True  # "Terorisme", "Demiliterisasi": abstract nouns, no name ends so
    if len(key) < 6 or not key.endswith("an") or not key.isalpha() or zipf(key) < DERIVED_ZIPF:
        return False
    if len(key) >= 10 and key.startswith(("pen", "pem", "per", "peng", "peny")) and zipf(key) >= LONG_NOUN_ZIPF:
        return True  # "Penanggulangan", "Pemberantasan": the stem's verb form is the frequent one
    body = key[:-2]
    # a bare "-an" needs a longer stem: "Firman", "Dahlan", "Julian" end on short words
    return any(body.startswith(prefix) and len(body) - len(prefix) + len(swallowed) >= (3 if prefix else 5)
               and zipf(swallowed + body[len(prefix):]) >= STEM_ZIPF
               for prefix, swallowed in _NOUN_PREFIXES)


#: The "me-" prefix of a stem by its first letter, and whether the nasal swallows that
#: letter: "kecam" -> "mengecam", "tembak" -> "menembak", "lantik" -> "melantik"
_ACTIVE = {"k": ("meng", 1), "p": ("mem", 1), "t": ("men", 1), "s": ("meny", 1), "b": ("mem", 0),
           "f": ("mem", 0), "c": ("men", 0), "d": ("men", 0), "j": ("men", 0), "z": ("men", 0),
           "g": ("meng", 0), "h": ("meng", 0)}


def _me_form(key: str) -> str:
    """The "me-" form of a bare verb, its first letter nasalised: "serukan" -> "menyerukan",
    "tuntut" -> "menuntut", "akui" -> "mengakui"."""
    prefix, swallow = _ACTIVE.get(key[0], ("meng", 0) if key[0] in "aeiou" else ("me", 0))
    return prefix + key[swallow:]


#: Nouns of place that "di" joins as a preposition in careless spelling ("ditengah",
#: "diatas", frequent words): their "di-" form is no passive, and "menengah" no verb
_LOCATIVES = frozenset({"tengah", "rumah", "kota", "tangan", "atas", "bawah", "dalam", "luar", "samping",
                        "depan", "belakang", "sini", "sana", "antara", "mana", "sekitar", "sebelah",
                        "seberang", "pinggir", "ujung", "balik", "dekat", "akhir", "awal", "sisi"})


def _is_verb_stem(stem: str) -> bool:
    """A stem of four or more letters that is a frequent word itself or in its "me-" form
    (wordfreq knows "mengecam" and "melantik", not "kecam" and "lantik")."""
    if len(stem) < 4 or stem in _LOCATIVES:
        return False
    return zipf(stem) >= STEM_ZIPF or zipf(_me_form(stem)) >= STEM_ZIPF


def is_passive_verb(key: str) -> bool:
    """A frequent passive verb, "di-" on a verb's stem: "Dipanggil", "Ditelepon", "Dikecam",
    "Dilantik". Headlines capitalise them after a role ("Dubes Rusia Dipanggil"); they are
    never part of a name. Names in "Di-" have short or unknown stems, or are rare words.

    >>> [is_passive_verb(w) for w in ("dipanggil", "ditelepon", "dikecam", "dilantik", "dibebaskan")]
    [True, True, True, True, True]
    >>> [is_passive_verb(w) for w in ("dian", "dimas", "diana", "dimitri", "diego", "dinata", "diponegoro")]
    [False, False, False, False, False, False, False]
    """
    if not (key.startswith("di") and len(key) >= 6 and key.isalpha() and zipf(key) >= DERIVED_ZIPF):
        return False
    stem = key[2:]
    return any(_is_verb_stem(s) for s in (stem, stem.removesuffix("kan"), stem.removesuffix("i")) if s)


def _has_passive(stem: str) -> bool:
    """Its "di-" form is a frequent word ("sambut": "disambut"), and it is no noun of place
    that "di" merely runs into ("ditengah")."""
    return len(stem) >= 4 and stem not in _LOCATIVES and zipf("di" + stem) >= STEM_ZIPF


def _active_stems(key: str) -> list[str]:
    """The stems a "me-" word may have, its nasal undone: "mengecam" -> "ecam", "kecam";
    "menyambut" -> "sambut"; "memperingatkan" -> "peringatkan"."""
    for prefix, swallowed in (("meny", "s"), ("meng", "k"), ("mem", "p"), ("men", "t")):
        if key.startswith(prefix):
            rest = key[len(prefix):]
            return [rest, swallowed + rest] if swallowed != "s" else [swallowed + rest]
    return [key[2:]]


def word_stems(key: str) -> set[str]:
    """The word and the stems it may have under one suffix ("-nya", "-kan", "-i") and one
    prefix ("me-" with its nasal undone as :func:`_active_stems` does, "di-", "ber-",
    "ter-"), none shorter than four letters: a headline's bare verb and its body's
    inflected one share one ("Tarik" and "menarik").

    >>> sorted(word_stems("menyetujui"))
    ['menyetuju', 'menyetujui', 'setuju', 'setujui']
    >>> sorted(word_stems("menarik")), sorted(word_stems("pasukannya"))
    (['arik', 'menarik', 'tarik'], ['pasukan', 'pasukannya'])
    """
    stems = {key} | {key[:-len(end)] for end in ("nya", "kan", "i") if key.endswith(end) and len(key) - len(end) >= 4}
    out = set(stems)
    for stem in stems:
        if stem.startswith("me"):
            out.update(_active_stems(stem))
        elif stem.startswith(("di", "ber", "ter")):
            out.add(stem[2:] if stem.startswith("di") else stem[3:])
    return {s for s in out if len(s) >= 4}


def is_active_verb(key: str) -> bool:
    """A frequent verb in "me-", "ber-" or "ter-": "Mengecam", "Menyambut", "Berkunjung",
    "Tertembak". Short headlines capitalise them after a role ("Dubes Rusia Mengecam").
    A "me-" or "ter-" word is a verb when its passive ("dikecam", "ditembak") is a frequent
    word too, and a "ber-" word when its stem is: names that look prefixed ("Melinda",
    "Megawati", "Terawan", "Bernard") have no such forms.

    >>> [is_active_verb(w) for w in ("mengecam", "menyambut", "memperingatkan", "berkunjung", "tertembak")]
    [True, True, True, True, True]
    >>> [is_active_verb(w) for w in ("melinda", "megawati", "melati", "mendes", "terawan", "bernard", "teresa")]
    [False, False, False, False, False, False, False]
    >>> is_active_verb("menengah")  # "ditengah" is "di tengah" run together
    False
    """
    if len(key) < 6 or not key.isalpha() or zipf(key) < DERIVED_ZIPF:
        return False
    if key.startswith("ber"):
        return len(key) >= 7 and zipf(key[3:]) >= STEM_ZIPF
    stems = [key[3:]] if key.startswith("ter") else _active_stems(key) if key.startswith("me") else []
    stems += [s[:-len(end)] for s in stems for end in ("kan", "i") if s.endswith(end)]  # "diundur"
    return any(_has_passive(stem) for stem in stems)


def is_suffixed_verb(key: str) -> bool:
    """A verb's bare form with "-kan" or "-i" on a stem of four or more letters, whose
    passive is a frequent word: "Kunjungi" ("dikunjungi"), "Tegaskan", "Temui" — headline
    verbs ("Menlu AS Kunjungi Israel"). A bare form rarer than its passive is one when its
    "me-" form is a frequent word: "Serukan" ("menyerukan"). Names ending so have neither
    ("Lestari", "Puji" has a three-letter stem).

    >>> [is_suffixed_verb(w) for w in ("kunjungi", "tegaskan", "temui", "serukan", "lestari", "puji", "kartini")]
    [True, True, True, True, False, False, False]
    """
    end = 3 if key.endswith("kan") else 1 if key.endswith("i") else 0
    if not (end and len(key) - end >= 4 and key.isalpha()):
        return False
    return (zipf(key) >= DERIVED_ZIPF and _has_passive(key)) or zipf(_me_form(key)) >= DERIVED_ZIPF


#: Verb stems that are given names too ("Pandu Wibowo", "Puji Lestari")
_VERB_GIVEN_NAMES = frozenset({"pandu", "puji", "kasih", "bangun", "bela", "harap", "giring", "tarik", "tata"})
#: Places that "di" written joined to them makes look passive ("diindonesia" is frequent):
#: "Yayasan Aman Palestin Indonesia X" goes on past the country to the holder.
_JOINED_PLACES = frozenset({"indonesia"})


@lru_cache(maxsize=1 << 16)
def is_bare_verb(key: str) -> bool:
    """A verb's bare stem, whose passive is a frequent word: "Sambut" ("disambut"), "Terima",
    "Serang". Short headlines put one between two names ("Menlu X Sambut Y"), so a name
    never runs on through one. Given names are no verb stems, bar a few listed here.

    >>> [is_bare_verb(w) for w in ("sambut", "terima", "serang", "tangkap")]
    [True, True, True, True]
    >>> [is_bare_verb(w) for w in ("bagus", "putri", "wibowo", "pandu", "tengah")]
    [False, False, False, False, False]
    """
    return key.isalpha() and key not in _VERB_GIVEN_NAMES and key not in _JOINED_PLACES and _has_passive(key)


def is_verb(key: str) -> bool:
    """A verb by its morphology: :func:`is_passive_verb`, :func:`is_active_verb` or
    :func:`is_suffixed_verb`."""
    return is_passive_verb(key) or is_active_verb(key) or is_suffixed_verb(key)


@lru_cache(maxsize=1 << 16)
def is_derived_word(key: str) -> bool:
    """A derived noun (:func:`is_derived_noun`) or a verb (:func:`is_verb`): a word made
    from a stem, never part of a person's name. Asked of every capitalised word, hence
    the memo."""
    return is_derived_noun(key) or is_verb(key)


#: Zipf frequency from which the stem of a ``-nya`` word is an Indonesian word.
SUFFIX_STEM_ZIPF = 4.0


def is_suffixed_word(key: str) -> bool:
    """A word with the ``-nya`` suffix ("its", "the") on a frequent Indonesian stem of four
    or more letters: "Singkatnya", "Tugasnya" open sentences, they are not names. Short
    stems stay names ("Sonya", "Tanya", "Kenya").

    >>> is_suffixed_word("singkatnya"), is_suffixed_word("tugasnya"), is_suffixed_word("sonya")
    (True, True, False)
    """
    return key.endswith("nya") and len(key) >= 7 and zipf(key[:-3]) >= SUFFIX_STEM_ZIPF


#: Spellings Indonesian words lack and foreign names have: double consonants ("Matta",
#: "Gallant"), "gh"/"ch"/"th"/"ph"/"tz"/"ck", Slavic endings ("Lavrov", "Peskov"), and the
#: old Dutch-era "oe" ("Soemirat").
_FOREIGN = re.compile(r"(bb|dd|ff|gg|kk|ll|mm|pp|rr|ss|tt|zz|gh|ch|th|ph|tz|ck|oe|ov$|ev$|sky$|ski$|[qx])")
#: Indonesian verb and noun prefixes ("memveto", "diteken", "pembebasan"); "Medvedev" has none.
_AFFIXED = re.compile(r"^(me[mnlrwy]|di|ber|ter|per|pe[nm])")
#: Zipf frequency below which a lower-case word may be a name's part rather than a word.
FOREIGN_ZIPF = 3.5


def looks_foreign(key: str) -> bool:
    """A lower-case word that reads as a foreign name, not Indonesian: spelled as no
    Indonesian word is (:data:`_FOREIGN`), rare in Indonesian, and no verb or derived word
    ("memveto", "mengatakn", "emoh" stay words). A source may spell a family name so
    ("Abbas araghchi", "Anis matta").

    >>> [looks_foreign(w) for w in ("araghchi", "matta", "gallant", "soemirat", "peskov", "medvedev")]
    [True, True, True, True, True, True]
    >>> [looks_foreign(w) for w in ("memveto", "mengatakn", "emoh", "keukeuh", "bilang", "sowan")]
    [False, False, False, False, False, False]
    """
    return len(key) >= 4 and key.isalpha() and bool(_FOREIGN.search(key)) and zipf(key) < FOREIGN_ZIPF \
        and not _AFFIXED.match(key) and not is_derived_word(key)


def initial_length(doc: Document, j: int) -> int:
    """Words an initial takes at word ``j``: 2 for a capital letter with its full stop
    attached ("W." of "George W. Bush", "M." of "M. Herindra", each letter of "J.D."),
    0 for anything else. An undotted pair of capitals is left out: "BI Perry Warjiyo"
    and "MK Suhartoyo" are an institution's acronym before a name, like "JD Vance".

    >>> doc = Document.from_text("George W. Bush dan J.D. Vance, PBB.")
    >>> [initial_length(doc, j) for j in range(len(doc.keys))]
    [0, 2, 0, 0, 0, 2, 0, 2, 0, 0, 0, 0, 0]
    """
    word = doc.word(j)
    return 2 if (len(word) == 1 and is_capitalised(word) and j + 2 < len(doc.keys) and doc.keys[j + 1] == "."
                 and doc.words[j][1] == doc.words[j + 1][0] and same_line(doc, j, j + 2)) else 0


def joins(doc: Document, k: int) -> bool:
    """Whether particle ``k`` can join a name: a hyphen only when attached to both
    neighbours ("al-Hayya"), never spaced like a dash ("Witkoff - Steve")."""
    if doc.keys[k] != "-":
        return True
    s, e = doc.words[k]
    return 0 < k < len(doc.keys) - 1 and doc.words[k - 1][1] == s and doc.words[k + 1][0] == e
