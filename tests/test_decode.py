"""Entity dicts from tagged words: offsets, scores and the gazetteer's canonical names."""

from __future__ import annotations

from sorot.inference.decode import EntityLookups, entities
from sorot.inference.text.gazetteer import Gazetteer
from sorot.inference.text.topics import TopicLexicon
from sorot.inference.text.words import word_spans


def _decode(text: str, tagged: dict[int, str], gazetteer: Gazetteer) -> list[tuple[str, str | None]]:
    spans = word_spans(text)
    words = sorted(tagged)
    out = entities(text, [s for s, _ in spans], [e for _, e in spans], words, [tagged[w] for w in words],
                   [0.9] * len(words), EntityLookups(gazetteer, TopicLexicon.load()))
    return [(e["text"], e["canonical"]) for e in out]


def test_a_given_name_alone_gets_the_canonical_name_of_the_person_named_in_full():
    gazetteer = Gazetteer.from_records([{"name": "Torvald Eklund", "type": "OFFICIAL"}])
    text = "Torvald Eklund tiba. Kata Torvald, damai dekat."
    # words: Torvald(0) Eklund(1) tiba(2) .(3) Kata(4) Torvald(5)
    tags = {0: "B-OFFICIAL", 1: "I-OFFICIAL", 5: "B-OFFICIAL"}
    assert _decode(text, tags, gazetteer) == [("Torvald Eklund", "Torvald Eklund"), ("Torvald", "Torvald Eklund")]
    # without the full name in the article the given name alone stays unresolved
    assert _decode(text, {5: "B-OFFICIAL"}, gazetteer) == [("Torvald", None)]


def test_a_family_name_alone_gets_the_canonical_name_of_the_one_person_of_the_article_with_it():
    gazetteer = Gazetteer.from_records([{"name": "Anders Holm", "type": "LEADER"},
                                        {"name": "Greta Holm", "type": "OFFICIAL"}])
    text = "Anders Holm tiba. Holm siap. Greta Holm hadir."
    # words: Anders(0) Holm(1) tiba(2) .(3) Holm(4) siap(5) .(6) Greta(7) Holm(8)
    assert _decode(text, {0: "B-LEADER", 1: "I-LEADER", 4: "B-LEADER"}, gazetteer) == [
        ("Anders Holm", "Anders Holm"), ("Holm", "Anders Holm")]
    # two people of the article with that family name: unresolved, as the weak labeler leaves it
    tags = {0: "B-LEADER", 1: "I-LEADER", 4: "B-LEADER", 7: "B-OFFICIAL", 8: "I-OFFICIAL"}
    assert _decode(text, tags, gazetteer) == [
        ("Anders Holm", "Anders Holm"), ("Holm", None), ("Greta Holm", "Greta Holm")]


def test_bracketed_initials_get_the_canonical_name_of_the_person_named_in_full():
    gazetteer = Gazetteer.from_records([{"name": "Torvald Eklund", "type": "OFFICIAL"}])
    text = "Torvald Eklund (TE) tiba. TE siap."
    # words: Torvald(0) Eklund(1) ((2) TE(3) )(4) tiba(5) .(6) TE(7)
    tags = {0: "B-OFFICIAL", 1: "I-OFFICIAL", 3: "B-OFFICIAL", 7: "B-OFFICIAL"}
    assert _decode(text, tags, gazetteer) == [
        ("Torvald Eklund", "Torvald Eklund"), ("TE", "Torvald Eklund"), ("TE", "Torvald Eklund")]


def test_initials_count_a_names_particles_or_not_as_the_weak_labeler_does():
    gazetteer = Gazetteer.from_records([{"name": "Faisal bin Nasser", "type": "LEADER"},
                                        {"name": "al-Rahim Haddad", "type": "OFFICIAL"}])
    text = "Faisal bin Nasser (FBN) tiba. FBN dan FN siap."
    # words: Faisal(0) bin(1) Nasser(2) ((3) FBN(4) )(5) tiba(6) .(7) FBN(8) dan(9) FN(10)
    tags = {0: "B-LEADER", 1: "I-LEADER", 2: "I-LEADER", 8: "B-LEADER", 10: "B-LEADER"}
    assert _decode(text, tags, gazetteer) == [
        ("Faisal bin Nasser", "Faisal bin Nasser"), ("FBN", "Faisal bin Nasser"), ("FN", "Faisal bin Nasser")]
    assert "al" not in gazetteer.given_names  # a particle is nobody's given name


def test_a_family_alias_of_someone_the_article_never_names_goes_to_the_person_it_names():
    # the gazetteer gives "Holm" alone to Anders; an article naming only Greta Holm means her
    gazetteer = Gazetteer.from_records([{"name": "Anders Holm", "type": "LEADER", "aliases": ["Holm"]},
                                        {"name": "Greta Holm", "type": "OFFICIAL"}])
    text = "Greta Holm tiba. Holm siap."
    # words: Greta(0) Holm(1) tiba(2) .(3) Holm(4)
    tags = {0: "B-OFFICIAL", 1: "I-OFFICIAL", 4: "B-OFFICIAL"}
    assert _decode(text, tags, gazetteer) == [("Greta Holm", "Greta Holm"), ("Holm", "Greta Holm")]
    # with both named in full the alias keeps its owner
    text = "Anders Holm dan Greta Holm tiba. Holm siap."
    tags = {0: "B-LEADER", 1: "I-LEADER", 3: "B-OFFICIAL", 4: "I-OFFICIAL", 7: "B-LEADER"}
    assert _decode(text, tags, gazetteer)[-1] == ("Holm", "Anders Holm")


def test_a_middle_name_alone_gets_the_canonical_name_of_the_person_named_in_full():
    gazetteer = Gazetteer.from_records([{"name": "Fikri Sandya Harahap", "type": "OFFICIAL"}])
    text = "Fikri Sandya Harahap tiba. Sandya siap."
    # words: Fikri(0) Sandya(1) Harahap(2) tiba(3) .(4) Sandya(5)
    tags = {0: "B-OFFICIAL", 1: "I-OFFICIAL", 2: "I-OFFICIAL", 5: "B-OFFICIAL"}
    assert _decode(text, tags, gazetteer) == [("Fikri Sandya Harahap", "Fikri Sandya Harahap"),
                                              ("Sandya", "Fikri Sandya Harahap")]
