"""The fourteenth round: a post's city or a region's word between an office and its
holder, consuls, a minister's camp and lower-case portfolios, "one of" a group's leaders,
a deputy or several leaders of a group named after or before them, successions with an
adverb, a negotiating team's members, an administration and a ruler named by a state's
seat, and re-elections.

Every sentence is written for this project; the labeler runs with an empty gazetteer, so
only the rules can find the names.
"""

from __future__ import annotations

import pytest
from helpers import people

_DIMAS = [("Dimas Prakoso", "OFFICIAL")]
_LEADER = [("Sulistyo Wibowo", "LEADER")]


@pytest.mark.parametrize(("text", "expected"), [
    # a region's word opens its name, as "Provinsi" does
    ("Gubernur Wilayah Sumy Dimas Prakoso mengatakan dua orang tewas.", _DIMAS),
    ("Gubernur Oblast Poltava Dimas Prakoso mengatakan dua orang tewas.", _DIMAS),
    # towns and oblasts of the war, two words long or unknown to the old list
    ("Wali Kota Kryvyi Rih Dimas Prakoso mengatakan dua orang tewas.", _DIMAS),
    ("Gubernur Wilayah Dnipropetrovsk Dimas Prakoso mengatakan dua orang tewas.", _DIMAS),
    # a post's city after "di", known or not, before a full name or a comma
    ("Konsul Jenderal Ukraina di Surabaya Dimas Prakoso hadir.", _DIMAS),
    ("Duta Besar Rusia di Pontianak Dimas Prakoso hadir.", _DIMAS),
    ("Konsul Jenderal Ukraina di Pontianak, Dimas Prakoso, hadir.", _DIMAS),
    # a consul, career or honorary
    ("Konsul Kehormatan Israel Dimas Prakoso hadir.", _DIMAS),
    ("Konsul Rusia Dimas Prakoso hadir.", _DIMAS),
])
def test_a_posts_city_or_a_regions_word_before_the_holder(rules_only, text, expected):
    assert people(rules_only, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # before a one-word name the split of an unknown city is unknown: nothing is guessed
    ("Duta Besar Rusia di Pontianak Prakoso hadir.", []),
    # a region alone names nobody
    ("Gubernur Wilayah Sumy mengatakan dua orang tewas.", []),
    # a consul's word with no name
    ("Konsul itu menolak berkomentar.", []),
])
def test_what_a_post_or_region_does_not_name(rules_only, text, expected):
    assert people(rules_only, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a minister's camp, in lower case, between the office and the name
    ("Menteri Keuangan Israel garis keras Dimas Prakoso menolak.", _DIMAS),
    ("Menteri sayap kanan Israel Dimas Prakoso menolak.", _DIMAS),
    ("Menteri ultranasionalis Israel Dimas Prakoso menolak.", _DIMAS),
    # a portfolio in lower case
    ("Wakil Menlu Iran untuk urusan hukum Dimas Prakoso mengatakan perundingan berlanjut.", _DIMAS),
    # a negotiating team's member or head
    ("Dimas Prakoso, anggota tim negosiasi Hamas, mengatakan perundingan berlanjut.", _DIMAS),
    ("Ketua tim negosiasi Israel Dimas Prakoso tiba di Doha.", _DIMAS),
    ("Tim negosiasi Israel tiba di Doha.", []),
    # the head of an administration's office is an official
    ("Kepala Administrasi Kepresidenan Ukraina Dimas Prakoso hadir.", _DIMAS),
])
def test_offices_with_camps_portfolios_and_teams(rules_only, text, expected):
    assert people(rules_only, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # "one of" a group's leaders is an official, named before or after the role
    ("Dimas Prakoso, salah satu pemimpin Hamas, mengatakan perundingan berlanjut.", _DIMAS),
    ("Salah satu pemimpin Hamas, Dimas Prakoso, mengatakan perundingan berlanjut.", _DIMAS),
    ("Dimas Prakoso, salah seorang pemimpin senior Hamas, tewas.", _DIMAS),
    ("Dimas Prakoso adalah salah satu pemimpin Hamas yang selamat.", _DIMAS),
    # "one of" an aide's peers: the principal is the leader, not the holder
    ("Dimas Prakoso, salah satu penasihat Zelensky, mengatakan perundingan berlanjut.",
     [("Dimas Prakoso", "OFFICIAL"), ("Zelensky", "LEADER")]),
    # one of the former presidents is still a president; one of the residents, nobody
    ("Sulistyo Wibowo, salah satu mantan presiden AS, hadir.", _LEADER),
    ("Dimas Prakoso, salah satu warga Gaza, mengatakan itu.", []),
    # a group's deputy named before the role
    ("Dimas Prakoso, wakil pemimpin Hamas, mengatakan itu.", _DIMAS),
    # several leaders of a group are its officials; "kedua pemimpin" alone are two heads
    # of state
    ("Kedua pemimpin Hamas, Dimas Prakoso dan Bima Nugroho, tewas.",
     [("Dimas Prakoso", "OFFICIAL"), ("Bima Nugroho", "OFFICIAL")]),
    ("Kedua pemimpin, Sulistyo dan Harjono, bertemu di Alaska.",
     [("Sulistyo", "LEADER"), ("Harjono", "LEADER")]),
])
def test_one_or_several_of_a_groups_leaders(rules_only, text, expected):
    assert people(rules_only, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a successor with an adverb before the verb, or "posisi" after it
    ("Dimas Prakoso resmi menggantikan Bima Nugroho sebagai Menteri Luar Negeri.",
     [("Dimas Prakoso", "OFFICIAL"), ("Bima Nugroho", "OFFICIAL")]),
    ("Dimas Prakoso yang akan menggantikan Bima Nugroho sebagai Menlu tiba.",
     [("Dimas Prakoso", "OFFICIAL"), ("Bima Nugroho", "OFFICIAL")]),
    ("Dimas Prakoso menggantikan posisi Bima Nugroho sebagai Kepala Staf.",
     [("Dimas Prakoso", "OFFICIAL"), ("Bima Nugroho", "OFFICIAL")]),
    # the one replaced held the office too
    ("Bima Nugroho digantikan oleh Dimas Prakoso sebagai Menteri Luar Negeri.",
     [("Bima Nugroho", "OFFICIAL"), ("Dimas Prakoso", "OFFICIAL")]),
    # a coach replaced holds no office
    ("Dimas Prakoso menggantikan posisi Bima Nugroho sebagai pelatih kepala.", []),
    # re-elected heads of government
    ("Sulistyo Wibowo terpilih kembali sebagai Perdana Menteri.", _LEADER),
    ("Sulistyo Wibowo kembali menjabat Perdana Menteri Israel.", _LEADER),
    ("Sulistyo Wibowo, yang kembali terpilih sebagai presiden, menolak.", _LEADER),
])
def test_successions_and_re_elections(rules_only, text, expected):
    assert people(rules_only, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # "administrasi X" calques "the X administration": its leader
    ("Administrasi Sulistyo menjatuhkan sanksi sekunder.", [("Sulistyo", "LEADER")]),
    ("Presiden AS Sulistyo Wibowo menjabat lagi. Administrasi Wibowo menjatuhkan sanksi.",
     [("Sulistyo Wibowo", "LEADER"), ("Wibowo", "LEADER")]),
    ("Biaya Administrasi Rp 5.000 dikenakan.", []),
    # a ruler named by the state's seat
    ("Penguasa Kremlin Sulistyo Wibowo menolak.", _LEADER),
    ("Penguasa baru Suriah Sulistyo Wibowo menolak.", _LEADER),
])
def test_an_administration_and_a_ruler(rules_only, text, expected):
    assert people(rules_only, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a sentence that opens with "<role> … itu" points back to the subject before it
    ("Wibowo menolak usulan damai. Presiden Rusia itu menyebutnya tidak realistis.", [("Wibowo", "LEADER")]),
    ("Dimas Prakoso tiba di Kyiv. Menteri Luar Negeri Polandia itu bertemu para pejabat.", _DIMAS),
    ("Dimas Prakoso tiba di Kyiv.\n\nWakil pemimpin Hamas itu langsung bertemu mediator.", _DIMAS),
    # a place, a pronoun or a common noun as the subject names nobody
    ("Moskow menolak usulan damai. Presiden Rusia itu menyebutnya tidak realistis.", []),
    ("Ia menolak usulan damai. Presiden Rusia itu menyebutnya tidak realistis.", []),
    ("Pemerintah menolak usulan damai. Presiden itu menyebutnya tidak realistis.", []),
    # "itu" must close the office: a name or a noun after the role points nowhere
    ("Dimas Prakoso tiba di Kyiv. Menteri Luar Negeri Polandia berkata itu penting.", []),
    ("Dimas Prakoso tiba di Kyiv. Presiden mengatakan kunjungan itu penting.", []),
    # the speaker a verb of saying gives is the sentence's subject too (nineteenth round)
    ('"Kami tidak akan mundur," ujar Wibowo dalam rekaman. Pemimpin Hamas itu tewas setahun kemudian.',
     [("Wibowo", "LEADER")]),
    ('"Anggaran cukup," kata Dimas Prakoso, Kamis. Menteri Luar Negeri Polandia itu lalu ke Kyiv.', _DIMAS),
    ("Menurut Wibowo, perang belum usai. Presiden Rusia itu menolak gencatan senjata.", [("Wibowo", "LEADER")]),
    # a pronoun, a lower-case speaker or none: nobody
    ('"Kami siap," ujarnya. Presiden Rusia itu menolak gencatan senjata.', []),
    ("Ia berbicara kepada wartawan. Presiden Rusia itu menolak gencatan senjata.", []),
])
def test_a_role_that_points_back_to_the_subject_before_it(rules_only, text, expected):
    assert people(rules_only, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a region inside a state has an official at its head; a state, a leader
    ("Pemimpin Chechnya Sulistyo Wibowo menolak.", [("Sulistyo Wibowo", "OFFICIAL")]),
    ("Pemimpin Donetsk yang diangkat Rusia, Sulistyo Wibowo, menolak.", [("Sulistyo Wibowo", "OFFICIAL")]),
    ("Pemimpin Rusia Sulistyo Wibowo menolak.", _LEADER),
])
def test_the_head_of_a_region_inside_a_state_is_an_official(rules_only, text, expected):
    assert people(rules_only, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a Title Case headline reads an aide's title as the sentence does: a headline's verb
    # after the name stands where a lower-case word would
    ("Kepala Staf Presiden Dimas Prakoso Bantah Kabar Reshuffle", _DIMAS),
    ("Juru Bicara Presiden Dimas Prakoso Bantah Kabar Reshuffle", _DIMAS),
    # the adviser of a president named by full name stays the president's, as in a sentence
    ("Penasihat Presiden Sulistyo Wibowo Bantah Kabar Reshuffle", _LEADER),
])
def test_an_aides_title_in_a_headline(rules_only, text, expected):
    assert people(rules_only, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a photo caption's position between the name and its role
    ("Dimas Prakoso (tengah), juru bicara Hamas, berbicara kepada wartawan.", _DIMAS),
    ("Dimas Prakoso (kiri) selaku Menteri Luar Negeri menyambut tamunya.", _DIMAS),
    ("Dimas Prakoso (kanan), warga Gaza, berbicara.", []),
])
def test_a_captions_position_between_a_name_and_its_role(rules_only, text, expected):
    assert people(rules_only, text) == expected


