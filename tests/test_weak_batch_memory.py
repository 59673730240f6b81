"""The batch memory: a name the rules found by its role in one article tags its role-less
mentions in the other articles of the batch (the nineteenth round of issue 21).

Every sentence is written for this project; the labeler runs with an empty gazetteer, so
only the rules (and the memory of what they found) can find the names.
"""

from __future__ import annotations

import json

import pytest
from helpers import sorot, write_jsonl

from sorot.inference.text.article import Article, RecordError
from sorot.training.weak.batch_memory import MEMORY_SCORE, BatchMemory, label_batch, labelled

INTRO = "Menteri Luar Negeri Iran Hamid Vaziri tiba di Oslo untuk perundingan."
LATER = "Vaziri menolak usulan itu. Hamid Vaziri lalu kembali ke Teheran."


def _people(preds: list[dict]) -> list[list[tuple]]:
    return [[(e["text"], e["label"], e["score"], e["canonical"]) for e in p["entities"] if e["label"] != "TOPIC"]
            for p in preds]


def test_a_role_less_mention_in_another_article_takes_the_learned_class(rules_only):
    assert _people(label_batch(rules_only, [INTRO, LATER])) == [
        [("Hamid Vaziri", "OFFICIAL", 0.8, None)],
        [("Vaziri", "OFFICIAL", MEMORY_SCORE, None), ("Hamid Vaziri", "OFFICIAL", MEMORY_SCORE, None)]]
    # each article alone, as before: the second names nobody
    assert _people(label_batch(rules_only, [INTRO, LATER], batch=0))[1] == []
    assert [rules_only.label(t) for t in (INTRO, LATER)] == label_batch(rules_only, [INTRO, LATER], batch=0)


@pytest.mark.parametrize(("articles", "expected"), [
    # a family name Indonesian often uses names nobody alone, unless its article gives the
    # full name too
    (["Menteri Pertahanan Bagus Hidayat meninjau latihan.", "Hidayat hadir di rapat itu."], []),
    (["Menteri Pertahanan Bagus Hidayat meninjau latihan.", "Hidayat hadir. Bagus Hidayat juga."],
     [("Hidayat", "OFFICIAL"), ("Bagus Hidayat", "OFFICIAL")]),
    # two learned people share the family name: it names neither alone
    (["Menteri Luar Negeri Hamid Vaziri tiba.", "Menteri Keuangan Reza Vaziri tiba.", "Vaziri menolak."], []),
    # a name the rules gave two classes is left out
    (["Presiden Hamid Vaziri tiba.", "Menteri Hamid Vaziri tiba.", "Hamid Vaziri menolak."], []),
    # a one-word name is never learned
    (["Menteri Luar Negeri Vaziri tiba.", "Vaziri menolak."], []),
])
def test_what_the_memory_does_not_learn(rules_only, articles, expected):
    assert [(t, label) for t, label, *_ in _people(label_batch(rules_only, articles))[-1]] == expected


@pytest.mark.parametrize(("evidence", "expected"), [
    (2, [("Hidayat", "LEADER")]),
    (1, []),
])
def test_a_common_family_name_names_the_person_once_the_press_writes_it_alone(rules_only, evidence, expected):
    """"Hidayat" is a frequent Indonesian name, so it names the learned Bagus Hidayat alone
    only after the first pass tagged it alone in two articles (ALONE_IN), as the press
    writes "Trump" or "Prabowo" once it has named them."""
    introduced = "Presiden Bagus Hidayat tiba di Oslo. Hidayat menolak usulan itu."
    texts = [introduced] * evidence + ["Hidayat kembali ke Jakarta."]
    assert [(e["text"], e["label"]) for e in label_batch(rules_only, texts)[-1]["entities"]] == expected


def test_the_memory_only_adds_to_the_first_pass(rules_only):
    """An article's own spans are never moved by a learned name that overlaps one without
    holding it whole: "juru bicara Hamid Vaziri" keeps the first pass's reading."""
    text = "Kata juru bicara Hamid Vaziri, perang harus usai. Vaziri menolak."
    alone = rules_only.label(text)
    filled = label_batch(rules_only, [INTRO, text])[1]
    assert [e for e in filled["entities"] if e in alone["entities"]] == alone["entities"]
    assert {e["text"] for e in filled["entities"] if e not in alone["entities"]} <= {"Vaziri"}


