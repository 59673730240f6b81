"""Offices described before the name, the ninth round: two offices of one holder, a
relative clause between the office and the name, an abbreviation's dots in a bracketed
rank, the heads of Ukraine's wartime military administrations, Korean given names
hyphenated in lower case, founders of companies (who hold no office), heads of bodies
named by acronyms, later mentions, parties' names inside the office, and names on
headlines before a verb.

Every sentence is written for this project; the labeler runs with an empty gazetteer, so
only the rules can find the names.
"""

from __future__ import annotations

import pytest
from helpers import people


@pytest.mark.parametrize(("text", "expected"), [
    # the higher office decides the class (SCHEMA: "the highest office they hold"),
    # though the lower one stands nearer the name
    ("Perdana Menteri Qatar sekaligus Menteri Luar Negeri Sheikh Hamad bin Khalid menjadi mediator.",
     [("Hamad bin Khalid", "LEADER")]),
    ("Presiden Ukraina yang juga Panglima Tertinggi, Andriy Melnyk, meninjau garis depan.",
     [("Andriy Melnyk", "LEADER")]),
    ("Perdana Menteri Qatar yang merangkap Menteri Luar Negeri, Hamad bin Khalid, tiba di Kairo.",
     [("Hamad bin Khalid", "LEADER")]),
    # two officials' offices stay an official's
    ("Wakil Perdana Menteri sekaligus Menteri Luar Negeri Italia Marco Bellandi hadir.",
     [("Marco Bellandi", "OFFICIAL")]),
    # "dan" joins the offices of two people: each keeps its own
    ("Presiden Prabowo dan Menteri Luar Negeri Sugiono hadir.",
     [("Prabowo", "LEADER"), ("Sugiono", "OFFICIAL")]),
])
def test_two_offices_of_one_holder_keep_the_higher_class(rules_only, text, expected):
    assert people(rules_only, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Menteri Keuangan Israel yang berhaluan kanan jauh, Haim Derovich, menolak usulan itu.",
     [("Haim Derovich", "OFFICIAL")]),
    ("Menteri Luar Negeri Iran yang baru dilantik, Kaveh Moradi, tiba di Jakarta.",
     [("Kaveh Moradi", "OFFICIAL")]),
    ("Menteri Pertahanan yang menjabat sejak 2023, Yoav Mizrahi, mundur.",
     [("Yoav Mizrahi", "OFFICIAL")]),
    # a new holder, "baru" right after the office, and the given name later
    ("Presiden melantik Wakil Menteri Luar Negeri baru, Rizal Pahlevi, di Istana.\n\n"
     "Usai pelantikan, Rizal menyebut Gaza prioritasnya.",
     [("Rizal Pahlevi", "OFFICIAL"), ("Rizal", "OFFICIAL")]),
    ("Menteri Luar Negeri baru saja bertemu mitranya.", []),
    # no name after the clause's comma: nobody
    ("Menteri Luar Negeri yang baru saja kembali dari Moskow, mengatakan hal itu.", []),
])
def test_a_relative_clause_between_the_office_and_the_name(rules_only, text, expected):
    assert people(rules_only, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Utusan khusus AS, Letnan Jenderal (Purn.) Gordon Kessler, tiba di Kyiv.",
     [("Gordon Kessler", "OFFICIAL")]),
    ("Jenderal (Purn.) Bambang Wiratmo menilai pengiriman pasukan berisiko.",
     [("Bambang Wiratmo", "OFFICIAL")]),
])
def test_a_bracketed_abbreviation_with_its_dot(rules_only, text, expected):
    assert people(rules_only, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # "pemerintahan" alone reads a head of government; a military administration is regional
    ("Kepala pemerintahan militer Kharkiv Oleh Syniehubov melaporkan serangan rudal.",
     [("Oleh Syniehubov", "OFFICIAL")]),
    ("Kepala administrasi militer Odesa Oleh Kiper mengatakan pelabuhan terkena drone.",
     [("Oleh Kiper", "OFFICIAL")]),
    ("Kepala Administrasi Militer Regional Zaporizhzhia Ivan Fedorov menyebut dua orang tewas.",
     [("Ivan Fedorov", "OFFICIAL")]),
    # the region alone after the office names no one
    ("Kepala administrasi militer Odesa mengatakan pelabuhan terkena drone.", []),
])
def test_heads_of_military_administrations_are_officials(rules_only, text, expected):
    assert people(rules_only, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a Korean given name's second syllable, hyphenated in lower case, is the name's
    ("Presiden Korea Selatan Lee Jae-myung bertemu Prabowo.", [("Lee Jae-myung", "LEADER")]),
    ("Menteri Pertahanan Korea Selatan Ahn Gyu-back menyebut Korut mengirim tentara.",
     [("Ahn Gyu-back", "OFFICIAL")]),
    ("Hal itu disampaikan Kim Min-seok, Perdana Menteri Korea Selatan, di Seoul.",
     [("Kim Min-seok", "LEADER")]),
    # a clitic after a hyphen is no syllable
    ("Menlu Sugiono-pun setuju dengan usulan itu.", [("Sugiono", "OFFICIAL")]),
    ("Presiden Hartono-lah yang memutuskan.", [("Hartono", "LEADER")]),
])
def test_a_hyphenated_lower_case_syllable_of_a_name(rules_only, text, expected):
    assert people(rules_only, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a company's founder is a private person; before, the company joined the name
    ("Pendiri Microsoft Bill Gates mengunjungi Jakarta.", []),
    ("Pendiri Gojek Nadiem Makarim diperiksa penyidik.", []),
    # founders of think tanks, parties and armed groups hold an office
    ("Pendiri Institute for Responsible Statecraft Tarik Parvez menilai serangan itu keliru.",
     [("Tarik Parvez", "OFFICIAL")]),
    ("Pendiri Partai Gelora Anis Matta hadir.", [("Anis Matta", "OFFICIAL")]),
    ("Pendiri LKSI Darmawan Suryo menilai peluang damai kecil.", [("Darmawan Suryo", "OFFICIAL")]),
    ("Salah satu pendiri Hamas, Mahmoud Zahar, menolak usulan itu.", [("Mahmoud Zahar", "OFFICIAL")]),
])
def test_a_companys_founder_is_no_official(rules_only, text, expected):
    assert people(rules_only, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a list of appointments may mix "sebagai" and a dash from item to item
    ("Berikut daftarnya:\n\n1. Gunawan Wibisono sebagai Menko Polkam\n"
     "2. Dewi Kartika Sari - Kepala Badan Komunikasi Pemerintah",
     [("Gunawan Wibisono", "OFFICIAL"), ("Dewi Kartika Sari", "OFFICIAL")]),
    # a parliament's office written in lower case, and the holder's later mention
    ("Komisioner HAM parlemen Ukraina, Dmytro Lubinets, mengatakan itu.\n\nLubinets menuduh Rusia.",
     [("Dmytro Lubinets", "OFFICIAL"), ("Lubinets", "OFFICIAL")]),
    ("Ketua parlemen Ukraina Ruslan Stefanchuk mengatakan itu.", [("Ruslan Stefanchuk", "OFFICIAL")]),
    # a parliament's word is its name: three words after it are the holder's
    ("Ketua Parlemen Reza Bagher Kazemi menyebut itu.", [("Reza Bagher Kazemi", "OFFICIAL")]),
])
def test_mixed_appointment_lists_and_parliaments_in_lower_case(rules_only, text, expected):
    assert people(rules_only, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # "Presiden" before a body's acronym heads a body, even one the places list names
    ("Presiden ICJ Tanaka Hiroshi membacakan putusan sementara.", [("Tanaka Hiroshi", "OFFICIAL")]),
    ("Presiden UE Ricardo Moreira menghadiri KTT itu.", [("Ricardo Moreira", "OFFICIAL")]),
    ("Presiden Uni Eropa Ricardo Moreira menghadiri KTT itu.", [("Ricardo Moreira", "OFFICIAL")]),
    # ... and before a state's acronym a state
    ("Presiden UEA Khalid bin Saeed menghadiri KTT itu.", [("Khalid bin Saeed", "LEADER")]),
    ("Presiden RRT Wang Jianguo menghadiri KTT itu.", [("Wang Jianguo", "LEADER")]),
    # a directorate between the head's role and the name
    ("Kepala Direktorat Intelijen Utama Kementerian Pertahanan Ukraina Taras Oliynyk mengatakan itu.",
     [("Taras Oliynyk", "OFFICIAL")]),
])
def test_heads_of_bodies_named_by_acronyms_and_directorates(rules_only, text, expected):
    assert people(rules_only, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a later mention by a three-word name's last two words
    ("Wakil Menteri Luar Negeri Iran, Kazem Gharib Abadi, mengatakan itu.\n\n"
     "Gharib Abadi menambahkan Iran tidak akan menyerah.",
     [("Kazem Gharib Abadi", "OFFICIAL"), ("Gharib Abadi", "OFFICIAL")]),
    # a later mention by the given name after an honorific, which stays outside
    ("Perdana Menteri Qatar Sheikh Hamad bin Khalid tiba.\n\nSheikh Hamad mengatakan Qatar siap.",
     [("Hamad bin Khalid", "LEADER"), ("Hamad", "LEADER")]),
    # the twenty-second round: a cleric's title is such an honorific, and a three-word
    # name's first two words are a later mention too
    ("Ketua MUI KH Anwar Iskandi menyerukan boikot.\n\nKiai Anwar juga mendoakan warga Gaza.",
     [("Anwar Iskandi", "OFFICIAL"), ("Anwar", "OFFICIAL")]),
    ("Wamensesneg Bambang Eko Suharyono mendampingi Presiden. Menurut Bambang Eko, kunjungan membahas energi.",
     [("Bambang Eko Suharyono", "OFFICIAL"), ("Bambang Eko", "OFFICIAL")]),
    # two words together may be a common word and a month; each alone stays a word
    ("Wamenhut Raja Juli Santoso tiba. Raja Juli menambahkan bantuan dikirim. Pada Juli, Raja Yordania datang.",
     [("Raja Juli Santoso", "OFFICIAL"), ("Raja Juli", "OFFICIAL")]),
])
def test_later_mentions_by_two_last_words_or_after_an_honorific(rules_only, text, expected):
    assert people(rules_only, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a party's name between the office and the holder is the office's
    ("Sekjen Gerindra Hendarto mengatakan itu.", [("Hendarto", "OFFICIAL")]),
    ("Wakil Ketua Umum Golkar Sasmito menilai itu.", [("Sasmito", "OFFICIAL")]),
    ("Ketua Harian Gerindra Darsono mengatakan itu.", [("Darsono", "OFFICIAL")]),
    ("Ketua Umum Gerindra hadir.", []),
])
def test_a_partys_name_belongs_to_the_office(rules_only, text, expected):
    assert people(rules_only, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # on a Title Case headline, a verb after the name ends it as a lower-case word would
    ("Presiden Hartono Wiratama Tinjau Banjir di Semarang", [("Hartono Wiratama", "LEADER")]),
    ("Wakil Menteri Pertahanan Donny Arsyad Buka Seminar Gaza", [("Donny Arsyad", "OFFICIAL")]),
    ("Juru Bicara Hamas Hazem Qudsi Klaim Israel Langgar Gencatan Senjata", [("Hazem Qudsi", "OFFICIAL")]),
    # no name before the verb: nobody
    ("Menlu Iran Bertemu Prabowo di Istana", []),
    ("Menteri Kabinet Merah Putih Rapat di Istana", []),
])
def test_a_verb_ends_a_name_on_a_headline(rules_only, text, expected):
    assert people(rules_only, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a month's name before a name word is a given name; a date has its day, year or "lalu"
    ("Menteri Kehutanan Raja Juli Antoni meninjau lokasi.", [("Raja Juli Antoni", "OFFICIAL")]),
    ("Wakil Menteri Juli Hartono hadir.", [("Juli Hartono", "OFFICIAL")]),
    ("Juli Hartono, Wakil Menteri Luar Negeri, hadir.", [("Juli Hartono", "OFFICIAL")]),
    ("Pada 12 Juli Hartono, Wakil Menteri, hadir.", [("Hartono", "OFFICIAL")]),
    ("Menteri Keuangan Budi Santoso Juli lalu hadir.", [("Budi Santoso", "OFFICIAL")]),
    ("Menteri Keuangan Budi Santoso Juli 2025 hadir.", [("Budi Santoso", "OFFICIAL")]),
])
def test_a_months_name_as_a_given_name(rules_only, text, expected):
    assert people(rules_only, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # an institution's word with a domain word names the body in full: the three words
    # after it are the holder's, not the body's short name and two of the holder's
    ("Kepala Badan Komunikasi Pemerintah Angga Raka Pratama mengatakan itu.",
     [("Angga Raka Pratama", "OFFICIAL")]),
    # a board ("Dewan Pengawas") is still followed by its body's short name
    ("Ketua Dewan Pengawas Danantara Muliaman Darmansyah Hadad hadir.",
     [("Muliaman Darmansyah Hadad", "OFFICIAL")]),
])
def test_a_body_named_in_full_before_a_three_word_name(rules_only, text, expected):
    assert people(rules_only, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a senior member of an armed group's political bureau
    ("Anggota senior biro politik Hamas, Ghazi Ramlawi, mengatakan itu.", [("Ghazi Ramlawi", "OFFICIAL")]),
])
def test_a_senior_member_of_a_political_bureau(rules_only, text, expected):
    assert people(rules_only, text) == expected
