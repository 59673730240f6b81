"""The weak labeler's rules for people no gazetteer lists, one test per style of writing.

Every sentence here is written for this project; the labeler runs with an empty
gazetteer unless a test says otherwise, so only the rules can find the names.
"""

from __future__ import annotations

import pytest
from helpers import people
from hypothesis import given, settings
from hypothesis import strategies as st

from sorot.inference.text.words import word_spans
from sorot.training.weak.labeler import WeakLabeler
from sorot.training.weak.leave_names_out import folds_of, leave_names_out, without_people_in


@pytest.mark.parametrize(("text", "expected"), [
    # role before name, the role (and its abbreviation) outside the span
    ("Wamenkeu Anggoro Wisnu hadir dalam rapat itu.", [("Anggoro Wisnu", "OFFICIAL")]),
    ("Menko Polkam Surya Dharmawan menggelar rapat terbatas.", [("Surya Dharmawan", "OFFICIAL")]),
    ("Kapolri Jenderal Listiyo Prakoso meninjau lokasi.", [("Listiyo Prakoso", "OFFICIAL")]),
    # a bracketed acronym between role and name
    ("Menteri Koperasi (Menkop) Fahri Lubis meresmikan koperasi desa.", [("Fahri Lubis", "OFFICIAL")]),
    ("Presiden Amerika Serikat (AS) Walter Brennan menolak usulan itu.", [("Walter Brennan", "LEADER")]),
    # an institution's name between role and name
    ("Sekretaris Jenderal Perserikatan Bangsa-Bangsa Olaf Lindqvist berpidato.",
     [("Olaf Lindqvist", "OFFICIAL")]),
    # rank words are not names; a Roman numeral is
    ("Laksamana Muda Ronen Dagan mengatakan serangan berlanjut.", [("Ronen Dagan", "OFFICIAL")]),
    ("Paus Gregorius XVII menyerukan perdamaian.", [("Gregorius XVII", "LEADER")]),
    # heads of international bodies are officials even when called "presiden"
    ("Presiden Komisi Eropa Greta Holm tiba di Kyiv.", [("Greta Holm", "OFFICIAL")]),
    ("Mantan Presiden Hendra Gunawan menerima tamu.", [("Hendra Gunawan", "LEADER")]),
])
def test_role_before_name(rules_only, text, expected):
    assert people(rules_only, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Hal itu disampaikan Dmitri Orlov, juru bicara kementerian itu.", [("Dmitri Orlov", "OFFICIAL")]),
    ("Pertemuan dipimpin oleh Yusuf al-Rahim, kepala negosiator kelompok itu.",
     [("Yusuf al-Rahim", "OFFICIAL")]),
    ("Rapat itu dihadiri Wira Dharma selaku Menteri Perdagangan.", [("Wira Dharma", "OFFICIAL")]),
])
def test_name_before_role(rules_only, text, expected):
    assert people(rules_only, text) == expected


def test_a_coordinated_list_of_ministers(rules_only):
    text = ("Rapat dihadiri Menteri Keuangan Fulan Santosa, Menteri Pertahanan Budiman Karta, "
            "serta Menteri Luar Negeri Wira Dharma.")
    assert people(rules_only, text) == [("Fulan Santosa", "OFFICIAL"), ("Budiman Karta", "OFFICIAL"),
                                        ("Wira Dharma", "OFFICIAL")]


@pytest.mark.parametrize(("text", "expected"), [
    ("Presiden melantik Wira Dharma menjadi Menkeu pada Senin.", [("Wira Dharma", "OFFICIAL")]),
    ("Jabatan Menteri Koperasi kini dijabat Fulan Santosa.", [("Fulan Santosa", "OFFICIAL")]),
    ("Posisi Menkeu digantikan oleh Budiman Karta.", [("Budiman Karta", "OFFICIAL")]),
])
def test_appointment_verbs(rules_only, text, expected):
    assert people(rules_only, text) == expected


def test_later_mentions_take_the_same_class_and_pronouns_never(rules_only):
    text = ("Menteri Kesehatan Budi Hartawan Sadikun (BHS) meninjau rumah sakit. BHS mengatakan "
            "stok obat cukup. Sadikun menambahkan vaksin tersedia. Ia lalu pergi. Budi tersenyum.")
    assert people(rules_only, text) == [
        ("Budi Hartawan Sadikun", "OFFICIAL"), ("BHS", "OFFICIAL"), ("BHS", "OFFICIAL"),
        ("Sadikun", "OFFICIAL"), ("Budi", "OFFICIAL")]


def test_an_ambiguous_part_is_not_propagated(rules_only):
    text = ("Menteri Perdagangan Budi Santika dan Menteri Kesehatan Budi Hartawan bertemu. "
            "Budi mengatakan rapat berjalan baik.")
    assert people(rules_only, text) == [("Budi Santika", "OFFICIAL"), ("Budi Hartawan", "OFFICIAL")]


def test_one_person_one_class_the_highest_office(rules_only):
    text = ("Fulan Wirawan, penasihat Presiden Walter Brennan, tiba. Presiden Brennan lalu berbicara.")
    assert people(rules_only, text) == [("Fulan Wirawan", "OFFICIAL"), ("Walter Brennan", "LEADER"),
                                        ("Brennan", "LEADER")]


def test_an_envoys_principal_is_a_leader_not_an_official(rules_only):
    text = "Menurut Fulan Wirawan, utusan khusus Walter Brennan untuk Timur Tengah, perundingan berlanjut."
    assert people(rules_only, text) == [("Fulan Wirawan", "OFFICIAL"), ("Walter Brennan", "LEADER")]


@pytest.mark.parametrize("text", [
    "Menteri Kabinet Merah Putih menggelar sidang kabinet.",      # a cabinet is no person
    "Menteri Luar Negeri Austria tiba di Wina.",                 # a place is no person
    "Juru bicara Kremlin menolak berkomentar.",                  # an institution
    "Ketua Umum Partai Demokrasi menggelar rapat.",              # a party's name
    "Presiden Terpilih menyampaikan pidato pada Senin.",          # a frequent word, capitalised
])
def test_common_words_institutions_and_places_are_not_people(rules_only, text):
    assert people(rules_only, text) == []


def test_a_person_removed_from_the_gazetteer_is_still_found_by_role(labeler):
    text = "Menteri Luar Negeri Iran Abbas Araghchi tiba di Wina. Araghchi bertemu diplomat Eropa."
    assert ("Abbas Araghchi", "OFFICIAL") in people(labeler, text)
    reduced = without_people_in(labeler.gazetteer, [text])
    assert reduced.lookup("Abbas Araghchi") is None and len(reduced) < len(labeler.gazetteer)
    alone = WeakLabeler(reduced, labeler.topics, labeler.roles, labeler.evidence)
    assert people(alone, text) == [("Abbas Araghchi", "OFFICIAL"), ("Araghchi", "OFFICIAL")]


