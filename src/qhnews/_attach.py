"""Stage 6, assemble, step 2: give each headline group to an article.

Newspapers print a headline before its body, after it, or grouped with other
articles' headlines after a later article. Each cluster is split into headline
groups and each group is given to an article by one dynamic programme over the
whole page, under the printed order: groups keep the order of their articles,
an article takes at most one group, a group goes to an article before it or to
the one right after it. A group scores by how much it shares with the article's
body (character bigrams weighted by how rare they are on the page: names and
places weigh most), by position (right after or right before the body) and by
its inner shape (``_headline``).
"""

from __future__ import annotations

import bisect
import itertools
import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

from qhnews import _patterns as pat
from qhnews._headline import _Roles, _roles
from qhnews._segment import _Cluster, _Draft, _HLine

if TYPE_CHECKING:
    from qhnews._assemble import AssembleOptions


def _bigrams(text: str) -> set[int]:
    """The pairs of adjacent letters and digits of a text, punctuation and spaces skipped.

    A pair is the 64-bit integer of its two UTF-32 code units: read straight
    from the encoded text, at even and at odd character offsets, without
    making a string per pair.

    Examples:
        >>> len(_bigrams("青洽会，青洽")), _bigrams("青洽") == _bigrams("，青 洽。")
        (3, True)
    """
    data = pat.NOT_ALNUM.sub("", text).encode("utf-32-le")
    view = memoryview(data)
    grams = set(view[: len(data) // 8 * 8].cast("Q"))
    grams.update(view[4 : 4 + max(0, len(data) - 4) // 8 * 8].cast("Q"))
    return grams


class _Attacher:
    """The dynamic programme that gives headline groups to articles.

    A group is scored against the bodies within ``reach`` before it only, so
    the work per group is bounded however many articles the page holds. The
    bigrams of the bodies are kept only where a headline has them: for each
    such bigram, the sorted list of the bodies that have it.
    """

    MAX_GROUP = 4

    def __init__(self, drafts: Sequence[_Draft], clusters: Sequence[_Cluster], opts: AssembleOptions) -> None:
        self.opts = opts
        self.m = len(drafts)
        self.headless_costs = [0.0 if d.continued_from else opts.headless_cost for d in drafts]
        # The weight of a bigram that n bodies have (a bigram no body has weighs as one that one has).
        self.idf = [math.log(1 + self.m / max(1, n)) for n in range(self.m + 1)]
        self.lines: list[_HLine] = []
        self.pos: list[int] = []
        self.end: list[int] = []
        self.forced: list[bool] = []
        for cl in clusters:
            stop = len(self.lines) + len(cl.lines)
            for h in cl.lines:
                self.lines.append(h)
                self.pos.append(cl.position)
                self.end.append(stop)
                self.forced.append(cl.forced)
        # A group joins adjacent lines of one cluster: its bigrams are among its cluster's.
        wanted: set[int] = set()
        for cl in clusters:
            wanted.update(_bigrams("".join(h.text for h in cl.lines)))
        self.bodies: dict[int, list[int]] = {}  # headline bigram -> the bodies that have it, in order
        for t, d in enumerate(drafts):
            for g in _bigrams("".join(b.text for b in d.blocks)) & wanted:
                self.bodies.setdefault(g, []).append(t)
        self._roles: dict[tuple[int, int], _Roles] = {}
        self._sim: dict[tuple[int, int], list[float]] = {}  # by group
        self._grams: dict[str, tuple[dict[int, float], float]] = {}
        self._over: dict[tuple[str, int, int], list[float]] = {}

    def roles(self, h: int, k: int) -> _Roles:
        key = (h, k)
        if key not in self._roles:
            self._roles[key] = _roles(self.lines[h:k])
        return self._roles[key]

    def window(self, h: int) -> tuple[int, int]:
        """The first and last article that line ``h``'s group may go to."""
        p = self.pos[h]
        return max(0, p - self.opts.reach), min(p, self.m - 1)

    def _weighted(self, text: str) -> tuple[dict[int, float], float]:
        """A text's bigrams weighted by their rarity among the bodies (idf), and their sum."""
        if text not in self._grams:
            idf, get = self.idf, self.bodies.get
            weights = {g: idf[len(have)] if (have := get(g)) else idf[0] for g in _bigrams(text)}
            self._grams[text] = (weights, sum(weights.values()))
        return self._grams[text]

    def _overlaps(self, text: str, low: int, high: int) -> list[float]:
        """The weighted share of the text's bigrams that each body ``low..high`` has."""
        key = (text, low, high)  # one text may stand in clusters with other windows
        if key in self._over:
            return self._over[key]
        weights, total = self._weighted(text)
        sums: list[float] = [0] * (high - low + 1)  # int 0, as sum() starts
        if total:
            get = self.bodies.get
            for g, w in weights.items():  # in the order of the weights, as a sum over them would add
                have = get(g)
                if not have or have[0] > high or have[-1] < low:
                    continue
                if low > have[0] or have[-1] > high:  # only part of the list lies in the window
                    have = have[bisect.bisect_left(have, low) : bisect.bisect_right(have, high)]
                for t in have:
                    sums[t - low] += w
        self._over[key] = out = [s / total if total else 0.0 for s in sums]
        return out

    def similarities(self, h: int, k: int) -> list[float]:
        """How much the group ``h:k`` shares with each body in its window (see ``window``).

        The mean of what the whole group shares and what its best line shares.
        """
        key = (h, k)
        if key not in self._sim:
            low, high = self.window(h)
            whole = self._overlaps("".join(x.text for x in self.lines[h:k]), low, high)
            lines = [self._overlaps(self.lines[i].text, low, high) for i in range(h, k)]
            best = [max(col) for col in zip(*lines, strict=True)]
            self._sim[key] = [(w + b) / 2 for w, b in zip(whole, best, strict=True)]
        return self._sim[key]

    def similarity(self, h: int, k: int, t: int) -> float:
        """How much the group ``h:k`` shares with body ``t`` (an article in its window)."""
        low, high = self.window(h)
        assert low <= t <= high, (t, low, high)
        return self.similarities(h, k)[t - low]

    def attach_scores(self, h: int, k: int, top: int) -> list[float]:
        """The score of giving the group ``h:k`` to each article from its window's first to ``top``."""
        o = self.opts
        p = self.pos[h]
        low = self.window(h)[0]
        shape = self.roles(h, k).shape
        sims = self.similarities(h, k)
        out = []
        for t in range(low, top + 1):
            score = o.similarity_weight * sims[t - low] - o.attach_cost + shape
            if t in (p - 1, p):
                score += o.adjacency_bonus
            else:
                score -= 0.05 * (p - 1 - t)
            out.append(score)
        return out

    def idle_score(self, h: int, k: int) -> float:
        if self.pos[h] == 0:
            return self.opts.banner_score + min(0.0, self.roles(h, k).shape)
        return -self.opts.unattached_cost + min(0.0, self.roles(h, k).shape)

    def solve(self) -> list[tuple[int, int, int | None]]:
        """Return the groups as (first line, end line, article or None).

        ``best[h][a]`` is the best score of lines ``h:`` when no article
        before ``a`` may take them any more (the order is kept). An attachment
        score does not depend on ``a``, so the scores of one group are computed
        once and ``a`` reads the best of them from a suffix maximum (the lowest
        article wins a tie, as in a plain loop over the articles).
        """
        n, m = len(self.lines), self.m
        if m == 0:  # no article to give anything to
            return [(h, h + 1, None) for h in range(n)]
        best: list[dict[int, tuple[float, int, int | None]]] = [{} for _ in range(n + 1)]
        lows = [self.window(h)[0] for h in range(n)]
        # headless[a] is what articles 0..a-1 cost when none gets a headline:
        # skipping articles a..t-1 to give a group to t costs headless[t] - headless[a].
        headless = list(itertools.accumulate(self.headless_costs, initial=0.0))

        def after(k: int, a: int) -> float:
            a = min(a, m)
            if k == n:
                return headless[a] - headless[m]
            nxt = max(a, lows[k])
            return best[k][nxt][0] + headless[a] - headless[nxt]

        for h in range(n - 1, -1, -1):
            p, low, end = self.pos[h], lows[h], self.end[h]
            options = []
            for k in range(h + 1, min(end, h + self.MAX_GROUP) + 1):
                last = k == end
                top = min(p, m - 1) if last else min(p - 1, m - 1)  # only a group's last line ends at its own slot
                scores = {
                    t: s - headless[t] + after(k, t + 1) for t, s in enumerate(self.attach_scores(h, k, top), start=low)
                }
                suffix: list[tuple[float, int]] = []
                run = (-math.inf, -1)
                for t in range(top, low - 1, -1):
                    if scores[t] >= run[0]:
                        run = (scores[t], t)
                    suffix.append(run)
                suffix.reverse()
                options.append((k, last, self.idle_score(h, k), scores, suffix))
            for a in range(low, p + 2):
                choice: tuple[float, int, int | None] = (-math.inf, h + 1, None)
                skipped = headless[min(a, m)]
                for k, last, idle, scores, suffix in options:
                    if self.forced[h] and last and a <= p < m:  # the group ends before article p's body
                        if scores[p] + skipped > choice[0]:
                            choice = (scores[p] + skipped, k, p)
                        continue
                    s = idle + after(k, a)
                    if s > choice[0]:
                        choice = (s, k, None)
                    if a - low < len(suffix):
                        s, t = suffix[a - low]
                        if s + skipped > choice[0]:
                            choice = (s + skipped, k, t)
                best[h][a] = choice
        out: list[tuple[int, int, int | None]] = []
        h, a = 0, 0
        while h < n:
            a = max(a, lows[h])
            _, k, target = best[h][a]
            out.append((h, k, target))
            if target is not None:
                a = target + 1
            h = k
        return self._repair(out)

    def _repair(self, groups: list[tuple[int, int, int | None]]) -> list[tuple[int, int, int | None]]:
        """Give a group left over to a headless article it clearly belongs to.

        OCR may read headlines grouped after a later article out of their
        printed order; the programme above keeps the order, so a group it had
        to leave over still goes to a headless article within reach when it
        shares much with that article's body.
        """
        taken = {t for _, _, t in groups if t is not None}
        out = list(groups)
        for i, (h, k, t) in enumerate(groups):
            if t is not None or self.pos[h] == 0:
                continue
            low, high = self.window(h)
            free = [c for c in range(low, high + 1) if c not in taken]
            scored = [(self.similarity(h, k, c), c) for c in free]
            if scored:
                sim, c = max(scored)
                if sim >= self.opts.repair_similarity:
                    out[i] = (h, k, c)
                    taken.add(c)
        return out
