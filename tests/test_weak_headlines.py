"""Later mentions at the start or the end of a line, which the word across the line
break does not join (the twentieth round of issue 21).

Every sentence is written for this project; the labeler runs with an empty gazetteer, so
only the rules can find the names.
"""

from __future__ import annotations

import pytest
from helpers import people

from sorot.inference.text.phrases import Document, Hit
from sorot.training.weak.mentions import Mentions


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