def test_leave_names_out_labels_each_fold_without_its_people(labeler):
    gold = {f"g{i}": {"text": t, "id": f"g{i}"} for i, t in enumerate([
        "Presiden Rusia Vladimir Putin menolak gencatan senjata.",
        "Menteri Luar Negeri Iran Abbas Araghchi tiba di Wina.",
        "Presiden Ukraina Volodymyr Zelensky bertemu Trump."])}
    assert sorted(sum(folds_of(sorted(gold), 2), [])) == sorted(gold)
    preds, removed = leave_names_out(labeler, gold, 3)
    assert sum(removed.values()) >= 4  # Putin, Araghchi, Zelensky, Trump
    assert all(e["canonical"] is None for p in preds.values() for e in p["entities"])
    assert [(e["text"], e["label"]) for e in preds["g0"]["entities"]][0] == ("Vladimir Putin", "LEADER")


ROLES = ["Presiden", "Menteri Luar Negeri", "juru bicara", "Wamenkeu", "utusan khusus", "Kapolri",
         "Laksdya", "para menteri", "Direktur"]
WORDS = ["Fulan", "Wira", "Dharma", "al-Rahim", "(AS)", ",", "selaku", "menjadi", "Kabinet", "Merah",
         "Putih", "mengatakan", "di", "Jakarta", ".", "-", "XIV", "digantikan", "oleh", "Ia", "\n",
         # facilities, lists, ordinals, particles (this stop's rules)
         "Bandara", "Rumah Sakit", "Jl.", "USS", "S.", "yakni", "dan", "ke-7", "el-Sisi", "Abu",
         # undotted initials, organisation heads, days, frequent family names, think tanks
         "AM", "AS", "Jenderal", "Kepala", "Bakamla", "Senin", "Putra", "lembaga kajian", "Center", "for",
         "Badan", "Penanggulangan", "Narkoba", "PT", "(BNPB)", "Brigade", "Al-Qassam", "Al",
         "Oleh", "Dan",
         # aides with a field, corps, bracketed roles, kings' titles, new holders (sixth round)
         "Staf Khusus", "Bidang", "Multilateral", "Inf", "Pol", "Kolonel", "Irjen", "TB", "Sultan",
         "Raja", "utusannya", "Satgas", "(Kepala", ")", "sebagai", "Wakil", "yang", "baru", "Dewan",
         "Pengawas", "Kadin", "Watch", "Bertemu", "Koperasi", "Metro", "Jaya", "Presiden Direktur",
         "Dua pejabat", "termasuk", "seperti", "dari", "sementara", "Pemimpin junta", "Zelenksy", "Steve",
         # courts, councils, ranks as roles, bracketed acronyms, quoted nicknames (seventh round)
         "Hakim ICJ", "Jaksa", "Komjen", "Anggota", "kabinet", "perang", "wilayah", "(CSIS)", "(", '"',
         "“", "”", "Pasha", "Komisioner", "Studies", "Dipanggil", "Mengecam", "Kunjungi", "Klaim",
         "Menengah", "Bersenjata", "Sambut", "Pandu", "el-Sisi", "menggantikan", "diemban",
         "dari jabatan", "(Jokowir)", "Jokowir", "Wakil", "pemimpin Hamas", "di", "luar negeri",
         "Diktator", "terguling", "H.", "Ketua MPR", "H.R.",
         # common-word given names, initials after an office, aides (eighth round)
         "Bintang", "Ayu", "Menurut", "Jaksa Agung", "ST", "Kepresidenan", "Asisten", "Yose", "Statecraft",
         "Relations", "International", "gencatan", "sanjata", "nukilr", "fasilitas", "1.", "–", "•", "diisi",
         "untuk", "Dewan Pimpinan Hamas", "(PKS)", "yang akrab disapa", "sapaan akrabnya", "Roy", "Pras",
         "Izz", "ad", "Din", "al", "Pendiri",
         # joint offices, relative clauses, dotted brackets, military administrations (ninth round)
         "sekaligus", "merangkap", "yang juga", "berhaluan kanan", "(Purn.)", "Kepala administrasi militer",
         "pertukaran tawanan", "Panglima Tertinggi", "Pendiri", "Gojek", "ICJ", "UE", "Gerindra", "Tinjau",
         "Sheikh", "Gharib", "Jae", "myung", "baru", "parlemen", "Direktorat", "sangsi",
         # units, Balinese names, senior figures, nicknames with an address (tenth round)
         "Komando", "Armada", "Kodam", "Operasi", "Marsdya", "Penerangan", "I", "Wayan", "Made", "Komisi",
         "petinggi", "Pemimpin senior", "Buya", "luar", "Gaza", "Gus", "Ipul", "Cak", "serta", "BIN", "bin",
         "Senat", "Pemimpin Mayoritas", "pemimpin partai", "Wakil Gubernur", "menyatakan", "kata", "asal",
         "Sekjen", "Kemhan", "Abu Khalid", "Pangeran", "seranga", "senjatan", "erangan", "Juru Bicara",
         "Presiden", "Penasihat",
         # delegations, paired officials, chief of staff, degrees, dotted titles (eleventh round)
         "Delegasi", "dipimpin", "diketuai oleh", "Tim perunding", "Kepala Staf", "Timur Dekat", "S.Sos",
         "M.M.", "K.H.", "H.E.", "His Excellency", "Sa\u2019ar", "bom atom", "Darurat kemanusiaan",
         "Asosiasi", "Federasi", "Yayasan", "Indonesia", "transisi", "kehakiman", "yang dikenal sebagai",
         "alias", "(Abu", "Mazen", "Mazen)", "al-Shami",
         "yang ditunjuk Rusia", "pasukan drone", "nama panggilan", "nama sandi", "pimpinan", "Hakim ICC",
         "Dikenai",
         # envoys after a post, English-named bodies, clubs, abbreviation dots (twelfth round)
         "Global", "Forum", "Group", "Klub", "Bulan Sabit Merah", "Israel", "KH.", "Purn.", "Iran.", "Haj", "Seyed",
         "(SDK)", "SDK", "Partai", "Keadilan", "Sejahtera", "Yesh", "Atid",
         "Kaisar", "de facto", "Chad", "Niger", "Dewan Kedaulatan", "Deir", "al-Balah", "Beit", "Mediator",
         "Anggota Knesset", "Jadi", "Sepakat", "Bagian", "Humas", "Kabinet",
         # colons and semicolons in lists, flattened numbering, led bodies (thirteenth round)
         ":", ";", "2.", "2", "yang memimpin", "dipercaya memimpin", "delegasi", "Rusia", "Rosatom", "Media",
         "Asing", "UNRWA", "yang didukung", "Amerika Serikat", "Serukan", "Soroti", "Sore", "Pekan", "Tidak", "Sah",
         "Depan",
         # posts' cities, regions, camps, "one of", successions, rulers (fourteenth round)
         "Konsul", "Surabaya", "Pontianak", "Oblast", "Sumy", "Kryvyi Rih", "garis keras", "sayap kanan",
         "urusan hukum", "salah satu", "salah seorang", "kedua", "Kedua pemimpin", "resmi", "posisi",
         "tim negosiasi", "Administrasi", "Penguasa", "terpilih kembali", "kembali menjabat", "itu", "Wibowo",
         "(tengah)", "(kiri)", "Secretary", "of", "State", "(Secretary", "Tokoh senior", "Selatan",
         # paired lists, acting titles, adverbs of the present, think tanks (fifteenth round)
         "masing-masing sebagai", "masing-masing", "secara berurutan", "Penjabat", "Plt", "Pelaksana Tugas",
         "Plh", "masih menjabat", "saat ini", "Institute", "Institute,", "didapuk", "dicopot", "dari jabatan",
         "mengundurkan diri sebagai", "bertugas", "Istri", "cucu", "Menantu",
         "mencopot", "memecat", "sebagai penggantinya", "ditunjuk",
         "Dubesnya", "negosiatornya", "barunya", ", Oleh", ", Dan", "Delegasi AS", "terdiri dari",
         "beranggotakan", "Bank", "Hizbullah", "menunjuk", "pemimpin", "sekjen", "al-Nimr", "mitranya",
         "bertemu",
         # bodies named by kind or named before, English bodies' last words (seventeenth round)
         "kelompok", "gerakan", "faksi", "tersebut", "ini", "kantor media", "Federal", "Reserve", "Corporation",
         # bracketed portfolios, a name's line with a dash and an office (eighteenth round)
         "(Pertahanan)", "(Luar", "Negeri)", "(Kelautan dan Perikanan)", "kabinet", "PT", "\n", "Kremlin",
         # nicknames, titles after "al-", dotted titles in lists, English heads (twenty-second round)
         "Tata", "atau", "Kiai", "KH", "al-Sheikh", "Dr.", "Hj.", "Ir.", "Wakil Kepala", "ditunjuk memimpin",
         "Chairman", "Founder", "spokesman", "Authority", "Reform"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(ROLES + WORDS), min_size=1, max_size=30))