@pytest.mark.parametrize("text", [
    # a scraped text cut off right after an opening bracket, at a list's end
    "Para pejabat Kremlin hadir, yakni Dimas Prakoso (",
    "Dua pejabat Hamas tewas, yaitu Dimas Prakoso dan Bima Nugroho (",
])
def test_a_text_that_stops_at_an_opening_bracket_is_labelled(rules_only, text):
    assert people(rules_only, text) == [("Dimas Prakoso", "OFFICIAL")] + (
        [("Bima Nugroho", "OFFICIAL")] if "Bima" in text else [])


def test_a_phrase_matcher_finds_nothing_past_the_last_word():
    from sorot.inference.text.phrases import Document, PhraseMatcher

    matcher = PhraseMatcher()
    matcher.add("Gaza", "place")
    doc = Document.from_text("di Gaza")
    assert matcher.match_at(doc, 1).payload == "place"
    assert matcher.match_at(doc, 2) is None


@pytest.mark.parametrize(("text", "expected"), [
    # English titles as Indonesian news quotes them, and an English gloss in brackets
    ("Secretary of State Dimas Prakoso tiba di Riyadh.", _DIMAS),
    ("National Security Adviser Dimas Prakoso tiba di Riyadh.", _DIMAS),
    ("Menteri Luar Negeri AS (Secretary of State) Dimas Prakoso tiba di Riyadh.", _DIMAS),
    ("Prime Minister Sulistyo Wibowo menolak.", _LEADER),
    # a bracket that opens with a connector is no gloss
    ("Menteri Luar Negeri AS (of State) Dimas Prakoso tiba di Riyadh.", []),
])
def test_english_titles_and_glosses(rules_only, text, expected):
    assert people(rules_only, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a group's senior members are its officials
    ("Anggota senior Jihad Islam Dimas Prakoso tewas.", _DIMAS),
    ("Tokoh senior Hamas Dimas Prakoso mengatakan perundingan berlanjut.", _DIMAS),
    # a region of the group's home country is one region: its head is an official
    ("Pemimpin Hizbullah di Lebanon Selatan Dimas Prakoso mengancam.", _DIMAS),
    ("Pemimpin Hizbullah di Lebanon Sulistyo Wibowo mengancam.", _LEADER),
])
def test_a_groups_senior_members_and_its_head_in_part_of_its_home(rules_only, text, expected):
    assert people(rules_only, text) == expected
