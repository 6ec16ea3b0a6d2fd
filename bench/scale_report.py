"""The Markdown of bench/build_scale.py's results: times and the ratios issue 16 asks for, phase times, peak
memory, the 100,000-document row simulated from the two largest sizes, and each target met or not.

A size's results are a mapping of step -> measurement (``bare1``, ``bare2``: spaCy's ``nlp.pipe`` with 1 and
2 processes; ``w1``, ``w2``: ``--workers 1`` and ``2``; ``dask``: a two-worker local Dask cluster;
``nochange``, ``onechange``: rebuilds of the ``w1`` build with its cache); a step not run holds ``skipped``.

>>> fit_power([(1000, 100.0), (10000, 1000.0)], 100000)
(10000.0, 1.0)
"""
from __future__ import annotations

import math
from typing import Any

Results = dict[str, Any]
SIMULATED = 100_000
MIN_FIT = 1000  # the simulated row is fitted only through sizes this large: small runs are start-up, not growth
STEPS = {"bare1": "bare nlp.pipe, 1 process", "bare2": "bare nlp.pipe, n_process=2", "w1": "build --workers 1",
         "w2": "build --workers 2", "dask": "build, 2-worker local Dask (workers preloaded)",
         "daskcold": "build, 2-worker local Dask (cold workers)", "nochange": "rebuild, no change",
         "allcached": "rebuild, every document from the cache (build.json removed)",
         "onechange": "rebuild, one changed document"}


def seconds(size: Results, step: str) -> float | None:
    """The wall time of a step, or None when it was not run."""
    value = size.get(step, {}).get("seconds")
    return float(value) if isinstance(value, int | float) else None


def ratio(a: float | None, b: float | None) -> float | None:
    """a / b, or None when either is missing."""
    return a / b if a is not None and b else None


def fit_power(points: list[tuple[int, float]], at: int) -> tuple[float, float]:
    """The value at ``at`` of t = c * n ** b through the last two points, and b."""
    (n1, t1), (n2, t2) = points[-2:]
    b = math.log(t2 / t1) / math.log(n2 / n1)
    return t2 * (at / n2) ** b, b


def fit_line(points: list[tuple[int, float]], at: int) -> float:
    """The value at ``at`` of the straight line through the last two points (memory: a base plus per document)."""
    (n1, m1), (n2, m2) = points[-2:]
    return m2 + (m2 - m1) / (n2 - n1) * (at - n2)


def _fmt(value: float | None, unit: str = "s", digits: int = 1) -> str:
    if value is None:
        return "—"
    return f"{value:,.{digits}f} {unit}".strip() if unit else f"{value:,.{digits}f}"


def _ratio_cell(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}×"


def derived(size: Results) -> dict[str, float | None]:
    """The ratios of one size: build ÷ bare spaCy, the speed-ups and their ratio, Dask ÷ --workers 2, rebuilds
    ÷ the full build."""
    s = {step: seconds(size, step) for step in STEPS}
    spacy_speedup, build_speedup = ratio(s["bare1"], s["bare2"]), ratio(s["w1"], s["w2"])
    return {**s, "build_vs_bare": ratio(s["w1"], s["bare1"]), "spacy_speedup": spacy_speedup,
            "build_speedup": build_speedup, "speedup_ratio": ratio(build_speedup, spacy_speedup),
            "dask_vs_w2": ratio(s["dask"], s["w2"]), "daskcold_vs_w2": ratio(s["daskcold"], s["w2"]),
            "nochange_share": ratio(s["nochange"], s["w1"]),
            "allcached_share": ratio(s["allcached"], s["w1"]), "onechange_share": ratio(s["onechange"], s["w1"])}