def test_rules_never_make_overlapping_or_mid_word_spans(rules_only, parts):
    text = " ".join(parts)
    pred = rules_only.label(text)
    starts = {s for s, _ in word_spans(text)}
    ends = {e for _, e in word_spans(text)}
    spans = sorted((e["start"], e["end"]) for e in pred["entities"])
    assert all(s in starts and e in ends for s, e in spans)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))


#: Words a scraped text may stop at, where a rule looks one word ahead.
_LAST_WORDS = ["(", "dari", "di", ",", "yakni", "dan", "-", ":", '"', "yang", "sebagai", "untuk", "itu", "oleh"]


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(ROLES + WORDS), min_size=1, max_size=20), st.sampled_from(_LAST_WORDS))
def test_a_text_may_stop_at_any_word(rules_only, parts, last):
    """Found by fuzzing: a list that a text stops in at "(" ran one word past the end."""
    text = " ".join([*parts, last])
    spans = sorted((e["start"], e["end"]) for e in rules_only.label(text)["entities"])
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))


def test_units_all_the_way_after_a_role_name_nobody(rules_only):
    """Found by the property test: three units in a row, each before another role, left
    the name's start past its end."""
    text = "Kepala Wira Narkoba Presiden Direktur Fulan Al-Qassam Kabinet Pol utusannya Pol , Kadin Kolonel"
    assert people(rules_only, text) == []


def test_two_markers_of_one_plural_role_give_each_name_once(rules_only):
    """Found by fuzzing: "termasuk" and "yakni" both reached the same list after "Dua
    Presiden", and its name came out twice, overlapping itself."""
    assert people(rules_only, "Dua Presiden termasuk Laksdya yakni dan Metro") == [("Metro", "LEADER")]


@pytest.mark.parametrize("text", [
    "Singkatnya, Menteri Pertahanan itu menolak usulan gencatan senjata.",
    "Tugasnya, kata juru bicara itu, adalah memimpin delegasi ke Jenewa.",
])
def test_a_sentence_opening_word_with_nya_is_not_a_name(rules_only, text):
    """Held-out error category: "Singkatnya, Menteri …" was taken for an official."""
    assert people(rules_only, text) == []


def test_a_short_name_ending_in_nya_is_still_a_name(rules_only):
    assert people(rules_only, "Menteri Luar Negeri Sonya Marlin tiba di Kyiv.") == [("Sonya Marlin", "OFFICIAL")]


def test_a_role_at_the_end_of_a_line_names_nobody_on_the_next(rules_only):
    """A headline ending in a role and a common word, then a site name on the next line."""
    text = "Presiden Brasil, Ini Isi Pembicaraannya\n\nKabarnusa.id – Pertemuan itu berlangsung singkat."
    assert people(rules_only, text) == []


# ---- held-out error categories of issue 21, each on sentences written for the project ----

@pytest.mark.parametrize(("text", "expected"), [
    # an appointment list: each name followed by its bracketed role abbreviation
    ("Tiga wakil menteri baru: Dimas Prakoso (Wamenaker), Sinta Handayani (Wamenkop), dan Rudi Hartanto (Wamenlu).",
     [("Dimas Prakoso", "OFFICIAL"), ("Sinta Handayani", "OFFICIAL"), ("Rudi Hartanto", "OFFICIAL")]),
    # elected, trusted, appointed as a role, after the name
    ("Umat menyambut Leo Marcellus yang terpilih sebagai Paus pekan lalu.", [("Leo Marcellus", "LEADER")]),
    ("Rapat dipimpin Wirya Adinata yang ditunjuk sebagai Sekjen partai.", [("Wirya Adinata", "OFFICIAL")]),
    ("Nadia Paramita yang dipercaya memimpin Badan Pangan Nasional meninjau gudang.",
     [("Nadia Paramita", "OFFICIAL")]),
    # a counterpart holds the office named before it in the sentence
    ("Pertemuan Presiden Lukas Brandt dan timpalannya dari Polandia Marek Wolny berlangsung hangat.",
     [("Lukas Brandt", "LEADER"), ("Marek Wolny", "LEADER")]),
    # leaders and officials of movements and armed groups
    ("Serangan itu menewaskan pimpinan Hamas Yusuf Karimi di Rafah.", [("Yusuf Karimi", "LEADER")]),
    ("Anggota biro politik Hamas Tarek Mansour membantah laporan itu.", [("Tarek Mansour", "OFFICIAL")]),
    ("Menurut pendiri Halden Institute Omar Rashidi, perang itu keliru.", [("Omar Rashidi", "OFFICIAL")]),
])
def test_names_held_out_articles_introduce_in_other_ways(rules_only, text, expected):
    assert people(rules_only, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a given name that is also a frequent word, before a name word: the span starts with it
    ("Menteri Keuangan Bagus Hidayat menolak usulan itu.", [("Bagus Hidayat", "OFFICIAL")]),
    ("Wakil Menteri Luar Negeri Indah Permatasari tiba di Doha.", [("Indah Permatasari", "OFFICIAL")]),
    # ...but an institution's word still names the institution
    ("Juru bicara Gedung Putih Karlin Lewitt berbicara.", [("Karlin Lewitt", "OFFICIAL")]),
    # a quoted nickname is inside the name
    ("Menteri Pertahanan Ahmad \"Ucok\" Siregar meninjau perbatasan.", [('Ahmad "Ucok" Siregar', "OFFICIAL")]),
    # the institution a role ends in has its own name
    ("Gubernur Bank Sentral Rina Kusuma menaikkan suku bunga.", [("Rina Kusuma", "OFFICIAL")]),
])
def test_a_span_never_starts_mid_name_nor_takes_an_institution_word(rules_only, text, expected):
    assert people(rules_only, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # prizes, committees, taxes and English organisation names after "Ketua" are no names
    ("Ketua Komite Hadiah Nobel Jorgen Halvorsen mengumumkan pemenang.", [("Jorgen Halvorsen", "OFFICIAL")]),
    ("Ketua Atlantic Council Fredrik Kamper berbicara di forum itu.", [("Fredrik Kamper", "OFFICIAL")]),
    ("Ketua Panitia Pajak hadir dalam rapat.", []),
])
def test_prizes_committees_and_english_organisations_are_not_names(rules_only, text, expected):
    assert people(rules_only, text) == expected


