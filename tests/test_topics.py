"""The topic lexicon beyond exact cues: typing slips, and the real words they must not eat.

Every sentence here is written for this project.
"""

from __future__ import annotations

import pytest

from sorot.inference.text.phrases import Document
from sorot.inference.text.resources import data_path, load_yaml
from sorot.inference.text.slips import one_slip
from sorot.inference.text.topics import TopicLexicon


@pytest.fixture(scope="module")
def lexicon() -> TopicLexicon:
    return TopicLexicon.load()


def topics_in(lex: TopicLexicon, text: str) -> list[tuple[str, str]]:
    doc = Document.from_text(text)
    return [(doc.span_text(h.start, h.end), h.payload) for h in lex.find(doc)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Pesawat itu menjatuhkan bom di fasiliats nuklir dekat kota.", [("fasiliats nuklir", "nuclear_programme")]),
    ("Kedua pihak memulai negoisasi di Doha.", [("negoisasi", "peace_talks")]),
    ("Mereka menyusun rencana perdamain baru.", [("rencana perdamain", "peace_talks")]),
    ("Seruan Genactan Senjata itu ditolak.", [("Genactan Senjata", "ceasefire")]),  # two letters swapped
    # a dropped letter leaves seven: "seranga" is "serangan"
    ("Seranga udara menghantam gudang senjata.", [("Seranga udara", "military_operation")]),
    # a word one slip from two cue words takes the one its neighbour pairs with:
    # "senjatan" is also one letter from "genjatan", a listed spelling of "gencatan"
    ("Gencatan senjatan di perbatasan kembali dilanggar.", [("Gencatan senjatan", "ceasefire")]),
    # a short first word's common slip is listed as a spelling of its own (eighteenth round)
    ("Iran mempercepat progam nuklir di Fordow.", [("progam nuklir", "nuclear_programme")]),
])
def test_one_typing_slip_in_a_long_cue_word_still_matches(lexicon, text, expected):
    assert topics_in(lexicon, text) == expected


@pytest.mark.parametrize("text", [
    "DPR membahas rancangan perundangan baru.",      # a real word one slip from "perundingan"
    "Pemerintah memberi fasilitasi kepada eksportir.",  # one slip from "fasilitas"
    "Polisi memeriksa saksinya kemarin.",             # one slip from "sanksinya"
    "Sejarah revolusi Prancis dibahas di kelas.",     # one slip from "resolusi"
    "Mereka menunggu sanski baru.",                   # "sanksi" is too short to forgive a slip
    "Kedua pihak memulai negoissasi di Doha.",        # two slips
    "Terdengar erangan korban dari balik reruntuhan.",  # a real word one letter short of "serangan"
])
def test_real_words_short_words_and_two_slips_are_not_cues(lexicon, text):
    assert topics_in(lexicon, text) == []


@pytest.mark.parametrize(("text", "expected"), [
    # a shorter word slips only next to its partner in a cue, spelt right
    ("Gencatan sanjata di perbatasan kembali dilanggar.", [("Gencatan sanjata", "ceasefire")]),
    ("Jet tempur menyerang fasilitas nukilr di pegunungan.", [("fasilitas nukilr", "nuclear_programme")]),
    ("Serangan udaar menghantam gudang senjata.", [("Serangan udaar", "military_operation")]),
    ("Kongres menahan bantuan milter untuk sekutunya.", [("bantuan milter", "military_aid")]),
    # alone, or beside a partner that slipped too, it is no cue (one slip per cue)
    ("Gudang sanjata itu kosong.", []),
    ("Genactan sanjata itu ditolak.", []),
    # a real word one slip from the partner stays itself: "tahunan" (yearly), not "tahanan"
    ("Pertukaran tahunan mahasiswa kembali digelar.", []),
    # "sandra", a given name too, is listed as a slip only beside its partner
    ("Pembebasan sandra dijadwalkan pekan depan.", [("Pembebasan sandra", "hostages_prisoners")]),
    ("Penyanyi Sandra Wulan tampil di konser amal.", []),
])
def test_a_short_cue_word_slips_only_beside_its_partner(lexicon, text, expected):
    assert topics_in(lexicon, text) == expected


def test_the_eight_letters_count_without_nya(lexicon):
    # "tawaran" (an offer) has seven letters: "tawarannya" is no slip of "tawanannya"
    assert lexicon.misspellings.correct("tawarannya") is None
    assert topics_in(lexicon, "Putin menolak tawarannya untuk bertemu.") == []
    # a slip in a long word keeps its "-nya"; a listed real word covers its "-nya" form
    assert lexicon.misspellings.correct("negoisasinya") == "negosiasinya"
    assert lexicon.misspellings.correct("perundangannya") is None


