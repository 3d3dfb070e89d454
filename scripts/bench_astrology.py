"""Benchmark the paid products' computation: report text, report PDF and Kundali Milan.

Prints p50/p95/p99 in milliseconds for each, over random birth details 1940–2010 at random
Indian places, with one in five birth times unknown.
Run: .venv/bin/python scripts/bench_astrology.py
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock

from backend.domain.astrology import analyse, match
from backend.domain.profile import BirthProfile
from backend.domain.report import build_report
from bot_flows.catalog import LANGUAGES
from bot_flows.preview import chart_for
from bot_flows.products.report_text import render_report_text
from infrastructure.pdf import render_report_pdf

PLACES = [
    ("Mumbai", 19.07, 72.88),
    ("Delhi", 28.65, 77.23),
    ("Chennai", 13.09, 80.28),
    ("Kolkata", 22.57, 88.36),
    ("Pune", 18.52, 73.86),
    ("Guwahati", 26.18, 91.75),
]
TODAY = datetime(2026, 11, 22, tzinfo=UTC)


def random_profile(rng: random.Random) -> BirthProfile:
    """Birth details as a user might give them."""
    name, lat, lon = rng.choice(PLACES)
    day = date(1940, 1, 1) + timedelta(days=rng.randrange(70 * 365))
    known = rng.random() > 0.2
    at = clock(rng.randrange(24), rng.randrange(60)) if known else None
    return BirthProfile("Asha", day, at, f"{name}, India", lat, lon, "Asia/Kolkata")


def report_text(profile: BirthProfile, language: str) -> None:
    """Chart, dashas, yogas and the whole analysis, then the report text in one language."""
    report = build_report(profile, analyse(chart_for(profile), TODAY))
    render_report_text(report, language)


def report_pdf(profile: BirthProfile) -> None:
    """Chart and analysis, then the PDF."""
    render_report_pdf(build_report(profile, analyse(chart_for(profile), TODAY)))


def milan(bride: BirthProfile, groom: BirthProfile) -> None:
    """Both charts and the Ashtakoota match."""
    match(chart_for(bride), chart_for(groom))


def measure(runs: int, one: Callable[[int], None]) -> list[float]:
    """Milliseconds per call, one call per run."""
    timings = []
    for i in range(runs):
        start = time.perf_counter()
        one(i)
        timings.append((time.perf_counter() - start) * 1000)
    return timings


def line(label: str, timings: list[float], budget: float) -> str:
    """One row of the results table."""
    cuts = statistics.quantiles(timings, n=100)
    p50, p95, p99 = cuts[49], cuts[94], cuts[98]
    verdict = "ok" if p95 <= budget else "OVER BUDGET"
    return (
        f"{label:<12}{len(timings):>6}{p50:>9.2f}{p95:>9.2f}{p99:>9.2f}{budget:>10.0f}  {verdict}"
    )


def main() -> None:
    """Run the three measurements and print the table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=500, help="calls for text and milan")
    parser.add_argument("--pdf-runs", type=int, default=100, help="calls for the PDF")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    profiles = [random_profile(rng) for _ in range(max(args.runs, args.pdf_runs) + 1)]
    languages = [rng.choice(LANGUAGES) for _ in profiles]
    for i in range(20):  # warm-up: imports, caches, first swisseph calls
        report_text(profiles[i], languages[i])
    print(f"{'what':<12}{'runs':>6}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'budget':>10}")
    text = measure(args.runs, lambda i: report_text(profiles[i], languages[i]))
    print(line("report text", text, 20))
    pdf = measure(args.pdf_runs, lambda i: report_pdf(profiles[i]))
    print(line("report pdf", pdf, 300))
    pairs = measure(args.runs, lambda i: milan(profiles[i], profiles[i + 1]))
    print(line("milan", pairs, 10))


if __name__ == "__main__":
    main()