def test_an_envoys_appositive_role_names_the_envoy_and_the_principal(rules_only):
    text = ("Delegasi dipimpin oleh «Stefan Wirth», perwakilan khusus Presiden AS Donald Trump, "
            "dan tiba di Jenewa.")
    assert people(rules_only, text) == [("Stefan Wirth", "OFFICIAL"), ("Donald Trump", "LEADER")]


def test_two_people_joined_by_a_hyphen_are_two_mentions(rules_only):
    text = ("Presiden Lukas Brandt menerima Presiden Marek Wolny. "
            "Hasil pertemuan Brandt-Wolny belum diumumkan.")
    assert people(rules_only, text) == [("Lukas Brandt", "LEADER"), ("Marek Wolny", "LEADER"),
                                        ("Brandt", "LEADER"), ("Wolny", "LEADER")]


@pytest.mark.parametrize(("text", "expected"), [
    # a regional office names its region, not a person
    ("Wakil Gubernur Papua Pegunungan hadir dalam rapat itu.", []),
    ("Wakil Bupati Sleman membuka pameran.", []),
    ("Bupati Kepulauan Seribu meresmikan dermaga.", []),
    # and the name, when there is one, comes after the region
    ("Bupati Sleman Harda Wiryono membuka pameran.", [("Harda Wiryono", "OFFICIAL")]),
    ("Bupati Kepulauan Seribu Budi Hartono meresmikan dermaga.", [("Budi Hartono", "OFFICIAL")]),
    ("Gubernur Jawa Tengah Ahmad Lutfianto menyambut tamu.", [("Ahmad Lutfianto", "OFFICIAL")]),
    ("Rapat itu dihadiri Gubernur Pramono Wicaksono.", [("Pramono Wicaksono", "OFFICIAL")]),
    # the twenty-second round: a regency or city of several words is the region whole
    ("Bupati Kutai Kartanegara meresmikan jembatan.", []),
    ("Wakil Bupati Penajam Paser Utara hadir.", []),
    ("Bupati Bone Bolango Rina Saputri hadir.", [("Rina Saputri", "OFFICIAL")]),
    ("Bupati Sleman Kustiani hadir.", [("Kustiani", "OFFICIAL")]),
    ("Wali Kota Tangerang Selatan Budi Hartono meminta warga tenang.", [("Budi Hartono", "OFFICIAL")]),
])
def test_a_regional_office_names_its_region_before_any_name(rules_only, text, expected):
    assert people(rules_only, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a two-word name before a comma keeps its role; the next capitalised word is not it
    ("Menurut juru bicara Kremlin Dmitri Vasnetsov, Moskow belum setuju.", [("Dmitri Vasnetsov", "OFFICIAL")]),
    # the principal of an envoy "untuk <office>" does not take the envoy's name
    ("Hadir pula Utusan Khusus Presiden AS untuk Urusan Timur Tengah Stefan Wirth di Kairo.",
     [("Stefan Wirth", "OFFICIAL")]),
    # an aide is an official; "pemimpin <country>" is a leader
    ("Delegasi diwakili oleh ajudan Kremlin Yuri Ostrov dan diplomat lain.", [("Yuri Ostrov", "OFFICIAL")]),
    ("Pemimpin Rusia Anton Belov memulai pembicaraan di Kremlin.", [("Anton Belov", "LEADER")]),
    # ...but not the editor-in-chief
    ("Pemimpin redaksi Bagas Santoso menulis tajuk itu.", []),
])
def test_envoys_aides_spokespeople_and_country_leaders(rules_only, text, expected):
    assert people(rules_only, text) == expected


def test_a_list_of_office_holders_one_per_line_is_not_a_headline(rules_only):
    text = ("Lima menteri diganti, yakni:\nMenteri Keuangan Sari Mulyadi\nMenteri Koperasi Budi Ardi Setiawan\n"
            "Menteri Pemuda dan Olahraga Dito Arianto\nPergantian itu diumumkan Senin.")
    assert people(rules_only, text) == [("Sari Mulyadi", "OFFICIAL"), ("Budi Ardi Setiawan", "OFFICIAL"),
                                        ("Dito Arianto", "OFFICIAL")]


def test_a_headline_that_opens_with_a_role_is_still_a_headline(rules_only):
    text = "Presiden Brasil Lantik Kabinet Baru Di Istana Planalto\nUpacara berlangsung singkat."
    assert people(rules_only, text) == []


def test_a_bracketed_nickname_made_from_the_name_is_the_same_person(rules_only):
    text = "Mantan Presiden Joko Wirawan (Jokowir) hadir. Warga menyambut Jokowir di Solo."
    assert people(rules_only, text) == [("Joko Wirawan", "LEADER"), ("Jokowir", "LEADER"), ("Jokowir", "LEADER")]


