"""The tenth round: officials of armed forces' units, bodies and regions named right
after an office, Balinese names, senior figures of armed groups, senates and parties,
one office before a list of names, regional holders the article has speak, quoted
kunyas, nicknames with a form of address, names closing a Title Case line and the
presidency's spokesperson.

Every sentence is written for this project; the labeler runs with an empty gazetteer, so
only the rules can find the names (one test loads a one-person gazetteer).
"""

from __future__ import annotations

import pytest
from helpers import people

from sorot.inference.text.gazetteer import Gazetteer
from sorot.training.weak.labeler import WeakLabeler


@pytest.mark.parametrize(("text", "expected"), [
    # a command or a unit between the office and the holder is no name
    ("Erwin Saputra, Panglima Komando Armada RI, memimpin upacara.", [("Erwin Saputra", "OFFICIAL")]),
    ("Panglima Komando Armada RI Laksamana Muda Erwin Saputra memimpin upacara.",
     [("Erwin Saputra", "OFFICIAL")]),
    ("Erwin Saputra, Panglima Kogabwilhan I, memimpin upacara.", [("Erwin Saputra", "OFFICIAL")]),
    ("Dedi Kurniawan selaku Kepala Penerangan Kodam Jaya hadir.", [("Dedi Kurniawan", "OFFICIAL")]),
    # a rank inside a facility's run opens an officer's name ("Operasi" heads a
    # military operation's name)
    ("Panglima Komando Operasi Udara Nasional Marsdya TNI Mohammad Tonny hadir.",
     [("Mohammad Tonny", "OFFICIAL")]),
    # an agency's short name before a rank and the rank's service: the holder follows
    ("Sekjen Kemhan Marsdya TNI Dody Kurniadi hadir dalam pertemuan itu.", [("Dody Kurniadi", "OFFICIAL")]),
    ("Dirjen Strahan Mayjen TNI Okta Ramsiadi mendampingi Menhan.", [("Okta Ramsiadi", "OFFICIAL")]),
    # a street still keeps its general
    ("Kantor itu berada di Jalan Jenderal Sudirman, Jakarta.", []),
])
def test_units_of_the_armed_forces_are_no_names(rules_only, text, expected):
    assert people(rules_only, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the one word after an organisation's head is its short name, not a second holder
    ("Dedi Kurniawan selaku Kepala Bakamla hadir.", [("Dedi Kurniawan", "OFFICIAL")]),
    ("Dedi Kurniawan, Ketua Kadin, hadir dalam rapat itu.", [("Dedi Kurniawan", "OFFICIAL")]),
    # ... nor is a regional office's region
    ("Harda Wiryawan, Bupati Sleman, meninjau posko bantuan.", [("Harda Wiryawan", "OFFICIAL")]),
    ("Harda Wiryawan selaku Bupati Sleman meninjau posko bantuan.", [("Harda Wiryawan", "OFFICIAL")]),
    # a holder named after the role still has it
    ("Bertemu Dedi Kurniawan, Ketua Kadin Yoga Pramudya menyampaikan hal itu.",
     [("Yoga Pramudya", "OFFICIAL")]),
])
def test_a_name_before_an_office_whose_body_or_region_follows(rules_only, text, expected):
    assert people(rules_only, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Gubernur Bali I Wayan Sukerta menyambut turis Ukraina.", [("I Wayan Sukerta", "OFFICIAL")]),
    ("I Wayan Sukerta, Gubernur Bali, menyambut turis Ukraina.", [("I Wayan Sukerta", "OFFICIAL")]),
    ("Kadispenal Laksma TNI I Made Wira Adnyana menyampaikan keterangan.",
     [("I Made Wira Adnyana", "OFFICIAL")]),
    ("Anggota Komisi I I Nyoman Sudarsa mengecam serangan itu.", [("I Nyoman Sudarsa", "OFFICIAL")]),
    # after a numbered unit the "I" is its number
    ("Anggota Komisi I Made Sudarsa mengecam serangan itu.", [("Made Sudarsa", "OFFICIAL")]),
    ("Kogabwilhan I Letjen TNI Made Sudarsa hadir.", [("Made Sudarsa", "OFFICIAL")]),
])
def test_a_balinese_name_keeps_its_i(rules_only, text, expected):
    assert people(rules_only, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Pemimpin senior Hamas Khalid Marwan berbicara di Doha.", [("Khalid Marwan", "OFFICIAL")]),
    ("Petinggi Hizbullah, Wafiq Hamdan, mengancam akan membalas.", [("Wafiq Hamdan", "OFFICIAL")]),
    ("Khalid Marwan, petinggi Hamas, berbicara di Doha.", [("Khalid Marwan", "OFFICIAL")]),
    # a group's head outside one place heads it abroad only
    ("Pemimpin Hamas di luar Gaza, Khalid Marwan, berbicara di Doha.", [("Khalid Marwan", "OFFICIAL")]),
    ("Para petinggi Hamas tiba di Kairo.", []),
    # "Buya", a Minangkabau honorific, stays outside the name
    ("Waketum MUI Buya Anwar Hasyim menyebut Israel penjahat perang.", [("Anwar Hasyim", "OFFICIAL")]),
])
def test_senior_figures_of_groups_and_an_honorific(rules_only, text, expected):
    assert people(rules_only, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Menteri Sosial Saiful Yunus, yang akrab disapa Gus Ipul, menyalurkan donasi. Gus Ipul berharap "
     "perang segera berhenti.",
     [("Saiful Yunus", "OFFICIAL"), ("Gus Ipul", "OFFICIAL"), ("Gus Ipul", "OFFICIAL")]),
    ("Menteri Sosial Saiful Yunus yang biasa disapa Cak Ipul hadir. Menurut Cak Ipul, bantuan siap.",
     [("Saiful Yunus", "OFFICIAL"), ("Cak Ipul", "OFFICIAL"), ("Cak Ipul", "OFFICIAL")]),
])
def test_a_nickname_declared_with_its_form_of_address(rules_only, text, expected):
    assert people(rules_only, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the twenty-first round: "atau" before a nickname made from the name
    ("Menko Pangan Abdul Mustaqim Iskandar atau Cak Taqim hadir. Cak Taqim menggalang donasi.",
     [("Abdul Mustaqim Iskandar", "OFFICIAL"), ("Cak Taqim", "OFFICIAL"), ("Cak Taqim", "OFFICIAL")]),
    ("Presiden Joko Santoso atau Josan meninjau gudang. Menurut Josan, bantuan siap.",
     [("Joko Santoso", "LEADER"), ("Josan", "LEADER"), ("Josan", "LEADER")]),
    # the twenty-second round: a form of address declares the nickname on its own ("Ipul"
    # is made from the name's middle)
    ("Menteri Sosial Saiful Yunus atau Gus Ipul hadir. Menurut Gus Ipul, bantuan siap.",
     [("Saiful Yunus", "OFFICIAL"), ("Gus Ipul", "OFFICIAL"), ("Gus Ipul", "OFFICIAL")]),
    # "atau" between two people, or before a word the name cannot make, offers a choice
    ("Menteri Pertahanan Rina Saputri atau Wakil Menteri Dedi Kurnia akan hadir.",
     [("Rina Saputri", "OFFICIAL"), ("Dedi Kurnia", "OFFICIAL")]),
    ("Menteri Pertahanan Rina Saputri atau Dedi akan hadir. Dedi menolak.", [("Rina Saputri", "OFFICIAL")]),
])
def test_a_nickname_after_atau(rules_only, text, expected):
    assert people(rules_only, text) == expected