@pytest.mark.parametrize(("intro", "cut", "expected"), [
    # a country as given name: the first pass reads "Israel" as the minister's country
    ("Israel Rozen, Menteri Pertahanan Israel, mengatakan serangan udara akan berlanjut.",
     "Menteri Pertahanan Israel Rozen tiba di Washington. Rozen bertemu mitranya.",
     [("Israel Rozen", "OFFICIAL"), ("Rozen", "OFFICIAL")]),
    # a profile's Title Case headline, where the article's later "Morrow" was carried to
    # the headline's family name and left the given name out
    ("Utusan khusus AS Daniel Morrow tiba di Doha untuk perundingan.",
     'Sosok Daniel Morrow yang Pernah Jadi Pengusaha\nMenurut Trump, dia (Morrow) adalah negosiator terbaik.',
     [("Daniel Morrow", "OFFICIAL"), ("Morrow", "OFFICIAL")]),
], ids=["country-as-given-name", "profile-headline"])
def test_a_learned_full_name_replaces_the_rules_cut_of_it(rules_only, intro, cut, expected):
    assert [e["text"] for e in rules_only.label(cut)["entities"]][0] == expected[0][0].split()[-1]
    filled = label_batch(rules_only, [intro, cut])[1]["entities"]
    assert [(e["text"], e["label"]) for e in filled if e["label"] != "TOPIC"] == expected
    assert filled[0]["score"] == MEMORY_SCORE


def test_a_rule_span_of_another_class_inside_a_learned_name_stays(rules_only):
    """Only a cut of the same person's class is widened: a LEADER's span inside a learned
    OFFICIAL's name is another reading of the words, and the article's own wins."""
    intro = "Israel Rozen, Menteri Pertahanan Israel, mengatakan serangan udara akan berlanjut."
    text = "Presiden Israel Rozen tiba di Washington."
    alone = rules_only.label(text)["entities"]
    assert [(e["text"], e["label"]) for e in alone] == [("Rozen", "LEADER")]
    assert label_batch(rules_only, [intro, text])[1]["entities"] == alone


def test_the_gazetteer_people_are_not_learned(labeler):
    memory = BatchMemory()
    memory.learn(labeler.label("Presiden Rusia Vladimir Putin tiba. Menteri Luar Negeri Iran Hamid Vaziri tiba."))
    assert [(p.name, p.type, p.aliases) for p in memory.people(labeler.gazetteer)] == \
        [("Hamid Vaziri", "OFFICIAL", ("Vaziri",))]


def test_the_memory_carries_over_batches_and_keeps_records_in_order(rules_only):
    """Batches of two: the third article is filled from the first's name; the first is not
    filled from a name only a later batch learns; a bad record keeps its place."""
    items = [Article("a", "Vaziri menolak."), RecordError("in.jsonl", "no text", id="x"),
             Article("b", INTRO), Article("c", "Vaziri menolak lagi."),
             Article("d", "Menteri Sosial Laras Anindita tiba.")]
    out = list(labelled(rules_only, items, batch=2))
    assert [o.id if isinstance(o, RecordError) else o[0].id for o in out] == ["a", "x", "b", "c", "d"]
    assert [[e["text"] for e in o[1]["entities"] if e["label"] != "TOPIC"] for o in out if isinstance(o, tuple)] \
        == [[], ["Hamid Vaziri"], ["Vaziri"], ["Laras Anindita"]]


def test_an_article_the_memory_cannot_fill_keeps_its_first_labels(rules_only, monkeypatch, caplog):
    from sorot.training.weak.batch_memory import Filler

    def fill(self, text, prediction):
        raise KeyError("boom")

    monkeypatch.setattr(Filler, "fill", fill)
    out = list(labelled(rules_only, [Article("a", INTRO, source="in.jsonl"), Article("b", LATER, source="in.jsonl")]))
    assert [o[1] for o in out] == [rules_only.label(INTRO, "a"), rules_only.label(LATER, "b")]
    assert "in.jsonl (id 'b'): the batch memory could not fill it (KeyError: 'boom'); kept as first labelled" \
        in caplog.text


def test_a_failing_article_becomes_an_error_record_and_the_batch_goes_on(rules_only, monkeypatch):
    real = type(rules_only).label

    def label(self, text, rid=None):
        if rid == "bad":
            raise KeyError("boom")
        return real(self, text, rid)

    monkeypatch.setattr(type(rules_only), "label", label)
    out = list(labelled(rules_only, [Article("bad", "x"), Article("b", INTRO), Article("c", LATER)]))
    assert isinstance(out[0], RecordError) and out[0].reason == "KeyError: 'boom'" and out[0].id == "bad"
    assert [e["text"] for e in out[2][1]["entities"]] == ["Vaziri", "Hamid Vaziri"]


def _weak_label_names(out) -> list[str]:
    return [e["text"] for e in json.loads(out.read_text().splitlines()[1])["entities"] if e["label"] != "TOPIC"]


def _label_studio_names(out) -> list[str]:
    return [r["value"]["text"] for r in json.loads(out.read_text())[1]["predictions"][0]["result"]
            if r["type"] == "labels"]


