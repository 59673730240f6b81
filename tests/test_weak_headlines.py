"""The twentieth round: a Title Case headline about one person ("Sosok X, Utusan …"),
and later mentions at the start of a line, which the word ending the line before does
not join.

Every sentence is written for this project; the labeler runs with an empty gazetteer, so
only the rules can find the names.
"""

from __future__ import annotations

import pytest
from helpers import people

from sorot.inference.text.phrases import Document, Hit
from sorot.training.weak.mentions import Mentions

BODY = "\nMorrow tiba di Doha pada Senin untuk perundingan."


@pytest.mark.parametrize(("headline", "expected"), [
    # a profile word, or none, before the name; the body names the person again
    ("Profil Daniel Morrow, Utusan Trump untuk Timur Tengah",
     [("Daniel Morrow", "OFFICIAL"), ("Trump", "LEADER"), ("Morrow", "OFFICIAL")]),
    ("Mengenal Daniel Morrow, Utusan Khusus AS yang Pernah Jadi Pengusaha",
     [("Daniel Morrow", "OFFICIAL"), ("Morrow", "OFFICIAL")]),
    ("Rekam Jejak Daniel Morrow, Menteri Pertahanan Baru", [("Daniel Morrow", "OFFICIAL"), ("Morrow", "OFFICIAL")]),
    ("Wawancara Eksklusif Daniel Morrow, Utusan Khusus AS untuk Timur Tengah",
     [("Daniel Morrow", "OFFICIAL"), ("Morrow", "OFFICIAL")]),
    ("Daniel Morrow, Utusan Trump untuk Timur Tengah, Tiba di Doha",
     [("Daniel Morrow", "OFFICIAL"), ("Trump", "LEADER"), ("Morrow", "OFFICIAL")]),
    # with no comma, the role right after the name
    ("Sosok Daniel Morrow Utusan Trump yang Kini Memimpin Perundingan Gaza",
     [("Daniel Morrow", "OFFICIAL"), ("Trump", "LEADER"), ("Morrow", "OFFICIAL")]),
    ("Profil Daniel Morrow Menteri Pertahanan Baru", [("Daniel Morrow", "OFFICIAL"), ("Morrow", "OFFICIAL")]),
])
def test_a_profile_headline_names_its_person(rules_only, headline, expected):
    assert people(rules_only, headline + BODY) == expected


@pytest.mark.parametrize("text", [
    # the body never names the person again: on a Title Case line nothing tells the
    # name from the words around it
    "Mengenal Daniel Morrow, Utusan Khusus AS yang Pernah Jadi Pengusaha\nIa tiba di Doha pada Senin.",
    # a word that opens no profile stays outside, and so does the rest of the line
    "Kabar Terbaru Daniel Morrow, Utusan Khusus AS\nMorrow tiba di Doha pada Senin.",
    "Sosok Daniel Morrow Utusan Khusus AS\nIa tiba di Doha pada Senin.",
    # with no comma, a role with its own name after it is that name's ("Wakil Presiden
    # Hartono"), unless an envoy's role names the principal ("Utusan Trump")
    "Sosok Daniel Morrow Wakil Presiden Hartono\nMorrow tiba di Doha pada Senin.",
    # a headline's verb before the role is no name, whatever the body says
    "Zelensky Kirim Utusan Khusus ke Moskow\nZelensky tiba di Kyiv pada Senin.",
])
def test_what_a_headline_appositive_does_not_name(rules_only, text):
    assert people(rules_only, text) == []


@pytest.mark.parametrize(("text", "expected"), [
    # the line before ends in a capitalised word that is no common word
    ("Menteri Luar Negeri Hamid Vaziri tiba di Oslo.\nKunjungan Itu Disambut Pengusaha\nVaziri menolak usulan.",
     [("Hamid Vaziri", "OFFICIAL"), ("Vaziri", "OFFICIAL")]),
    # on one line the neighbour still joins it: another person's name
    ("Menteri Luar Negeri Hamid Vaziri tiba di Oslo. Nasrin Vaziri menolak usulan.",
     [("Hamid Vaziri", "OFFICIAL")]),
])
def test_a_word_on_another_line_is_no_part_of_a_name(rules_only, text, expected):
    assert people(rules_only, text) == expected


def test_a_later_mention_ends_at_its_line():
    """Either side: the capitalised word across a line break is no part of the name; on
    its own line the same word makes "Vaziri Sorokin" a longer name, nobody's mention."""
    doc = Document.from_text("Menlu Hamid Vaziri tiba. Usulan ditolak Vaziri\nSorokin kecewa. Ada Vaziri Sorokin.")
    found = Mentions.find(doc, [Hit(1, 3, "OFFICIAL")], set(), set())
    assert [(doc.span_text(h.start, h.end), h.start) for h in found] == [("Hamid Vaziri", 1), ("Vaziri", 7)]