def test_a_gazetteer_persons_nickname_with_its_form_of_address(labeler):
    gazetteer = Gazetteer.from_records([{"name": "Saiful Yunus", "type": "OFFICIAL"}])
    known = WeakLabeler(gazetteer, labeler.topics, labeler.roles, labeler.evidence)
    text = "Saiful Yunus, yang akrab disapa Gus Ipul, menyalurkan donasi. Gus Ipul berharap perang berhenti."
    assert people(known, text) == [("Saiful Yunus", "OFFICIAL"), ("Gus Ipul", "OFFICIAL"),
                                   ("Gus Ipul", "OFFICIAL")]


@pytest.mark.parametrize(("text", "expected"), [
    # one office before a closed list of bare names: each holds it
    ("Wakil Menteri Luar Negeri Anis Mahendra, Arman Nasution, dan Arif Wibisono mendampingi Presiden.",
     [("Anis Mahendra", "OFFICIAL"), ("Arman Nasution", "OFFICIAL"), ("Arif Wibisono", "OFFICIAL")]),
    ("Wakil Menteri Luar Negeri Anis Mahendra, Arman Nasution serta Arif Wibisono hadir.",
     [("Anis Mahendra", "OFFICIAL"), ("Arman Nasution", "OFFICIAL"), ("Arif Wibisono", "OFFICIAL")]),
    # one bare name after an item with its own office may hold another office
    ("Menlu Sugiyanto, Kepala BIN Herlambang, dan Budi Santoso hadir.",
     [("Sugiyanto", "OFFICIAL"), ("Herlambang", "OFFICIAL")]),
    # a leader's office is not handed down a list
    ("Presiden Joko Santoso, Budi Hartono dan Andi Wijaya hadir.", [("Joko Santoso", "LEADER")]),
    # an acronym in capitals is a body, never the particle "bin"
    ("Kepala BIN Herlambang hadir.", [("Herlambang", "OFFICIAL")]),
    ("Menlu Faisal bin Fahad hadir.", [("Faisal bin Fahad", "OFFICIAL")]),
])
def test_one_office_before_a_list_of_names(rules_only, text, expected):
    assert people(rules_only, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Pemimpin Mayoritas Senat Jack Morrow menyatakan dukungan.", [("Jack Morrow", "OFFICIAL")]),
    ("Pemimpin Minoritas DPR AS Harold Jennings menolak usulan itu.", [("Harold Jennings", "OFFICIAL")]),
    ("Pemimpin partai Yesh Atid, Yoram Lavi, mengkritik pemerintah.", [("Yoram Lavi", "OFFICIAL")]),
    ("Anggota Senat AS Lionel Grady mengusulkan sanksi baru.", [("Lionel Grady", "OFFICIAL")]),
    # a senate's president heads a body, no state
    ("Presiden Senat Italia Franco Rossetti hadir.", [("Franco Rossetti", "OFFICIAL")]),
])
def test_offices_of_senates_and_parties(rules_only, text, expected):
    assert people(rules_only, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # after a regional office the first of three words is the region, unless the article
    # has it speak alone: no region does
    ("Wakil Gubernur Emil Sastra Wardana hadir. Emil menyatakan bantuan siap dikirim.",
     [("Emil Sastra Wardana", "OFFICIAL"), ("Emil", "OFFICIAL")]),
    ('Wakil Gubernur Emil Sastra Wardana hadir. "Kami siap," kata Emil.',
     [("Emil Sastra Wardana", "OFFICIAL"), ("Emil", "OFFICIAL")]),
    ("Bupati Sleman Harda Wiryawan hadir. Pemkab Sleman menyatakan siap membantu.",
     [("Harda Wiryawan", "OFFICIAL")]),
    ("Wakil Gubernur Emil Sastra Wardana hadir.", [("Sastra Wardana", "OFFICIAL")]),
    # where the holder comes from stands between the office and the name
    ("Resolusi itu diajukan anggota parlemen Eropa asal Irlandia, Lina Boyle.", [("Lina Boyle", "OFFICIAL")]),
    ("Anggota DPR asal Aceh Nasrul Hakim mengecam serangan itu.", [("Nasrul Hakim", "OFFICIAL")]),
])
def test_a_regional_holder_who_speaks_and_where_a_holder_comes_from(rules_only, text, expected):
    assert people(rules_only, text) == expected


