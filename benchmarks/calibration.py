"""Does an article's confidence say how likely it is to be exactly right?

    python benchmarks/calibration.py                # 1000 generated pages, about a minute
    python benchmarks/calibration.py --pages 300

Parses the derandomized generated pages of ``roundtrip.py`` (known truth:
``tests/render.py`` says what the parser must return), marks each parsed
article exactly right when it equals one of the page's expected articles
(headline parts, bylines, speaker, every block, continuation; each expected
article matches once), and prints

- a reliability table: confidence bins, how many articles fall in each, their
  mean confidence and the share of them exactly right (a calibrated
  confidence has the two close);
- the AUROC of confidence for "exactly right": the chance that a right
  article has a higher confidence than a wrong one (ties count half; 0.5 is
  no better than a coin, issue 14 asks for 0.85 at least);
- the Brier score (mean squared gap between confidence and 1/0) and the
  expected calibration error (bin-weighted gap between mean confidence and
  share right).

``calibrate(pairs)`` computes the same figures for any parsed pages with
known truth.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import attrs  # noqa: E402
from roundtrip import draw  # noqa: E402

import qhnews  # noqa: E402
from render import ArticleView, article_view  # noqa: E402

#: Lower edges of the confidence bins; the last bin holds exactly 1.0.
EDGES = (0.0, 0.3, 0.5, 0.7, 0.8, 0.9, 0.95, 1.0)


@attrs.frozen
class Bin:
    low: float
    high: float
    count: int
    mean_confidence: float
    share_right: float


@attrs.frozen
class Calibration:
    articles: int
    right: int
    bins: tuple[Bin, ...]
    auroc: float
    brier: float
    ece: float


def marked(page: qhnews.Page, expected: Sequence[ArticleView]) -> list[tuple[float, bool]]:
    """(confidence, exactly right) for each parsed article of ``page``."""
    left = Counter(expected)
    out = []
    for a in page.articles:
        v = article_view(a)
        ok = left[v] > 0
        if ok:
            left[v] -= 1
        out.append((a.confidence, ok))
    return out


def auroc(scored: Sequence[tuple[float, bool]]) -> float:
    """Mann-Whitney AUROC of the score for the positive class; ties count half. NaN without both classes."""
    ranked = sorted(scored, key=lambda x: x[0])
    pos = sum(ok for _, ok in ranked)
    neg = len(ranked) - pos
    if not pos or not neg:
        return float("nan")
    rank_sum = 0.0
    i = 0
    while i < len(ranked):
        j = i
        while j < len(ranked) and ranked[j][0] == ranked[i][0]:
            j += 1
        mid = (i + 1 + j) / 2  # the mean rank of the tied run, ranks from 1
        rank_sum += mid * sum(ok for _, ok in ranked[i:j])
        i = j
    return (rank_sum - pos * (pos + 1) / 2) / (pos * neg)


def calibrate(pairs: Iterable[tuple[qhnews.Page, Sequence[ArticleView]]]) -> Calibration:
    """The figures over every parsed article of ``pairs`` (parsed page, expected articles)."""
    scored = [x for page, expected in pairs for x in marked(page, expected)]
    bins = []
    ece = 0.0
    for k, low in enumerate(EDGES):
        high = EDGES[k + 1] if k + 1 < len(EDGES) else 1.0
        last = k + 1 == len(EDGES)
        inside = [(c, ok) for c, ok in scored if (c == 1.0 if last else low <= c < high)]
        if not inside:
            bins.append(Bin(low, high, 0, float("nan"), float("nan")))
            continue
        mean = sum(c for c, _ in inside) / len(inside)
        share = sum(ok for _, ok in inside) / len(inside)
        ece += len(inside) / len(scored) * abs(mean - share)
        bins.append(Bin(low, high, len(inside), mean, share))
    brier = sum((c - ok) ** 2 for c, ok in scored) / len(scored) if scored else float("nan")
    return Calibration(len(scored), sum(ok for _, ok in scored), tuple(bins), auroc(scored), brier, ece)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    ap.add_argument("--pages", type=int, default=1000, help="how many pages to draw (default 1000)")
    args = ap.parse_args(argv)
    rendered = draw(args.pages)
    cal = calibrate((qhnews.parse(text), expected) for text, expected, _ in rendered)
    print(f"qhnews {qhnews.__version__}: {len(rendered)} generated pages, {cal.articles} parsed articles, ", end="")
    print(f"{cal.right} exactly right ({cal.right / max(1, cal.articles):.1%})")
    print("| confidence | articles | mean confidence | exactly right |")
    print("|---|---:|---:|---:|")
    for b in cal.bins:
        span = "1.0" if b.low == 1.0 else f"[{b.low:.2f}, {b.high:.2f})"
        if not b.count:
            print(f"| {span} | 0 | | |")
        else:
            print(f"| {span} | {b.count} | {b.mean_confidence:.3f} | {b.share_right:.1%} |")
    print(f"AUROC {cal.auroc:.3f}   Brier {cal.brier:.3f}   ECE {cal.ece:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