@pytest.mark.parametrize(("text", "expected"), [
    # a noun derived from a common stem ("pernyataan" of "nyata") opens the sentence: the
    # known person after it is still a mention, and the noun is no given name
    ("Menteri Luar Negeri Ratna Kusumo tiba di Kairo. Pernyataan Kusumo disambut baik.",
     [("Ratna Kusumo", "OFFICIAL"), ("Kusumo", "OFFICIAL")]),
    ("Presiden Benedek Halasz menolak syarat itu.\nKunjungan Halasz ke Kyiv ditunda.",
     [("Benedek Halasz", "LEADER"), ("Halasz", "LEADER")]),
    ("Menhan Yoga Pranata menolak tuduhan itu. Tanggapan Pranata dimuat di laman resmi.",
     [("Yoga Pranata", "OFFICIAL"), ("Pranata", "OFFICIAL")]),
    # given names ending in "-an" on a short word ("Firman", "Dahlan") stay names: a different
    # person of the same family name is not the known one
    ("Menteri Luar Negeri Ratna Kusumo tiba di Kairo. Firman Kusumo, adiknya, ikut hadir.",
     [("Ratna Kusumo", "OFFICIAL")]),
])
def test_a_derived_noun_before_a_known_person_opens_the_sentence(rules_only, text, expected):
    assert people(rules_only, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the head of a party to a conflict is a LEADER (SCHEMA: head of Hamas or Hezbollah),
    # by any head word, the head of its political bureau too; the deputy is an OFFICIAL
    ("Serangan itu menewaskan kepala Hizbullah Rafiq Haddad pada malam hari.", [("Rafiq Haddad", "LEADER")]),
    ("Ketua Hamas Omar Barakat menolak syarat itu.", [("Omar Barakat", "LEADER")]),
    ("Kepala biro politik Hamas Jamal Khatib tiba di Doha.", [("Jamal Khatib", "LEADER")]),
    ("Wakil kepala biro politik Hamas Samir Odeh tiba di Doha.", [("Samir Odeh", "OFFICIAL")]),
    ("Ketua delegasi Hamas Samir Odeh tiba di Kairo.", [("Samir Odeh", "OFFICIAL")]),
    # the group's head in one region is an OFFICIAL, named after the region and a comma
    ("Pemimpin Hamas di Gaza, Nabil Al-Masri, mengatakan pertukaran dimulai Sabtu.",
     [("Nabil Al-Masri", "OFFICIAL")]),
])
def test_heads_of_armed_groups(rules_only, text, expected):
    assert people(rules_only, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Juru bicara Hamas Nabil Al-Masri hadir. “Kami siap,” ujar Al-Masri.",
     [("Nabil Al-Masri", "OFFICIAL"), ("Al-Masri", "OFFICIAL")]),
    ("Menteri Luar Negeri Yordania Harith bin Salim tiba. Menurut bin Salim, dialog berlanjut.",
     [("Harith bin Salim", "OFFICIAL"), ("bin Salim", "OFFICIAL")]),
])
def test_a_family_name_with_its_particle_is_a_later_mention(rules_only, text, expected):
    assert people(rules_only, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # every country is a place, so a role's country never starts the name
    ("Menteri Luar Negeri Oman Badr Hamdani menjadi penengah.", [("Badr Hamdani", "OFFICIAL")]),
    ("Perdana Menteri Australia Liam Carver mengecam serangan itu.", [("Liam Carver", "LEADER")]),
    ("Presiden Filipina Ramon Dizon tiba di Jakarta.", [("Ramon Dizon", "LEADER")]),
])
def test_a_role_of_any_country_keeps_the_country_out_of_the_name(rules_only, text, expected):
    assert people(rules_only, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the source spells a part of the name in lower case: the name keeps it, and the
    # person is found wherever the article names them
    ("Menteri Luar Negeri Iran Abbas araghchi tiba di Oman. Ia bertemu Araghchi di sana.",
     [("Abbas araghchi", "OFFICIAL"), ("Araghchi", "OFFICIAL")]),
    ("Menteri Luar Negeri Iran Abbas Araghchi tiba. Kata araghchi, pembicaraan berlanjut. "
     "Presiden menyambut Araghchi.",
     [("Abbas Araghchi", "OFFICIAL"), ("araghchi", "OFFICIAL"), ("Araghchi", "OFFICIAL")]),
    # slang unknown to word lists, capitalised only where every word is (a sentence's
    # start, a Title Case line) or only in a URL's slug, is no name
    ("Presiden Vladimir Putin tiba.\nJanji Putin Setop Perang\nJanji setop perang itu diulang.",
     [("Vladimir Putin", "LEADER"), ("Putin", "LEADER")]),
    ("Presiden Vladimir Putin tiba. Setop perang, kata Putin. Baca: https://contoh.id/putin-setop-perang",
     [("Vladimir Putin", "LEADER"), ("Putin", "LEADER")]),
])
def test_a_name_the_source_writes_in_lower_case_is_still_the_person(rules_only, text, expected):
    assert people(rules_only, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Presiden Bank Dunia Arjun Mehta memperingatkan dampak perang.", [("Arjun Mehta", "OFFICIAL")]),
    ("Presiden Komite Palang Merah Internasional Clara Weiss mengunjungi Gaza.", [("Clara Weiss", "OFFICIAL")]),
    ("Presiden Majelis Umum PBB Tomas Varga membuka sidang darurat.", [("Tomas Varga", "OFFICIAL")]),
    # a state's president stays a LEADER, whatever words name the state
    ("Presiden Federasi Rusia Viktor Orlov menolak usulan itu.", [("Viktor Orlov", "LEADER")]),
    ("Presiden Republik Indonesia Hendra Gunawan tiba.", [("Hendra Gunawan", "LEADER")]),
])
def test_the_president_of_a_body_is_an_official(rules_only, text, expected):
    assert people(rules_only, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a copula between the name and its role, also with the name in brackets
    ("Trump memuji Kowalczyk. Dia (Kowalczyk) adalah negosiator yang ulung.",
     [("Kowalczyk", "OFFICIAL"), ("Kowalczyk", "OFFICIAL")]),
    ("Andriy Kovalenko merupakan penasihat presiden Ukraina.", [("Andriy Kovalenko", "OFFICIAL")]),
    ("Andriy Kovalenko yang menjabat sebagai Menteri Pertahanan hadir.", [("Andriy Kovalenko", "OFFICIAL")]),
    ("Prabowo adalah presiden kedelapan Indonesia.", [("Prabowo", "LEADER")]),
    # no role, no name; a role with its own name keeps it
    ("Andriy Kovalenko adalah pengamat politik dari Universitas Kyiv.", []),
    ("Ini adalah presiden terbaik dalam sejarah.", []),
    ("Yang hadir adalah Presiden Rusia Vladimir Putin.", [("Vladimir Putin", "LEADER")]),
])
def test_a_copula_gives_the_name_before_it_its_role(rules_only, text, expected):
    assert people(rules_only, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # an aide's role that already has its holder before it names the one they serve next:
    # the principal is a LEADER, never a second holder of the aide's office
    ("Tomas Lind, utusan khusus Halvorsen, tiba di Oslo.", [("Tomas Lind", "OFFICIAL"), ("Halvorsen", "LEADER")]),
    ("Tomas Lind selaku juru bicara Halvorsen menolak berkomentar.",
     [("Tomas Lind", "OFFICIAL"), ("Halvorsen", "LEADER")]),
    # the twenty-second round: a rank of the aide between the role and the one served
    ("Tomas Lind, penasihat senior Halvorsen, terluka dalam serangan.",
     [("Tomas Lind", "OFFICIAL"), ("Halvorsen", "LEADER")]),
    # without a holder before it the name after the role is its holder, as before
    ("Utusan khusus Tomas Lind tiba di Oslo.", [("Tomas Lind", "OFFICIAL")]),
    ("Penasihat senior Tomas Lind tiba di Oslo.", [("Tomas Lind", "OFFICIAL")]),
    ("Di sisi lain, utusan khusus Halvorsen, tiba di Oslo.", [("Halvorsen", "OFFICIAL")]),
    # a role that serves no one keeps its own name after it
    ("Tomas Lind, Menteri Pertahanan Norwegia Erik Dahl, dan lainnya hadir.", [("Erik Dahl", "OFFICIAL")]),
    # after a bare comma, an adviser with the office's domain and an open clause is the
    # holder named after the role, and the name before the comma is no adviser
    ("Usai bertemu Halvorsen, penasihat keamanan nasional Tomas Lind mengatakan hal itu.",
     [("Tomas Lind", "OFFICIAL")]),
])
def test_the_name_after_an_aides_appositive_role_is_the_principal(rules_only, text, expected):
    assert people(rules_only, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the group's home country is not a region of it: the head of the whole group
    ("Pemimpin Hizbullah di Lebanon Karim Haddad mengecam serangan itu.", [("Karim Haddad", "LEADER")]),
    ("Pemimpin Houthi di Yaman, Salim Nasser, mengancam kapal dagang.", [("Salim Nasser", "LEADER")]),
    # any other place is one region of the group: an OFFICIAL
    ("Pemimpin Hizbullah di Suriah, Karim Haddad, tewas.", [("Karim Haddad", "OFFICIAL")]),
])
def test_a_groups_head_in_its_home_country_heads_the_group(rules_only, text, expected):
    assert people(rules_only, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # "menjabat" links a name to its role with or without "sebagai", after "yang juga"
    ("Tomas Lind, yang juga menjabat penasihat keamanan nasional, hadir.", [("Tomas Lind", "OFFICIAL")]),
    ("Tomas Lind yang juga menjabat sebagai Menteri Pertahanan hadir.", [("Tomas Lind", "OFFICIAL")]),
    ("Tomas Lind kini menjabat Menteri Pertahanan.", [("Tomas Lind", "OFFICIAL")]),
])
def test_menjabat_links_a_name_to_its_role(rules_only, text, expected):
    assert people(rules_only, text) == expected


