"""Does an article's confidence say how likely it is to be exactly right?

    python benchmarks/calibration.py                      # roundtrip.py's 1000 generated pages
    python benchmarks/calibration.py --seed 1             # 1000 other generated pages
    python benchmarks/calibration.py --relayout           # the gold articles re-laid (benchmarks/relayout.py)
    python benchmarks/calibration.py --fit --seed 3 --seed 4 --seed 5 --seed 6   # fit the weights on 4000 pages
    python benchmarks/calibration.py --pages 300 --seed 2

Parses generated pages (the property tests' generator, as
``roundtrip.py`` draws them: derandomized, or with ``--seed S`` another
fixed draw; ``--seed`` given several times, one draw of ``--pages`` each)
or, with ``--relayout``, the articles of the gold pages laid out
again in ``relayout.py``'s seven layouts (three draws of the column widths
each). Both know their truth: ``tests/render.py`` says what the parser must
return. Each parsed article is marked exactly right when it equals one of the
page's expected articles (headline parts, bylines, speaker, every block,
continuation; each expected article matches once). It prints

- a reliability table: confidence bins, how many articles fall in each, their
  mean confidence and the share of them exactly right (a calibrated
  confidence has the two close);
- the AUROC of confidence for "exactly right": the chance that a right
  article has a higher confidence than a wrong one (ties count half; 0.5 is
  no better than a coin, issue 14 asks for 0.85 at least);
- the Brier score (mean squared gap between confidence and 1/0) and the
  expected calibration error (bin-weighted gap between mean confidence and
  share right).

``--fit`` fits the weights of ``qhnews.stages.ConfidenceWeights`` on the pages
drawn: a logistic regression of "exactly right" on the value of each term of
``qhnews._confidence.TERMS`` (Newton's method, an L2 penalty of ``--l2`` on
every weight but the intercept, every weight but the intercept held at most 0:
a weight that comes out positive is set to 0 and the rest fitted again). It
prints the weights as the defaults to store, then the figures of the fitted
weights on the same pages (in sample). The stored weights were fitted on
seeds 3 to 6; the default draw, seeds 1 and 2 and the re-laid pages are
held out.

``calibrate(scored)`` computes the figures for any (confidence, right) pairs.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import attrs  # noqa: E402
from relayout import GOLD, LAYOUTS, spec  # noqa: E402
from roundtrip import draw  # noqa: E402

import qhnews  # noqa: E402
from qhnews._confidence import PRIOR_TERMS, TERMS, ConfidenceWeights, Evidence, confidence  # noqa: E402
from qhnews._pipeline import STAGES, page_of  # noqa: E402
from render import ArticleView, PageSpec, article_view, render  # noqa: E402
from strategies import Rates, fixed_draw, pages  # noqa: E402

#: Lower edges of the confidence bins.
EDGES = (0.0, 0.3, 0.5, 0.7, 0.8, 0.9, 0.95)

#: A page to parse and the articles it must give.
Case = tuple[str, list[ArticleView]]


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


# -- the pages -------------------------------------------------------------------------------------------------------


def generated(count: int, draw_seed: int | None) -> list[Case]:
    """``count`` generated pages: ``roundtrip.py``'s derandomized draw, or the fixed draw of ``draw_seed``."""
    if draw_seed is None:
        return [(r.text, list(r.expected)) for r in draw(count)]
    return [(r.text, list(r.expected)) for r in map(render, fixed_draw(pages(rates=Rates()), count, draw_seed))]


def relaid(draws: int) -> list[Case]:
    """The gold pages' articles in each layout of ``relayout.py``, ``draws`` draws of the widths each."""
    out: list[Case] = []
    for name, (_, layout) in LAYOUTS.items():
        for path in GOLD:
            gold = json.loads(path.read_text("utf-8"))
            for n in range(draws):
                arts = [spec(a) for a in gold["articles"]]
                layouts, unwrapped, reverse = layout(len(arts), random.Random(f"{name}:{n}"))
                if reverse:
                    arts.reverse()
                r = render(PageSpec(tuple(arts), tuple(layouts), unwrapped=unwrapped))
                banners = "".join(f"{h}\n\n" for h in gold["page_headings"])
                out.append((banners + r.text, list(r.expected)))
    return out


