"""The seventeenth round: an office whose body is named by its kind in lower case
("Juru bicara kelompok Hamas, X", "Kepala kantor media pemerintah Gaza, X") or points
back to a body named earlier ("Juru bicara kementerian itu, X"; "Delegasi Hamas tiba.
Delegasi itu beranggotakan X dan Y"), English bodies that end on a word the heads lacked
("Ketua Federal Reserve X Y", which gave "Reserve X Y"), and a declared nickname in quotes
or before the person's family name ('yang akrab disapa "Dudi"', "Dudi Zini"); a frequent
word opening a list's item is a given name ("…: Bintang Perkasa sebagai Wamenhan", which
gave "Perkasa"), and a connective opening the sentence is none ("Adapun X dipercaya
memimpin …", which gave "Adapun X"). The eighteenth round adds an armed wing and a
mission named by their kind ("Juru bicara brigade itu, X", "Utusan khusus AS untuk misi
perdamaian, X").

Every sentence is written for this project; the labeler runs with an empty gazetteer, so
only the rules can find the names.
"""

from __future__ import annotations

import pytest
from helpers import people

SALIM, RINA = "Abu Salim", "Rina Kusuma"


@pytest.mark.parametrize(("text", "expected"), [
    # a group, a movement, a militia, a faction, a media office: named by kind first
    (f"Juru bicara kelompok Hamas, {SALIM}, mengatakan serangan akan berlanjut.", [(SALIM, "OFFICIAL")]),
    (f"Juru bicara gerakan Hamas {SALIM} mengatakan serangan akan berlanjut.", [(SALIM, "OFFICIAL")]),
    (f"Kepala kantor media pemerintah Gaza, {RINA}, menyebut angka korban naik.", [(RINA, "OFFICIAL")]),
    (f"Juru bicara faksi Fatah, {SALIM}, menolak usulan itu.", [(SALIM, "OFFICIAL")]),
    # a body named before: "itu", "tersebut", "ini" after its kind
    (f"Juru bicara kementerian itu, {RINA}, membantah kabar tersebut.", [(RINA, "OFFICIAL")]),
    (f"Juru bicara milisi tersebut, {SALIM}, mengklaim serangan drone itu.", [(SALIM, "OFFICIAL")]),
    (f"Juru bicara kelompok itu {SALIM} mengatakan perundingan buntu.", [(SALIM, "OFFICIAL")]),
    (f"Juru bicara badan PBB itu, {RINA}, mengatakan bantuan tertahan.", [(RINA, "OFFICIAL")]),
    (f"Kepala badan ini, {RINA}, mengatakan bantuan tertahan.", [(RINA, "OFFICIAL")]),
    # right after the role's own word, "itu" ends the office: the comma ends a clause
    (f"Usai bertemu menteri itu, {RINA} mengatakan pembicaraan berjalan baik.", []),
    (f"Setelah berbicara dengan juru bicara itu, {RINA} pulang.", []),
    # a firm's spokesperson acts in no official role
    (f"Juru bicara perusahaan itu, {RINA}, mengatakan harga naik.", []),
])
def test_a_body_named_by_its_kind_or_named_before(rules_only, text, expected):
    assert people(rules_only, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Ketua Federal Reserve Lukas Brenner tidak berkomentar soal sanksi.", [("Lukas Brenner", "OFFICIAL")]),
    ("Gubernur Federal Reserve Maren Okafor hadir dalam rapat itu.", [("Maren Okafor", "OFFICIAL")]),
    ("Presiden RAND Corporation Tobias Lindqvist berbicara di forum itu.", [("Tobias Lindqvist", "OFFICIAL")]),
])
def test_an_english_body_ending_on_reserve_or_corporation(rules_only, text, expected):
    assert people(rules_only, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a state's or a group's delegation named before, referred back to
    (f"Delegasi Hamas tiba di Kairo pada Senin. Delegasi itu juga beranggotakan {SALIM} dan {RINA}.",
     [(SALIM, "OFFICIAL"), (RINA, "OFFICIAL")]),
    (f"Delegasi Rusia tiba di Istanbul. Delegasi tersebut terdiri dari {SALIM} dan {RINA}.",
     [(SALIM, "OFFICIAL"), (RINA, "OFFICIAL")]),
    # a negotiating team's members after its head's clause
    (f"Tim perunding Israel dipimpin Tarek Mansour dan beranggotakan {SALIM} serta {RINA}.",
     [("Tarek Mansour", "OFFICIAL"), (SALIM, "OFFICIAL"), (RINA, "OFFICIAL")]),
    # another delegation (students), or none named before: its members may be anyone
    (f"Delegasi Rusia tiba di Istanbul. Delegasi mahasiswa itu terdiri dari {SALIM} dan {RINA}.", []),
    (f"Delegasi itu beranggotakan {SALIM} dan {RINA}.", []),
])
def test_a_delegation_named_before_lists_its_members(rules_only, text, expected):
    assert people(rules_only, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ('Kepala Shin Bet Tomer Halevi, yang akrab disapa "Tomi", mulai bertugas. Menurut Tomi, itu keliru.',
     [("Tomer Halevi", "OFFICIAL"), ("Tomi", "OFFICIAL"), ("Tomi", "OFFICIAL")]),
    ("Kepala Shin Bet Tomer Halevi, yang akrab disapa \u201cTomi\u201d, mulai bertugas. Penunjukan Tomi Halevi "
     "dikritik.", [("Tomer Halevi", "OFFICIAL"), ("Tomi", "OFFICIAL"), ("Tomi Halevi", "OFFICIAL")]),
    # a nickname declared for one person says nothing of another's family name
    ("Kepala Shin Bet Tomer Halevi, yang akrab disapa Tomi, tiba. Tomi Rahardjo menyambutnya.",
     [("Tomer Halevi", "OFFICIAL"), ("Tomi", "OFFICIAL")]),
])
def test_a_declared_nickname_in_quotes_or_before_the_family_name(rules_only, text, expected):
    assert people(rules_only, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Berikut wakil menteri baru: Bintang Perkasa sebagai Wakil Menteri Pertahanan, Mawar Sari sebagai "
     "Wakil Menteri Luar Negeri.", [("Bintang Perkasa", "OFFICIAL"), ("Mawar Sari", "OFFICIAL")]),
    ("Presiden melantik Andi Wijaya sebagai Menteri Agama, Bintang Perkasa sebagai Menteri Pertahanan.",
     [("Andi Wijaya", "OFFICIAL"), ("Bintang Perkasa", "OFFICIAL")]),
    ("Adapun Rizky Pratama dipercaya memimpin Badan Penyelenggara Haji.", [("Rizky Pratama", "OFFICIAL")]),
    ("Namun Rizky Pratama dipercaya memimpin Badan Gizi Nasional.", [("Rizky Pratama", "OFFICIAL")]),
    # the twenty-second round: the verbs of appointment that also take "sebagai"
    ("Sementara Rizky Pratama ditunjuk memimpin Kementerian Haji dan Umrah.", [("Rizky Pratama", "OFFICIAL")]),
    ("Rizky Pratama yang diangkat memimpin Badan Pangan Nasional tiba.", [("Rizky Pratama", "OFFICIAL")]),
    ("Warga ditunjuk memimpin doa.", []),
    # a frequent word after a comma before no name and role stays a word
    ("Kemarin, Harapan Baru sebagai partai menolak.", []),
])
def test_a_list_items_given_name_and_a_sentences_connective(rules_only, text, expected):
    assert people(rules_only, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the eighteenth round: an armed wing and a mission named by their kind
    (f"Juru bicara brigade itu, {SALIM}, menyebut penyerahan itu tahap pertama.", [(SALIM, "OFFICIAL")]),
    (f"Utusan khusus Presiden AS untuk misi perdamaian, {RINA}, tiba di Moskow.", [(RINA, "OFFICIAL")]),
    (f"Kepala misi PBB di Ukraina, {RINA}, mengatakan bantuan tertahan.", [(RINA, "OFFICIAL")]),
    # a mission or a brigade that is no office names nobody
    (f"Dalam misi itu, {RINA} memimpin tim relawan.", []),
    (f"Brigade {RINA} menyerang pos itu.", []),
])
def test_an_armed_wing_or_a_mission_named_by_its_kind(rules_only, text, expected):
    assert people(rules_only, text) == expected
