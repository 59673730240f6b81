"""The thirteenth round: appointment lists as scrapers leave them (a colon between name
and office, lines with no list marker, a numbered list flattened onto one line), a name
set off by a comma before "yang memimpin" an institution or a country's delegation,
state companies, parliaments and a spokesperson's field inside an office, an agency's head of
operations, a holder named right after the state that appointed them, and headline
verbs known only in their "me-" form, negations and modals, and times of day in Title
Case.

Every sentence is written for this project; the labeler runs with an empty gazetteer, so
only the rules can find the names.
"""

from __future__ import annotations

import pytest
from helpers import people

from sorot.inference.text.phrases import Document
from sorot.training.weak.casing import item_end, opens_item

_LISTED = [("Laras Anindita", "OFFICIAL"), ("Bima Nugroho", "OFFICIAL")]


@pytest.mark.parametrize(("text", "expected"), [
    # a colon links a listed name to its office, as a dash does
    ("Yang dilantik:\n- Laras Anindita: Wakil Menteri Sosial\n- Bima Nugroho: Wakil Menteri Koperasi", _LISTED),
    ("Yang dilantik:\n1. Laras Anindita: Wakil Menteri Sosial\n2. Bima Nugroho: Kepala BNPB", _LISTED),
    # lines with no marker are a list when the next one has the same shape
    ("Yang dilantik:\nLaras Anindita - Wakil Menteri Sosial\nBima Nugroho - Wakil Menteri Koperasi", _LISTED),
    ("Yang dilantik:\nLaras Anindita: Wakil Menteri Sosial\nBima Nugroho: Wakil Menteri Koperasi", _LISTED),
    # a numbered list flattened onto one line, alone or after a sentence
    ("1. Laras Anindita - Wakil Menteri Sosial 2. Bima Nugroho - Wakil Menteri Koperasi", _LISTED),
    ("Pelantikan berlangsung singkat. 1. Laras Anindita - Wakil Menteri Sosial 2. Bima Nugroho - Kepala Bakamla",
     _LISTED),
    # items split by semicolons: an office closes at its own item's end, and an item that
    # names no office names nobody
    ("Daftarnya:\n- Laras Anindita – Wakil Menteri Sosial; Bima Nugroho – dosen tamu.",
     [("Laras Anindita", "OFFICIAL")]),
    # the twenty-second round: the last item, Title Case with no full stop, is listed when
    # the item above links its name to a deputy's office ("Wakil Kepala")
    ("Dilantik:\n1. Laras Anindita sebagai Wakil Kepala Badan Gizi Nasional\n2. Bima Nugroho sebagai Kepala "
     "Badan Pangan Nasional", _LISTED),
    # and an item's name after dotted titles opens it too
    ("Dilantik:\n1. Dr. Hj. Laras Anindita sebagai Kepala Badan Gizi Nasional\n2. Ir. Bima Nugroho sebagai "
     "Kepala Badan Pangan Nasional", _LISTED),
    # a lone line of that shape, nothing but a name, a dash and an office (the eighteenth
    # round: it names its holder, as a caption does)
    ("Laras Anindita - Wakil Menteri Sosial", [("Laras Anindita", "OFFICIAL")]),
])
def test_a_list_of_appointments_as_scrapers_leave_it(rules_only, text, expected):
    assert people(rules_only, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a Title Case headline quoting a speaker: the office after the colon is another's
    ("Hartono: Presiden Rusia Tidak Serius Soal Damai\n\nIa berbicara di Kyiv.", []),
    # and a list of such headlines ("Baca juga"): after a colon, only an office's own words
    # close the item
    ("Baca juga:\n- Hartono: Menteri Luar Negeri Harus Mundur\n- Sugandi: Presiden Salah Langkah", []),
    # a dateline goes on past its office
    ("Wonosari - Bupati Wonosari meresmikan pasar.\nKlaten - Bupati Klaten membuka festival.", []),
    ("Harga naik 2. Wonosari - Bupati Wonosari meresmikan pasar.", []),
    # a line of places and offices with no name
    ("Jakarta - Wakil Menteri Luar Negeri\nBandung - Wakil Gubernur Jawa Barat", []),
])
def test_what_is_no_list_of_appointments(rules_only, text, expected):
    assert people(rules_only, text) == expected


def test_items_of_a_flattened_list():
    doc = Document.from_text("1. Laras Anindita - Menkeu 2. Bima Nugroho - Menkop; Sari Dewi - Mensos")
    assert [doc.word(i) for i in range(len(doc.keys)) if opens_item(doc, i)] == ["Laras", "Bima", "Sari"]
    assert [doc.word(item_end(doc, i)) for i in (2, 7)] == ["2", ";"]
    assert item_end(doc, 12) == len(doc.keys)


