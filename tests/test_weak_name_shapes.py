"""Where a name starts and ends, and which words after a role are no name at all.

The fifth round of weak-labeler rules. Every sentence is written for this project; the
labeler runs with an empty gazetteer, so only the rules can find the names.
"""

from __future__ import annotations

import pytest
from helpers import people

from sorot.inference.text.gazetteer import Gazetteer
from sorot.training.weak.labeler import WeakLabeler


@pytest.mark.parametrize(("text", "expected"), [
    # Indonesian usage calls some officials by a middle name after the full one
    ("Wakil Ketua DPR Fikri Sandya Harahap hadir. Menurut Sandya, rapat berjalan lancar.",
     [("Fikri Sandya Harahap", "OFFICIAL"), ("Sandya", "OFFICIAL")]),
    # a middle name two people of the article share stands for neither
    ("Menhan Budi Raharjo Santosa dan Menkeu Dedi Raharjo Wibowo hadir. Raharjo tersenyum.",
     [("Budi Raharjo Santosa", "OFFICIAL"), ("Dedi Raharjo Wibowo", "OFFICIAL")]),
    # an initial, or the word after "bin", is no middle name
    ("Mantan Presiden Harold T. Brennan hadir. T tidak hadir.", [("Harold T. Brennan", "LEADER")]),
    ("Menlu Faisal bin Khalid Al Nuaimi hadir. Khalid disebut.", [("Faisal bin Khalid Al Nuaimi", "OFFICIAL")]),
])
def test_a_middle_name_alone_is_a_later_mention(rules_only, text, expected):
    assert people(rules_only, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # one word right after a role that heads an organisation is the organisation
    ("Kepala Basarnas menyatakan pencarian dihentikan.", []),
    ("Ketua Kadin memimpin rombongan pengusaha.", []),
    # ... and its head is named before the role, after a rank, after a comma, or as the
    # last words of a run of three or more
    ("Presiden melantik Yoga Pramudya sebagai Kepala Bakamla.", [("Yoga Pramudya", "OFFICIAL")]),
    ("Kepala Bakamla Laksdya Yoga Pramudya meninjau perairan.", [("Yoga Pramudya", "OFFICIAL")]),
    ("Ketua Kadin, Yoga Pramudya, memimpin rombongan.", [("Yoga Pramudya", "OFFICIAL")]),
    ("Ketua Kadin Yoga Pramudya memimpin rombongan.", [("Yoga Pramudya", "OFFICIAL")]),
    # other roles still take a one-word name
    ("Menlu Pramudya menerima tamu.", [("Pramudya", "OFFICIAL")]),
])
def test_one_word_after_an_organisations_head_is_the_organisation(rules_only, text, expected):
    assert people(rules_only, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a frequent word that closes the capitalised run is the family name
    ("Menlu Yoga Putra menerima tamu.", [("Yoga Putra", "OFFICIAL")]),
    ("Menlu Irwansyah Putra menerima tamu.", [("Irwansyah Putra", "OFFICIAL")]),
    ("Wamenhan Dimas Indah tiba.", [("Dimas Indah", "OFFICIAL")]),
    # a day after the name closes it; it does not make the name an institution's
    ("Presiden Hendra Gunawan Senin (2/6) menerima tamu.", [("Hendra Gunawan", "LEADER")]),
    ("Menlu Yoga Pramudya Kamis malam tiba di Doha.", [("Yoga Pramudya", "OFFICIAL")]),
    # an institution's name before the holder's is still skipped
    ("Sekretaris Jenderal Perserikatan Bangsa-Bangsa Olaf Lindqvist berpidato.",
     [("Olaf Lindqvist", "OFFICIAL")]),
])
def test_a_frequent_word_or_a_day_after_a_name(rules_only, text, expected):
    assert people(rules_only, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # undotted initials after a rank, or after the country's acronym, are the holder's
    ("Panglima TNI Jenderal RW Saputro meninjau pasukan.", [("RW Saputro", "OFFICIAL")]),
    ("Kepala BIN Letnan Jenderal AB Santosa hadir.", [("AB Santosa", "OFFICIAL")]),
    ("Wakil Presiden AS KT Morrow tiba di Munich.", [("KT Morrow", "OFFICIAL")]),
    # right after the role they are the institution's acronym, as is a known place's
    ("Gubernur BI Yoga Pramudya menahan suku bunga.", [("Yoga Pramudya", "OFFICIAL")]),
    ("Ketua DPR RI Ratna Sari hadir.", [("Ratna Sari", "OFFICIAL")]),
    ("Jenderal TNI Yoga Pramudya hadir.", [("Yoga Pramudya", "OFFICIAL")]),
])
def test_undotted_initials_after_a_rank_or_a_country(rules_only, text, expected):
    assert people(rules_only, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a think tank named by its kind before its English name
    ("Pendiri lembaga kajian Center for Maritime Studies, Yoga Pramudya, menilai konflik berlarut.",
     [("Yoga Pramudya", "OFFICIAL")]),
    ("Direktur wadah pemikir Institute for Defence Analysis Yoga Pramudya menilai situasi.",
     [("Yoga Pramudya", "OFFICIAL")]),
    ("Presiden lembaga riset Council on Energy Security, Yoga Pramudya, menilai situasi.",
     [("Yoga Pramudya", "OFFICIAL")]),
])
def test_a_think_tank_named_by_its_kind_first(rules_only, text, expected):
    assert people(rules_only, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a military unit's name is no person's, hyphenated to "Al" or not
    ("Juru bicara Brigade Al-Mansur Abu Hamdan merilis video.", [("Abu Hamdan", "OFFICIAL")]),
    ("Juru bicara Brigade Salahuddin al-Mansur, Abu Hamdan, merilis video.", [("Abu Hamdan", "OFFICIAL")]),
    ("Komandan Brigade Tavor Kolonel Eli Shachar tewas.", [("Eli Shachar", "OFFICIAL")]),
    # a parliament's opposition leader acts in an official role
    ("Pemimpin oposisi Israel Noam Adler mengkritik pemerintah.", [("Noam Adler", "OFFICIAL")]),
])
def test_military_units_and_the_opposition_leader(rules_only, text, expected):
    assert people(rules_only, text) == expected


