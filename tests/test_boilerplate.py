"""Boilerplate is found line by line, marked (never deleted) and kept out of article labels."""

from __future__ import annotations

from sorot.inference.text.boilerplate import body_spans, classify_line, find_boilerplate

PAGE = """Beranda
Internasional
Olahraga
Putin Tolak Usulan Gencatan Senjata
Selasa, 10 Juni 2025 - 09:15 WIB
loading...
A A A
MOSKOW - Presiden Vladimir Putin menolak usulan gencatan senjata di Ukraina.
Kremlin menyebut syaratnya belum terpenuhi. Baca juga: Zelensky Minta Bantuan Senjata
Baca Juga:
Trump Telepon Putin Soal Ukraina
Harga Emas Naik Lagi Hari Ini

Sikap Moskow tetap sama, kata juru bicara.
Warga Kyiv berlindung di stasiun metro. (Foto: Reuters/Ilustrasi)
Reporter : Andi Wijaya
Editor : Sari Dewi
Artikel Terkait
Situs slot gacor maxwin terpercaya
LEAVE A REPLY
Please enter your comment!
Read Entire Article"""


def kinds(text):
    return [(b.kind, text[b.start:b.end]) for b in find_boilerplate(text)]


def test_a_scraped_page_is_segmented():
    assert kinds(PAGE) == [
        ("menu", "Beranda\nInternasional\nOlahraga"),
        ("byline", "Selasa, 10 Juni 2025 - 09:15 WIB"),
        ("widget", "loading...\nA A A"),
        ("related", "Baca juga: Zelensky Minta Bantuan Senjata\nBaca Juga:\n"
                    "Trump Telepon Putin Soal Ukraina\nHarga Emas Naik Lagi Hari Ini"),
        ("caption", "Warga Kyiv berlindung di stasiun metro. (Foto: Reuters/Ilustrasi)"),
        ("byline", "Reporter : Andi Wijaya\nEditor : Sari Dewi"),
        ("related", "Artikel Terkait"),
        ("spam", "Situs slot gacor maxwin terpercaya"),
        ("comment", "LEAVE A REPLY\nPlease enter your comment!"),
        ("read_more", "Read Entire Article"),
    ]


def test_body_is_the_complement_and_keeps_offsets():
    spans = body_spans(PAGE)
    body = "".join(PAGE[s:e] for s, e in spans)
    assert "Presiden Vladimir Putin menolak" in body and "Sikap Moskow tetap sama" in body
    assert "Baca Juga" not in body and "gacor" not in body and "Editor" not in body
    noise = sum(b.end - b.start for b in find_boilerplate(PAGE))
    assert sum(e - s for s, e in spans) + noise <= len(PAGE)


def test_body_sentences_are_not_mistaken_for_noise():
    for line in ["Sementara itu, Trump memberikan komentar melalui Truth Social.",
                 "Menteri Luar Negeri Sugiono tiba di Kairo.",
                 "Respons Jokowi",
                 "Gencatan senjata berlaku sejak Minggu pagi."]:
        assert classify_line(line) is None, line


def test_label_only_byline_takes_the_name_on_the_next_line():
    text = "Isi berita.\nPenulis:\nRina Hapsari\nEditor:\nDoni Saputra"
    assert kinds(text) == [("byline", "Penulis:\nRina Hapsari\nEditor:\nDoni Saputra")]