# -- marking and the figures -----------------------------------------------------------------------------------------


def parsed(text: str) -> tuple[qhnews.Page, tuple[Evidence, ...]]:
    """The page and the evidence of each of its articles' confidence."""
    value: object = text
    for stage in STAGES:
        value = stage.run(value, qhnews.ParseOptions())
    assembled = value
    return page_of(assembled, text), assembled.evidence  # type: ignore[arg-type,attr-defined]


def marked(page: qhnews.Page, expected: Sequence[ArticleView]) -> list[bool]:
    """Whether each parsed article of ``page`` is exactly right."""
    left = Counter(expected)
    out = []
    for a in page.articles:
        v = article_view(a)
        ok = left[v] > 0
        if ok:
            left[v] -= 1
        out.append(ok)
    return out


def examples(cases: Sequence[Case]) -> Iterator[tuple[float, Evidence, bool]]:
    """(stored confidence, evidence, exactly right) of every parsed article."""
    for text, expected in cases:
        page, evidence = parsed(text)
        for a, e, ok in zip(page.articles, evidence, marked(page, expected), strict=True):
            yield a.confidence, e, ok


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


def calibrate(scored: Sequence[tuple[float, bool]]) -> Calibration:
    """The figures over (confidence, exactly right) pairs."""
    bins = []
    ece = 0.0
    for k, low in enumerate(EDGES):
        high = EDGES[k + 1] if k + 1 < len(EDGES) else 1.0
        inside = [(c, ok) for c, ok in scored if low <= c < high or (high == 1.0 and c == 1.0)]
        if not inside:
            bins.append(Bin(low, high, 0, float("nan"), float("nan")))
            continue
        mean = sum(c for c, _ in inside) / len(inside)
        share = sum(ok for _, ok in inside) / len(inside)
        ece += len(inside) / len(scored) * abs(mean - share)
        bins.append(Bin(low, high, len(inside), mean, share))
    brier = sum((c - ok) ** 2 for c, ok in scored) / len(scored) if scored else float("nan")
    return Calibration(len(scored), sum(ok for _, ok in scored), tuple(bins), auroc(scored), brier, ece)


def show(title: str, cal: Calibration) -> None:
    print(
        f"{title}: {cal.articles} parsed articles, {cal.right} exactly right ({cal.right / max(1, cal.articles):.1%})"
    )
    print("| confidence | articles | mean confidence | exactly right |")
    print("|---|---:|---:|---:|")
    for b in cal.bins:
        span = f"[{b.low:.2f}, {b.high:.2f}{']' if b.high == 1.0 else ')'}"
        if b.count:
            print(f"| {span} | {b.count} | {b.mean_confidence:.3f} | {b.share_right:.1%} |")
        else:
            print(f"| {span} | 0 | | |")
    print(f"AUROC {cal.auroc:.3f}   Brier {cal.brier:.4f}   ECE {cal.ece:.4f}")


# -- the fit ---------------------------------------------------------------------------------------------------------


def _solve(a: list[list[float]], b: list[float]) -> list[float]:
    """x with a x = b, by Gaussian elimination with partial pivoting (a is small and positive definite)."""
    n = len(b)
    m = [[*row, b[i]] for i, row in enumerate(a)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(m[r][c]))
        m[c], m[p] = m[p], m[c]
        for r in range(n):
            if r != c and m[r][c]:
                f = m[r][c] / m[c][c]
                for k in range(c, n + 1):
                    m[r][k] -= f * m[c][k]
    return [m[i][n] / m[i][i] for i in range(n)]