def test_a_home_for_a_group_the_roles_lack_is_refused(labeler):
    from sorot.inference.text.resources import DataFileError
    from sorot.training.weak.role_lists import RoleLists
    with pytest.raises(DataFileError, match="group_homes for groups that leader_of_groups lacks: \\['hamass'\\]"):
        RoleLists.from_data({"leader_of_groups": ["hamas"], "group_homes": {"hamass": ["Gaza"]}}, ["Gaza"])


@pytest.mark.parametrize(("text", "expected"), [
    # a dotted initial is part of the name, first or in the middle, before or after a role
    ("Wakil Presiden AS J.D. Vance tiba. Vance menambahkan.", [("J.D. Vance", "OFFICIAL"), ("Vance", "OFFICIAL")]),
    ("Kepala BIN M. Herindra hadir.", [("M. Herindra", "OFFICIAL")]),
    ("Mantan Presiden AS George W. Bush hadir.", [("George W. Bush", "LEADER")]),
    ("George W. Bush, mantan presiden AS, hadir.", [("George W. Bush", "LEADER")]),
    # a capital and a full stop that end a sentence are no initial; nor is an undotted acronym
    ("Presiden Prabowo tiba di Gedung A. Menteri Sugiono menyambutnya.",
     [("Prabowo", "LEADER"), ("Sugiono", "OFFICIAL")]),
    ("Gubernur BI Perry Warjiyo hadir.", [("Perry Warjiyo", "OFFICIAL")]),
])
def test_a_dotted_initial_is_part_of_the_name(rules_only, text, expected):
    assert people(rules_only, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a place right after a comma or after the same place, before a name word, is a given
    # name; alone later it is the place again, never a mention of the person
    ("Menteri Pertahanan Israel, Israel Navon, tiba. Navon menambahkan. Israel menyerang lagi.",
     [("Israel Navon", "OFFICIAL"), ("Navon", "OFFICIAL")]),
    ("Menteri Pertahanan Israel Israel Navon tiba.", [("Israel Navon", "OFFICIAL")]),
    ("Menteri Luar Negeri AS, Rusia dan Tiongkok hadir.", []),
    # an honorific before the name stays outside it, as a role does
    ("Pemimpin Tertinggi Iran Ayatollah Sayyed Hamid Rezaei berpidato.", [("Hamid Rezaei", "LEADER")]),
])
def test_a_place_as_given_name_and_honorifics_before_names(rules_only, text, expected):
    assert people(rules_only, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # lists of office holders: Title Case lines, numbered or bulleted, that are no headlines
    ("1. Menteri Keuangan: Dimas Prakoso\n2. Menteri Koperasi: Sinta Handayani",
     [("Dimas Prakoso", "OFFICIAL"), ("Sinta Handayani", "OFFICIAL")]),
    ("1. Menteri Koordinator Bidang Perekonomian Dimas Prakoso\n"
     "2. Menteri Koordinator Bidang Pangan Sinta Handayani",
     [("Dimas Prakoso", "OFFICIAL"), ("Sinta Handayani", "OFFICIAL")]),
    ("Dimas Prakoso sebagai Menteri Koordinator Bidang Perekonomian\n"
     "Sinta Handayani sebagai Menteri Koordinator Bidang Pangan",
     [("Dimas Prakoso", "OFFICIAL"), ("Sinta Handayani", "OFFICIAL")]),
    ("- Dimas Prakoso Wibowo, Menteri Koordinator Bidang Perekonomian\n"
     "- Sinta Handayani Wibowo, Menteri Koordinator Bidang Pangan",
     [("Dimas Prakoso Wibowo", "OFFICIAL"), ("Sinta Handayani Wibowo", "OFFICIAL")]),
    # one sentence listing appointments: a role linked by "sebagai" ends at the comma
    ("Presiden melantik Dimas Prakoso sebagai Wakil Menteri Ketenagakerjaan, Sinta Handayani "
     "sebagai Wakil Menteri Koperasi.", [("Dimas Prakoso", "OFFICIAL"), ("Sinta Handayani", "OFFICIAL")]),
    # a colon after a role names nobody unless a name alone ends the line
    ("Presiden: Kita Harus Bersatu", []),
    ("Juru bicara Kremlin: Rusia siap berunding.", []),
])
def test_lists_of_office_holders(rules_only, text, expected):
    assert people(rules_only, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a permanent representative at the UN is an envoy's office
    ("Perwakilan Tetap Norwegia untuk PBB Erik Dahl mengatakan hal itu.", [("Erik Dahl", "OFFICIAL")]),
    # the secretary-general heads Hezbollah: a LEADER, as the contract's "head of Hezbollah"
    ("Sekjen Hizbullah Karim Haddad berpidato.", [("Karim Haddad", "LEADER")]),
    ("Sekretaris Jenderal Hizbullah Karim Haddad berpidato.", [("Karim Haddad", "LEADER")]),
    ("Sekjen PBB Erik Dahl berpidato.", [("Erik Dahl", "OFFICIAL")]),
    # a force's name is no part of its commander's
    ("Komandan Pasukan Quds Karim Qaderi tewas.", [("Karim Qaderi", "OFFICIAL")]),
    # a president inside an office's name whose acronym closes it names no president
    ("Kepala Kantor Staf Presiden (KSP) Dimas Prakoso hadir.", [("Dimas Prakoso", "OFFICIAL")]),
    ("Juru bicara kantor Presiden Halvorsen menolak berkomentar.", [("Halvorsen", "LEADER")]),
])
def test_envoys_group_heads_forces_and_offices_named_after_a_president(rules_only, text, expected):
    assert people(rules_only, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # an English organisation's name with connectors is the organisation's, not a name:
    # the head after a comma, or the run's last two name words
    ("Presiden Council on Foreign Relations, Marta Lindqvist, mengatakan hal itu.",
     [("Marta Lindqvist", "OFFICIAL")]),
    ("Direktur Eksekutif Institute for the Study of War Marta Lindqvist mengatakan hal itu.",
     [("Marta Lindqvist", "OFFICIAL")]),
    ("Pendiri Quincy Institute for Responsible Statecraft Tomas Lind menilai langkah itu keliru.",
     [("Tomas Lind", "OFFICIAL")]),
    # no name after it: nobody, though its words look like names
    ("Direktur Institute for the Study of War mengatakan hal itu.", []),
])
def test_the_head_of_an_english_organisation_with_connectors(rules_only, text, expected):
    assert people(rules_only, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a person's name inside a facility's name mentions nobody, known or not
    ("Pesawat itu mendarat di Bandara Internasional Soekarno-Hatta, Tangerang.", []),
    ("Rombongan tiba di bandara Imam Khomeini di Teheran.", []),
    ("Kapal induk USS Harry S. Truman berlayar ke Laut Merah.", []),
    ("Presiden Prabowo Subianto berpidato di Stadion Gelora Bung Karno.", [("Prabowo Subianto", "LEADER")]),
    # a rank inside a street's name is no rank
    ("Kantor itu berada di Jalan Jenderal Sudirman, Jakarta.", []),
    ("Kantornya di Jl. Jenderal Gatot Subroto, Jakarta Selatan.", []),
    # after a role, the holder follows the facility: after a comma, or as the run's last two words
    ("Direktur Rumah Sakit Al-Shifa, Yusuf Barakeh, mengatakan obat habis.", [("Yusuf Barakeh", "OFFICIAL")]),
    ("Direktur Rumah Sakit Kamal Adwan Hamdi Abu Rayyan ditahan.", [("Hamdi Abu Rayyan", "OFFICIAL")]),
    ("Direktur Utama Bandara Soekarno-Hatta Agus Haryadi menjelaskan.", [("Agus Haryadi", "OFFICIAL")]),
    # too short a run to tell the facility from the holder: nobody, not half of both
    ("Kepala RSUD Cibinong dr Ahmad Fauzi menjelaskan.", []),
    # "jalan" in lower case is a common word, and the name after it is a name
    ("Sanksi itu membuka jalan Menteri Luar Negeri Irwan Hakim ke Moskow.", [("Irwan Hakim", "OFFICIAL")]),
])
def test_a_name_inside_a_facilitys_name_mentions_nobody(labeler, rules_only, text, expected):
    assert people(rules_only, text) == expected
    assert people(labeler, text) == expected  # the gazetteer's Soekarno, Khomeini, Bung Karno too