@pytest.mark.parametrize(("text", "expected"), [
    # the comma that sets the clause off does not hide the name
    ("Laras Anindita, yang dipercaya memimpin Badan Siber dan Sandi Negara, mengatakan serangan meningkat.",
     [("Laras Anindita", "OFFICIAL")]),
    ("Laras Anindita, yang kini memimpin Badan Pangan Nasional, meninjau gudang.", [("Laras Anindita", "OFFICIAL")]),
    # a country's delegation is led by its official
    ("Laras Anindita, yang memimpin delegasi Indonesia, mengatakan hubungan erat.", [("Laras Anindita", "OFFICIAL")]),
    ("Bima Nugroho yang memimpin delegasi Rusia tiba di Istanbul.", [("Bima Nugroho", "OFFICIAL")]),
    # anything else one may lead, and a clause after no name
    ("Laras Anindita, yang memimpin perusahaan itu, mengatakan hubungan erat.", []),
    ("Laras Anindita, yang memimpin delegasi mahasiswa, tiba di Jakarta.", []),
    ("Kementerian itu, yang dipercaya memimpin Badan Pangan, menolak usulan.", []),
    ("Partai Likud, yang memimpin koalisi, menolak usulan itu.", []),
    ("Hal itu disampaikan Bapak, yang memimpin delegasi Indonesia.", []),
])
def test_a_name_set_off_before_what_it_leads(rules_only, text, expected):
    assert people(rules_only, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a state company's name closes the office, it opens no name
    ("Kepala Badan Atom Rusia Rosatom Anton Belyakov mengatakan reaktor itu aman.", [("Anton Belyakov", "OFFICIAL")]),
    ("Kepala Energoatom Petro Hrytsenko menyebut PLTN itu berbahaya.", [("Petro Hrytsenko", "OFFICIAL")]),
    ("Menurut Rosatom, reaktor itu aman.", []),
    # nor does a parliament's name ("Verkhovna Rada", "Majlis")
    ("Ketua Verkhovna Rada Ruslan Marchenko mengatakan sidang ditunda.", [("Ruslan Marchenko", "OFFICIAL")]),
    ("Ketua Majlis Iran Reza Karimi mengancam Israel.", [("Reza Karimi", "OFFICIAL")]),
    # nor does the field a spokesperson speaks to
    ("Juru bicara Hartono untuk Media Asing Serhiy Kovalenko membantah laporan itu.",
     [("Hartono", "LEADER"), ("Serhiy Kovalenko", "OFFICIAL")]),
])
def test_a_company_a_parliament_or_a_field_inside_an_office(rules_only, text, expected):
    assert people(rules_only, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # "Operasi" after the role is the office's field when an agency's acronym or a
    # lower-case word follows it
    ("Kepala Operasi UNRWA di Gaza Samuel Rosewood mengatakan stok makanan habis.",
     [("Samuel Rosewood", "OFFICIAL")]),
    ("Direktur Operasi UNRWA Samuel Rosewood mengatakan stok makanan habis.", [("Samuel Rosewood", "OFFICIAL")]),
    # a military operation's name after it still mentions nobody
    ("Israel melancarkan Operasi Singa Fajar. Kepala Operasi Singa Fajar belum disebutkan.", []),
    ("Komandan Operasi Kereta Perang Gideon tidak disebutkan.", []),
])
def test_an_agency_head_of_operations(rules_only, text, expected):
    assert people(rules_only, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a relative clause that ends with the appointing state, with no comma before the name
    ("Gubernur Zaporizhzhia yang ditunjuk Rusia Yevgeny Balitsky mengatakan.", [("Yevgeny Balitsky", "OFFICIAL")]),
    ("Presiden yang didukung Amerika Serikat Hamid Karimi hadir.", [("Hamid Karimi", "LEADER")]),
    # a day, an institution or a group after the place is no name
    ("Gubernur yang ditunjuk Rusia Jumat mengumumkan evakuasi.", []),
    ("Menteri Pertahanan yang ditunjuk Rusia Kemlu membantah.", []),
    ("Pemimpin yang didukung Iran Hizbullah menolak.", []),
])
def test_a_holder_right_after_the_state_that_appointed_them(rules_only, text, expected):
    assert people(rules_only, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a headline's bare verb that wordfreq knows only in its "me-" form ends the name
    ("Ketua DPR Ratna Sari Serukan Gencatan Senjata di Gaza", [("Ratna Sari", "OFFICIAL")]),
    ("Menlu Hartono Soroti Krisis Kemanusiaan di Gaza", [("Hartono", "OFFICIAL")]),
    # given names that end as such verbs do have no frequent "me-" form
    ("Ketua DPR Ratna Lestari Kunjungi Gaza", [("Ratna Lestari", "OFFICIAL")]),
    # a time of day or week after the office is no name; "Hari" still opens one
    ("Menlu Iran Sore Nanti Bertemu Menlu Oman", []),
    ("Perdana Menteri Israel Pekan Depan Dijadwalkan ke Washington.", []),
    ("Menteri Luar Negeri Hari Sudarsono tiba.", [("Hari Sudarsono", "OFFICIAL")]),
    # a negation or a modal opens the headline's predicate: "Sah" is no name
    ("Presiden Ukraina Tidak Sah, Kata Hartono", []),
    ("Hartono: Presiden Ukraina Tidak Sah", []),
])
def test_a_rare_bare_verb_or_a_time_ends_a_headline_name(rules_only, text, expected):
    assert people(rules_only, text) == expected