@pytest.mark.parametrize(("command", "names_of"), [("weak-label", _weak_label_names),
                                                   ("export-labelstudio", _label_studio_names)])
def test_the_commands_use_the_memory_unless_told_not_to(tmp_path, command, names_of):
    """The second article's role-less names, from silver JSONL and from Label Studio tasks."""
    src = write_jsonl(tmp_path / "in.jsonl", [{"id": "a", "text": INTRO}, {"id": "b", "text": LATER}])
    empty = tmp_path / "empty.yaml"
    empty.write_text("people: []\n")
    for flag, expected in ((), ["Vaziri", "Hamid Vaziri"]), (("--batch-memory", "0"), []):
        out = tmp_path / f"out{len(flag)}.json"
        proc = sorot(command, src, "-o", out, "--gazetteer", empty, *flag)
        assert proc.returncode == 0, proc.stderr
        assert names_of(out) == expected


def test_a_negative_batch_is_a_usage_error(tmp_path):
    proc = sorot("weak-label", tmp_path / "in.jsonl", "-o", tmp_path / "x.jsonl", "--batch-memory", "-1")
    assert proc.returncode == 2 and "--batch-memory: a number of articles from 0; got '-1'" in proc.stderr



def test_a_batch_gets_only_the_learned_people_it_names(rules_only):
    """However much a long run learned, a batch's gazetteer holds only the people whose
    family name its words have; a family name with a particle never stands alone."""
    memory = BatchMemory()
    memory.learn(label_batch(rules_only, ["Menteri Luar Negeri Iran Hamid Vaziri tiba. "
                                          "Juru bicara Hamas, Khalid al-Mansour, menolak."], batch=0)[0])
    people = {p.name: p.aliases for p in memory.people(rules_only.gazetteer)}
    assert people == {"Hamid Vaziri": ("Vaziri",), "Khalid al-Mansour": ()}
    assert [p.name for p in memory.people(rules_only.gazetteer, {"vaziri", "menolak"})] == ["Hamid Vaziri"]
    assert memory.filler(rules_only, {"menolak"}) is None


def test_a_large_memory_fills_as_a_small_one_does(rules_only, monkeypatch):
    """Past FEW_NAMES learned names a batch's gazetteer is cut to the names its articles
    have; what the articles get is the same."""
    from sorot.training.weak import batch_memory

    texts = [INTRO, LATER, "Menteri Sosial Laras Anindita tiba.", "Anindita menolak."]
    small = label_batch(rules_only, texts, batch=2)
    monkeypatch.setattr(batch_memory, "FEW_NAMES", 0)
    assert label_batch(rules_only, texts, batch=2) == small
    assert [e["text"] for e in small[3]["entities"]] == ["Anindita"]


def test_a_streamed_run_writes_each_batch_before_its_input_ends():
    """README: the output lags the input by at most one batch. Two records into an open
    stdin with --batch-memory 2 come out, filled, before stdin is closed."""
    import select
    import subprocess
    import sys
    import time

    proc = subprocess.Popen([sys.executable, "-m", "sorot", "weak-label", "-", "-o", "-", "--batch-memory", "2"],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        for rid, text in (("a", INTRO), ("b", "Vaziri menolak usulan itu.")):
            proc.stdin.write(json.dumps({"id": rid, "text": text}) + "\n")
        proc.stdin.flush()
        lines, deadline = [], time.monotonic() + 120
        while len(lines) < 2 and time.monotonic() < deadline:
            if select.select([proc.stdout], [], [], 1)[0]:
                lines.append(json.loads(proc.stdout.readline()))
        assert [[e["text"] for e in r["entities"] if e["label"] != "TOPIC"] for r in lines] == \
            [["Hamid Vaziri"], ["Vaziri"]]
    finally:
        proc.stdin.close()
        proc.wait(timeout=60)
    assert proc.returncode == 0


def test_build_dataset_tags_the_role_less_mentions_unless_told_not_to(tmp_path):
    """Silver data is where the memory matters: build-dataset from raw articles tags them."""
    from sorot.training.jobs import build_dataset

    src = write_jsonl(tmp_path / "in.jsonl", [{"id": "a", "text": INTRO}, {"id": "b", "text": LATER}])
    empty = tmp_path / "empty.yaml"
    empty.write_text("people: []\n")
    for batch, expected in (None, ["B-OFFICIAL", "B-OFFICIAL", "I-OFFICIAL"]), (0, []):
        out = tmp_path / f"ds{batch}"
        build_dataset(src, out, gazetteer=empty, batch_memory=batch)
        rows = [json.loads(line) for name in ("train.jsonl", "validation.jsonl")
                for line in (out / name).read_text().splitlines()]
        second = next(r for r in rows if r["id"] == "b")
        assert [t for t in second["ner_tags"] if t.endswith("OFFICIAL")] == expected
