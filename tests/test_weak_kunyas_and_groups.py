"""The twenty-first round: a kunya that opens a sentence before the name's appositive
("Abu Rayyan, pejabat senior Hamas, …"), while a place there ("di Abu Dhabi, Menteri …")
is no holder; a diplomatic group that sends envoys ("utusan Kuartet") is nobody's
principal; an embassy's word in a diplomat's office ("Kuasa Usaha Kedubes AS") is no
name; and "Jihad" alone is a given name, the group being "Jihad Islam". The
twenty-second round: a title after "al-" is a family name ("Yusuf al-Sheikh").

Every sentence is written for this project; the labeler runs with an empty gazetteer, so
only the rules can find the names.
"""

from __future__ import annotations

import pytest
from helpers import people


@pytest.mark.parametrize(("text", "expected"), [
    # "abu" is a word (ash) and a particle inside a name ("Sami Abu Rayyan"); before the
    # family name at a sentence's start it opens the name
    ("Abu Rayyan, pejabat senior Hamas, mengatakan perundingan di Kairo buntu.", [("Abu Rayyan", "OFFICIAL")]),
    ("Sementara itu, Abu Rayyan, juru bicara Brigade Al-Qassam, mengklaim serangan itu.",
     [("Abu Rayyan", "OFFICIAL")]),
    ('"Kami siap," kata Umm Salma, anggota biro politik Hamas, di Doha.', [("Umm Salma", "OFFICIAL")]),
    # inside a full name it stays the particle it was
    ("Karim Abu Rayyan, pejabat senior Hamas, tiba di Kairo.", [("Karim Abu Rayyan", "OFFICIAL")]),
    # a lower-case "abu" is ash, never a name's start
    ("Hujan abu Rayyan, pejabat senior Hamas, tiba.", [("Rayyan", "OFFICIAL")]),
    # a place before the comma is no holder, kunya or not
    ("Delegasi tiba di Abu Dhabi, Menteri Luar Negeri UEA menyambut mereka.", []),
    ("Delegasi tiba di Teheran, juru runding Iran menyambut mereka.", []),
])
def test_a_kunya_opens_the_name_before_its_appositive(rules_only, text, expected):
    assert people(rules_only, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Mantan Perdana Menteri Inggris Arthur Pennington pernah menjadi utusan Kuartet untuk Timur Tengah.",
     [("Arthur Pennington", "LEADER")]),
    ("Ia diangkat menjadi utusan Quartet untuk Timur Tengah.", []),
    # a person after the envoy's role is still its principal
    ("Ia utusan khusus Hartono untuk Timur Tengah.", [("Hartono", "LEADER")]),
])
def test_a_diplomatic_group_is_no_envoys_principal(rules_only, text, expected):
    assert people(rules_only, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Kuasa Usaha Kedubes AS di Jakarta Rina Saputri menyebut gencatan senjata rapuh.", [("Rina Saputri", "OFFICIAL")]),
    ("Kepala Bagian Politik Kedutaan Besar Iran Reza Tehrani membahas Gaza.", [("Reza Tehrani", "OFFICIAL")]),
])
def test_an_embassys_word_in_a_diplomats_office_is_no_name(rules_only, text, expected):
    assert people(rules_only, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # "Jihad" alone is a given name; the group is "Jihad Islam"
    ("Juru bicara Hamas di Lebanon Jihad Karami mengatakan perundingan terhenti.", [("Jihad Karami", "OFFICIAL")]),
    ("Juru bicara Jihad Islam Abu Rayyan mengklaim serangan itu.", [("Abu Rayyan", "OFFICIAL")]),
    ("Kelompok Jihad Islam menembakkan roket.", []),
])
def test_a_groups_word_that_is_also_a_given_name(rules_only, text, expected):
    assert people(rules_only, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the twenty-second round: "al-" and a title make a family name, before the office that
    # follows it ("Sheikh" alone opens a name and stays outside it)
    ("Ketua Otoritas Palestina Fahd Karim menunjuk Yusuf al-Sheikh sebagai wakilnya. Al-Sheikh tiba di Ramallah.",
     [("Fahd Karim", "LEADER"), ("Yusuf al-Sheikh", "OFFICIAL"), ("Al-Sheikh", "OFFICIAL")]),
    ("Yusuf al-Sheikh, Wakil Presiden Palestina, tiba di Kairo.", [("Yusuf al-Sheikh", "OFFICIAL")]),
    # the title alone before a name stays outside it
    ("Emir Qatar Sheikh Hamad Nasser tiba.", [("Hamad Nasser", "LEADER")]),
])
def test_a_title_after_a_particle_is_a_family_name(rules_only, text, expected):
    assert people(rules_only, text) == expected
