"""The eighteenth round: a cabinet's list that brackets each minister's portfolio
without an office word ("Dimas Prakoso (Pertahanan), Sinta Handayani (Luar Negeri)"),
and a line that is only a name, a dash and an office ("Rami Haddad - Penasihat Kremlin"),
which read as a Title Case subhead and named nobody; a firm's name of several words before
an appositive holder ("Presiden Direktur PT Pertamina Patra Niaga, X" gave "Patra Niaga"),
a body's field ("Kepala Otoritas Nuklir Iran" gave "Nuklir") and an event after "Ketua
Panitia" ("… Pekan Solidaritas Palestina" gave "Solidaritas").

Every sentence is written for this project; the labeler runs with an empty gazetteer, so
only the rules can find the names.
"""

from __future__ import annotations

import pytest
from helpers import people

DIMAS, SINTA, SALIM = "Dimas Prakoso", "Sinta Handayani", "Rami Haddad"


@pytest.mark.parametrize(("text", "expected"), [
    # two bracketed portfolios make the list a cabinet's
    (f"Susunan kabinet: {DIMAS} (Pertahanan), {SINTA} (Luar Negeri), dan Joko (Dalam Negeri).",
     [(DIMAS, "OFFICIAL"), (SINTA, "OFFICIAL"), ("Joko", "OFFICIAL")]),
    (f"Yang hadir antara lain {DIMAS} (Keuangan) dan {SINTA} (Kelautan dan Perikanan).",
     [(DIMAS, "OFFICIAL"), (SINTA, "OFFICIAL")]),
    (f"Daftar wakil menteri baru:\n1. {DIMAS} (Perdagangan)\n2. {SINTA} (Koperasi)\nMereka dilantik Senin.",
     [(DIMAS, "OFFICIAL"), (SINTA, "OFFICIAL")]),
    # one, with a minister's word on its line or the line before
    (f"Menteri yang dilantik hari ini: {DIMAS} (Pertanian).", [(DIMAS, "OFFICIAL")]),
    # one alone is no cabinet's
    (f"Pelatihan itu diikuti {DIMAS} (Keuangan) dari kantor cabang.", []),
    # a firm or a body before the brackets is no person
    ("Dana dialokasikan ke PT Pindad (Pertahanan) dan PT Pertamina (Energi).", []),
    ("Rapat dihadiri perwakilan Jepang (Pertahanan) dan Korea Selatan (Luar Negeri).", []),
])
def test_a_cabinet_list_with_bracketed_portfolios_names_its_ministers(rules_only, text, expected):
    assert people(rules_only, text) == expected


_ABOVE = "Delegasi Bertemu di Riyadh\nPertemuan itu dihadiri sejumlah pejabat.\n{}\nPerundingan berlangsung lama."


@pytest.mark.parametrize(("line", "expected"), [
    (f"{SALIM} - Penasihat Kremlin", [(SALIM, "OFFICIAL")]),
    (f"{SINTA} - Menteri Luar Negeri AS", [(SINTA, "OFFICIAL")]),
    (f"{DIMAS} - Sekretaris Pers Gedung Putih", [(DIMAS, "OFFICIAL")]),
    # a Title Case subhead goes on after the office, and a dateline is a place's
    (f"{SALIM} - Menteri Pertahanan Bertemu Mitranya", []),
    ("Sleman - Bupati Sleman", []),
])
def test_a_line_of_a_name_a_dash_and_an_office_names_the_holder(rules_only, line, expected):
    assert people(rules_only, _ABOVE.format(line)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a headline of nothing else names its holder too
    (f"{SALIM} - Penasihat Kremlin\nIa tiba di Riyadh pada Senin.", [(SALIM, "OFFICIAL")]),
    (f"{SALIM} - Penasihat Kremlin Tiba di Riyadh\nIa tiba pada Senin.", []),
])
def test_a_headline_of_a_name_a_dash_and_an_office_names_the_holder(rules_only, text, expected):
    assert people(rules_only, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # after a firm's mark, the capitalised words up to the comma are the firm's name
    (f"Presiden Direktur PT Pertamina Patra Niaga, {DIMAS}, menyebut pasokan aman.", [(DIMAS, "OFFICIAL")]),
    (f"Direktur Utama Perum Bulog Jaya, {SINTA}, memastikan stok aman.", [(SINTA, "OFFICIAL")]),
    (f"Direktur Utama PT Pertamina {DIMAS} menyebut pasokan aman.", [(DIMAS, "OFFICIAL")]),
    # a body's field and an event's words are no name
    ("Kepala Otoritas Nuklir Iran menyebut fasilitas Fordow rusak.", []),
    (f"Kepala Otoritas Nuklir Iran {DIMAS} menyebut fasilitas rusak.", [(DIMAS, "OFFICIAL")]),
    ("Ketua Panitia Penyelenggara Pekan Solidaritas Palestina mengatakan acara dihadiri ribuan orang.", []),
])
def test_a_firm_a_field_or_an_event_is_no_holders_name(rules_only, text, expected):
    assert people(rules_only, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a one-word place that opens a list's item, before a one-word name, is a given name
    # (it gave "Gideon Saar" alone, or "Katz")
    ("Menteri yang hadir: Israel Katz (Pertahanan) dan Gideon Saar (Luar Negeri).",
     [("Israel Katz", "OFFICIAL"), ("Gideon Saar", "OFFICIAL")]),
    ("Wakil menteri yang dilantik: Dimas Prakoso (Koperasi), India Pratiwi (Perdagangan).",
     [("Dimas Prakoso", "OFFICIAL"), ("India Pratiwi", "OFFICIAL")]),
    ("Dari kubu oposisi, India Pratiwi, Wakil Ketua DPR, menolak.", [("India Pratiwi", "OFFICIAL")]),
    # a place alone in the item is still a place
    ("Rapat dihadiri perwakilan: Jepang (Pertahanan), India (Luar Negeri).", []),
])
def test_a_place_opening_a_list_item_before_a_surname_is_a_given_name(rules_only, text, expected):
    assert people(rules_only, text) == expected