def test_a_slip_is_forgiven_when_a_span_gets_its_topic_id(lexicon):
    assert lexicon.topic_of("fasiliats nuklir") == "nuclear_programme"


def test_one_slip_is_damerau_distance_one():
    assert one_slip("perdamain", "perdamaian") and one_slip("perdamaian", "perdamain")
    assert one_slip("negosiasu", "negosiasi") and one_slip("negoisasi", "negosiasi")
    assert not one_slip("negosiasi", "negosiasi") and not one_slip("nesogiasi", "negosiasi")


def test_every_real_word_one_slip_from_a_cue_is_listed_as_not_a_misspelling():
    """The shipped ``not_misspellings:`` list is what wordfreq's Indonesian words say it must
    be: a cue added to the lexicon that brings a real word one slip away fails here."""
    wordfreq = pytest.importorskip("wordfreq")
    listed = set(load_yaml(data_path("topics.yaml"))["not_misspellings"])
    unguarded = TopicLexicon(load_yaml(data_path("topics.yaml"))["topics"])
    real = {w for w in wordfreq.iter_wordlist("id") if unguarded.misspellings.correct(w)}
    assert real - listed == set()
    # and their "-nya" forms, which wordfreq rarely lists: a listed base covers its form
    frequent = (w for w in wordfreq.iter_wordlist("id") if wordfreq.zipf_frequency(w, "id") >= 3.0)
    real_nya = {w for w in frequent if unguarded.misspellings.correct(w + "nya")}
    assert real_nya - listed == set()


def weak_topics(labeler, text: str) -> list[str]:
    return [e["text"] for e in labeler.label(text)["entities"] if e["label"] == "TOPIC"]


@pytest.mark.parametrize(("text", "expected"), [
    # talks about tariffs, in a paragraph with no conflict: not peace talks
    ("Jakarta masih menempuh negosiasi guna mengkaji kembali tarif impor baja.", []),
    ("Pemerintah menyiapkan reaktor nuklir untuk pembangkit listrik di Kalimantan.", []),
    # the same words beside a conflict's cue stay topics, even with a trade word near
    ("Hamas dan Israel memulai negosiasi baru di Kairo, sementara tarif impor naik.", ["negosiasi"]),
    ("Drone menghantam dekat reaktor nuklir Zaporizhzhia dan memutus listrik.", ["reaktor nuklir"]),
    # a weak cue or a person is no conflict: the sentence must be about one (a strong cue)
    ("Putin menerima pengusaha Jerman di Kremlin untuk membahas investasi. Keduanya memulai negosiasi pagi ini.",
     []),
    ("Trump bertemu investor di Seoul. Pengalaman bisnis para investor itu berguna saat negosiasi.", []),
    ("Rusia dan Ukraina memulai negosiasi di Istanbul soal ekspor gandum.", ["negosiasi"]),
    # and a paragraph on no other subject keeps them ("the talks" of a conflict article)
    ("Delegasi Rusia dan Ukraina tiba di Istanbul.\n\nKedua delegasi memulai negosiasi pagi ini.", ["negosiasi"]),
    # a specific cue needs no context
    ("Harga saham naik setelah gencatan senjata diumumkan.", ["gencatan senjata"]),
])
def test_generic_talk_and_reactor_words_need_a_paragraph_that_may_be_about_a_conflict(
        labeler, text, expected):
    assert weak_topics(labeler, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the eighteenth round: a paragraph that names neither a conflict nor another subject
    # goes on with the talks named before it, trade or wage talks too
    ("Israel kembali menyerang Gaza dan menewaskan puluhan warga Palestina.\n"
     "Pemerintah tengah menyelesaikan perundingan kerja sama ekonomi dengan Uni Emirat Arab.\n"
     "Perundingan itu diharapkan rampung akhir tahun.", []),
    ("Rusia menggempur Kharkiv dengan rudal balistik.\n"
     "Sementara itu, negosiasi kenaikan upah buruh di Jakarta menemui jalan buntu.\n"
     "Serikat pekerja mengancam mogok jika negosiasi gagal.", []),
    # a phone call's talks, named again, are the call's
    ("Putin dan Trump berbicara selama dua jam soal Ukraina.\nPembicaraan telepon itu berlangsung hangat.\n"
     "Pembicaraan itu berlangsung satu jam.", []),
    # and the talks of a conflict, named again, stay a topic
    ("Delegasi Rusia dan Ukraina memulai perundingan di Istanbul.\nPerundingan itu berlangsung empat jam.",
     ["perundingan", "Perundingan"]),
])
def test_talks_named_again_are_the_talks_named_before(labeler, text, expected):
    assert weak_topics(labeler, text) == expected


