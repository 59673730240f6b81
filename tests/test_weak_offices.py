"""Offices the rules read wrongly before the sixth round: a president's aides named with
their field, corps after a rank, a role in brackets with its agency, and offices the role
list lacked.

Every sentence is written for this project; the labeler runs with an empty gazetteer, so
only the rules can find the names.
"""

from __future__ import annotations

import pytest
from helpers import people


@pytest.mark.parametrize(("text", "expected"), [
    # a president has no field: "Presiden Bidang ..." is the aide's office
    ("Staf Khusus Presiden Bidang Hubungan Internasional Dewi Larasati menyambut tamu.",
     [("Dewi Larasati", "OFFICIAL")]),
    ("Utusan Khusus Presiden Bidang Kerja Sama Multilateral Ratna Wijayanti tiba di Jenewa.",
     [("Ratna Wijayanti", "OFFICIAL")]),
    ("Penasihat Khusus Presiden Urusan Pertahanan Darmawan Siregar menyebut TNI siap.",
     [("Darmawan Siregar", "OFFICIAL")]),
    # the principal named before an appositive aide: both, each with their class
    ("Juru bicara Presiden Hartawan, Rina Kartika, menyatakan Indonesia siap membantu.",
     [("Hartawan", "LEADER"), ("Rina Kartika", "OFFICIAL")]),
    # a country before the comma is no principal's name
    ("Juru bicara Presiden Rusia, Dmitri Vasnetsov, menolak.", [("Dmitri Vasnetsov", "OFFICIAL")]),
    # a president's own name after his role is still his
    ("Penasihat Presiden Hartawan Wibisono tiba.", [("Hartawan Wibisono", "LEADER")]),
])
def test_a_presidents_aide_is_an_official(rules_only, text, expected):
    assert people(rules_only, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the corps or service after a rank is no part of the name
    ("Atase Pertahanan RI di Moskow Kolonel Inf Bambang Riyadi ikut mendampingi.",
     [("Bambang Riyadi", "OFFICIAL")]),
    ("Irjen Pol Sandi Pratama menjelaskan pengamanan kedutaan.", [("Sandi Pratama", "OFFICIAL")]),
    ("Kombes Pol Hendra Saputra memimpin pengamanan.", [("Hendra Saputra", "OFFICIAL")]),
    ("Letkol Czi Agus Salim memimpin satgas jembatan.", [("Agus Salim", "OFFICIAL")]),
    # a corps word is a word like any other away from a rank
    ("Menlu Arif Pol tiba.", [("Arif Pol", "OFFICIAL")]),
])
def test_a_corps_after_a_rank_is_no_name(rules_only, text, expected):
    assert people(rules_only, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a bracket that holds a role with its agency describes the name before it
    ("Presiden melantik Joko Susanto (Kepala BNPB) dan Rini Handayani (Wakil Menteri Koperasi).",
     [("Joko Susanto", "OFFICIAL"), ("Rini Handayani", "OFFICIAL")]),
    ("Hadir pula Yoga Pramudya (Wamenaker).", [("Yoga Pramudya", "OFFICIAL")]),
    # a bracket that goes on with lower-case words is a remark, not a role
    ("Hadir pula Yoga Pramudya (Kepala desa itu tidak datang).", []),
])
def test_a_bracketed_role_with_its_agency(rules_only, text, expected):
    assert people(rules_only, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the 2024 cabinet's ministries as the press shortens them, in a list's brackets
    ("Dilantik pula Yusuf Pratama (Wamenhut), Dewi Kartika (Wamensesneg) dan Rahmat Hidayat (Wamenpan RB).",
     [("Yusuf Pratama", "OFFICIAL"), ("Dewi Kartika", "OFFICIAL"), ("Rahmat Hidayat", "OFFICIAL")]),
    ("Hadir Lestari Wulandari (Menham) dan Surya Adinata (Mentrans).",
     [("Lestari Wulandari", "OFFICIAL"), ("Surya Adinata", "OFFICIAL")]),
    # and before the name, with a portfolio's acronym after "Menteri" or "Wamen"
    ("Menteri PU Yusuf Pratama meninjau jembatan.", [("Yusuf Pratama", "OFFICIAL")]),
    ("Wamen PKP Dewi Kartika meninjau rumah susun.", [("Dewi Kartika", "OFFICIAL")]),
    ("Menteri ATR/BPN Rahmat Hidayat menyerahkan sertifikat.", [("Rahmat Hidayat", "OFFICIAL")]),
    ("Menko Polhukam Surya Adinata memimpin rapat.", [("Surya Adinata", "OFFICIAL")]),
])
def test_the_cabinets_abbreviated_roles(rules_only, text, expected):
    assert people(rules_only, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Ombudsman Ukraina Taras Melnyk menuding Rusia melanggar hukum humaniter.",
     [("Taras Melnyk", "OFFICIAL")]),
    ("Perwakilan Dagang AS Jonah Whitfield membahas tarif.", [("Jonah Whitfield", "OFFICIAL")]),
    # "Tubagus" written as undotted initials belongs to the name
    ("Anggota Komisi I DPR TB Rahmat Hidayat menilai mandat PBB perlu.",
     [("TB Rahmat Hidayat", "OFFICIAL")]),
    # organisations that look like names stay outside the span
    ("Ketua Umum PP Muhammadiyah Ahmad Fauzan mendesak PBB bertindak.", [("Ahmad Fauzan", "OFFICIAL")]),
    ("Ketua PBNU Nahdlatul Ulama Yusuf Hakim hadir.", [("Yusuf Hakim", "OFFICIAL")]),
])
def test_offices_the_role_list_lacked(rules_only, text, expected):
    assert people(rules_only, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # where an official's name starts, a king's title is a given name
    ("Ketua DPD Sultan Hamdani Yusuf menerima delegasi.", [("Sultan Hamdani Yusuf", "OFFICIAL")]),
    ("Ketua Komite Olimpiade Raja Sapto Hidayat menolak atlet itu.", [("Raja Sapto Hidayat", "OFFICIAL")]),
    # after a head's role, or on its own, it stays the monarch's title
    ("Pemimpin Yordania Raja Abdallah Farouk bertemu delegasi.", [("Abdallah Farouk", "LEADER")]),
    ("Menlu Yordania Karim Haddad bertemu Raja Abdallah Farouk.",
     [("Karim Haddad", "OFFICIAL"), ("Abdallah Farouk", "LEADER")]),
])
def test_a_kings_title_opens_an_officials_name(rules_only, text, expected):
    assert people(rules_only, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a role with "-nya" names the aide of the person named before
    ("Presiden Hartawan melalui utusannya Rudi Gunawan menyampaikan proposal.",
     [("Hartawan", "LEADER"), ("Rudi Gunawan", "OFFICIAL")]),
    ("Presiden Hartawan dan wakilnya Rudi Gunawan hadir.", [("Hartawan", "LEADER"), ("Rudi Gunawan", "OFFICIAL")]),
    # a new holder: "yang baru" between the role and the name
    ("Kepala Shin Bet yang baru, Avi Dromi, dilantik.", [("Avi Dromi", "OFFICIAL")]),
    ("Menteri yang baru itu hadir.", []),
    # a task force's name is no person's
    ("Komandan Satgas Garuda Kolonel Inf Rudi Santoso melapor.", [("Rudi Santoso", "OFFICIAL")]),
])
def test_aides_by_their_principal_and_task_forces(rules_only, text, expected):
    assert people(rules_only, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a modifier the role list lacks before the role still lets the link reach the name
    ("Presiden melantik Hendra Santoso sebagai Wakil Kepala Badan Gizi Nasional.",
     [("Hendra Santoso", "OFFICIAL")]),
    ("Hendra Santoso, mantan Wakil Kepala Badan Gizi, hadir.", [("Hendra Santoso", "OFFICIAL")]),
    # a frequent word inside a sentence, before a name word, is the given name
    ("Presiden melantik Bagus Santoso sebagai Menteri Koperasi.", [("Bagus Santoso", "OFFICIAL")]),
    # ... but not when it opens the sentence, where every word is capitalised
    ("Kemudian Santoso sebagai Menteri Koperasi hadir.", [("Santoso", "OFFICIAL")]),
])
def test_an_appointments_name_before_its_role(rules_only, text, expected):
    assert people(rules_only, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # an organisation's one-word name after its head's role, with the office's words
    # between them, is no part of the holder's name
    ("Ketua Dewan Pengawas Danamitra Yoga Pramudya hadir.", [("Yoga Pramudya", "OFFICIAL")]),
    ("Ketua Umum Kadin Sinta Handayani memimpin delegasi.", [("Sinta Handayani", "OFFICIAL")]),
    ("Dirut Pertamina Dimas Hartono Siregar menyebut pasokan aman.", [("Dimas Hartono Siregar", "OFFICIAL")]),
    ("Ketua Dewan Pengawas Danamitra menolak berkomentar.", []),
    ("Presiden Direktur Astrindo International hadir.", []),
    # a unit or region of two words before a rank is no name
    ("Kapolda Metro Jaya Irjen Asep Hidayat mengatakan demo tertib.", [("Asep Hidayat", "OFFICIAL")]),
    # English NGO names without a connector are no person's
    ("Ketua Human Rights Watch menyebut laporan itu kredibel.", []),
    ("Ketua Amnesty International menyebut laporan itu kredibel.", []),
    ("Direktur Human Rights Watch Asia Helen Parker menyebut laporan itu kredibel.",
     [("Helen Parker", "OFFICIAL")]),
])
def test_organisations_between_a_head_and_the_name(rules_only, text, expected):
    assert people(rules_only, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a link list of Title Case headlines capitalises its verbs: no name starts with one
    ("Baca juga:\nMenlu Iran Bertemu Hartawan di Istana\nDubes Karim Haddad: Iran Siap Membantu\n",
     [("Karim Haddad", "OFFICIAL")]),
    # a list of office holders still names them
    ("Menteri Keuangan Bagus Hidayat\nMenteri Koperasi Sinta Handayani\n",
     [("Bagus Hidayat", "OFFICIAL"), ("Sinta Handayani", "OFFICIAL")]),
    # a ministry's domain is no body: the frequent word after it opens the holder's name
    ("Menteri Koperasi Indah Lestari hadir.", [("Indah Lestari", "OFFICIAL")]),
    # ... while a body's word names the body with it
    ("Komandan Korps Marinir Hendra Wijaya hadir.", [("Hendra Wijaya", "OFFICIAL")]),
])
def test_headline_verbs_and_ministry_domains(rules_only, text, expected):
    assert people(rules_only, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # pilgrim and academic titles stay outside the name
    ("Anggota DPR Hj. Siti Rahmawati, S.H., menyebut bantuan harus sampai.", [("Siti Rahmawati", "OFFICIAL")]),
    ("Menteri Drs. Bagus Hartono hadir.", [("Bagus Hartono", "OFFICIAL")]),
    # so do forms of address, which are frequent words before a name word
    ("Hal itu dikatakan Pak Santoso, Menteri Koperasi, kepada wartawan.", [("Santoso", "OFFICIAL")]),
    ("Menteri Koperasi Pak Hendra Kusuma hadir.", [("Hendra Kusuma", "OFFICIAL")]),
    ("Menurut Bu Rini Handayani, Wakil Menteri Koperasi, program berjalan.", [("Rini Handayani", "OFFICIAL")]),
    # a directorate's domain words are no name
    ("Dirjen Protokol dan Konsuler Kemlu, Ir. Andi Rachmat, melepas tim evakuasi.", [("Andi Rachmat", "OFFICIAL")]),
])
def test_titles_and_directorates_before_a_name(rules_only, text, expected):
    assert people(rules_only, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # an interim head is a head
    ("Perdana Menteri sementara Bangladesh Rahim Uddin mengecam serangan itu.", [("Rahim Uddin", "LEADER")]),
    ("Presiden sementara itu tiba.", []),
    # after a comma "sementara" is "while": the name after it is no holder of the role
    ("Hal itu dikatakan pejabat tertinggi Indonesia, sementara Joko Susilo absen.", []),
    # a rank between a head's role and the name is the head's own
    ("Pemimpin junta Myanmar Jenderal Senior Min Aung Thant menghadiri KTT.", [("Min Aung Thant", "LEADER")]),
    ("Kepala Bakamla Laksdya Yoga Pramudya meninjau perairan.", [("Yoga Pramudya", "OFFICIAL")]),
])
def test_interim_heads_and_a_heads_rank(rules_only, text, expected):
    assert people(rules_only, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # "termasuk"/"seperti" open a list after a plural role, and an item's country is skipped
    ("Para menteri luar negeri, termasuk Karim Haddad dari Yordania dan Eitan Marzel dari Israel, hadir.",
     [("Karim Haddad", "OFFICIAL"), ("Eitan Marzel", "OFFICIAL")]),
    ("Para menteri luar negeri, seperti Karim Haddad (Yordania) dan Eitan Marzel (Israel), hadir.",
     [("Karim Haddad", "OFFICIAL"), ("Eitan Marzel", "OFFICIAL")]),
    # so does a comma right after the plural role and its office's words
    ("Dua pejabat senior Hamas, Karim Haddad dan Walid Qassem, tiba di Kairo.",
     [("Karim Haddad", "OFFICIAL"), ("Walid Qassem", "OFFICIAL")]),
    # ... but not a comma further on, nor "seperti biasa"
    ("Para menteri bertemu di Doha, Qatar, dan Riyadh.", []),
    ("Beberapa pejabat, seperti biasa, tidak hadir.", []),
])
def test_lists_after_a_plural_role(rules_only, text, expected):
    assert people(rules_only, text) == expected
