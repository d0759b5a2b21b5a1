"""Resolve many distinct values on several cores (a process pool over one loaded index).

On Linux the workers are forked and share the parent's memory-mapped index and resolver; where
fork is unavailable they open the index by path. Used by the tables face for columns with many
distinct spellings; small jobs stay in-process (a pool costs more than it saves).
"""
from __future__ import annotations

import multiprocessing as mp
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor

MIN_ITEMS = 2000  # fewer distinct values than this are resolved in-process
_worker: dict = {}


def default_workers() -> int:
    """Worker processes to use: the cores this process may run on, at most 4."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return max(1, min(cores, 4))


def _init(resolver, path: str | None) -> None:
    if resolver is None:
        from ..gazetteer import Gazetteer
        from ..matching.resolver import Resolver
        resolver = Resolver(Gazetteer.open(path))
    _worker["resolver"] = resolver


def _run(job: tuple[Callable, Sequence]) -> list:
    fn, items = job
    resolver = _worker["resolver"]
    return [fn(resolver, item) for item in items]


def map_resolve(resolver, fn: Callable, items: Sequence, workers: int | None = None) -> list:
    """``[fn(resolver, item) for item in items]``, in order, spread over ``workers`` processes.

    ``fn`` must be a module-level function (it is sent to the workers by reference)."""
    workers = default_workers() if workers is None else workers
    if workers <= 1 or len(items) < MIN_ITEMS:
        return [fn(resolver, item) for item in items]
    fork = "fork" in mp.get_all_start_methods()
    ctx = mp.get_context("fork" if fork else "spawn")
    init_args = (resolver, None) if fork else (None, str(resolver.gazetteer.path))
    size = max(200, len(items) // (workers * 8))
    jobs = [(fn, items[i:i + size]) for i in range(0, len(items), size)]
    with ProcessPoolExecutor(workers, mp_context=ctx, initializer=_init, initargs=init_args) as ex:
        out: list = []
        for part in ex.map(_run, jobs):
            out.extend(part)
    return out