def test_a_facility_never_reaches_past_its_sentence(rules_only):
    text = "Menteri Sosial Raka Pratama meninjau rumah sakit. Raka mengatakan stok obat cukup."
    assert people(rules_only, text) == [("Raka Pratama", "OFFICIAL"), ("Raka", "OFFICIAL")]


@pytest.mark.parametrize(("text", "expected"), [
    # a plural role, then a list marker: each bare name of the list holds the office
    ("Prabowo melantik tiga wakil menteri, yakni Dimas Prakoso, Sinta Handayani, dan Rudi Hartono.",
     [("Dimas Prakoso", "OFFICIAL"), ("Sinta Handayani", "OFFICIAL"), ("Rudi Hartono", "OFFICIAL")]),
    ("Dua pejabat Kremlin hadir, yaitu Yuri Orlov dan Pavel Semin.",
     [("Yuri Orlov", "OFFICIAL"), ("Pavel Semin", "OFFICIAL")]),
    ("Para menteri luar negeri, antara lain Tomas Lind dan Greta Holm, berkumpul di Brussel.",
     [("Tomas Lind", "OFFICIAL"), ("Greta Holm", "OFFICIAL")]),
    # a group's leaders are its officials, not its head; heads of state stay leaders
    ("Dua pemimpin senior Hamas ikut dalam perundingan di Kairo, yakni Tariq al-Nami dan Samir Qudsi.",
     [("Tariq al-Nami", "OFFICIAL"), ("Samir Qudsi", "OFFICIAL")]),
    ("Para presiden, yakni Anders Holm dan Mirek Vasek, menandatangani deklarasi.",
     [("Anders Holm", "LEADER"), ("Mirek Vasek", "LEADER")]),
    ("Para pemimpin dunia, yakni Anders Holm dan Mirek Vasek, hadir.",
     [("Anders Holm", "LEADER"), ("Mirek Vasek", "LEADER")]),
    # a region's leaders too, unlike a group's (ninth round: each read a different class)
    ("Tiga pemimpin Eropa, Holm, Vasek dan Lindqvist, tiba di Kyiv.",
     [("Holm", "LEADER"), ("Vasek", "LEADER"), ("Lindqvist", "LEADER")]),
    ("Para pemimpin tertinggi Hamas terlibat, yakni Tariq al-Nami dan Samir Qudsi.",
     [("Tariq al-Nami", "OFFICIAL"), ("Samir Qudsi", "OFFICIAL")]),
    # members of a leadership or delegation, with no office of their own
    ("Dua petinggi Hamas hadir di Kairo, yakni Tariq al-Nami dan Samir Qudsi.",
     [("Tariq al-Nami", "OFFICIAL"), ("Samir Qudsi", "OFFICIAL")]),
    # an item with its own role keeps it; places and institutions are no items
    ("Tiga menteri hadir, yakni Menteri Luar Negeri Tomas Lind, Greta Holm, dan Kepala BIN Herman Wijaya.",
     [("Tomas Lind", "OFFICIAL"), ("Greta Holm", "OFFICIAL"), ("Herman Wijaya", "OFFICIAL")]),
    ("Dua menteri membahas dua isu, yakni Gaza dan Ukraina.", []),
    ("Dua pejabat itu, yakni Kementerian Luar Negeri dan Badan Intelijen, menolak.", []),
    # the twenty-second round: a copula after a plural role, and a role with no plural word
    # that a list of two names makes plural, only "yang dilantik" and the like between
    ("Tiga wakil menteri yang dilantik adalah Dimas Prakoso, Sinta Handayani, dan Rudi Hartono.",
     [("Dimas Prakoso", "OFFICIAL"), ("Sinta Handayani", "OFFICIAL"), ("Rudi Hartono", "OFFICIAL")]),
    ("Wakil menteri yang dilantik antara lain Dimas Prakoso dan Sinta Handayani.",
     [("Dimas Prakoso", "OFFICIAL"), ("Sinta Handayani", "OFFICIAL")]),
    ("Anggota Dewan Pertimbangan Presiden yang dilantik ialah Dimas Prakoso dan Sinta Handayani.",
     [("Dimas Prakoso", "OFFICIAL"), ("Sinta Handayani", "OFFICIAL")]),
    # other words between tell of others; a family's members hold no office
    ("Juru bicara Kemlu mengatakan korban antara lain Rina Kusuma dan Bayu Saputra.", []),
    ("Anggota keluarga yang tewas antara lain Rina Kusuma dan Bayu Saputra.", []),
    ("Wakil menteri yang dilantik adalah Dimas Prakoso.", []),
    # no plural role before the marker: no list of office holders
    ("Dua wartawan hadir, yakni Rina Kusuma dan Bayu Saputra.", []),
    ("Menteri itu menolak. Dua hal dibahas, yakni Rina Kusuma dan Bayu Saputra.", []),
])
def test_names_listed_after_a_plural_role(rules_only, text, expected):
    assert people(rules_only, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Koordinator sandera Israel Gil Harel menolak usulan itu.", [("Gil Harel", "OFFICIAL")]),
    ("Tim itu termasuk koordinator sandera, Gil Harel; serta pejabat intelijen.", [("Gil Harel", "OFFICIAL")]),
    ("Koordinator bantuan kemanusiaan PBB Ingrid Solberg tiba di Rafah.", [("Ingrid Solberg", "OFFICIAL")]),
])
def test_a_roles_lower_case_domain_stays_outside_the_name(rules_only, text, expected):
    assert people(rules_only, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # an aide's office named by the principal's office and country: the name is the aide's
    ("Juru bicara Presiden Rusia Dmitri Vasnetsov mengatakan hal itu.", [("Dmitri Vasnetsov", "OFFICIAL")]),
    ("Penasihat Presiden Rusia Yuri Orlov mengatakan hal itu.", [("Yuri Orlov", "OFFICIAL")]),
    # with a second name after a comma, the first is the principal and the second the aide
    ("Penasihat Presiden AS Walter Brennan, Tomas Lind, tiba di Doha.",
     [("Walter Brennan", "LEADER"), ("Tomas Lind", "OFFICIAL")]),
    ("Penasihat Presiden Walter Brennan, Tomas Lind, tiba di Doha.",
     [("Walter Brennan", "LEADER"), ("Tomas Lind", "OFFICIAL")]),
    # without a country the president is named ("juru bicara Presiden Zelensky")
    ("Juru bicara Presiden Halvorsen mengatakan hal itu.", [("Halvorsen", "LEADER")]),
    ("Presiden Rusia Anatoly Verin tiba di Minsk.", [("Anatoly Verin", "LEADER")]),
])
def test_an_aide_named_by_the_principals_office(rules_only, text, expected):
    assert people(rules_only, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a frequent word hyphenated to an article particle is still the name ("sisi", side)
    ("Presiden Mesir Karim Fathi el-Sisi tiba di sisi lain kota.", [("Karim Fathi el-Sisi", "LEADER")]),
    ("Presiden Mesir Karim Fathi Al-Sisi tiba. Al-Sisi menyambut tamunya.",
     [("Karim Fathi Al-Sisi", "LEADER"), ("Al-Sisi", "LEADER")]),
    # the same word with no particle is no name
    ("Menteri Luar Negeri Oman Badr Hamdani tiba di sisi lain kota.", [("Badr Hamdani", "OFFICIAL")]),
])
def test_a_frequent_word_after_an_article_particle_is_part_of_the_name(rules_only, text, expected):
    assert people(rules_only, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # an ordinal between the role and the name ("the 7th president")
    ("Presiden ke-7 RI Hendra Gunawan menghadiri acara itu.", [("Hendra Gunawan", "LEADER")]),
    ("Sekretaris Jenderal ke-10 PBB Olaf Lindqvist berpidato.", [("Olaf Lindqvist", "OFFICIAL")]),
    # one unknown word, then a rank, then a name: the word was the unit's name
    ("Kepala Bakamla Laksdya Irwan Saputra meninjau perairan.", [("Irwan Saputra", "OFFICIAL")]),
    ("Komandan Kopassus Mayjen Dimas Arya memimpin upacara.", [("Dimas Arya", "OFFICIAL")]),
])
def test_ordinals_and_units_between_a_role_and_its_name(rules_only, text, expected):
    assert people(rules_only, text) == expected


