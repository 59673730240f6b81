"""The DataLoader dataset of ``sorot predict --workers N`` (:mod:`sorot.inference.workers`).

Its own module because it subclasses torch's ``IterableDataset``: a run without workers
(every ONNX run on a CPU server included) never imports torch.
"""

from __future__ import annotations

from collections.abc import Iterator

from torch.utils.data import IterableDataset, get_worker_info

from sorot.inference.workers import Batch, Plan, batches, prepare_batch


class BatchSource(IterableDataset):
    """Worker ``w`` of ``n`` prepares batches ``w, w + n, …`` (the DataLoader takes one item
    from each worker in turn, so they come back in order)."""

    def __init__(self, plan: Plan, prepare) -> None:
        self.plan, self.prepare = plan, prepare

    def __iter__(self) -> Iterator[Batch]:
        info = get_worker_info()
        worker, n = (info.id, info.num_workers) if info else (0, 1)
        for batch in batches(self.plan):
            if batch.index % n == worker:
                yield prepare_batch(batch, self.prepare, self.plan)