def logistic(
    rows: Sequence[tuple[list[float], bool]], free: Sequence[bool], l2: float, fixed: Sequence[float] | None = None
) -> list[float]:
    """Weights maximizing the L2-penalized log-likelihood (Newton's method), column 0 the unpenalized intercept.

    Columns not ``free`` keep their weight in ``fixed`` (0 without it).
    """
    cols = [j for j, f in enumerate(free) if f]
    w = list(fixed) if fixed is not None else [0.0] * len(free)
    for j in cols:
        w[j] = 0.0
    kept = [j for j, f in enumerate(free) if not f and w[j]]
    for _ in range(100):
        grad = [0.0] * len(cols)
        hess = [[0.0] * len(cols) for _ in cols]
        for x, ok in rows:
            z = sum(w[j] * x[j] for j in cols) + sum(w[j] * x[j] for j in kept)
            p = 1 / (1 + math.exp(-max(-40.0, min(40.0, z))))
            s = p * (1 - p)
            nz = [(i, x[j]) for i, j in enumerate(cols) if x[j]]
            for i, xi in nz:
                grad[i] += (ok - p) * xi
                for k, xk in nz:
                    hess[i][k] += s * xi * xk
        for i, j in enumerate(cols):
            hess[i][i] += l2 if j else 1e-9
            if j:
                grad[i] -= l2 * w[j]
        step = _solve(hess, grad)
        for i, j in enumerate(cols):
            w[j] += step[i]
        if max(abs(s) for s in step) < 1e-9:
            break
    return w


def fit(examples: Sequence[tuple[Evidence, bool]], l2: float, base: ConfidenceWeights) -> ConfidenceWeights:
    """The weights of the terms fitted on (evidence, exactly right); every weight but the intercept at most 0."""
    rows = [([1.0, *(t.value(e, base) for t in TERMS)], ok) for e, ok in examples]
    # a term of PRIOR_TERMS keeps its stored weight: it is set from what the press prints
    free = [True, *(t.name not in PRIOR_TERMS for t in TERMS)]
    fixed = [0.0, *(getattr(base, t.name) if t.name in PRIOR_TERMS else 0.0 for t in TERMS)]
    while True:
        w = logistic(rows, free, l2, fixed)
        wrong = [j for j in range(1, len(w)) if w[j] > 0 and free[j]]
        if not wrong:
            break
        for j in wrong:
            free[j] = False
    fitted = {t.name: min(0.0, round(v, 2)) for t, v in zip(TERMS, w[1:], strict=True) if t.name not in PRIOR_TERMS}
    return attrs.evolve(base, intercept=round(w[0], 2), **fitted)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    ap.add_argument("--pages", type=int, default=1000, help="how many pages to draw (default 1000)")
    ap.add_argument(
        "--seed",
        type=int,
        action="append",
        help="a fixed draw of pages; several: one draw each (default: roundtrip.py's)",
    )
    ap.add_argument("--relayout", action="store_true", help="the gold articles re-laid instead of generated pages")
    ap.add_argument("--fit", action="store_true", help="fit the confidence weights on the pages and print them")
    ap.add_argument("--l2", type=float, default=1.0, help="the L2 penalty of the fit (default 1)")
    args = ap.parse_args(argv)
    if args.relayout:
        cases = relaid(3)
        what = f"{len(cases)} re-laid gold pages"
    else:
        seeds = args.seed or [None]
        cases = [case for s in seeds for case in generated(args.pages, s)]
        what = f"{len(cases)} generated pages" + (f" (seed {', '.join(map(str, args.seed))})" if args.seed else "")
    seen = list(examples(cases))
    show(f"qhnews {qhnews.__version__}, {what}", calibrate([(c, ok) for c, _, ok in seen]))
    if args.fit:
        base = ConfidenceWeights()
        weights = fit([(e, ok) for _, e, ok in seen], args.l2, base)
        print("\nFitted weights (the defaults of ConfidenceWeights):")
        print("| term | stored | fitted |")
        print("|---|---:|---:|")
        for name in ("intercept", *(t.name for t in TERMS)):
            print(f"| {name} | {getattr(base, name):+.2f} | {getattr(weights, name):+.2f} |")
        refit = [(round(confidence(e, weights)[0], 3), ok) for _, e, ok in seen]
        print()
        show("The fitted weights on the same pages (in sample)", calibrate(refit))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
