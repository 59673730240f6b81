"""The twentieth round: a speaker the article quotes by family name alone and never
introduces ("Vaziri mencatat bahwa …", "…," kata Vaziri) is an OFFICIAL.

Every sentence is written for this project; the labeler runs with an empty gazetteer, so
only the rules can find the names.
"""

from __future__ import annotations

import pytest
from helpers import people

from sorot.training.weak.labeler import SOURCE_SCORE


@pytest.mark.parametrize(("text", "expected"), [
    ('Vaziri mencatat bahwa perundingan nuklir dengan Teheran gagal. "Kami siap," kata Vaziri.',
     ["Vaziri", "Vaziri"]),
    ("Menurut Vaziri, sanksi harus dicabut. Vaziri menambahkan bahwa Teheran menunggu.", ["Vaziri", "Vaziri"]),
    ("Tawaran gencatan senjata di Gaza ditolak. Vaziri membantahnya kemarin. Vaziri tiba di Oslo pada Senin.",
     ["Vaziri", "Vaziri"]),
    # the twenty-second round: the verbs that close a quote, as "kata" does
    ('Gencatan senjata di Gaza dibahas. "Kami hampir sepakat," imbuh Vaziri. Vaziri tiba di Kairo kemarin.',
     ["Vaziri", "Vaziri"]),
    ('Serangan ke Teheran berlanjut. "Iran tidak akan menyerah," tandas Vaziri. Vaziri tiba di Oslo.',
     ["Vaziri", "Vaziri"]),
])
def test_a_role_less_speaker_is_an_official(rules_only, text, expected):
    assert people(rules_only, text) == [(name, "OFFICIAL") for name in expected]


#: A sentence that names a conflict: the rule reads only such articles.
WAR = " Serangan udara ke Gaza berlanjut."


@pytest.mark.parametrize("text", [
    # named once
    '"Kami siap," kata Vaziri kepada wartawan.' + WAR,
    # never next to a verb of saying
    "Vaziri tiba di Oslo. Pesawat Vaziri mendarat pada Senin." + WAR,
    # introduced in full somewhere: an analyst or a resident, not someone the press knows bare
    '"Harga naik," kata Vaziri. Vaziri menambahkan bahwa Iran tertekan. Hamid Vaziri adalah analis.' + WAR,
    # a word Indonesian uses ("Abbas")
    '"Kami siap," kata Abbas. Abbas menambahkan bahwa Tepi Barat menunggu.' + WAR,
    # a medium or a company, told by the words before it or a medium's verb
    "Menurut kantor berita Xinhua, pertemuan itu berlangsung dua jam. Xinhua menyebut kedua pihak sepakat." + WAR,
    "Menurut Xinhua, pertemuan itu berlangsung dua jam. Xinhua melaporkan kedua pihak sepakat." + WAR,
    "Operator Kyivstar menyatakan jaringan padam. Kata Kyivstar, pemulihan butuh waktu." + WAR,
    "Perusahaan Rosatom mengatakan reaktor aman. Menurut Rosatom, tidak ada kebocoran." + WAR,
    # right after a role: the role's body or principal, never its holder (twenty-first round)
    "Penasihat Kyivstar, Rina Kartika, tiba. Kyivstar menyatakan jaringan pulih." + WAR,
    # an article that names no conflict: a coach or a founder is quoted bare too
    '"Kami bermain buruk," kata Kluivert usai laga. Kluivert menambahkan bahwa timnya lelah.',
])
def test_what_is_no_role_less_speaker(rules_only, text):
    assert [p for p in people(rules_only, text) if p[0] != "Rina Kartika"] == []


def test_a_speaker_found_by_a_role_keeps_its_own_class(rules_only):
    """A person some rule found is left to that rule and their later mentions."""
    text = 'Presiden Iran Hamid Vaziri tiba. "Kami siap," kata Vaziri. Vaziri menambahkan bahwa Iran menunggu.'
    assert people(rules_only, text) == [("Hamid Vaziri", "LEADER"), ("Vaziri", "LEADER"), ("Vaziri", "LEADER")]


def test_a_role_less_speaker_scores_below_a_role(rules_only):
    prediction = rules_only.label('Vaziri mencatat bahwa perundingan soal Ukraina gagal. "Kami siap," kata Vaziri.')
    assert {e["score"] for e in prediction["entities"] if e["label"] == "OFFICIAL"} == {SOURCE_SCORE["speaker"]}
    assert SOURCE_SCORE["speaker"] < SOURCE_SCORE["propagated"] < SOURCE_SCORE["context"]