def time_table(sizes: dict[int, Results]) -> list[str]:
    """Wall times, one row per size, and the simulated 100,000 row when :func:`simulate` gives one."""
    steps = ("bare1", "bare2", "w1", "w2", "dask", "daskcold", "nochange", "allcached", "onechange")
    rows = ["| documents | words | bare spaCy, 1 process | bare spaCy, 2 processes | build, 1 worker | 2 workers | "
            "Dask, 2 workers (preloaded) | Dask, cold workers | rebuild, no change | rebuild, all cached, no reuse | "
            "rebuild, one change |", "|" + "---:|" * 11]
    for n, size in sorted(sizes.items()):
        rows.append(f"| {n:,} | {size.get('words', 0):,} | "
                    + " | ".join(_fmt(seconds(size, step)) for step in steps) + " |")
    simulated = simulate(sizes)
    if simulated:
        rows.append(f"| {SIMULATED:,} *(simulated)* | | " + " | ".join(_fmt(simulated.get(s)) for s in steps) + " |")
    return rows


def ratio_table(sizes: dict[int, Results]) -> list[str]:
    """The ratios issue 16 asks for, one row per size."""
    rows = ["| documents | build, 1 worker ÷ bare spaCy | spaCy 1→2 processes | build 1→2 workers | ÷ spaCy's 1→2 | "
            "Dask (preloaded) ÷ 2 workers | Dask (cold) ÷ 2 workers | no-change rebuild ÷ build | "
            "all cached, no reuse ÷ build | one-change rebuild ÷ build |", "|" + "---:|" * 10]
    for n, size in sorted(sizes.items()):
        d = derived(size)
        rows.append(f"| {n:,} | " + " | ".join(_ratio_cell(d[k]) for k in (
            "build_vs_bare", "spacy_speedup", "build_speedup", "speedup_ratio", "dask_vs_w2", "daskcold_vs_w2")) +
            f" | {_share(d['nochange_share'])} | {_share(d['allcached_share'])} | {_share(d['onechange_share'])} |")
    return rows


def _share(value: float | None) -> str:
    return "—" if value is None else f"{value:.1%}"


def simulate(sizes: dict[int, Results]) -> dict[str, float]:
    """Each step's time at :data:`SIMULATED` documents from the power law through the two largest sizes
    (and ``exponent_w1``, the one-worker build's exponent); empty without two sizes from :data:`MIN_FIT` up."""
    measured = sorted(n for n in sizes if MIN_FIT <= n < SIMULATED)
    if len(measured) < 2:
        return {}
    found: dict[str, float] = {}
    for step in STEPS:
        points = [(n, seconds(sizes[n], step)) for n in measured[-2:]]
        if all(t for _, t in points):
            found[step], exponent = fit_power([(n, float(t or 0)) for n, t in points], SIMULATED)
            found[f"exponent_{step}"] = exponent
    return found


def phase_table(sizes: dict[int, Results], step: str = "w1") -> list[str]:
    """The phase timings the build reports (``BuildResult.timings``) for ``step``, one row per size."""
    phases = list(dict.fromkeys(p for size in sizes.values() for p in size.get(step, {}).get("timings", {})))
    if not phases:
        return [f"(the build reported no phase timings for {STEPS[step]})"]
    rows = ["| documents | whole | " + " | ".join(phases) + " |", "|" + "---:|" * (len(phases) + 2)]
    for n, size in sorted(sizes.items()):
        timings = size.get(step, {}).get("timings", {})
        rows.append(f"| {n:,} | {_fmt(seconds(size, step))} | "
                    + " | ".join(_fmt(timings.get(p), "") for p in phases) + " |")
    return rows


def memory_table(sizes: dict[int, Results]) -> list[str]:
    """Peak memory in MiB, one row per size and build: the client process, the largest worker, the sampled
    total of all of them; the --workers 2 build's client + one worker simulated at :data:`SIMULATED`."""
    rows = ["| documents | run | client | largest worker | total (sampled) |", "|---:|---|---:|---:|---:|"]
    for n, size in sorted(sizes.items()):
        for step in STEPS:
            m = size.get(step, {})
            if "client_mib" in m:
                rows.append(f"| {n:,} | {STEPS[step]} | {m['client_mib']:,.0f} | {m.get('worker_mib', 0):,.0f} | "
                            f"{m.get('total_mib', 0):,.0f} |")
    measured = sorted(n for n in sizes if MIN_FIT <= n < SIMULATED and "client_mib" in sizes[n].get("w2", {}))
    if len(measured) >= 2:
        points = [(n, _client_plus_worker(sizes[n]["w2"])) for n in measured]
        rows.append(f"\n--workers 2, client + one worker at {SIMULATED:,} documents *(simulated, straight line "
                    f"through {measured[-2]:,} and {measured[-1]:,})*: {fit_line(points, SIMULATED):,.0f} MiB")
    return rows