def test_a_misspelled_key_of_the_roles_file_is_refused_by_name(tmp_path):
    # read loosely, "rank:" would be an empty "ranks:" and the rank rules would quietly stop
    from sorot.inference.text.resources import DataFileError
    from sorot.training.weak.context import RoleRules
    roles = tmp_path / "roles.yaml"
    roles.write_text("LEADER: [presiden]\nrank: [jenderal]\n", encoding="utf-8")
    with pytest.raises(DataFileError,
                       match=r"roles: unknown keys \['rank'\] \(known: LEADER, OFFICIAL, birth_order_names"):
        RoleRules.load(roles)
    roles.write_text("LEADER: [presiden]\nranks: jenderal\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="roles: ranks should be a list or a mapping, not str"):
        RoleRules.load(roles)


def test_a_misspelled_key_of_the_places_file_is_refused_by_name(tmp_path):
    # read loosely, "region:" would leave every region a state, its head a leader
    from sorot.inference.text.resources import DataFileError
    from sorot.training.weak.context import RoleRules
    places = tmp_path / "places.yaml"
    places.write_text("places: [Rusia]\nregion: [Chechnya]\n", encoding="utf-8")
    known = r"\(known: places, regions, local_regions\)"
    with pytest.raises(DataFileError, match=r"places: unknown keys \['region'\] " + known):
        RoleRules.load(places=places)


def test_a_roles_file_with_the_lists_a_rule_needs_finds_its_names(tmp_path):
    from sorot.inference.text.phrases import Document
    from sorot.training.weak.context import RoleRules
    roles = tmp_path / "roles.yaml"
    roles.write_text("LEADER: [presiden]\nOFFICIAL: [menteri, jenderal]\nranks: [jenderal]\n", encoding="utf-8")
    rules = RoleRules.load(roles)
    doc = Document.from_text("Presiden Arlan Wibisono bertemu Menteri Jenderal Tomas Lind di Jakarta.")
    assert [(doc.span_text(h.start, h.end), h.payload) for h in rules.find(doc)] == [
        ("Arlan Wibisono", "LEADER"), ("Tomas Lind", "OFFICIAL")]
