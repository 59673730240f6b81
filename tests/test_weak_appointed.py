"""The fifteenth round: names paired with offices by "masing-masing sebagai", acting
titles after "sebagai", "menjabat" after an adverb of the present, more verbs of
appointment and of removal between a name and its office, think tanks named in English
with no connector before the comma that opens their head's name, relatives of office
holders named after the role's comma, and the successor of a removed holder.

Every sentence is written for this project; the labeler runs with an empty gazetteer, so
only the rules can find the names.
"""

from __future__ import annotations

import pytest
from helpers import people

REINDRA, LESTARI, DIMAS = "Reindra Wiratmaja", "Lestari Pohan", "Dimas Kurniawan"


@pytest.mark.parametrize(("text", "expected"), [
    (f"Presiden melantik {REINDRA} dan {LESTARI} masing-masing sebagai Wakil Menteri Pertahanan "
     "dan Wakil Menteri Luar Negeri.", [(REINDRA, "OFFICIAL"), (LESTARI, "OFFICIAL")]),
    # three of each, commas before the last "dan" and before the link
    (f"Ia melantik {REINDRA}, {LESTARI}, dan {DIMAS}, masing-masing sebagai Kepala Badan Intelijen "
     "Negara, Wakil Menteri Luar Negeri, dan Duta Besar RI untuk Rusia.",
     [(REINDRA, "OFFICIAL"), (LESTARI, "OFFICIAL"), (DIMAS, "OFFICIAL")]),
    (f"{REINDRA} dan {LESTARI} yang masing-masing menjabat Menteri Pertahanan dan Menteri Luar "
     "Negeri hadir.", [(REINDRA, "OFFICIAL"), (LESTARI, "OFFICIAL")]),
    # paired in order: a head of state and a minister
    ("Dalam foto itu, Halvorsen dan Ekdahl, masing-masing sebagai Presiden Norwegia dan Menteri "
     "Luar Negeri Swedia, berjabat tangan.", [("Halvorsen", "LEADER"), ("Ekdahl", "OFFICIAL")]),
    # more names than offices, all of one class
    (f"{REINDRA} dan {LESTARI} masing-masing sebagai Duta Besar RI untuk Rusia dan untuk Ukraina.",
     [(REINDRA, "OFFICIAL"), (LESTARI, "OFFICIAL")]),
    # a committee's posts in lower case, and jobs, are no offices
    (f"{REINDRA} dan {LESTARI} masing-masing sebagai ketua dan sekretaris panitia.", []),
    ("Dua anak mereka, Rudi dan Sinta, masing-masing menjadi dokter dan guru.", []),
])
def test_names_paired_with_offices_in_order(rules_only, text, expected):
    assert people(rules_only, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    (f"{LESTARI} ditunjuk sebagai Penjabat Menteri Luar Negeri.", [(LESTARI, "OFFICIAL")]),
    (f"{LESTARI} ditunjuk sebagai Pelaksana Tugas Menteri Luar Negeri.", [(LESTARI, "OFFICIAL")]),
    (f"Presiden menunjuk {LESTARI} sebagai Plt Kepala Badan Intelijen Negara.", [(LESTARI, "OFFICIAL")]),
    (f"{LESTARI}, Plh Duta Besar RI untuk Iran, menyiapkan evakuasi.", [(LESTARI, "OFFICIAL")]),
    # "tugas" and "harian" alone are words of their own
    ("Ia menjalankan tugas harian Menteri Luar Negeri.", []),
])
def test_an_acting_office_after_its_holder(rules_only, text, expected):
    assert people(rules_only, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    (f"{LESTARI} resmi menjabat Duta Besar RI untuk Rusia sejak Januari.", [(LESTARI, "OFFICIAL")]),
    (f"{LESTARI} masih menjabat Wakil Menteri Luar Negeri.", [(LESTARI, "OFFICIAL")]),
    (f"{LESTARI}, yang saat ini menjabat sebagai Kepala Staf Kepresidenan, hadir.", [(LESTARI, "OFFICIAL")]),
    # a former office tells a career: tried and turned down by the check half (README)
    (f"{LESTARI}, yang pernah menjabat Menteri Luar Negeri, kini mengajar.", []),
])
def test_an_office_held_now_after_an_adverb(rules_only, text, expected):
    assert people(rules_only, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    (f"{LESTARI} didapuk sebagai Wakil Menteri Luar Negeri.", [(LESTARI, "OFFICIAL")]),
    (f"{LESTARI} didapuk menjadi Wakil Menteri Luar Negeri.", [(LESTARI, "OFFICIAL")]),
    (f"{LESTARI} dipercaya menjabat Wakil Menteri Luar Negeri.", [(LESTARI, "OFFICIAL")]),
    (f"{LESTARI} ditugaskan sebagai Duta Besar RI untuk Iran.", [(LESTARI, "OFFICIAL")]),
    (f"{LESTARI} ditetapkan sebagai Kepala Badan Intelijen Negara.", [(LESTARI, "OFFICIAL")]),
    (f"{LESTARI}, yang dipilih sebagai Ketua Majelis Umum PBB, berpidato.", [(LESTARI, "OFFICIAL")]),
    (f"{LESTARI} bertugas sebagai Atase Pertahanan di Moskow.", [(LESTARI, "OFFICIAL")]),
    (f"{LESTARI} kini duduk sebagai Wakil Ketua Komisi I DPR.", [(LESTARI, "OFFICIAL")]),
    # a fresh appointment
    (f"{LESTARI}, yang baru diangkat sebagai Wakil Menteri Luar Negeri, tiba di Kairo.", [(LESTARI, "OFFICIAL")]),
    (f"{LESTARI}, yang baru saja dilantik sebagai Duta Besar RI untuk Iran, tiba.", [(LESTARI, "OFFICIAL")]),
    # the holder removed or resigning, named before the verb
    (f"{LESTARI} diberhentikan dari jabatan Menteri Luar Negeri.", [(LESTARI, "OFFICIAL")]),
    (f"{LESTARI} dicopot dari jabatannya sebagai Menteri Luar Negeri.", [(LESTARI, "OFFICIAL")]),
    (f"{LESTARI} mundur dari jabatan Kepala Badan Intelijen Negara.", [(LESTARI, "OFFICIAL")]),
    (f"{LESTARI} mengundurkan diri sebagai Menteri Luar Negeri.", [(LESTARI, "OFFICIAL")]),
    # a nominee acts in no office yet
    (f"{LESTARI} dicalonkan sebagai Duta Besar RI untuk Iran.", []),
])
def test_an_appointment_or_a_removal_before_the_office(rules_only, text, expected):
    assert people(rules_only, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Pendiri Halden Institute, Omar Rashidi, menilai serangan itu keliru.", [("Omar Rashidi", "OFFICIAL")]),
    ("Ketua Halden Institute, Omar Rashidi, menilai serangan itu keliru.", [("Omar Rashidi", "OFFICIAL")]),
    ("Direktur Eksekutif Norden Center, Ida Berglund, menilai serangan itu keliru.",
     [("Ida Berglund", "OFFICIAL")]),
    ("Salah satu pendiri Halden Institute, Omar Rashidi, menilai serangan itu keliru.",
     [("Omar Rashidi", "OFFICIAL")]),
    # the role after the name: the organisation is no holder of its own
    ("Omar Rashidi, pendiri Halden Institute, menilai serangan itu keliru.", [("Omar Rashidi", "OFFICIAL")]),
    ("Menurut Omar Rashidi, pendiri Halden Institute, serangan itu keliru.", [("Omar Rashidi", "OFFICIAL")]),
    # no name after the comma
    ("Ketua Halden Institute, menilai serangan itu keliru.", []),
    # a body's English words are no name, and its branch's country no holder
    ("Ketua Nordic Development Bank menyebut ekonomi melambat.", []),
    ("Presiden Nordic Development Bank Ida Berglund menyebut ekonomi melambat.", [("Ida Berglund", "OFFICIAL")]),
    ("Direktur Eksekutif Halden Institute Indonesia, Omar Rashidi, mengecam.", [("Omar Rashidi", "OFFICIAL")]),
    # an Indonesian name opens with its head word: the holder is found as before
    ("Gubernur Bank Sentral Norwegia Ida Berglund menaikkan suku bunga.", [("Ida Berglund", "OFFICIAL")]),
])
def test_an_english_named_body_with_no_connector(rules_only, text, expected):
    assert people(rules_only, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a relative named after the role's comma is a private person
    ("Istri Menteri Luar Negeri, Dewi Anggraini, ikut hadir.", []),
    ("Putra Presiden Norwegia, Erik Halvorsen, ikut hadir.", []),
    ("Menantu Presiden AS, Jared Whitmore, ikut berunding.", []),
    # the holder named right after the role is still the holder
    ("Istri Presiden Hartono Wibisana, Ratna Sari, ikut hadir.", [("Hartono Wibisana", "LEADER")]),
    ("Cucu Presiden Hartono, Ratna Sari, hadir.", [("Hartono", "LEADER")]),
    # "Ibu" is a form of address
    ("Ibu Menteri Luar Negeri Ratna Sari menyapa wartawan.", [("Ratna Sari", "OFFICIAL")]),
])
def test_a_relative_of_an_office_holder(rules_only, text, expected):
    assert people(rules_only, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the successor takes the office the removal verb named
    (f"Presiden Halvorsen mencopot Panglima Angkatan Bersenjata {REINDRA} dan menunjuk {DIMAS} sebagai "
     "penggantinya.", [("Halvorsen", "LEADER"), (REINDRA, "OFFICIAL"), (DIMAS, "OFFICIAL")]),
    (f"Perdana menteri memecat Menhan {REINDRA}. {DIMAS} ditunjuk sebagai penggantinya.",
     [(REINDRA, "OFFICIAL"), (DIMAS, "OFFICIAL")]),
    # the appointer's own role is not the office handed over
    (f"Presiden Norwegia Erik Halvorsen menunjuk {DIMAS} sebagai penggantinya.", [("Erik Halvorsen", "LEADER")]),
    # a removal two sentences back, and a coach, are out of reach
    (f"Perdana menteri memecat Menhan {REINDRA}. Ia lalu pergi. {DIMAS} ditunjuk sebagai penggantinya.",
     [(REINDRA, "OFFICIAL")]),
    (f"Klub itu memecat pelatih {REINDRA} dan menunjuk {DIMAS} sebagai penggantinya.", []),
])
def test_a_successor_of_a_removed_holder(rules_only, text, expected):
    assert people(rules_only, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a state's own envoy or negotiator, with "-nya"
    ("Dubesnya di Jakarta, Vasyl Marchenko, membantah klaim itu.", [("Vasyl Marchenko", "OFFICIAL")]),
    ("Norwegia, melalui negosiatornya Erik Halvorsen, menolak usulan itu.", [("Erik Halvorsen", "OFFICIAL")]),
    # a new holder named by the body that appointed them
    (f"Iran menunjuk menteri pertahanan barunya, {DIMAS}.", [(DIMAS, "OFFICIAL")]),
    (f"Pemerintah mengangkat duta besar barunya untuk AS, {DIMAS}.", [(DIMAS, "OFFICIAL")]),
    # "barunya" after anything else is no office's
    ("Menteri itu memamerkan mobil barunya, Toyota Alphard, kepada wartawan.", []),
])
def test_an_office_with_nya_and_a_new_holder(rules_only, text, expected):
    assert people(rules_only, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # mid-sentence, only a name is capitalised after a comma
    ("Gubernur Kharkiv, Oleh Petrenko, mengatakan dua warga tewas.", [("Oleh Petrenko", "OFFICIAL")]),
    ("Menteri Pertahanan, Dan Whitmore, hadir.", [("Dan Whitmore", "OFFICIAL")]),
    # a function word after a comma before no name word stays one
    ("Serangan itu dikecam Presiden Norwegia, Dan Iran juga mengecamnya.", []),
])
def test_a_function_word_as_given_name_after_a_comma(rules_only, text, expected):
    assert people(rules_only, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Delegasi Norwegia terdiri dari Halvorsen, Ekdahl, dan Berglund.",
     [("Halvorsen", "OFFICIAL"), ("Ekdahl", "OFFICIAL"), ("Berglund", "OFFICIAL")]),
    (f"Delegasi Hamas yang beranggotakan {REINDRA} dan {DIMAS} tiba di Kairo.",
     [(REINDRA, "OFFICIAL"), (DIMAS, "OFFICIAL")]),
    # a delegation that is no state's or group's, and a team, may be anyone's
    ("Delegasi mahasiswa terdiri dari Budi, Ani, dan Citra.", []),
    (f"Tim itu terdiri dari {REINDRA} dan {DIMAS}.", []),
])
def test_the_members_of_a_delegation(rules_only, text, expected):
    assert people(rules_only, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a headline's next verb after a role's comma opens no name
    ("1. Presiden Pecat Kepala Intelijen, Tunjuk Oleh Petrenko\n2. Harga Beras Naik", []),
    # a full name after the role still closes such a line
    ("Baca Juga: Presiden Pecat Kepala Intelijen Vasyl Petrenko", [("Vasyl Petrenko", "OFFICIAL")]),
])
def test_a_headline_verb_opens_no_name(rules_only, text, expected):
    assert people(rules_only, text) == expected
