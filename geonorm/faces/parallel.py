"""Resolve many distinct values on several cores (worker processes over one loaded index).

On Linux the workers are forked and share the parent's memory-mapped index and resolver; where
fork is unavailable they open the index by path. Used by the tables face for columns with many
distinct spellings; small jobs stay in-process (a pool costs more than it saves).
``StickyPool`` keeps its workers between calls and always sends one key to the same worker, so
a second pass over the same spellings (the column-context pass) finds each worker's caches warm.
"""
from __future__ import annotations

import multiprocessing as mp
import os
from collections.abc import Callable, Sequence
from multiprocessing.connection import wait

MIN_ITEMS = 2000  # fewer distinct values than this are resolved in-process
_worker: dict = {}


def default_workers() -> int:
    """Worker processes to use: the cores this process may run on, at most 4."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return max(1, min(cores, 4))


def worker_settings(resolver) -> dict:
    """The settings a worker process rebuilds ``resolver`` from (``Resolver.settings()``), but
    for an online fallback: a network client is not sent to other processes."""
    return {k: v for k, v in getattr(resolver, "settings", dict)().items() if k != "fallback"}


def _init(resolver, path: str | None, settings: dict | None = None) -> None:
    if resolver is None:
        from ..gazetteer import Gazetteer
        from ..matching.resolver import Resolver
        resolver = Resolver(Gazetteer.open(path), **(settings or {}))
    _worker["resolver"] = resolver


def _run(job: tuple[Callable, Sequence]) -> list:
    fn, items = job
    resolver = _worker["resolver"]
    return [fn(resolver, item) for item in items]


_CHUNK = 250  # results go back in pieces, so the parent unpickles while workers still work


def _serve(conn, resolver, path: str | None, settings: dict | None = None) -> None:
    _init(resolver, path, settings)
    while True:
        job = conn.recv()
        if job is None:
            break
        fn, items = job
        try:
            for start in range(0, len(items), _CHUNK):
                conn.send((start, _run((fn, items[start:start + _CHUNK]))))
            conn.send((None, None))
        except Exception as exc:  # noqa: BLE001 - re-raised in the parent
            conn.send((-1, exc))
    conn.close()


class StickyPool:
    """Worker processes that live across several :meth:`map` calls; an item goes to the worker
    chosen by its key, so repeated keys meet the same worker (and its resolver caches).

    Use as a context manager. With ``workers <= 1`` everything runs in this process."""

    def __init__(self, resolver, workers: int | None = None) -> None:
        self.resolver = resolver
        self.workers = default_workers() if workers is None else workers
        self._conns: list = []
        self._procs: list = []
        if self.workers > 1:
            fork = "fork" in mp.get_all_start_methods()
            ctx = mp.get_context("fork" if fork else "spawn")
            # without fork a worker rebuilds the resolver: same index, same settings
            args = (resolver, None, None) if fork else (None, str(resolver.gazetteer.path), worker_settings(resolver))
            for _ in range(self.workers):
                parent, child = ctx.Pipe()
                proc = ctx.Process(target=_serve, args=(child, *args), daemon=True)
                proc.start()
                child.close()
                self._conns.append(parent)
                self._procs.append(proc)

    def map(self, fn: Callable, items: Sequence, keys: Sequence) -> list:
        """``[fn(resolver, item) for item in items]`` in order; ``keys[i]`` routes item i."""
        if not self._conns or not items:
            return [fn(self.resolver, item) for item in items]
        n = len(self._conns)
        routes: list[list[int]] = [[] for _ in range(n)]
        for i, key in enumerate(keys):
            routes[hash(key) % n].append(i)
        for conn, idx in zip(self._conns, routes):
            conn.send((fn, [items[i] for i in idx]))
        out: list = [None] * len(items)
        pending = dict(zip(self._conns, routes))
        error = None
        while pending:
            for conn in wait(list(pending)):
                start, result = conn.recv()
                if start is None or start == -1:  # done, or failed (after its last message)
                    del pending[conn]
                    error = error or (result if start == -1 else None)
                else:
                    for i, value in zip(pending[conn][start:start + len(result)], result):
                        out[i] = value
        if error is not None:  # raised once every worker is idle again: the pool stays usable
            raise error
        return out

    def close(self) -> None:
        for conn in self._conns:
            try:
                conn.send(None)
                conn.close()
            except OSError:
                pass
        for proc in self._procs:
            proc.join(timeout=5)
            if proc.is_alive():
                proc.terminate()
        self._conns, self._procs = [], []

    def __enter__(self) -> "StickyPool":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
