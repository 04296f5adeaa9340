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
import functools
import itertools
import math
import operator
from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

from qhnews._boundary import LEAD_BYLINE
from qhnews._grams import bigrams, bigrams_among
from qhnews._headline import PLAIN_SECOND_LINE, HeadlineReading, read_headline
from qhnews._lineshape import line_shape
from qhnews._segment import Cluster, Draft, HeadlineLine

if TYPE_CHECKING:
    from qhnews._assemble import AssembleOptions

__all__ = ["Attacher", "Group", "bigrams"]

#: A headline group: its first line, its end line and the article it goes to (None: no article).
Group = tuple[int, int, int | None]


def _kicker_cuts(lines: Sequence[HeadlineLine], cost: float) -> list[float]:
    """By line of a cluster: what a cut right above it costs (``RoleWeights.kicker_cut``).

    The press sets a kicker right over its title: a line right under a
    kicker-only line, no blank line between, is its title, and no group that
    an article takes ends on the kicker there.
    """
    out = [0.0] * len(lines)
    for i in range(1, len(lines)):
        above, line = lines[i - 1], lines[i]
        if (
            line.span.first_line == above.span.last_line + 1
            and above.byline is None
            and line_shape(above.text).kicker_only
        ):
            out[i] = cost
    return out


#: Scores closer than this are equal: the same terms added in another order differ in the last bits.
_TIE = 1e-9


class _Ending(NamedTuple):
    """One way to end the group that starts at a line, scored against each article it may go to."""

    end: int  # the group's end line
    last: bool  # it ends its cluster
    idle: float  # the score of leaving it to no article
    after: list[float]  # by article a from the window's first on: the best of the page after it (``_after``)
    scores: list[float]  # by article from the window's first on: the score of the page from here when it goes there
    best_from: list[tuple[float, int]]  # the best (score, article) from each article of the window on


#: The marks a short-news column's items open with.
_ITEM_MARKS = "◆◇△▲"


def _item(d: Draft) -> bool:
    """The draft is an item of a short-news column: its text opens with the column's mark."""
    return bool(d.blocks) and d.blocks[0].text[:1] in _ITEM_MARKS


def _picture_item(d: Draft) -> bool:
    """The draft is a picture and its caption alone: a picture story, or a photo-news item (its caption its text)."""
    paragraphs = sum(b.kind == "paragraph" for b in d.blocks)
    if d.captions and not paragraphs:
        return True
    # a photo-news item: one paragraph, credited by its photographer alone (…摄)
    return paragraphs == 1 and bool(d.bylines) and all(b.credit is not None and "摄" in b.credit for b in d.bylines)


def _headed_here(d: Draft) -> bool:
    """The first article opens where a headline stands right over it: at its dateline, or a picture's caption."""
    return d.opened_by == LEAD_BYLINE or _picture_item(d)


def _bodies_by_bigram(drafts: Sequence[Draft], clusters: Sequence[Cluster]) -> dict[int, list[int]]:
    """For each bigram a headline line has (its heading byline left out), the bodies that have it, in order."""
    wanted: set[int] = set()
    for cl in clusters:
        wanted.update(bigrams("".join(h.text for h in cl.lines if h.byline is None)))
    out: dict[int, list[int]] = {}
    for t, d in enumerate(drafts):
        body = "".join([*(b.text for b in d.blocks), *(c.text for c in d.captions)])
        for g in bigrams_among(body, wanted):
            out.setdefault(g, []).append(t)
    return out


