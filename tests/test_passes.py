"""Cutting windows into forward passes: every window once, within the caps, least padding."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from sorot.inference.passes import plan_passes


def padded(lengths, plan, overhead=0):
    return sum(len(run) * max(lengths[i] for i in run) + overhead for run in plan)


def greedy(lengths, max_windows, max_tokens):
    """Fill each pass in length order until a cap is hit: the plan the DP must beat."""
    order = sorted(range(len(lengths)), key=lambda i: -lengths[i])
    runs, cur = [], []
    for i in order:
        if cur and (len(cur) == max_windows or (len(cur) + 1) * lengths[cur[0]] > max_tokens):
            runs.append(cur)
            cur = []
        cur.append(i)
    return runs + [cur] if cur else runs


def test_an_outlier_runs_alone_instead_of_padding_fifteen_windows():
    lengths = [453] + [330] * 15 + [250] * 16
    plan = plan_passes(lengths, max_windows=16, max_tokens=8192, overhead=128)
    assert plan == [[0], list(range(1, 16)), list(range(16, 32))]
    assert padded(lengths, plan) == sum(lengths)
    assert padded(lengths, greedy(lengths, 16, 8192)) == 16 * 453 + 16 * 250


def test_caps_on_windows_and_tokens():
    assert plan_passes([100] * 5, max_windows=2, max_tokens=10_000, overhead=1000) == [
        [0, 1], [2, 3], [4]]
    assert plan_passes([100] * 5, max_windows=10, max_tokens=300, overhead=1000) == [
        [0, 1, 2], [3, 4]]
    assert plan_passes([600], max_windows=4, max_tokens=512, overhead=0) == [[0]]
    assert plan_passes([], max_windows=4, max_tokens=512, overhead=0) == []


@given(st.lists(st.integers(1, 512), max_size=80), st.integers(1, 40), st.integers(512, 9000),
       st.integers(0, 3000))
def test_every_window_once_within_caps_and_never_worse_than_greedy(lengths, cap, budget, overhead):
    plan = plan_passes(lengths, cap, budget, overhead)
    assert sorted(i for run in plan for i in run) == list(range(len(lengths)))
    for run in plan:
        assert 1 <= len(run) <= cap
        assert len(run) == 1 or len(run) * max(lengths[i] for i in run) <= budget
    widths = [max(lengths[i] for i in run) for run in plan]
    assert widths == sorted(widths, reverse=True)
    assert padded(lengths, plan, overhead) <= padded(lengths, greedy(lengths, cap, budget), overhead)


@given(st.lists(st.integers(1, 64), max_size=60))
def test_without_overhead_nothing_is_padded(lengths):
    assert padded(lengths, plan_passes(lengths, 8, 4096, 0)) == sum(lengths)