def test_a_family_alias_goes_to_the_person_the_article_names_in_full(labeler):
    # the gazetteer gives "Sinwar" alone to Yahya Sinwar; an article that names only his
    # brother in full means the brother
    text = "Mohammed Sinwar dilaporkan tewas. Sinwar memimpin sayap militer kelompok itu."
    assert people(labeler, text) == [("Mohammed Sinwar", "OFFICIAL"), ("Sinwar", "OFFICIAL")]
    text = "Mohammed Sinwar adalah adik Yahya Sinwar. Sinwar tewas tahun lalu."
    assert people(labeler, text)[-1] == ("Sinwar", "LEADER")


def test_a_middle_name_alone_after_a_gazetteer_persons_full_name(labeler):
    text = "Wamenlu Arief Havas Oegroseno hadir. Havas menegaskan sikap Indonesia."
    assert [(e["text"], e["canonical"]) for e in labeler.label(text)["entities"] if e["label"] == "OFFICIAL"] == [
        ("Arief Havas Oegroseno", "Arif Havas Oegroseno"), ("Havas", "Arif Havas Oegroseno")]


@pytest.mark.parametrize(("text", "expected"), [
    # an agency's long name of abstract nouns names nobody ...
    ("Menurut Kepala Badan Nasional Penanggulangan Narkoba, peredaran meningkat.", []),
    ("Kepala Badan Pemberantasan Radikalisme menyebut ancaman nyata.", []),
    # ... and its head follows it, after a comma or the agency's acronym
    ("Kepala Badan Nasional Penanggulangan Bencana, Gunawan, meninjau lokasi.", [("Gunawan", "OFFICIAL")]),
    ("Kepala Badan Nasional Penanggulangan Bencana (BNPB) Suryanto meninjau lokasi.", [("Suryanto", "OFFICIAL")]),
    ("Kepala Badan Nasional Penanggulangan Terorisme Yoga Pramudya hadir.", [("Yoga Pramudya", "OFFICIAL")]),
    # a company's name after PT or Perum is no part of its head's name
    ("Direktur Utama PT Bahari Yoga Pramudya hadir.", [("Yoga Pramudya", "OFFICIAL")]),
    ("Direktur Utama Perum Bulog Yoga Pramudya hadir.", [("Yoga Pramudya", "OFFICIAL")]),
])
def test_agencies_of_abstract_nouns_and_companies_are_no_names(rules_only, text, expected):
    assert people(rules_only, text) == expected


@pytest.mark.parametrize("text", ["Juru bicara Brigade Al", "Juru bicara Brigade Al Quds", "Kepala Badan Narkoba"])
def test_an_institutions_name_cut_off_by_the_end_of_the_text(rules_only, text):
    assert people(rules_only, text) == []  # and no IndexError past the last word


