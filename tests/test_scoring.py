"""The evaluator against a hand-computed example."""

from __future__ import annotations

import pytest
from markup import parse_markup

from sorot.training.records import AnnotationError, validate_record
from sorot.training.scoring import score, to_markdown


def rec(rid, marked, labels, primary):
    text, ents = parse_markup(marked)
    return {"id": rid, "text": text, "labels": labels, "primary": primary, "entities": ents}


GOLD = {
    "A": rec("A", "Presiden [[Vladimir Putin|LEADER]] bertemu [[Xi Jinping|LEADER]] membahas "
                  "[[gencatan senjata|TOPIC:ceasefire]] dan [[sanksi|TOPIC:sanctions]].",
             ["russia_ukraine"], "russia_ukraine"),
    "B": rec("B", "Menlu [[Sugiono|OFFICIAL]] membahas [[bantuan kemanusiaan|TOPIC:humanitarian]] "
                  "untuk [[sandera|TOPIC:hostages_prisoners]] Gaza.", ["gaza"], "gaza"),
}
PRED = {
    # "Putin" alone: wrong boundary; "sanksi" as OFFICIAL: wrong type
    "A": rec("A", "Presiden Vladimir [[Putin|LEADER]] bertemu [[Xi Jinping|LEADER]] membahas "
                  "[[gencatan senjata|TOPIC]] dan [[sanksi|OFFICIAL]].",
             ["russia_ukraine", "gaza"], "russia_ukraine"),
    "B": rec("B", "Menlu [[Sugiono|OFFICIAL]] membahas bantuan kemanusiaan untuk sandera Gaza.",
             [], "other"),
}


def test_hand_computed_scores():
    r = score(GOLD, PRED)
    ents = r["entities"]
    # LEADER: gold 2, predicted 2, correct 1 (Xi Jinping)
    assert (ents["LEADER"]["precision"], ents["LEADER"]["recall"], ents["LEADER"]["f1"]) == (0.5, 0.5, 0.5)
    # OFFICIAL: gold 1, predicted 2, correct 1
    assert (ents["OFFICIAL"]["precision"], ents["OFFICIAL"]["recall"], ents["OFFICIAL"]["f1"]) == (0.5, 1.0, 0.6667)
    # TOPIC: gold 4, predicted 1, correct 1
    assert (ents["TOPIC"]["precision"], ents["TOPIC"]["recall"], ents["TOPIC"]["f1"]) == (1.0, 0.25, 0.4)
    # micro: gold 7, predicted 5, correct 3 -> P 0.6, R 3/7, F 2*0.6*0.4286/1.0286 = 0.5
    assert (ents["micro"]["precision"], ents["micro"]["recall"], ents["micro"]["f1"]) == (0.6, 0.4286, 0.5)
    arts = r["articles"]
    assert arts["per_label"]["russia_ukraine"]["f1"] == 1.0
    assert arts["per_label"]["gaza"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "support": 1,
                                         "predicted": 1}
    assert (arts["micro"]["precision"], arts["micro"]["recall"], arts["micro"]["f1"]) == (0.5, 0.5, 0.5)
    assert arts["macro"]["f1"] == 0.3333  # (1 + 0 + 0) / 3; a label absent from both scores 0
    assert r["primary_accuracy"] == 0.5


def test_missing_prediction_is_empty_and_warned():
    r = score(GOLD, {"A": GOLD["A"]})
    assert r["warnings"] == ["no prediction for gold id 'B': scored as empty"]
    assert r["entities"]["LEADER"]["f1"] == 1.0 and r["entities"]["TOPIC"]["recall"] == 0.5


def test_markdown_has_every_table_row():
    md = to_markdown(score(GOLD, PRED))
    for row in ["| LEADER | 0.500 | 0.500 | 0.500 | 2 |", "| gaza | 0.000 | 0.000 | 0.000 | 1 |",
                "primary accuracy: 0.500"]:
        assert row in md


@pytest.mark.parametrize("change,reason", [
    ({"text": ""}, "empty or missing text"),
    ({"labels": ["ukraine"]}, "labels ['ukraine'] must be a list"),
    ({"entities": [{"start": 5, "end": 99, "label": "LEADER"}]}, "out of range"),
    ({"entities": [{"start": 0, "end": 3, "label": "LEADER"}]}, "cuts a word"),
    ({"entities": [{"start": 9, "end": 23, "label": "PERSON"}]}, "unknown label 'PERSON'"),
    ({"entities": [{"start": 9, "end": 23, "label": "LEADER"},
                   {"start": 18, "end": 23, "label": "LEADER"}]}, "overlaps another entity"),
])
def test_bad_records_name_the_record_and_reason(change, reason):
    with pytest.raises(AnnotationError, match=r"record 'A'.*" + reason.replace("[", r"\[")
                       .replace("]", r"\]").replace("(", r"\(")):
        validate_record({**GOLD["A"], **change})
