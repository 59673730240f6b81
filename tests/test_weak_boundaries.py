"""Where a name starts, the eighth round: given names that are also common words, undotted
initials after a complete office, the holder after an English organisation's name, a
president's aide, and a member of a group's leading body.

Every sentence is written for this project; the labeler runs with an empty gazetteer, so
only the rules can find the names.
"""

from __future__ import annotations

import pytest
from helpers import people


@pytest.mark.parametrize(("text", "expected"), [
    # a frequent word ("putri", a princess) between two name words is part of the name
    ("Direktur Asia Selatan Kemlu Ayu Putri Kencanawati menyebut evakuasi lancar.",
     [("Ayu Putri Kencanawati", "OFFICIAL")]),
    ("Hal itu disampaikan Ayu Putri Kencanawati, Direktur Asia Selatan Kemlu, di Jakarta.",
     [("Ayu Putri Kencanawati", "OFFICIAL")]),
    # opening a sentence before a name and an appositive role, it is the given name
    ("Bintang Sasmitaputra, mantan menteri, ikut dalam rombongan.", [("Bintang Sasmitaputra", "OFFICIAL")]),
    ("Putri Handayaningrum, Direktur Asia Selatan Kemlu, mengatakan evakuasi lancar.",
     [("Putri Handayaningrum", "OFFICIAL")]),
    # a closed-class word opening the sentence stays outside: "Menurut" (according to)
    ("Menurut Handayaningrum, Direktur Asia Selatan Kemlu, evakuasi lancar.",
     [("Handayaningrum", "OFFICIAL")]),
    ("Kemarin Handayaningrum, Direktur Asia Selatan Kemlu, menyebut evakuasi lancar.",
     [("Handayaningrum", "OFFICIAL")]),
])
def test_a_common_word_given_name_opens_the_name(rules_only, text, expected):
    assert people(rules_only, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # an office closed by its domain word: two capitals after it are the holder's initials
    ("Jaksa Agung RT Wiranegara menghadiri rapat kabinet.", [("RT Wiranegara", "OFFICIAL")]),
    ("Kepala Staf Kepresidenan DM Sasongko menyampaikan arahan.", [("DM Sasongko", "OFFICIAL")]),
    # after a bare head's role they are the body it heads
    ("Gubernur BI Harjono Wibisono menyebut rupiah stabil.", [("Harjono Wibisono", "OFFICIAL")]),
    ("Ketua MK Sudarsono membacakan putusan.", [("Sudarsono", "OFFICIAL")]),
])
def test_undotted_initials_after_a_complete_office(rules_only, text, expected):
    assert people(rules_only, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the name starts after the organisation's last English word: three words kept
    ("Direktur Center for Maritime and Strategic Studies Yosef Arman Damanik menilai blokade itu keliru.",
     [("Yosef Arman Damanik", "OFFICIAL")]),
    # a rare English word closes the organisation ("Statecraft"): the last two words
    ("Pendiri Institute for Responsible Statecraft Tarik Parvez menilai serangan itu keliru.",
     [("Tarik Parvez", "OFFICIAL")]),
    # a given name that is an English word too: the last two words, as before
    ("Presiden Council on Foreign Relations Steven Harlow menilai serangan itu keliru.",
     [("Steven Harlow", "OFFICIAL")]),
])
def test_the_holder_after_an_english_organisation(rules_only, text, expected):
    assert people(rules_only, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # an assistant to a president is an aide, as a spokesman is
    ("Asisten Presiden Rusia Yegor Ushanin mengatakan pertemuan belum dijadwalkan.", [("Yegor Ushanin", "OFFICIAL")]),
    ("Asisten Operasi Panglima TNI Mayjen Krisna Sihombing hadir.", [("Krisna Sihombing", "OFFICIAL")]),
    # the president named after the aide's office, and the aide after a comma
    ("Asisten Presiden Halvard Strom, Rina Kartasasmita, menyebut rencana itu.",
     [("Halvard Strom", "LEADER"), ("Rina Kartasasmita", "OFFICIAL")]),
    # an assistant coach or a household's help is no official
    ("Asisten pelatih timnas Indonesia Dennis Lantara memimpin latihan.", []),
    ("Asisten rumah tangga Siti Aminah ditemukan selamat.", []),
])
def test_a_presidents_assistant_is_an_official(rules_only, text, expected):
    assert people(rules_only, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a member of a group's leading body is an official, its head word no head's role
    ("Anggota Dewan Pimpinan Hamas Samir Nasrallah menyebut usulan itu tidak adil.",
     [("Samir Nasrallah", "OFFICIAL")]),
    ("Pemimpin Hamas Samir Nasrallah menolak usulan itu.", [("Samir Nasrallah", "LEADER")]),
])
def test_a_member_of_a_groups_leading_body_is_an_official(rules_only, text, expected):
    assert people(rules_only, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a numbered or bulleted list of appointments with a dash between name and office
    ("Yang dilantik:\n1. Laras Anindita - Wakil Menteri Luar Negeri\n2. Bima Sakti Nugroho – Wakil Menteri Sosial",
     [("Laras Anindita", "OFFICIAL"), ("Bima Sakti Nugroho", "OFFICIAL")]),
    ("Duta besar baru:\n• Laras Anindita – Duta Besar RI untuk Yordania\n• Bima Nugroho – Duta Besar RI untuk Oman",
     [("Laras Anindita", "OFFICIAL"), ("Bima Nugroho", "OFFICIAL")]),
    # a dateline is no list item, and a bulleted one goes on past its office
    ("Wonosari - Bupati Wonosari meresmikan pasar.", []),
    ("- Wonosari - Gubernur Bali meresmikan pasar baru.", []),
])
def test_a_dash_links_a_listed_name_to_its_office(rules_only, text, expected):
    assert people(rules_only, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the successor before "menggantikan" holds the office named after both names
    ("Laras Anindita menggantikan Bima Nugroho sebagai Wakil Menteri Sosial.",
     [("Laras Anindita", "OFFICIAL"), ("Bima Nugroho", "OFFICIAL")]),
    ("Presiden menunjuk Laras Anindita untuk menggantikan Bima Nugroho sebagai Wamensos.",
     [("Laras Anindita", "OFFICIAL"), ("Bima Nugroho", "OFFICIAL")]),
    # "diisi" (filled) hands the office named before to the name after it
    ("Kursi Wamensos yang sebelumnya dijabat Bima Nugroho kini diisi Laras Anindita.",
     [("Bima Nugroho", "OFFICIAL"), ("Laras Anindita", "OFFICIAL")]),
    # no office named: nobody
    ("Laras Anindita menggantikan Bima Nugroho yang mundur.", []),
])
def test_a_successor_holds_the_office(rules_only, text, expected):
    assert people(rules_only, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a bracketed party after a name is no nickname: its later uses name the party
    ("Anggota Komisi I DPR Rahmat Sukandar (PKS) meminta pemerintah bergerak. Fraksi PKS menolak.",
     [("Rahmat Sukandar", "OFFICIAL")]),
    ("Menko Pangan Zainal Harahap (ZH) menyebut stok aman. ZH menambahkan impor tak perlu.",
     [("Zainal Harahap", "OFFICIAL"), ("ZH", "OFFICIAL"), ("ZH", "OFFICIAL")]),
    # a nickname declared after the name, or at the nickname for the person named last
    ("Mensesneg Prayoga Hadiwijaya, yang akrab disapa Yoga, tiba di Kairo. Yoga menambahkan jadwal belum final.",
     [("Prayoga Hadiwijaya", "OFFICIAL"), ("Yoga", "OFFICIAL"), ("Yoga", "OFFICIAL")]),
    ("Jubir Kemlu Rolandi Sumiharja menyebut WNI aman. Menurut Roy, sapaan akrabnya, KBRI siap. Roy tenang.",
     [("Rolandi Sumiharja", "OFFICIAL"), ("Roy", "OFFICIAL"), ("Roy", "OFFICIAL")]),
    # the twenty-second round: the nearest person before it whose name makes it (one
    # letter may stand between its first two: "Tata" of Armanatha)
    ("Wamenlu Armanatha Kusnadi bertemu Dubes Rusia Sergei Volkov. Menurut Tata, sapaan akrabnya, "
     "kerja sama berjalan. Tata tenang.",
     [("Armanatha Kusnadi", "OFFICIAL"), ("Sergei Volkov", "OFFICIAL"), ("Tata", "OFFICIAL"), ("Tata", "OFFICIAL")]),
    # a nickname that is not made from the last person's name is someone else's
    ("Mensos Saiful Yusran mengunjungi korban banjir. Menurut Budi, sapaan akrabnya, air datang tiba-tiba.",
     [("Saiful Yusran", "OFFICIAL")]),
])
def test_declared_nicknames_and_bracketed_parties(rules_only, text, expected):
    assert people(rules_only, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the twenty-second round: a given name that is a common word, alone and capitalised
    # mid-sentence, is the person; opening a sentence or after "Sang" it is the word
    ("Wamenlu Indah Kusuma tiba di Moskow. Menurut Indah, kunjungan membahas Ukraina. Indah sekali kota itu.",
     [("Indah Kusuma", "OFFICIAL"), ("Indah", "OFFICIAL")]),
    ('Wamenlu Bintang Prakoso tiba. "Kami siap," kata Bintang. Bintang di langit bersinar.',
     [("Bintang Prakoso", "OFFICIAL"), ("Bintang", "OFFICIAL")]),
    ("Wamenhut Raja Santoso tiba. Ia bertemu Raja Yordania. Sang Raja menyambut.",
     [("Raja Santoso", "OFFICIAL")]),
])
def test_a_common_word_given_name_alone_mid_sentence(rules_only, text, expected):
    assert people(rules_only, text) == expected


