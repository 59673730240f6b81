"""The twelfth round: envoys named with their principal and post, a dot that ends a
sentence after an office, heads of English-named bodies and of clubs, a country's name
as a given name, quoted nicknames and titled initials, parties and towns named by
several words, more heads of state, members of named parliaments, headline verbs with no
passive, and a cabinet named by its head.

Every sentence is written for this project; the labeler runs with an empty gazetteer, so
only the rules can find the names.
"""

from __future__ import annotations

import pytest
from helpers import people


@pytest.mark.parametrize(("text", "expected"), [
    # the principal, the post, then the envoy: both are named
    ("Utusan khusus Hartono untuk Timur Tengah, Vadim Sorokin, tiba di Doha.",
     [("Hartono", "LEADER"), ("Vadim Sorokin", "OFFICIAL")]),
    ("Utusan khusus Hartono untuk Ukraina Keith Morrow tiba di Kyiv.",
     [("Hartono", "LEADER"), ("Keith Morrow", "OFFICIAL")]),
    ("Utusan khusus Hartono di Moskow, Vadim Sorokin, bertemu pejabat Rusia.",
     [("Hartono", "LEADER"), ("Vadim Sorokin", "OFFICIAL")]),
    ("Penasihat Hartono untuk urusan Afrika Massimo Bellini tiba.",
     [("Hartono", "LEADER"), ("Massimo Bellini", "OFFICIAL")]),
    # no envoy after the post: the principal alone, as before
    ("Utusan khusus Donald Hartono untuk Timur Tengah tiba di Doha.", [("Donald Hartono", "LEADER")]),
    ("Utusan khusus Hartono ke Moskow bertemu pejabat Rusia.", [("Hartono", "LEADER")]),
    # the next sentence's subject is not the envoy
    ("Ia utusan khusus Donald Hartono untuk Timur Tengah. Sorokin juga berbicara.", [("Donald Hartono", "LEADER")]),
])
def test_an_envoy_after_the_principal_and_the_post(rules_only, text, expected):
    assert people(rules_only, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a list of roles, each with its own name: the envoy's name is no principal
    ("Delegasi AS terdiri atas Menlu Carl Hendricks, utusan khusus Vadim Sorokin, dan penasihat keamanan "
     "nasional Keith Morrow.",
     [("Carl Hendricks", "OFFICIAL"), ("Vadim Sorokin", "OFFICIAL"), ("Keith Morrow", "OFFICIAL")]),
    # with no role before it, the name before the envoy's role is the envoy, as before
    ("Vadim Sorokin, utusan khusus Hartono, tiba di Doha.", [("Vadim Sorokin", "OFFICIAL"), ("Hartono", "LEADER")]),
])
def test_a_list_of_roles_names_no_principal(rules_only, text, expected):
    assert people(rules_only, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # an envoy's principal before the comma, named alone elsewhere in the article
    ("Utusan Hartono, Keith Morrow, tiba di Moskow. Hartono berharap perundingan berhasil.",
     [("Hartono", "LEADER"), ("Keith Morrow", "OFFICIAL"), ("Hartono", "LEADER")]),
    ("Utusan khusus Hartono, Keith Morrow, tiba. Hartono menunggu.",
     [("Hartono", "LEADER"), ("Keith Morrow", "OFFICIAL"), ("Hartono", "LEADER")]),
    # named nowhere else, or an acronym, or after an adviser's or a spokesperson's role: a
    # company's name as often, so the aide alone
    ("Utusan Hartono, Keith Morrow, tiba di Moskow.", [("Keith Morrow", "OFFICIAL")]),
    ("Utusan OKI, Keith Morrow, tiba. OKI menunggu.", [("Keith Morrow", "OFFICIAL")]),
    ("Penasihat Danantara, Keith Morrow, tiba. Danantara menunggu.", [("Keith Morrow", "OFFICIAL")]),
    ("Juru bicara Pertamina, Keith Morrow, tiba. Pertamina menunggu.", [("Keith Morrow", "OFFICIAL")]),
])
def test_an_envoys_principal_before_the_comma(rules_only, text, expected):
    assert people(rules_only, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a country's president names the holder in the same sentence only
    ("Ia bertemu Menteri Luar Negeri Iran. Darius Kamali mengatakan hal itu.", []),
    ("Pertemuan dengan Presiden Rusia. Pavel Orlov tidak hadir.", []),
    ("Ia bertemu Menteri Luar Negeri AS. Carl Hendricks mengatakan hal itu.", []),
    ("Ia diangkat sebagai Menteri Pertahanan. Rina Saputri menolak.", []),
    ("Ia memimpin Badan Intelijen Nasional. Rina Saputri mengatakan hal itu.", []),
    # a short common word before the dot ends its sentence too: the next name is no holder
    ("Presiden melantik Ahmad Fauzan sebagai Wakil Menteri Desa. Rina Saputri dilantik menjadi Kepala Badan "
     "Pangan.", [("Ahmad Fauzan", "OFFICIAL"), ("Rina Saputri", "OFFICIAL")]),
    ("Ia pernah menjabat Wakil Ketua Umum. Rina Saputri menolak.", []),
    # a dot after an abbreviated title or rank is no sentence end
    ("Menteri Agama KH. Nasir Umarudin hadir.", [("Nasir Umarudin", "OFFICIAL")]),
    ("Menteri Agama Prof. Dr. KH. Nasir Umarudin hadir.", [("Nasir Umarudin", "OFFICIAL")]),
    ("Letjen TNI Purn. Rina Saputri hadir.", [("Rina Saputri", "OFFICIAL")]),
    ("Kolonel Inf. Rina Saputri hadir.", [("Rina Saputri", "OFFICIAL")]),
])
def test_a_sentence_end_closes_the_office(rules_only, text, expected):
    assert people(rules_only, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # an English organisation's head word after the president's role: a body's head
    ("Presiden Eurasia Group Ian Whitmore menilai perang berlanjut.", [("Ian Whitmore", "OFFICIAL")]),
    ("Presiden Refugees International Jeremy Holt mengkritik blokade.", [("Jeremy Holt", "OFFICIAL")]),
    ("Presiden International Crisis Group Comfort Adeyemi menilai.", [("Comfort Adeyemi", "OFFICIAL")]),
    ("Presiden Middle East Forum Daniel Harrow menulis kolom.", [("Daniel Harrow", "OFFICIAL")]),
    # "Forum" closes an English name; in Indonesian it opens one ("Forum Rektor")
    ("Ketua Global Forum Daniel Harrow menulis kolom.", [("Daniel Harrow", "OFFICIAL")]),
    ("Direktur Asia Pacific Forum Rina Saputri berbicara.", [("Rina Saputri", "OFFICIAL")]),
    ("Ketua Forum Rektor Indonesia Ari Kuncoro berbicara.", [("Ari Kuncoro", "OFFICIAL")]),
    ("Ketua Harian Forum Rektor Ari Kuncoro berbicara.", [("Ari Kuncoro", "OFFICIAL")]),
    # a think tank named by its house, also as the post of a programme's head
    ("Direktur Chatham House Rina Saputri menilai perang berlanjut.", [("Rina Saputri", "OFFICIAL")]),
    ("Direktur Program Timur Tengah di Chatham House Rina Saputri menilai perang berlanjut.",
     [("Rina Saputri", "OFFICIAL")]),
    # the twenty-second round: English heads' titles, and a name of five words with no
    # connector, which names nobody when no name follows
    ("Chairman Global Peace Foundation Rina Saputri menyerukan gencatan senjata.", [("Rina Saputri", "OFFICIAL")]),
    ("Founder Middle East Forum Daniel Harrow menulis kolom.", [("Daniel Harrow", "OFFICIAL")]),
    ("IDF spokesman Dimas Prakoso tiba.", [("Dimas Prakoso", "OFFICIAL")]),
    ("Ketua Indonesian Tax Authority Reform Forum mengomentari PPN.", []),
    ("Ketua Indonesian Tax Authority Reform Forum Rina Saputri mengomentari PPN.", [("Rina Saputri", "OFFICIAL")]),
    # an English body's name closed by "of" and a country, an English title with "of the",
    # and a plural head word
    ("Pendiri Foreign Policy Community of Indonesia Dimas Patti Prakoso menilai itu.",
     [("Dimas Patti Prakoso", "OFFICIAL")]),
    ("Executive Director of the Middle East Institute Daniel Harrow menilai perang meluas.",
     [("Daniel Harrow", "OFFICIAL")]),
    ("Chairman Synergy Policies Rina Prapto Saputri mengatakan itu.", [("Rina Prapto Saputri", "OFFICIAL")]),
    # the Red Cross's name after the committee's words is no part of its president's
    ("Presiden Komite Internasional Palang Merah Rina Saputri menyerukan akses ke Gaza.",
     [("Rina Saputri", "OFFICIAL")]),
    # a state's president stays a LEADER
    ("Presiden Rusia Pavel Orlov tiba.", [("Pavel Orlov", "LEADER")]),
    # a Red Crescent society's president heads a body, like the Red Cross's
    ("Presiden Bulan Sabit Merah Palestina Younis Haddad menyebut relawan tewas.",
     [("Younis Haddad", "OFFICIAL")]),
])
def test_heads_of_english_named_bodies_are_officials(rules_only, text, expected):
    assert people(rules_only, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a club's head is a private person (SCHEMA: private persons are not tagged)
    ("Presiden Klub Persija Mohamad Prapanca menyatakan dukungan untuk Palestina.", []),
    ("Ketua klub suporter Rina Saputri menggalang donasi untuk Gaza.", []),
    ("Presiden club Deportivo Palestino Jorge Uauy berbicara.", []),
    # a federation's head still holds an office
    ("Presiden Federasi Sepak Bola Palestina Jibril Haddad mengecam keputusan itu.",
     [("Jibril Haddad", "OFFICIAL")]),
])
def test_the_head_of_a_club_is_no_official(rules_only, text, expected):
    assert people(rules_only, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a country's name as the given name, opening the sentence before an appositive role
    ("Israel Hadar, Menteri Pertahanan Israel, memerintahkan serangan.", [("Israel Hadar", "OFFICIAL")]),
    ("Menurut Israel Hadar, menteri pertahanan, serangan berlanjut.", [("Israel Hadar", "OFFICIAL")]),
    # elsewhere the country stays a country
    ("Militer Israel, Hadar, menteri pertahanan, membela diri.", [("Hadar", "OFFICIAL")]),
    ("Perdana Menteri Israel Benjamin Harel, kata dia, menolak.", [("Benjamin Harel", "LEADER")]),
])
def test_a_country_as_a_given_name(rules_only, text, expected):
    assert people(rules_only, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a quoted nickname of two name words stays inside the name, and its words do not
    # count towards the four a name may have
    ('Wakil Menteri Dimas "Budi Santoso" Prakoso hadir.', [('Dimas "Budi Santoso" Prakoso', "OFFICIAL")]),
    ('Mohammad Reza "Haj Ali" Kazemi, ketua parlemen Iran, memperingatkan AS.',
     [('Mohammad Reza "Haj Ali" Kazemi', "OFFICIAL")]),
    ('Ketua parlemen Iran Mohammad Reza "Haj Ali" Kazemi memperingatkan AS.',
     [('Mohammad Reza "Haj Ali" Kazemi', "OFFICIAL")]),
    # a quoted phrase of frequent words is no nickname
    ('Presiden Rina Saputri "Siap Membantu" Warga Gaza', [("Rina Saputri", "LEADER")]),
])
def test_a_two_word_quoted_nickname_inside_a_name(rules_only, text, expected):
    assert people(rules_only, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # bracketed initials that count the title kept outside the span
    ("Menteri Luar Negeri Iran Seyed Darius Kamali (SDK) tiba. SDK menyebut perundingan buntu.",
     [("Darius Kamali", "OFFICIAL"), ("SDK", "OFFICIAL"), ("SDK", "OFFICIAL")]),
    ("Menteri Luar Negeri Iran Darius Kamali (DK) tiba. DK menyebut perundingan buntu.",
     [("Darius Kamali", "OFFICIAL"), ("DK", "OFFICIAL"), ("DK", "OFFICIAL")]),
    # other capitals in brackets name something else
    ("Menteri Luar Negeri Iran Darius Kamali (IRNA) tiba.", [("Darius Kamali", "OFFICIAL")]),
])
def test_bracketed_initials_with_the_title(rules_only, text, expected):
    assert people(rules_only, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a party's name of frequent words is skipped whole (``parties:``)
    ("Ketua Partai Keadilan Sejahtera Rahmat Hidayat menyerukan boikot.", [("Rahmat Hidayat", "OFFICIAL")]),
    ("Ketua Umum Partai Kebangkitan Bangsa Rahmat Hidayat menyerukan boikot.", [("Rahmat Hidayat", "OFFICIAL")]),
    ("Presiden Partai Keadilan Sejahtera Rahmat Hidayat berorasi.", [("Rahmat Hidayat", "OFFICIAL")]),
    ("Ketua DPP Partai Keadilan Sejahtera Rahmat Hidayat berorasi.", [("Rahmat Hidayat", "OFFICIAL")]),
    ("Ketua Partai Yesh Atid Avi Shaked berorasi.", [("Avi Shaked", "OFFICIAL")]),
    ("Pemimpin Partai Otzma Yehudit Avi Shaked berorasi.", [("Avi Shaked", "OFFICIAL")]),
    # a party named by one word, as before
    ("Ketua Umum Partai Buruh Rahmat Hidayat berorasi.", [("Rahmat Hidayat", "OFFICIAL")]),
])
def test_a_party_named_by_several_words(rules_only, text, expected):
    assert people(rules_only, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # an emperor, a ruler in fact and collective heads of state lead their states
    ("Kaisar Jepang Naruhiko Tanaka menerima delegasi.", [("Naruhiko Tanaka", "LEADER")]),
    ("Pemimpin de facto Myanmar Min Aung Tun menerima delegasi.", [("Min Aung Tun", "LEADER")]),
    ("Ketua Dewan Kedaulatan Sudan Abdel Burhani menerima delegasi.", [("Abdel Burhani", "LEADER")]),
    ("Presiden Dewan Kepresidenan Libya Mohamed Menfa menerima delegasi.", [("Mohamed Menfa", "LEADER")]),
    # a name that is also a country's stays a name
    ("Mantan pejabat AS, Chad Wolfe, menilai.", [("Chad Wolfe", "OFFICIAL")]),
])
def test_more_heads_of_state(rules_only, text, expected):
    assert people(rules_only, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a town of Gaza or the West Bank between an office and its holder
    ("Wali Kota Deir al-Balah Ahmad Salih menyebut korban bertambah.", [("Ahmad Salih", "OFFICIAL")]),
    ("Kepala Desa Kafr Aqab Ahmad Salih menyebut pemukim menyerang.", [("Ahmad Salih", "OFFICIAL")]),
    ("Kepala Dewan Kota Beit Hanoun Ahmad Salih menyebut.", [("Ahmad Salih", "OFFICIAL")]),
    ("Kepala Dewan Desa Wadi Fukin Ahmad Salih menyebut.", [("Ahmad Salih", "OFFICIAL")]),
    # members of parliaments by the house's name, and a state's mediator
    ("Anggota Knesset Ofer Kasif diskors.", [("Ofer Kasif", "OFFICIAL")]),
    ("Anggota Duma Rusia Andrei Kartapov menyebut.", [("Andrei Kartapov", "OFFICIAL")]),
    ("Mediator Mesir Hassan Rashid bertemu delegasi Hamas.", [("Hassan Rashid", "OFFICIAL")]),
    ("Qatar bertindak sebagai mediator dalam perundingan.", []),
])
def test_towns_parliaments_and_mediators(rules_only, text, expected):
    assert people(rules_only, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a headline's bare verb ends the office: the words after it name no one
    ("Dubes Rusia Jadi Sorotan Usai Pernyataan Kontroversial", []),
    ("Para Menteri Luar Negeri G7 Sepakat Tekan Rusia", []),
    ("Menlu Rusia Pavel Orlov Jadi Sorotan", [("Pavel Orlov", "OFFICIAL")]),
    # a ministry's section is no name
    ("Kepala Bagian Humas Kementerian Luar Negeri menyampaikan keterangan.", []),
    ("Kepala Bagian Humas Kemlu Rina Saputri menyebut.", [("Rina Saputri", "OFFICIAL")]),
    # a frequent given name is still a name
    ("Menteri Sosial Puji Astuti hadir.", [("Puji Astuti", "OFFICIAL")]),
])
def test_headline_verbs_and_sections_name_no_one(rules_only, text, expected):
    assert people(rules_only, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a cabinet named by its head, like an administration or a regime
    ("Kabinet Hartono menyetujui gencatan senjata.", [("Hartono", "LEADER")]),
    ("Menteri di kabinet Hartono mundur.", [("Hartono", "LEADER")]),
    # a cabinet's own name, a war cabinet and the cabinet's secretary are no head
    ("Kabinet Merah Putih menggelar rapat.", []),
    ("Kabinet perang Israel bersidang.", []),
    ("Sekretaris Kabinet Teddy Wijaya hadir.", [("Teddy Wijaya", "OFFICIAL")]),
])
def test_a_cabinet_named_by_its_head(rules_only, text, expected):
    assert people(rules_only, text) == expected