class Attacher:
    """The dynamic programme that gives headline groups to articles.

    A group is scored against the bodies within ``reach`` before it only, so
    the work per group is bounded however many articles the page holds. The
    bigrams of the bodies are kept only where a headline has them: for each
    such bigram, the sorted list of the bodies that have it.
    """

    def __init__(self, drafts: Sequence[Draft], clusters: Sequence[Cluster], opts: AssembleOptions) -> None:
        self.opts = opts
        self.article_count = count = len(drafts)
        # A column's item (△…) stands under the column's label with no headline of its own, as an article
        # continued from another page has its headline there: neither costs anything left headless.
        self.headless_costs = [0.0 if d.continued_from or _item(d) else opts.headless_cost for d in drafts]
        # An article continued from another page (上接第N版) has its headline there: none printed after its text.
        self.continued = [d.continued_from is not None for d in drafts]
        # The weight of a bigram that n bodies have (a bigram no body has weighs as one that one has).
        self.idf = [math.log(1 + count / max(1, n)) for n in range(count + 1)]
        self.lines: list[HeadlineLine] = []
        self.articles_before: list[int] = []  # by line: the articles before its cluster
        self.cluster_end: list[int] = []  # by line: the end line of its cluster
        self.heads_next: list[bool] = []  # by line: its cluster's last group heads the next article
        self.kicker_cut: list[float] = []  # by line: what cutting a group right above it costs (see ``_endings``)
        for cl in clusters:
            self._add_cluster(cl)
        # An item of a short-news column printed right under another (no heading line between them) stands
        # under the column's label with the items before it: it takes no headline of its own.
        heads = {cl.position for cl in clusters if cl.lines}
        self.takes_none = [t > 0 and _item(d) and _item(drafts[t - 1]) and t not in heads for t, d in enumerate(drafts)]
        # A group joins adjacent lines of one cluster: its bigrams are among its cluster's.
        # A group's heading byline names its reporters, not what the body is about: it is not compared.
        self.texts = ["" if h.byline is not None else h.text for h in self.lines]
        self.bodies = _bodies_by_bigram(drafts, clusters)  # headline bigram -> the bodies that have it, in order
        self._drafts = drafts
        # by line: the first and last article its group may go to (see ``window``)
        self._windows = [(max(0, p - opts.reach), min(p, count - 1)) for p in self.articles_before]
        self._readings: dict[tuple[int, int], HeadlineReading] = {}
        self._sim: dict[tuple[int, int], list[float]] = {}  # by group
        self._grams: dict[str, tuple[list[tuple[float, list[int]]], float]] = {}
        self._over: dict[tuple[str, int, int], list[float]] = {}
        # The programme's table and what it reads (set by solve).
        self._best: list[list[tuple[float, int, int | None]]] = []  # by line h: by article a from h's window's first
        self._lows: list[int] = []
        self._headless: list[float] = []

    def _add_cluster(self, cl: Cluster) -> None:
        """Index the lines of one cluster: its position, its end, whether it heads the next article."""
        stop = len(self.lines) + len(cl.lines)
        self.kicker_cut.extend(_kicker_cuts(cl.lines, self.opts.roles.kicker_cut))
        for h in cl.lines:
            self.lines.append(h)
            self.articles_before.append(cl.position)
            self.cluster_end.append(stop)
            self.heads_next.append(cl.forced)

    def reading(self, h: int, k: int) -> HeadlineReading:
        """The parts of the group ``h:k`` and its shape score."""
        key = (h, k)
        if key not in self._readings:
            self._readings[key] = read_headline(self.lines[h:k], self.opts.roles, self.runs_on)
        return self._readings[key]

    def runs_on(self, upper: str, lower: str) -> bool:
        """Whether a body on the page has the pair of letters across the end of ``upper`` and the start of ``lower``.

        A title wrapped at the headline measure may cut a word in two (落|实):
        the bodies then have the pair; a kicker and its title meet at no word.
        """
        a, b = upper.rstrip()[-1:], lower.lstrip()[:1]
        if not (a.isalnum() and b.isalnum()):
            return False
        # side by side in a body: a word runs on, where the bigrams would also pair two words a mark parts
        return a + b in self.body_text

    @functools.cached_property
    def body_text(self) -> str:
        """The bodies' text, each block and caption on a line of its own: joined when ``runs_on`` first asks."""
        drafts = self._drafts
        return "\n".join([*(b.text for d in drafts for b in d.blocks), *(c.text for d in drafts for c in d.captions)])

    def window(self, h: int) -> tuple[int, int]:
        """The first and last article that line ``h``'s group may go to."""
        return self._windows[h]

    def _weighted(self, text: str) -> tuple[list[tuple[float, list[int]]], float]:
        """The bigrams of a text that some body has, and the sum of the weights of all its bigrams.

        Each shared bigram comes with its weight, its rarity among the bodies
        (idf), and the bodies that have it.
        """
        if text not in self._grams:
            idf, get, alone = self.idf, self.bodies.get, self.idf[0]  # a bigram no body has weighs as one body's
            shared: list[tuple[float, list[int]]] = []
            total: float = 0  # int 0, as sum() starts: the weights add up in the order of the bigrams
            for g in bigrams(text):
                have = get(g)
                if have:
                    w = idf[len(have)]
                    shared.append((w, have))
                    total += w
                else:
                    total += alone
            self._grams[text] = (shared, total)
        return self._grams[text]

    def _overlaps(self, text: str, low: int, high: int) -> list[float]:
        """The weighted share of the text's bigrams that each body ``low..high`` has."""
        key = (text, low, high)  # one text may stand in clusters with other windows
        if key in self._over:
            return self._over[key]
        shared, total = self._weighted(text)
        sums: list[float] = [0] * (high - low + 1)  # int 0, as sum() starts
        for w, have in shared:  # in the order of the bigrams, as a sum over them would add
            if have[0] > high or have[-1] < low:
                continue
            if low > have[0] or have[-1] > high:  # only part of the list lies in the window
                have = have[bisect.bisect_left(have, low) : bisect.bisect_right(have, high)]  # noqa: PLW2901
            for t in have:
                sums[t - low] += w
        # A few shared bigrams say little: the share is shrunk towards none by a prior weight.
        denominator = total + self.opts.similarity_prior
        self._over[key] = out = [s / denominator if denominator else 0.0 for s in sums]
        return out

    def similarities(self, h: int, k: int) -> list[float]:
        """How much the group ``h:k`` shares with each body in its window (see ``window``).

        The mean of what the whole group shares and what its best line shares.
        """
        key = (h, k)
        if key not in self._sim:
            low, high = self.window(h)
            whole = self._overlaps("".join(self.texts[h:k]), low, high)
            lines = self._line_overlaps(h, k)
            best = list(map(max, zip(*lines, strict=True)))
            self._sim[key] = [(w + b) / 2 for w, b in zip(whole, best, strict=True)]
        return self._sim[key]

    def _line_overlaps(self, h: int, k: int) -> list[list[float]]:
        """What each line of the group ``h:k`` shares with each body in its window."""
        low, high = self.window(h)
        return [self._overlaps(self.texts[i], low, high) for i in range(h, k)]

    def strays(self, h: int, k: int) -> list[float]:
        """For each body in the window: how far the lines of the group ``h:k`` fall short of their own best body.

        Each line's share in the body it shares most with, less its share in
        this one, averaged over the group's lines (none for a group of one
        line). The lines of one headline are about one story: weighed by
        ``stray_line_weight`` against the group's similarity, a line that
        shares little with either of two stacked groups' bodies goes with the
        body its words are about, not with whichever group it dilutes less.
        """
        low, high = self.window(h)
        if k == h + 1:  # a line alone: the group's similarity already says it
            return [0.0] * (high - low + 1)
        lines = self._line_overlaps(h, k)
        tops = [max(shares) for shares in lines]
        n = k - h
        # by body: the lines' shortfalls added by sum() in the order of the lines, as a sum over them would
        return [sum(map(operator.sub, tops, col)) / n for col in zip(*lines, strict=True)]

    def similarity(self, h: int, k: int, t: int) -> float:
        """How much the group ``h:k`` shares with body ``t`` (an article in its window)."""
        low, high = self.window(h)
        assert low <= t <= high, (t, low, high)
        return self.similarities(h, k)[t - low]

    def attach_scores(self, h: int, k: int, top: int) -> list[float]:
        """The score of giving the group ``h:k`` to each article from its window's first to ``top``."""
        o = self.opts
        p = self.articles_before[h]
        low = self._windows[h][0]
        reading = self.reading(h, k)
        shape = reading.shape
        if reading.title is None and reading.kicker is not None:
            # A kicker heads a title: no article's headline is a kicker alone (the repair may still give it
            # to the article whose body it shares most with, where the page printed its title apart).
            return [-math.inf] * (top + 1 - self._windows[h][0])
        sims = self.similarities(h, k)
        strays = self.strays(h, k) if o.stray_line_weight else None
        weight, base, bonus, penalty = o.similarity_weight, o.attach_cost, o.adjacency_bonus, o.distance_penalty
        out = []
        continued = self.continued
        for t in range(low, top + 1):
            sim = sims[t - low] if strays is None else sims[t - low] - o.stray_line_weight * strays[t - low]
            score = weight * sim - base + shape
            if (t < p and continued[t]) or self.takes_none[t]:
                # a headline after a continued article's text is another article's; a column's later item has none
                score = -math.inf
            elif t in (p - 1, p):
                score += bonus
            else:
                score -= penalty * (p - 1 - t)
            out.append(score)
        return out

    def idle_score(self, h: int, k: int) -> float:
        """The score of leaving the group ``h:k`` to no article (a banner at the page top)."""
        if self.articles_before[h] == 0:
            # a banner is set apart over the page: one glued over the heading lines under it is their kicker;
            # and a banner heads the lead story's own headline, so a group set right over the first article's
            # dateline (本报讯…) or over a picture and its caption is that article's headline or the picture's
            glued = (
                self._glued_over(k)
                or (k - h > 1 and k < self.cluster_end[h])
                or (k == self.cluster_end[h] and bool(self._drafts) and _headed_here(self._drafts[0]))
            )
            cost = self.opts.glued_banner_cost if glued else 0.0
            return self.opts.banner_score + min(0.0, self.reading(h, k).shape) - cost
        return -self.opts.unattached_cost + min(0.0, self.reading(h, k).shape)

    def _split_pair(self, h: int) -> bool:
        """Lines ``h``, ``h + 1``: a title over its plain second line across a blank, ``h`` glued under a line.

        A headline's lines are set alike: a line set right under another
        headline line (no blank between) and apart from the line under it goes
        with the lines it is set with, so the pair takes no bonus of the
        plain-second-line reading (``RoleWeights.plain_subtitle`` is taken back).
        """
        return (
            self._glued_over(h)
            and h + 1 < len(self.lines)
            and self.cluster_end[h + 1] == self.cluster_end[h]
            and not self._glued_over(h + 1)
            and PLAIN_SECOND_LINE in self.reading(h, h + 2).reasons
        )

    def _glued_over(self, k: int) -> bool:
        """Whether line ``k`` of the same cluster stands right under line ``k - 1``, with no blank line between."""
        return (
            0 < k < len(self.lines)
            and self.cluster_end[k - 1] == self.cluster_end[k]
            and self.lines[k].span.first_line == self.lines[k - 1].span.last_line + 1
        )

    def solve(self) -> list[Group]:
        """Return the groups as (first line, end line, article or None).

        ``best[h][a - low]`` (``low`` the first article of line ``h``'s
        window) is the best score of lines ``h:`` when no article
        before ``a`` may take them any more (the order is kept). An attachment
        score does not depend on ``a``, so the scores of one group are computed
        once and ``a`` reads the best of them from a suffix maximum (the lowest
        article wins a tie, as in a plain loop over the articles).
        """
        n = len(self.lines)
        if self.article_count == 0:  # no article to give anything to
            return [(h, h + 1, None) for h in range(n)]
        self._best = [[] for _ in range(n + 1)]
        self._lows = [self.window(h)[0] for h in range(n)]
        # headless[a] is what articles 0..a-1 cost when none gets a headline:
        # skipping articles a..t-1 to give a group to t costs headless[t] - headless[a].
        self._headless = list(itertools.accumulate(self.headless_costs, initial=0.0))
        for h in range(n - 1, -1, -1):
            self._best[h] = self._choose(h, self._endings(h))
        return self._repair(self._trace())

    def _after(self, k: int, a: int) -> float:
        """The best score of lines ``k:`` when articles before ``a`` may take none of them."""
        m, headless = self.article_count, self._headless
        if a > m:  # noqa: PLR1730 -- min() is a call on the programme's innermost path
            a = m
        if k == len(self.lines):
            return headless[a] - headless[m]
        low = self._lows[k]
        nxt = a if a > low else low
        return self._best[k][nxt - low][0] + headless[a] - headless[nxt]

    def _endings(self, h: int) -> list[_Ending]:
        """Every group that starts at line ``h``, scored against each article it may go to."""
        p, low, end, m = self.articles_before[h], self._lows[h], self.cluster_end[h], self.article_count
        headless = self._headless
        out = []
        stop = min(end, h + self.opts.max_group_lines)
        if stop < end and self.lines[stop].byline is not None:
            stop += 1  # a group's heading byline is no line of its headline
        for k in range(h + 1, stop + 1):
            closed = self.lines[k - 1].byline is not None  # the group ends with its heading byline
            if k < end and self.lines[k].byline is not None and not closed:
                continue  # a heading byline closes the group above it: no group ends right before one
            last = k == end
            top = min(p, m - 1) if last else min(p - 1, m - 1)  # only a group's last line ends at its own slot
            cut = 0.0 if last else self.kicker_cut[k]
            if k == h + 2 and self._split_pair(h):
                cut -= self.opts.roles.plain_subtitle  # the pair is no title over a plain second line
            # what follows the group, read once for the articles it may go to and those _choose starts from
            after = [self._after(k, a) for a in range(low, p + 2)]
            scores = [
                s + cut - skip + rest
                for s, skip, rest in zip(
                    self.attach_scores(h, k, top), headless[low : top + 1], after[1 : top + 2 - low], strict=True
                )
            ]
            best_from: list[tuple[float, int]] = []
            run = (-math.inf, -1)
            for t in range(top, low - 1, -1):
                s = scores[t - low]
                if s > run[0] + _TIE:  # a tie goes to the later article
                    run = (s, t)
                best_from.append(run)
            best_from.reverse()
            out.append(_Ending(k, last, self.idle_score(h, k), after, scores, best_from))
            if closed and (last or self.lines[k].byline is None):
                break  # no group runs on past its byline
        return out

    def _choose(self, h: int, endings: list[_Ending]) -> list[tuple[float, int, int | None]]:
        """By article ``a`` from the window's first on: the best (score, end line, article) for lines ``h:``.

        ``a`` is the first article that may still take them. Each ending is
        read once for all the articles ``a``: for each ``a`` the endings are
        weighed in their order, and a tie keeps the first.
        """
        p, low, m = self.articles_before[h], self._lows[h], self.article_count
        headless = self._headless
        starts = range(low, p + 2)
        choices: list[tuple[float, int, int | None]] = [(-math.inf, h + 1, None)] * len(starts)
        skipped = [headless[a if a < m else m] for a in starts]
        # the group that ends the cluster heads article p's body: for each a up to p, it goes to p
        forced = len(starts) - 1 if self.heads_next[h] and p < m else 0
        for k, last, idle, after, scores, best_from in endings:
            free = 0
            if last and forced:
                free = forced  # the starts a <= p: the group ends before article p's body
                score = scores[p - low]
                for i in range(forced):
                    if score + skipped[i] > choices[i][0]:
                        choices[i] = (score + skipped[i], k, p)
            reach = len(best_from)
            for i in range(free, len(starts)):
                s = idle + after[i]
                if s > choices[i][0]:
                    choices[i] = (s, k, None)
                if i < reach:
                    s, t = best_from[i]
                    if s + skipped[i] > choices[i][0]:
                        choices[i] = (s + skipped[i], k, t)
        return choices

    def _trace(self) -> list[Group]:
        """Read the chosen groups off the programme's table, from the first line on."""
        out: list[Group] = []
        h, a = 0, 0
        while h < len(self.lines):
            a = max(a, self._lows[h])
            _, k, target = self._best[h][a - self._lows[h]]
            out.append((h, k, target))
            if target is not None:
                a = target + 1
            h = k
        return out

    def _repair(self, groups: list[Group]) -> list[Group]:
        """Give a group left over to a headless article it clearly belongs to.

        OCR may read headlines grouped after a later article out of their
        printed order; the programme above keeps the order, so a group it had
        to leave over still goes to a headless article within reach when it
        shares much with that article's body.
        """
        taken = {t for _, _, t in groups if t is not None}
        out = list(groups)
        for i, (h, k, t) in enumerate(groups):
            if t is not None or self.articles_before[h] == 0:
                continue
            low, high = self.window(h)
            before = self.articles_before[h]
            free = [
                c
                for c in range(low, high + 1)
                if c not in taken and not (c < before and self.continued[c]) and not self.takes_none[c]
            ]
            scored = [(self.similarity(h, k, c), c) for c in free]
            if scored:
                sim, c = max(scored)
                if sim >= self.opts.repair_similarity:
                    out[i] = (h, k, c)
                    taken.add(c)
        return out
