"""Cutting windows of different lengths into forward passes with little padding.

A forward pass over ``n`` windows padded to the longest, ``L`` sub-tokens, costs about
``n * L`` token-steps plus a fixed ``overhead`` (small matrices use the cores less
well; on a GPU, each pass also pays kernel launches). With the windows sorted
longest first, the cheapest cut into consecutive runs is found by dynamic
programming in ``O(len(lengths) * max_windows)``; filling every pass greedily instead
pads short windows up to a long one whenever a run of lengths straddles a gap.

>>> plan_passes([300, 120, 290, 110], max_windows=4, max_tokens=2048, overhead=64)
[[0, 2], [1, 3]]
>>> plan_passes([300, 120, 290, 110], max_windows=4, max_tokens=2048, overhead=10_000)
[[0, 2, 1, 3]]
"""

from __future__ import annotations


def plan_passes(lengths: list[int], max_windows: int, max_tokens: int,
                 overhead: int) -> list[list[int]]:
    """Indices into ``lengths``, longest first, cut into passes of at most ``max_windows``
    windows and ``max_tokens`` padded tokens (a window longer than ``max_tokens`` runs
    alone), minimising padded tokens plus ``overhead`` per pass."""
    order = sorted(range(len(lengths)), key=lambda i: -lengths[i])
    sizes = [lengths[i] for i in order]  # descending: a run's width is its first size
    n = len(sizes)
    cost = [0] + [float("inf")] * n  # cost[j]: cheapest plan for the first j windows
    cut = [0] * (n + 1)
    for j in range(1, n + 1):
        for i in range(j - 1, max(j - max_windows, 0) - 1, -1):
            if i < j - 1 and (j - i) * sizes[i] > max_tokens:
                break  # earlier starts are wider and longer still
            c = cost[i] + (j - i) * sizes[i] + overhead
            if c < cost[j]:
                cost[j], cut[j] = c, i
    runs, j = [], n
    while j:
        runs.append(order[cut[j]:j])
        j = cut[j]
    return runs[::-1]