def test_an_honorific_that_starts_the_persons_own_name_stays_in_the_span(labeler):
    gazetteer = Gazetteer.from_records([
        {"name": "Sheikh Rahima", "type": "LEADER"},  # "Sheikh" is part of her name
        {"name": "Faisal Haddad", "type": "LEADER", "aliases": ["Sheikh Faisal Haddad"]},
    ])
    wl = WeakLabeler(gazetteer, labeler.topics, labeler.roles, labeler.evidence)
    assert people(wl, "Sheikh Rahima dan Sheikh Faisal Haddad bertemu.") == [
        ("Sheikh Rahima", "LEADER"), ("Faisal Haddad", "LEADER")]


@pytest.mark.parametrize(("text", "expected"), [
    # a function word that is also a given name opens the name after a role or a place
    ("Gubernur Kharkiv Oleh Petrenko mengatakan dua warga tewas.", [("Oleh Petrenko", "OFFICIAL")]),
    ("Panglima Armada Laksamana Dan Whitfield memaparkan hasil operasi.", [("Dan Whitfield", "OFFICIAL")]),
    # the twenty-second round: so does a derived noun that is a given name
    ("Kepala Bakamla Harapan Situmorang meninjau kapal.", [("Harapan Situmorang", "OFFICIAL")]),
    # elsewhere it stays the word
    ("Oleh karena itu, Menlu Yoga Pramudya menolak.", [("Yoga Pramudya", "OFFICIAL")]),
    ("Harapan kami, kata Menlu Yoga Pramudya, perang berakhir.", [("Yoga Pramudya", "OFFICIAL")]),
    # a capitalised "Dan" between two people ends the first name before the next role
    ("Presiden Walter Brennan Dan Presiden Hendra Gunawan bertemu.",
     [("Walter Brennan", "LEADER"), ("Hendra Gunawan", "LEADER")]),
])
def test_function_words_that_are_given_names(rules_only, text, expected):
    assert people(rules_only, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a role with "-nya" before an appositive name
    ("Kementerian itu melalui juru bicaranya, Yoga Pramudya, menyatakan keberatan.", [("Yoga Pramudya", "OFFICIAL")]),
    # a region in an office's name is no person
    ("Dirjen Asia Pasifik dan Afrika Kemlu Yoga Pramudya menyatakan hal itu.", [("Yoga Pramudya", "OFFICIAL")]),
    # a post's city after "di"
    ("Konsul Jenderal RI di Jeddah Yoga Pramudya memastikan jemaah aman.", [("Yoga Pramudya", "OFFICIAL")]),
])
def test_offices_named_with_their_region_city_or_suffix(rules_only, text, expected):
    assert people(rules_only, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a known family name after an unknown given name is a relative, at a sentence's start too
    ("Melania Trump menulis surat kepada Putin.", [("Putin", "LEADER")]),
    ("Ivanka Trump menghadiri acara itu.", []),
    # "Jr." makes the full name a son's, an English organisation's head word a company's
    ("Donald Trump Jr. mengunggah video.", []),
    ("Trump Organization membangun hotel di Doha.", []),
    # a connector opening the sentence is no given name
    ("Lantas Trump menolak usulan itu.", [("Trump", "LEADER")]),
])
def test_relatives_of_known_people_are_not_them(labeler, text, expected):
    assert people(labeler, text) == expected


def test_a_military_operations_name_mentions_nobody(rules_only):
    text = "Menlu Gideon Sahar mengecam serangan itu. Operasi Kereta Perang Gideon lalu dimulai."
    assert people(rules_only, text) == [("Gideon Sahar", "OFFICIAL")]
    # the operation's topic stays
    assert [e["text"] for e in rules_only.label("Putin memulai Operasi Militer Khusus di Ukraina.")["entities"]
            if e["label"] == "TOPIC"] == ["Operasi Militer"]


@pytest.mark.parametrize(("text", "expected"), [
    # the twenty-second round: a family name the source spells in lower case, after a
    # one-word given name, when it is spelled as no Indonesian word is
    ("Menlu Iran Hamid araghzadeh mengatakan Iran tidak akan menyerah.", [("Hamid araghzadeh", "OFFICIAL")]),
    ("Wakil Menteri Luar Negeri Arman matta menyerukan gencatan senjata.", [("Arman matta", "OFFICIAL")]),
    ("Menteri Pertahanan Yoram gallant memerintahkan serangan.", [("Yoram gallant", "OFFICIAL")]),
    # verbs, typos and Indonesian words stay out, whatever wordfreq lacks
    ("Menlu Sugiono emoh berkomentar.", [("Sugiono", "OFFICIAL")]),
    ("Presiden Hartono memveto undang-undang itu.", [("Hartono", "LEADER")]),
    ("Menlu Sugiono mengatakn hal itu.", [("Sugiono", "OFFICIAL")]),
])
def test_a_lower_case_family_name_that_reads_foreign(rules_only, text, expected):
    assert people(rules_only, text) == expected