def test_the_context_is_the_paragraph_not_the_article(labeler):
    text = ("Israel dan Hamas menyepakati gencatan senjata di Gaza.\n\n"
            "Di Jakarta, menteri memimpin negosiasi dengan Washington soal bea masuk sawit.")
    assert weak_topics(labeler, text) == ["gencatan senjata"]


@pytest.mark.parametrize(("text", "expected"), [
    # a treaty's, a body's or a prize's name is not the issue it is named after
    ("Teheran mengancam keluar dari Perjanjian Non-Proliferasi Senjata Nuklir pekan ini.", []),
    ("Para menteri membentuk Badan Gencatan Senjata bersama di Kairo.", []),
    # the issue itself, written in lower case or in a name of another kind, still is
    ("Teheran menolak membahas senjata nuklir dengan Badan Energi Atom Internasional.",
     [("senjata nuklir", "nuclear_programme")]),
    # a Title Case headline capitalises every word: its cues stay topics
    ("Iran Ancam Tinggalkan Perjanjian Senjata Nuklir Usai Serangan Israel\nTeheran menolak tuduhan itu.",
     [("Senjata Nuklir", "nuclear_programme")]),
])
def test_a_cue_inside_the_name_of_a_treaty_or_body_is_no_topic(labeler, text, expected):
    topics = [(e["text"], e["topic"]) for e in labeler.label(text)["entities"] if e["label"] == "TOPIC"]
    assert topics == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Indonesian synonyms of the occupation cues: annexation and colonial occupation
    ("Pencaplokan semenanjung itu tidak diakui dunia.", [("Pencaplokan", "occupation")]),
    ("Warga menolak penjajahan atas tanah mereka.", [("penjajahan", "occupation")]),
])
def test_indonesian_synonyms_of_the_occupation_cues(lexicon, text, expected):
    assert topics_in(lexicon, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a truce in a trade war is no conflict's ceasefire
    ("Washington dan Beijing memperpanjang gencatan senjata perang dagang selama setahun.", []),
    ("Mereka sepakat memperpanjang gencatan senjata dalam perang dagang.", []),
    ("Washington dan Beijing menyepakati gencatan senjata tarif selama 90 hari.", []),
    # a trade word after "dan" is a second item, not the truce's kind
    ("Kedua pemimpin menyinggung gencatan senjata dan perdagangan gandum di Ukraina.", ["gencatan senjata"]),
])
def test_a_trade_truce_is_no_ceasefire(labeler, text, expected):
    assert weak_topics(labeler, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # offensives and arms deliveries by other names
    ("Pasukan Ukraina melancarkan serangan balik di Zaporizhzhia.", ["serangan balik"]),
    ("Kontraofensif Ukraina di Kharkiv berhasil merebut dua desa.", ["Kontraofensif"]),
    ("Pengiriman rudal jarak jauh ke Ukraina dibahas di Washington.", ["Pengiriman rudal"]),
    ("Washington menyetujui paket bantuan keamanan baru untuk Kyiv.", ["bantuan keamanan"]),
    ("Serangan pesawat tanpa awak menghantam depot bahan bakar di Belgorod.", ["Serangan pesawat tanpa awak"]),
    # a football counter-attack is no offensive
    ("Tim tamu mencetak gol lewat serangan balik di menit akhir pertandingan.", []),
    # peace proposals and conferences, and air-defence aid, by their other names
    ("Ukraina menolak proposal damai yang diajukan Moskow.", ["proposal damai"]),
    ("Mesir menjadi tuan rumah konferensi perdamaian untuk Gaza.", ["konferensi perdamaian"]),
    ("Jerman menjanjikan bantuan pertahanan udara untuk Ukraina.", ["bantuan pertahanan"]),
    # the snapback written as two words
    ("Iran terancam mekanisme snap back dari tiga negara Eropa.", ["mekanisme snap back"]),
    # a rocket strike is a missile strike by another name
    ("Kelompok itu melancarkan serangan roket ke kota perbatasan.", ["serangan roket"]),
    # a tactical pause for aid convoys is a pause in the fighting; a coach's is not
    ("Militer mengumumkan jeda taktis harian agar konvoi bantuan bisa masuk ke Gaza.", ["jeda taktis"]),
    ("Pelatih meminta jeda taktis di babak kedua pertandingan.", []),
    ("Di babak kedua, tim tamu meminta jeda taktis.", []),
])
def test_offensives_and_arms_deliveries_by_other_names(labeler, text, expected):
    assert weak_topics(labeler, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the lexicon's cue inside a longer phrase is the span, as annotators tag it: the
    # release of prisoners of war, an enrichment facility
    ("Kyiv menuntut pembebasan tawanan perang Ukraina.", ["tawanan perang"]),
    ("Jet tempur AS menghantam fasilitas pengayaan uranium di Iran.", ["pengayaan uranium"]),
    # arms deliveries, written with "persenjataan"
    ("Jerman melanjutkan pengiriman persenjataan ke Ukraina.", ["pengiriman persenjataan"]),
])
def test_arms_by_other_names_and_cues_inside_longer_phrases(labeler, text, expected):
    assert weak_topics(labeler, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the atom bomb is the nuclear weapon by its older name
    ("Teheran membantah sedang membuat bom atom.", ["bom atom"]),
    ("Israel menuduh Iran mengejar senjata atom.", ["senjata atom"]),
    # an arms package is military aid
    ("Paket persenjataan senilai US$ 1 miliar tiba di Kyiv.", ["Paket persenjataan"]),
    ("Washington menyetujui paket senjata baru untuk Ukraina.", ["paket senjata"]),
    # a humanitarian emergency, like a humanitarian crisis
    ("Darurat kemanusiaan di Gaza memasuki bulan kedua puluh.", ["Darurat kemanusiaan"]),
])
def test_the_atom_bomb_arms_packages_and_a_humanitarian_emergency(labeler, text, expected):
    assert weak_topics(labeler, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # in an article about a war, Indonesia's own detainees, land occupations and a club's
    # sanctions are still no topic
    ("Israel terus menggempur Gaza.\n\nDi Jakarta, KPK menahan tiga tahanan baru dalam kasus korupsi.", []),
    ("Perang di Gaza berlanjut.\n\nRutan Salemba kelebihan tahanan narkoba.", []),
    ("Perang di Gaza berlanjut.\n\nPolisi menertibkan okupasi lahan oleh warga di Bekasi.", []),
    ("Perang di Gaza berlanjut.\n\nMahasiswa melakukan pendudukan gedung rektorat.", []),
    ("Rusia menyerang Kyiv.\n\nKlub itu menjatuhkan sanksi kepada pemainnya yang terlambat.", []),
    # Israel's police and prisons, and the occupation of Palestinian land, are the conflict's
    ("Polisi Israel menahan tahanan Palestina.", ["tahanan"]),
    ("Israel memperluas pendudukan tanah Palestina di Tepi Barat.", ["pendudukan"]),
])
def test_home_detainees_occupations_and_sanctions_in_a_war_article(labeler, text, expected):
    assert weak_topics(labeler, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # "sangsi", the commonest misspelling of "sanksi", is a sanction beside a word of
    # imposing one or of its kind or imposer ...
    ("AS menjatuhkan sangsi baru terhadap Rusia.", ["sangsi"]),
    ("Uni Eropa menyiapkan paket sangsi ke-20 karena perang di Ukraina.", ["sangsi"]),
    ("Sangsi ekonomi Barat tidak menghentikan perang Rusia.", ["Sangsi"]),
    # ... and doubt everywhere else
    ("Analis sangsi Rusia akan mematuhi gencatan senjata.", ["gencatan senjata"]),
    ("Saya sangsi perang akan berakhir tahun ini.", []),
    # talks on joining a bloc and dialogue between faiths are no peace talks, in a war's article too
    ("Di tengah perang, Ukraina dan Uni Eropa melanjutkan negosiasi keanggotaan.", []),
    ("Rusia menyerang Kyiv. Pembicaraan aksesi Ukraina ke Uni Eropa dinilai penting.", []),
    ("Israel menyerang Gaza. Dialog antaragama digelar di Jakarta pada hari yang sama.", []),
    ("Israel menyerang Gaza. Dialog lintas agama digelar di Jakarta.", []),
    # "misil" is a missile too
    ("Rusia melancarkan serangan misil ke Kyiv.", ["serangan misil"]),
])
def test_sangsi_missile_strikes_and_talks_that_are_no_peace_talks(labeler, text, expected):
    assert weak_topics(labeler, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # words that home news uses too are no topic in an article that names no conflict nor war
    ("Penyidik menahan dua tersangka korupsi; tahanan itu dibawa ke rutan.", []),
    ("Dinas menjatuhkan sanksi administratif kepada pabrik yang mencemari sungai.", []),
    ("Polisi membebaskan sandera dalam perampokan toko emas.", []),
    ("Eskalasi harga cabai membuat pedagang resah.", []),
    ("Warga kelaparan setelah banjir memutus jalan desa.", []),
    # ... and so do talks of every kind: a wage dialogue, coalition talks
    ("Pemerintah menggelar dialog dengan serikat buruh soal upah minimum.", []),
    ("Perundingan koalisi partai berlangsung alot di Senayan.", []),
    ("Kedua perusahaan memulai negosiasi ulang kontrak.", []),
    # a conflict's cue or a word of war anywhere in the article keeps them
    ("Uni Eropa menjatuhkan sanksi baru terhadap Rusia.", ["sanksi"]),
    ("Kelaparan melanda Sudan akibat perang saudara.", ["Kelaparan"]),
    ("Hamas membebaskan sandera pekan ini.", ["sandera"]),
    ("Perundingan untuk mengakhiri perang kembali digelar.", ["Perundingan"]),
])
def test_home_news_words_need_an_article_about_a_conflict_or_war(labeler, text, expected):
    assert weak_topics(labeler, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a sentence that turns to another subject and names no conflict: its talks are no topic
    ("Israel kembali menyerang Gaza.\n\nSementara itu, pemerintah dan DPR melanjutkan pembicaraan soal "
     "RUU Penyiaran.", []),
    ("Rusia menyerang Kyiv.\n\nDi dalam negeri, negosiasi upah minimum menemui jalan buntu.", []),
    # the same opener before a conflict's cue or a word of war keeps them
    ("Israel kembali menyerang Gaza.\n\nSementara itu, Hamas menolak perundingan baru.", ["perundingan"]),
    ("Rusia menyerang Kyiv.\n\nDi sisi lain, pembicaraan soal pertukaran tawanan perang berlanjut.",
     ["pembicaraan", "tawanan perang"]),
    # escalating prices and a match's tempo, sanctions on staff: not the conflict's
    ("Rusia menyerang Kyiv.\n\nBank sentral memperingatkan eskalasi inflasi pangan.", []),
    ("Rusia menyerang Kyiv.\n\nPelatih meminta pemain menjaga eskalasi tempo permainan.", []),
    ("Rusia menyerang Kyiv.\n\nSanksi disiplin bagi pegawai itu diputuskan pekan depan.", []),
    ("Rusia menyerang Kyiv. Eskalasi serangan Rusia meningkat dan sanksi baru disiapkan.",
     ["Eskalasi", "sanksi"]),
])
def test_another_subject_in_a_conflict_article_has_no_topic(labeler, text, expected):
    assert weak_topics(labeler, text) == expected


