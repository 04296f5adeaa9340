"""Stage 6, assemble: cut the page into articles and give each its headline.

Two steps.

**Segment.** Walk the classified units in page order. A lead byline starts an
article; a trailing byline or a continuation jump ends one; a heading byline
starts one whose headline is the heading group printed just above it. Heading
lines met between paragraphs of one article are in-body subheadings unless
the page says otherwise: a profile line, a subtitle line (——…), a kicker and
title pair, a headline wider than the column, or a next paragraph that opens
like a news lead (a date, "记者…获悉") all mark an article boundary. Heading
lines met at a boundary gather into a *cluster*.

**Attach.** Newspapers print a headline before its body, after it, or grouped
with other articles' headlines after a later article. Each cluster is split
into headline groups and each group is given to an article by one dynamic
programme over the whole page, under the printed order: groups keep the order
of their articles, an article takes at most one group, a group goes to an
article before it or to the one right after it. A group scores by how much
it shares with the article's body (character bigrams weighted by how rare
they are on the page: names and places weigh most), by position (right after
or right before the body) and by its inner shape (a kicker that ends "…时强调",
a "——" subtitle, a profile line above a title). A group no article takes at
the page top is a page banner.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import math
from collections.abc import Sequence

import attrs

from qhnews import _patterns as pat
from qhnews._classify import BylineUnit, CaptionUnit, FurnitureUnit, HeadingRun, JumpUnit, Para, SpeakerUnit, Unit
from qhnews._records import (
    Article,
    BodyBlock,
    Byline,
    BylinePosition,
    Caption,
    Diagnostic,
    Furniture,
    Leftover,
    Span,
    Speaker,
)

__all__ = ["AssembleOptions", "Assembled", "assemble"]


@attrs.frozen
class AssembleOptions:
    """Weights of the headline attachment.

    Attributes:
        reach: How many articles back a headline group may be printed after its body.
        similarity_weight: Weight of the body similarity of a headline group.
        adjacency_bonus: Bonus for a group printed right after or right before its body.
        attach_cost: Cost of attaching a group (a weak match must beat leaving it).
        unattached_cost: Cost of a group no article takes.
        banner_score: Score of a group at the page top taken as a page banner.
        repair_similarity: Similarity at which a group left over by the ordered
            programme still goes to a headless article.
        headless_cost: Cost of an article left without any headline group
            (but one continued from another page, 上接…, which may have none).
    """

    reach: int = 8
    similarity_weight: float = 2.0
    adjacency_bonus: float = 0.35
    attach_cost: float = 0.25
    unattached_cost: float = 0.2
    banner_score: float = 0.0
    repair_similarity: float = 0.4
    headless_cost: float = 0.3


@attrs.frozen
class Assembled:
    """The articles of a page, its banners and what no article took."""

    articles: tuple[Article, ...]
    page_headings: tuple[str, ...]
    leftovers: tuple[Leftover, ...]
    diagnostics: tuple[Diagnostic, ...]
    furniture: tuple[Furniture, ...] = ()


@attrs.define
class _Draft:
    blocks: list[BodyBlock] = attrs.Factory(list)
    bylines: list[Byline] = attrs.Factory(list)
    spans: list[Span] = attrs.Factory(list)
    ended: bool = False
    continued_to: str | None = None
    continued_from: str | None = None
    captions: list[Caption] = attrs.Factory(list)

    @property
    def has_text(self) -> bool:
        return bool(self.captions) or any(b.kind == "paragraph" for b in self.blocks)

    @property
    def has_lead(self) -> bool:
        return any(b.position is BylinePosition.LEAD for b in self.bylines)


@attrs.frozen
class _HLine:
    text: str
    span: Span
    speaker: Speaker | None = None


@attrs.define
class _Cluster:
    position: int  # articles before it
    lines: list[_HLine] = attrs.Factory(list)
    forced: bool = False  # its last group heads the next article (a heading byline follows)


_WIDE = 6  # cells wider than the column: headline type

# --- segment ---------------------------------------------------------------------


def _subheading_text(run: HeadingRun) -> str:
    return run.text


def _is_boundary(items: Sequence[HeadingRun | SpeakerUnit], cur: _Draft | None, nxt: Para) -> bool:
    if cur is None or cur.ended or not cur.has_text or nxt.jump_from is not None:
        return True
    if len(items) != 1 or isinstance(items[0], SpeakerUnit):
        return True
    run = items[0]
    texts = [h.text for h in run.lines]
    if run.text.endswith(("——", "—")):
        return False
    if any(t.startswith(("——", "—")) or pat.SECTION_DOT.match(t) for t in texts):
        return True
    if len(texts) >= 2 and pat.KICKER_END.search(texts[0]) and len(texts[0]) < len(run.text) - 2:
        return True
    if any(h.width >= h.column + _WIDE for h in run.lines):
        return True  # set in a larger type than the body
    if len(texts) >= 2 and any(pat.HAN_SPACE.search(t) or pat.SUBTITLE_WHO.search(t) for t in texts):
        return True  # "A B" phrases and who-did lines are headline idiom, not subheadings
    return pat.DATE_LEAD.match(nxt.text) is not None


def _reads_as_subheading(text: str) -> bool:
    """Running text that is a subheading: it ends with "——", or ends no sentence and is short."""
    if pat.STOPS.search(text):
        return False
    if text.endswith(("——", "—")):
        return len(text) <= 50
    return len(text) <= 40 and pat.SENTENCE_END.search(text) is None and not pat.clause_open(text)


def _segment(units: Sequence[Unit]) -> tuple[list[_Draft], list[_Cluster], list[Leftover]]:
    drafts: list[_Draft] = []
    clusters: list[_Cluster] = []
    leftovers: list[Leftover] = []
    pending: list[HeadingRun | SpeakerUnit] = []
    forced = False
    cur: _Draft | None = None

    def flush_pending(force: bool = False) -> None:
        nonlocal pending, forced
        if pending:
            cl = _Cluster(len(drafts), forced=force)
            for item in pending:
                if isinstance(item, SpeakerUnit):
                    sp = item.speaker
                    cl.lines.append(_HLine(sp.text, sp.span, speaker=sp))
                else:
                    for h in item.lines:
                        cl.lines.append(_HLine(h.text, h.span))
            clusters.append(cl)
        pending, forced = [], False

    def start(force: bool = False) -> _Draft:
        nonlocal cur
        flush_pending(force)
        cur = _Draft()
        drafts.append(cur)
        return cur

    for unit in units:
        if isinstance(unit, (HeadingRun, SpeakerUnit)):
            pending.append(unit)
            continue
        if isinstance(unit, BylineUnit):
            b = unit.byline
            if b.position is BylinePosition.TRAILING and cur is not None and not pending:
                cur.bylines.append(b)
                cur.spans.append(b.span)
                cur.ended = True
            elif b.position is BylinePosition.TRAILING and cur is None and not pending:
                leftovers.append(Leftover(b.text, b.span))
            elif b.position is BylinePosition.LEAD:
                d = start()
                d.bylines.append(b)
                d.spans.append(b.span)
            else:
                d = start(force=bool(pending))
                d.bylines.append(b)
                d.spans.append(b.span)
            continue
        if isinstance(unit, FurnitureUnit):  # set aside by assemble(): no article's text
            continue
        if isinstance(unit, CaptionUnit):
            # A caption goes with the article it is printed in; under a headline
            # of its own (a picture story) it opens an article.
            d = start() if pending or cur is None else cur
            d.captions.append(unit.caption)
            d.spans.append(unit.caption.span)
            continue
        if isinstance(unit, JumpUnit):
            if cur is not None and not pending and cur.continued_to is None:
                cur.continued_to = unit.page
                cur.spans.append(unit.span)
                cur.ended = True
            else:
                leftovers.append(Leftover(unit.text, unit.span))
            continue
        para = unit
        if pending:
            if _is_boundary(pending, cur, para):
                d = start()
            else:
                assert cur is not None
                for item in pending:
                    assert isinstance(item, HeadingRun)
                    cur.blocks.append(BodyBlock("subheading", _subheading_text(item), item.span))
                    cur.spans.append(item.span)
                pending = []
                d = cur
        elif cur is None or cur.ended or (para.jump_from is not None and cur.has_text):
            d = start()  # (上接第一版) opens the rest of an article continued from another page
        else:
            d = cur
        if para.jump_from is not None and not d.has_text:
            d.continued_from = para.jump_from
        if para.text:
            kind = "paragraph"
            if _reads_as_subheading(para.text):
                kind = "subheading"
            d.blocks.append(BodyBlock(kind, para.text, para.span))
        d.spans.append(para.span)
    flush_pending()
    _split_run_together(drafts, clusters)
    return drafts, clusters, leftovers


def _split_run_together(drafts: list[_Draft], clusters: list[_Cluster]) -> None:
    """Cut apart two articles that ran together without a headline between them.

    An article carries a lead byline or a trailing one; one that opens with
    a lead byline and closes with a trailing byline naming other people is two
    articles. The second starts at the first later paragraph that opens like
    a news lead (a date, "记者…获悉").
    """
    i = 0
    while i < len(drafts):
        d = drafts[i]
        lead = [b for b in d.bylines if b.position is BylinePosition.LEAD]
        trail = [b for b in d.bylines if b.position is BylinePosition.TRAILING]
        cut = None
        if lead and trail and not {p.name for p in lead[0].people} & {p.name for p in trail[-1].people}:
            cut = next(
                (j for j, b in enumerate(d.blocks) if j > 0 and b.kind == "paragraph" and pat.DATE_LEAD.match(b.text)),
                None,
            )
        if cut is None:
            i += 1
            continue
        at = d.blocks[cut].span.start
        second = _Draft(
            blocks=d.blocks[cut:],
            bylines=[b for b in d.bylines if b.span.start >= at],
            spans=[x for x in d.spans if x.start >= at],
            ended=d.ended,
            continued_to=d.continued_to,
        )
        d.blocks = d.blocks[:cut]
        d.bylines = [b for b in d.bylines if b.span.start < at]
        d.spans = [x for x in d.spans if x.start < at]
        d.ended, d.continued_to = True, None
        drafts.insert(i + 1, second)
        for cl in clusters:
            if cl.position > i:
                cl.position += 1
        i += 1


# --- attach ------------------------------------------------------------------------


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


@attrs.frozen
class _Roles:
    section: str | None
    kicker: str | None
    title: str | None
    subtitles: tuple[str, ...]
    speaker: Speaker | None
    shape: float


@functools.lru_cache(maxsize=4096)
def _shape_flags(text: str) -> tuple[bool, bool, bool, bool, bool]:
    """(section label, subtitle dash, who-did subtitle, kicker end, kicker only) of one line."""
    return (
        pat.SECTION_DOT.match(text) is not None,
        text.startswith(("——", "—")),
        pat.SUBTITLE_WHO.search(text) is not None,
        pat.KICKER_END.search(text) is not None,
        pat.kicker_only(text),
    )


_WHO_DID_CHARS = 8  # a name and a verb: "X主持并讲话"; a title that ends so is longer ("X会见Y代表团")


def _roles(group: Sequence[_HLine]) -> _Roles:
    if len(group) == 1 and group[0].speaker is None:  # the common case, kept cheap
        text = group[0].text
        if _shape_flags(text)[4]:
            return _Roles(None, text, None, (), None, 0.0)
        if _shape_flags(text)[1]:
            return _Roles(None, None, None, (text,), None, -1.0)  # a subtitle without its title
        if _shape_flags(text)[2] and len(text) <= _WHO_DID_CHARS:
            return _Roles(None, None, text, (), None, -0.5)  # "X讲话" alone: a subtitle whose title is elsewhere
        if _shape_flags(text)[0]:
            return _Roles(None, None, text, (), None, -0.3)  # "A·B" alone: most often a section label over a title
        return _Roles(None, None, text, (), None, 0.0)
    speaker = next((h.speaker for h in group if h.speaker is not None), None)
    lines = [h.text for h in group if h.speaker is None]
    shape = 0.0
    if speaker is not None:
        shape += 0.4 if lines else -0.6
        if sum(h.speaker is not None for h in group) > 1:
            shape -= 1.0
        # A profile line opens its headline group, under a section label at most:
        # a line above it belongs to the group before.
        before = next(i for i, h in enumerate(group) if h.speaker is not None)
        if before > 1 or (before == 1 and not _shape_flags(group[0].text)[0]):
            shape -= 1.0
    section = None
    if len(lines) >= 2 and _shape_flags(lines[0])[0]:
        section, lines = lines[0], lines[1:]
        shape += 0.3
    subtitles: list[str] = []
    dash = next((i for i, t in enumerate(lines) if _shape_flags(t)[1]), None)
    if dash is not None:
        lines, subtitles = lines[:dash], lines[dash:]
        shape += 0.4 if lines else -1.0
    elif len(lines) >= 2 and _shape_flags(lines[-1])[2] and not _shape_flags(lines[-2])[3]:
        subtitles = [lines.pop()]
        shape += 0.3
    kicker = title = None
    if len(lines) == 1 and not subtitles and _shape_flags(lines[0])[4]:
        kicker = lines[0]  # "X在Y调研时强调" over a title the page does not show
    elif len(lines) == 1:
        title = lines[0]
    elif len(lines) >= 2:
        kicker, title = lines[0], lines[1]
        subtitles = lines[2:] + subtitles
        if _shape_flags(title)[4] and not _shape_flags(kicker)[4]:
            shape -= 1.0  # "X在Y调研时强调" heads a title, it stands under no other line
        elif _shape_flags(kicker)[2] and not _shape_flags(kicker)[3]:
            shape -= 1.0  # "X主持并讲话" stands under the title it belongs to, never over one
        elif _shape_flags(kicker)[3] or len(kicker) < 0.75 * len(title):
            shape += 0.4
        if len(lines) > 2:
            shape -= 0.3
    if title is None and kicker is None and not subtitles and section is None and speaker is None:
        shape -= 1.0
    return _Roles(section, kicker, title, tuple(subtitles), speaker, shape)


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


_CLUSTER_EDGE = 32  # heading lines kept at each end of an overlong cluster


def _bounded(clusters: list[_Cluster], leftovers: list[Leftover], diagnostics: list[Diagnostic]) -> list[_Cluster]:
    """Keep the ends of an overlong run of short lines; its middle heads no article.

    Headlines printed after their bodies stand at the start of a cluster, the
    headline of the next article at its end; a run of hundreds of short lines
    (a list, a table, verse) holds no headline in its middle.
    """
    out: list[_Cluster] = []
    for cl in clusters:
        if len(cl.lines) <= 2 * _CLUSTER_EDGE:
            out.append(cl)
            continue
        middle = cl.lines[_CLUSTER_EDGE:-_CLUSTER_EDGE]
        leftovers.extend(Leftover(x.text, x.span) for x in middle)
        span = Span.union(x.span for x in middle)
        diagnostics.append(Diagnostic("short-lines-run", f"{len(middle)} short lines taken for no headline", span))
        out.append(_Cluster(cl.position, cl.lines[:_CLUSTER_EDGE]))
        out.append(_Cluster(cl.position, cl.lines[-_CLUSTER_EDGE:], forced=cl.forced))
    return out


def assemble(units: Sequence[Unit], options: AssembleOptions | None = None) -> Assembled:
    """Cut classified units into articles and attach their headlines.

    Args:
        units: The classified units of one page, in page order.
        options: Weights of the headline attachment.

    Returns:
        The articles in the order of their bodies, page banners and leftovers.
    """
    opts = options or AssembleOptions()
    # Page furniture belongs to no article and cuts none: it is set aside first.
    furniture = tuple(Furniture(u.kind, u.text, u.span) for u in units if isinstance(u, FurnitureUnit))
    drafts, clusters, leftovers = _segment([u for u in units if not isinstance(u, FurnitureUnit)])
    diagnostics: list[Diagnostic] = []
    clusters = _bounded(clusters, leftovers, diagnostics)
    attacher = _Attacher(drafts, clusters, opts)
    groups = attacher.solve()
    heads: dict[int, tuple[_Roles, Span, float, bool]] = {}
    banners: list[str] = []
    for h, k, t in groups:
        span = Span.union(x.span for x in attacher.lines[h:k])
        assert span is not None
        if t is None:
            if attacher.pos[h] == 0:
                banners.extend(x.text for x in attacher.lines[h:k])
            else:
                leftovers.extend(Leftover(x.text, x.span) for x in attacher.lines[h:k])
                diagnostics.append(Diagnostic("headline-unattached", "no article took this headline", span))
            continue
        p = attacher.pos[h]
        heads[t] = (attacher.roles(h, k), span, attacher.similarity(h, k, t), t in (p - 1, p))
    articles: list[Article] = []
    for i, d in enumerate(drafts):
        spans = list(d.spans)
        notes: list[str] = []
        confidence = 1.0
        roles = None
        if i in heads:
            roles, hspan, sim, adjacent = heads[i]
            spans.append(hspan)
            if not adjacent:
                notes.append(f"headline attached by content similarity ({sim:.2f}) rather than position")
                confidence = min(confidence, 0.5 + sim)
            elif sim < 0.1:
                notes.append(f"headline attached by position; it shares little with the body ({sim:.2f})")
                confidence = min(confidence, 0.7)
        else:
            notes.append("no headline found for this article")
            confidence = min(confidence, 0.7)
        if not d.has_text:
            notes.append("article has no body text")
            confidence = min(confidence, 0.3)
        articles.append(
            Article(
                title=roles.title if roles else None,
                kicker=roles.kicker if roles else None,
                subtitles=roles.subtitles if roles else (),
                section=roles.section if roles else None,
                bylines=tuple(sorted(d.bylines, key=lambda b: (b.span.start, b.position.value))),
                speaker=roles.speaker if roles else None,
                blocks=tuple(d.blocks),
                continued_to=d.continued_to,
                continued_from=d.continued_from,
                captions=tuple(d.captions),
                span=Span.union(spans),
                headline_span=heads[i][1] if i in heads else None,
                confidence=round(confidence, 3),
                notes=tuple(notes),
            )
        )
    leftovers.sort(key=lambda x: x.span.start)
    return Assembled(tuple(articles), tuple(banners), tuple(leftovers), tuple(diagnostics), furniture)