def _client_plus_worker(m: Results) -> float:
    return float(m.get("client_mib", 0)) + float(m.get("worker_mib", 0))


def checks(sizes: dict[int, Results]) -> list[str]:
    """Issue 16's "Done when" targets, each with the figure measured at the largest size that has it."""
    lines = []
    for n, size in sorted(sizes.items()):
        d = derived(size)
        for label, value, target, good in (
                ("build, 1 worker ÷ bare nlp.pipe", d["build_vs_bare"], "≤ 1.3", lambda v: v <= 1.3),
                ("1→2 worker speed-up ÷ spaCy's n_process 1→2", d["speedup_ratio"], "≥ 0.9", lambda v: v >= 0.9),
                ("Dask, 2 workers (preloaded) ÷ --workers 2", d["dask_vs_w2"], "≤ 1.1", lambda v: v <= 1.1),
                ("Dask, 2 cold workers ÷ --workers 2", d["daskcold_vs_w2"], "≤ 1.1", lambda v: v <= 1.1),
                ("no-change rebuild ÷ full build", d["nochange_share"], "≤ 0.05", lambda v: v <= 0.05),
                ("one-change rebuild ÷ full build", d["onechange_share"], "≤ 0.10", lambda v: v <= 0.10)):
            if value is not None:
                lines.append(f"- {n:,} documents: {label} = {value:.3f} (target {target}): "
                             f"{'met' if good(value) else 'NOT met'}")
        if "client_mib" in size.get("w2", {}):
            peak = _client_plus_worker(size["w2"])
            verdict = ("met" if peak <= 1536 else "NOT met") if n >= 10_000 else \
                ("not measured at 10,000 documents; over it already" if peak > 1536 else
                 "not measured at 10,000 documents")
            lines.append(f"- {n:,} documents: peak memory, client + one worker (--workers 2) = {peak:,.0f} MiB "
                         f"(target ≤ 1,536 MiB at 10,000): {verdict}")
    return lines


def markdown(sizes: dict[int, Results], header: str) -> str:
    """The whole section body: the header line, the three tables and the checks."""
    parts = [header, "", "Wall time:", "", *time_table(sizes), "", "Ratios:", "", *ratio_table(sizes), "",
             "Phases of the one-worker build, seconds (`BuildResult.timings`):", "", *phase_table(sizes), "",
             "Phases of the no-change rebuild, seconds:", "", *phase_table(sizes, "nochange"), "",
             "Phases of the rebuild with every document from the cache (no reuse), seconds:", "",
             *phase_table(sizes, "allcached"), "",
             "Phases of the one-change rebuild, seconds:", "", *phase_table(sizes, "onechange"), "",
             "Peak memory, MiB:", "", *memory_table(sizes), "", "Against issue 16's targets:", "", *checks(sizes)]
    for n, size in sorted(sizes.items()):
        cached = [f"{STEPS[k]}: {size[k]['cached']:,} of {n:,}" for k in ("nochange", "allcached", "onechange")
                  if isinstance(size.get(k, {}).get("cached"), int)]
        if cached:
            parts += ["", f"Documents taken from the cache at {n:,} documents: {'; '.join(cached)}."]
    simulated = simulate(sizes)
    if "exponent_w1" in simulated:
        parts += ["", f"Simulated row: each step's time as c·n^b through the two largest sizes (one-worker build: "
                      f"b = {simulated['exponent_w1']:.2f}); not measured."]
    return "\n".join(parts) + "\n"