def test_a_successor_phrase_cut_off_at_the_texts_end(rules_only):
    # found by the property test's vocabulary: the office after "sebagai" is missing (it
    # raised IndexError); the predecessor held the office named before the verb
    assert people(rules_only, "Wakil Menteri Budi Hartono menggantikan Andi Wijaya sebagai") == \
        [("Budi Hartono", "OFFICIAL"), ("Andi Wijaya", "OFFICIAL")]


@pytest.mark.parametrize(("text", "expected"), [
    # a kunya in quotes inside a name, after the role and before an appositive one
    ('Komandan militer Hamas Mahmud "Abu Salim" Rafati tewas dalam serangan.',
     [('Mahmud "Abu Salim" Rafati', "OFFICIAL")]),
    ('Mahmud "Abu Salim" Rafati, komandan militer Hamas, tewas.', [('Mahmud "Abu Salim" Rafati', "OFFICIAL")]),
    # two quoted words that are no kunya are a quoted phrase
    ('Menlu Sugiyanto "Siap Membantu" Pratama.', [("Sugiyanto", "OFFICIAL")]),
    # "Pangeran" (prince) is a title: a later mention after it is the person
    ("Menteri Luar Negeri Arab Saudi, Pangeran Fahad bin Nasser, memimpin konferensi. Pangeran Fahad "
     "menyerukan pengakuan Palestina.", [("Fahad bin Nasser", "OFFICIAL"), ("Fahad", "OFFICIAL")]),
])
def test_a_quoted_kunya_and_a_princes_title(rules_only, text, expected):
    assert people(rules_only, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a full name that closes a Title Case line of a link list: the headline's verb came
    # before it
    ("Baca Juga:\nPresiden Prabowa Terima Kunjungan PM Malaysia Anwar Ibrahem\nIsi berita.",
     [("Prabowa", "LEADER"), ("Anwar Ibrahem", "LEADER")]),
    ("Artikel Terkait:\nMenlu Sugiyanto Sambut Kunjungan Dubes Iran Mohammad Borujeni\nIsi berita.",
     [("Sugiyanto", "OFFICIAL"), ("Mohammad Borujeni", "OFFICIAL")]),
    # capitalised words closing a headline after a regional office are no name
    ("Gubernur Jawa Tengah Resmikan Jalan Tol Baru\nIsi berita.", []),
])
def test_a_full_name_closing_a_title_case_line(rules_only, text, expected):
    assert people(rules_only, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a spokesperson's office written as one capitalised title names its holder after it
    ("Juru Bicara Presiden Adinda Rahayu menyampaikan pernyataan resmi.", [("Adinda Rahayu", "OFFICIAL")]),
    ("Jubir Presiden Adinda Rahayu menyampaikan pernyataan resmi.", [("Adinda Rahayu", "OFFICIAL")]),
    # in lower case the aide serves the head named after it, and a head is often named
    # by the family name alone
    ("Juru bicara Presiden Volodymyr Zelensky mengatakan hal itu.", [("Volodymyr Zelensky", "LEADER")]),
    ("Juru Bicara Presiden Zelensky mengatakan hal itu.", [("Zelensky", "LEADER")]),
    # on a Title Case headline every role is capitalised: the head stays the principal
    ("Juru Bicara Presiden Zelensky Bantah Laporan Itu\nIsi berita.", [("Zelensky", "LEADER")]),
    # the head, a comma and the aide: both
    ("Juru Bicara Presiden Prabowo, Adinda Rahayu, menyampaikan pernyataan.",
     [("Prabowo", "LEADER"), ("Adinda Rahayu", "OFFICIAL")]),
])
def test_a_spokespersons_office_as_one_title(rules_only, text, expected):
    assert people(rules_only, text) == expected