def test_a_misspelled_key_of_the_topic_lexicon_is_refused_by_name(tmp_path):
    # read loosely, "subject_shift:" would be an empty list and its rule quietly off
    from sorot.inference.text.resources import DataFileError
    path = tmp_path / "topics.yaml"
    path.write_text("topics:\n  ceasefire: [gencatan senjata]\nsubject_shift: [sementara itu]\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"unknown keys \['subject_shift'\] \(known: topics, exceptions, "):
        TopicLexicon.load(path)


def test_a_word_list_of_the_topic_lexicon_that_is_no_list_is_refused_by_name(tmp_path):
    # "war_words: perang" is a string: read as a list it would be six one-letter words
    from sorot.inference.text.resources import DataFileError
    path = tmp_path / "topics.yaml"
    path.write_text("topics:\n  ceasefire: [gencatan senjata]\nwar_words: perang\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"topics\.yaml: `war_words:` must be a list of words"):
        TopicLexicon.load(path)


@pytest.mark.parametrize(("text", "expected"), [
    # in an article about a war: sanctions on traders at home, Indonesia's own reactor and
    # talks about buying are no topic of it
    ("Israel terus menggempur Gaza.\n\nPemerintah menyiapkan sanksi bagi importir nakal.", []),
    ("Israel terus menggempur Gaza.\n\nReaktor nuklir pertama Indonesia direncanakan beroperasi pada 2032.", []),
    ("Israel terus menggempur Gaza.\n\nNegosiasi dengan Rusia soal pembelian minyak juga dibahas.", []),
    # road users' sanctions, trade agreements, wage and property talks; a paragraph that
    # turns "pada kesempatan lain" to home news
    ("Israel terus menggempur Gaza.\n\nPolisi menyiapkan sanksi bagi pengendara yang melanggar.", []),
    ("Israel terus menggempur Gaza.\n\nIndonesia melanjutkan perundingan IEU-CEPA dengan Uni Eropa.", []),
    ("Israel terus menggempur Gaza.\n\nDialog antara buruh dan pengusaha difasilitasi pemerintah.", []),
    ("Israel terus menggempur Gaza.\n\nWali kota mengatakan mediasi antara warga dan pengembang berlanjut.", []),
    ("Israel terus menggempur Gaza.\n\nPada kesempatan lain, DPR membahas negosiasi dengan Jepang.", []),
    # such a word in a sentence about the conflict keeps its topics
    ("Israel terus menggempur Gaza.\n\nIsrael menahan ribuan buruh Palestina dan menolak perundingan di Gaza.",
     ["perundingan"]),
    # sanctions on firms and on breaking an embargo, and Iran's reactors, stay the topic
    ("Uni Eropa menjatuhkan sanksi bagi perusahaan Tiongkok yang memasok drone ke Rusia.", ["sanksi"]),
    ("AS menjatuhkan sanksi bagi pelanggar embargo senjata terhadap Iran.", ["sanksi", "embargo senjata"]),
    ("Iran membangun reaktor nuklir baru di Bushehr.", ["reaktor nuklir"]),
    # the twenty-second round: a reactor of a country at peace, in a line that names Iran
    ("Reaktor nuklir Jepang kembali beroperasi. Sementara itu Iran menolak inspeksi IAEA ke Fordow.", []),
])
def test_home_traders_reactors_and_purchases_in_a_war_article(labeler, text, expected):
    assert weak_topics(labeler, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the economy's portfolio marks a paragraph of trade talks
    ("Israel terus menggempur Gaza.\n\nMenko Perekonomian Budi Santoso mengatakan pembicaraan teknis berlanjut.",
     []),
    # prisoners of war by their other Indonesian word, as "tawanan perang"
    ("Rusia dan Ukraina menukar 150 tahanan perang pada Sabtu.", ["tahanan perang"]),
    # technical talks on a war's issue stay talks
    ("Iran dan AS menggelar pembicaraan teknis soal program nuklir di Oman.", ["pembicaraan", "program nuklir"]),
])
def test_the_economy_portfolio_and_prisoners_of_war(labeler, text, expected):
    assert weak_topics(labeler, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the seventeenth round: near-synonyms of the inventory's cues
    ("Israel dan Hamas menyepakati ceasefire yang berlaku mulai Minggu.", ["ceasefire"]),
    ("Iran memasang ratusan sentrifus baru di fasilitas bawah tanah.", ["sentrifus"]),
    ("Teheran menangguhkan inspeksi nuklir setelah serangan itu.", ["inspeksi nuklir"]),
    ("Uni Eropa memperpanjang pembekuan aset bank sentral Rusia.", ["pembekuan aset"]),
    ("Israel menggempur Gaza dengan bombardemen tanpa henti.", ["bombardemen"]),
    ("Gempuran udara Rusia menghantam Odesa semalam.", ["Gempuran udara"]),
    ("Tentara Israel bersiap melancarkan serbuan darat ke Rafah.", ["serbuan darat"]),
    ("Pengeboman Israel di Khan Younis menewaskan 30 orang.", ["Pengeboman"]),
    ("Anak-anak di Gaza menderita gizi buruk dan malnutrisi akut.", ["gizi buruk", "malnutrisi"]),
    # hunger and bombings at home, in an article that names no war, are no topic
    ("Balita di Nusa Tenggara Timur menderita gizi buruk dan malnutrisi.", []),
    ("Polisi mengenang pengeboman gereja di Surabaya tujuh tahun lalu.", []),
    # a real word one slip from a new cue is no misspelling of it
    ("Perusahaan itu memperbaiki pembukuan dan menunda pengeboran sumur baru.", []),
])
def test_near_synonyms_of_the_inventory_and_their_home_news_senses(labeler, text, expected):
    assert weak_topics(labeler, text) == expected
