"""Timing: each figure is the median of repeated runs, with min and max, in milliseconds."""

from __future__ import annotations

import resource
import statistics
import time
from collections.abc import Callable
from typing import Any


def figure(samples_ms: list[float]) -> dict[str, Any]:
    """Median, min and max of samples (ms), rounded for reading."""
    return {"median_ms": round(statistics.median(samples_ms), 2), "min_ms": round(min(samples_ms), 2),
            "max_ms": round(max(samples_ms), 2), "runs": len(samples_ms)}


def timed(fn: Callable[[], Any], repeat: int, warmup: int = 1) -> dict[str, Any]:
    """Run ``fn`` ``warmup`` times unmeasured (to fill the page cache), then ``repeat`` times."""
    for _ in range(warmup):
        fn()
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - started) * 1000)
    return figure(samples)


def peak_rss_mb() -> float:
    """This process's peak resident set size in MB: ``VmHWM``, since ``ru_maxrss`` carries over
    the parent's peak across fork and exec (a child of the process that just built a store
    would report that build's 400 MB)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def ratio(numerator: dict[str, Any] | None, denominator: dict[str, Any] | None) -> float | None:
    if not numerator or not denominator or not denominator["median_ms"]:
        return None
    return round(numerator["median_ms"] / denominator["median_ms"], 2)


def interleaved(fns: dict[str, Callable[[], Any]], repeat: int, warmup: int = 1) -> dict[str, Any]:
    """Each function once per round, in turn, for ``repeat`` rounds after ``warmup`` unmeasured
    ones: on a shared machine a busy spell then falls on every contender alike, so the ratio of
    two medians is fairer than between two runs taken one after the other."""
    samples: dict[str, list[float]] = {name: [] for name in fns}
    for round_ in range(warmup + repeat):
        for name, fn in fns.items():
            started = time.perf_counter()
            fn()
            if round_ >= warmup:
                samples[name].append((time.perf_counter() - started) * 1000)
    return {name: figure(values) for name, values in samples.items()}