def test_a_declared_nickname_of_a_gazetteer_person_is_that_person():
    from sorot.inference.text.gazetteer import Gazetteer
    from sorot.training.weak.labeler import WeakLabeler
    shipped = WeakLabeler.load()
    gazetteer = Gazetteer.from_records([{"name": "Prayoga Hadiwijaya", "type": "OFFICIAL"}])
    labeler = WeakLabeler(gazetteer, shipped.topics, shipped.roles, shipped.evidence)
    text = "Prayoga Hadiwijaya, yang akrab disapa Yoga, tiba di Kairo. Yoga menambahkan jadwal belum final."
    assert people(labeler, text) == [("Prayoga Hadiwijaya", "OFFICIAL"), ("Yoga", "OFFICIAL"), ("Yoga", "OFFICIAL")]


@pytest.mark.parametrize(("text", "expected"), [
    # particles count apart from the name words: the name no longer ends on "al-"
    ("Kepala Hamas di Gaza Izz al-Din al-Hashimi menolak pelucutan senjata.", [("Izz al-Din al-Hashimi", "OFFICIAL")]),
    # a brigade's name of several particle-joined words is the body's, not a person's
    ("Komandan Brigade Izz ad-Din al-Qassam di Gaza hadir.", []),
    ("Komandan Brigade Izz ad-Din al-Qassam Rafiq Daoud tewas.", [("Rafiq Daoud", "OFFICIAL")]),
    ("Komandan Brigade Al Quds Akram al-Jabari tewas.", [("Akram al-Jabari", "OFFICIAL")]),
    # "dan" before another role leaves the name to that role
    ("Pendiri dan Direktur Eksekutif Jakarta Strategic and Defense Studies Citra Rahayu Bakti menilai Rusia.",
     [("Citra Rahayu Bakti", "OFFICIAL")]),
    ("Menteri Pemuda dan Olahraga Dimas Ariwibowo hadir.", [("Dimas Ariwibowo", "OFFICIAL")]),
])
def test_particles_and_joined_offices(rules_only, text, expected):
    assert people(rules_only, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # "Presiden" before a body's acronym heads the body, an official (SCHEMA: the head of
    # an international body)
    ("Presiden FIFA Giorgio Valenti menolak sanksi itu.", [("Giorgio Valenti", "OFFICIAL")]),
    ("Presiden ICRC Marta Lindholm mengunjungi rumah sakit.", [("Marta Lindholm", "OFFICIAL")]),
    # a country's acronym keeps the head of state
    ("Presiden RRT Li Wenhao tiba di Jakarta.", [("Li Wenhao", "LEADER")]),
    ("Presiden AS Harlan Brooks tiba di Jakarta.", [("Harlan Brooks", "LEADER")]),
])
def test_a_president_of_a_body_is_an_official(rules_only, text, expected):
    assert people(rules_only, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a team's or a ship's captain is no officer
    ("Kapten Timnas Jaya Idris cedera.", []),
    ("Kapten kapal bantuan Marco Rinaldi ditahan Israel.", []),
    ("Kapten Inf Rudi Hartanto memimpin pasukan perdamaian.", [("Rudi Hartanto", "OFFICIAL")]),
    # a chargé d'affaires heads an embassy
    ("Kuasa Usaha Ad Interim KBRI Teheran Dhamayanti Sari menyebut WNI aman.", [("Dhamayanti Sari", "OFFICIAL")]),
])
def test_captains_and_charges_daffaires(rules_only, text, expected):
    assert people(rules_only, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a directorate's or an agency's domain word is no name ("bea", customs duty)
    ("Dirjen Bea dan Cukai Darma Budhi Susanto menyebut bea masuk naik.", [("Darma Budhi Susanto", "OFFICIAL")]),
    ("Menteri Haji dan Umrah Irfan Yusran menyebut kuota aman.", [("Irfan Yusran", "OFFICIAL")]),
    ("Kepala Badan Kebijakan Fiskal Febrio Kasmara hadir.", [("Febrio Kasmara", "OFFICIAL")]),
    # a domain word closing a name is the name's last word
    ("Dirjen Bea dan Cukai Darma Budhi Utama menyebut bea masuk naik.", [("Darma Budhi Utama", "OFFICIAL")]),
    ("Direktur Utama Pertamina Simon Mantara hadir.", [("Simon Mantara", "OFFICIAL")]),
])
def test_domain_words_of_directorates(rules_only, text, expected):
    assert people(rules_only, text) == expected
