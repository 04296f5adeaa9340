"""Stage 6, assemble: cut the page into articles and give each its headline.

The stage runs in four steps, one module each:

1. **Segment** (``_segment``): walk the classified units in page order and cut
   them into article drafts and *clusters* of heading lines met at article
   boundaries. Where an article starts is decided by the ``BOUNDARY`` rules,
   whether running text is a paragraph or a subheading by the ``BODY_KIND``
   rules.
2. **Bound** (here): keep the ends of an overlong cluster; its middle heads no
   article.
3. **Read and attach** (``_headline``, ``_attach``): split each cluster into
   headline groups, read each group's parts (kicker, title, …) with a shape
   score, and give each group to an article by one dynamic programme over the
   page, under the printed order.
4. **Build** (here): make the articles, each with its confidence, the chance
   that it is exactly right, and notes of what lowered it (``_confidence``); a
   group no article takes at the page top is a page banner, elsewhere a
   leftover with a diagnostic.

Every number of the stage is a field of [`AssembleOptions`][qhnews.AssembleOptions]
(the role weights of step 3 in its ``roles`` field, the confidence weights of
step 4 in its ``confidence`` field).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterator, Sequence

import attrs

from qhnews import _patterns as pat
from qhnews._attach import Attacher, Group
from qhnews._boundary import (
    CREDITED_AT_BOTH_ENDS,
    CREDITED_TWICE,
    HEADING_BYLINE,
    TITLE_AFTER_ITS_TEXT,
    TITLE_IN_TEXT,
    TOPIC_SHIFT,
)
from qhnews._classify import Unit
from qhnews._confidence import Attached, ConfidenceWeights, Evidence, confidence, page_evidence, rival_similarity
from qhnews._grams import bigrams, bigrams_among
from qhnews._headline import HeadlineReading
from qhnews._lineshape import RoleWeights
from qhnews._passes import caption_again, cut_in_two, release_group
from qhnews._records import Article, BodyBlock, Byline, BylinePosition, Diagnostic, Furniture, Leftover, Span
from qhnews._rules import reason
from qhnews._segment import Cluster, Draft, segment

__all__ = ["AssembleOptions", "Assembled", "assemble"]


@attrs.frozen
class AssembleOptions:
    """The thresholds and weights of stage 6: article boundaries, headline attachment, confidence.

    Lengths are in characters, widths in display cells (a Chinese character
    being two). Each field's ``step`` (in its attrs metadata) is the least
    change that means something: what a tuning or mutation run moves it by.

    Attributes:
        reach: How many articles back a headline group may be printed after its body.
        similarity_weight: Weight of the body similarity of a headline group.
        similarity_prior: Weight of bigrams added to a headline text's own when the share it
            has in a body is taken: a line of two characters that a body has says less than
            a line of twelve.
        stray_line_weight: Weight of what a group's lines share with another body within
            reach beyond what they share with the body the group goes to (each line's shortfall
            from its best body, averaged over the group's lines). The lines of one headline are
            about one story: where two groups are stacked between two bodies, a line about the
            body above belongs to the group above, however little it would dilute the other.
        adjacency_bonus: Bonus for a group printed right after or right before its body.
        attach_cost: Cost of attaching a group (a weak match must beat leaving it).
        unattached_cost: Cost of a group no article takes.
        banner_score: Score of a group at the page top taken as a page banner.
        glued_banner_cost: What a page banner costs that runs into the heading lines under it with no blank
            line, or that takes more than one line over heading lines of its own: a banner is set apart over
            the page, and a line glued over a headline is that headline's kicker. A group set right over the
            first article's dateline (本报讯…) or over a picture and its caption that open the page costs as
            much: a banner heads the lead story's own headline, and that group is the article's or the
            picture's.
        repair_similarity: Similarity at which a group left over by the ordered
            programme still goes to a headless article.
        headless_cost: Cost of an article left without any headline group
            (but one continued from another page, 上接…, which has its headline
            there, and an item of a short-news column, △…, which stands under
            the column's label with none of its own).
        distance_penalty: Cost per article between a group and the body it goes to,
            when it is not printed right after or right before it.
        max_group_lines: The most lines one headline group holds (a kicker, a title wrapped over
            two lines and two subtitles).
        cluster_edge: Heading lines kept at each end of an overlong cluster; a cluster
            of more than twice as many lines loses its middle to the leftovers.
        wide_margin: Cells by which a heading line must be wider than its column to be
            set in headline type (which starts an article).
        kicker_margin: Characters by which a kicker-like first line must be shorter than
            its whole heading run for the run to read as kicker and title.
        subheading_max_chars: The longest running text that ends no sentence and is read
            as a subheading.
        lead_in_max_chars: The longest running text ending with —— read as a lead-in subheading.
        common_share: Share of an article's blocks at or over which a bigram is the text's own vocabulary,
            no cue of a seam, when the cut of ``boundary.topic-shift`` is moved up by lexical cohesion.
        roles: The weights of a headline group's shape (see ``RoleWeights``).
        confidence: The weights of an article's confidence (see ``ConfidenceWeights``).
    """

    reach: int = attrs.field(default=8, metadata={"step": 1})
    similarity_weight: float = attrs.field(default=2.0, metadata={"step": 0.1})
    similarity_prior: float = attrs.field(default=3.0, metadata={"step": 0.5})
    stray_line_weight: float = attrs.field(default=0.4, metadata={"step": 0.05})
    adjacency_bonus: float = attrs.field(default=0.35, metadata={"step": 0.05})
    attach_cost: float = attrs.field(default=0.25, metadata={"step": 0.05})
    unattached_cost: float = attrs.field(default=0.2, metadata={"step": 0.05})
    banner_score: float = attrs.field(default=0.0, metadata={"step": 0.05})
    glued_banner_cost: float = attrs.field(default=0.3, metadata={"step": 0.1})
    repair_similarity: float = attrs.field(default=0.4, metadata={"step": 0.05})
    headless_cost: float = attrs.field(default=0.3, metadata={"step": 0.05})
    distance_penalty: float = attrs.field(default=0.05, metadata={"step": 0.01})
    max_group_lines: int = attrs.field(default=5, metadata={"step": 1})
    cluster_edge: int = attrs.field(default=32, metadata={"step": 1})
    wide_margin: int = attrs.field(default=6, metadata={"step": 1})
    kicker_margin: int = attrs.field(default=2, metadata={"step": 1})
    subheading_max_chars: int = attrs.field(default=40, metadata={"step": 1})
    lead_in_max_chars: int = attrs.field(default=50, metadata={"step": 1})
    common_share: float = attrs.field(default=0.75, metadata={"step": 0.05})
    roles: RoleWeights = attrs.field(factory=RoleWeights)
    confidence: ConfidenceWeights = attrs.field(factory=ConfidenceWeights)


@attrs.frozen
class Assembled:
    """The articles of a page, its banners and what no article took (and the evidence of each article's confidence)."""

    articles: tuple[Article, ...]
    page_headings: tuple[str, ...]
    leftovers: tuple[Leftover, ...]
    diagnostics: tuple[Diagnostic, ...]
    furniture: tuple[Furniture, ...] = ()
    evidence: tuple[Evidence, ...] = ()


@attrs.frozen
class _Head:
    """A headline group given to an article."""

    attached: Attached
    span: Span

    @property
    def reading(self) -> HeadlineReading:
        return self.attached.reading


def _bounded(
    clusters: list[Cluster], edge: int, leftovers: list[Leftover], diagnostics: list[Diagnostic]
) -> list[Cluster]:
    """Keep the ends of an overlong run of short lines; its middle heads no article.

    Headlines printed after their bodies stand at the start of a cluster, the
    headline of the next article at its end; a run of hundreds of short lines
    (a list, a table, verse) holds no headline in its middle.
    """
    out: list[Cluster] = []
    for cl in clusters:
        if len(cl.lines) <= 2 * edge:
            out.append(cl)
            continue
        middle = cl.lines[edge:-edge]
        leftovers.extend(Leftover(x.text, x.span) for x in middle)
        span = Span.union(x.span for x in middle)
        diagnostics.append(Diagnostic("short-lines-run", f"{len(middle)} short lines taken for no headline", span))
        out.append(Cluster(cl.position, cl.lines[:edge]))
        out.append(Cluster(cl.position, cl.lines[-edge:], forced=cl.forced))
    return out


#: The reading of an article that no headline group went to.
_NO_READING = HeadlineReading(None, None, None, (), None, 0.0, ())


def _reading_order(b: Byline) -> tuple[bool, int, str]:
    """Bylines in the order an article is read: its heading byline first, then the others in page order.

    The heading byline stands under the headline, wherever the group was printed.
    """
    return (b.position is not BylinePosition.HEADING, b.span.start, b.position.value)


def _article(d: Draft, head: _Head | None, sure: tuple[float, tuple[str, ...]]) -> Article:
    """The article of a draft, the headline it was given, and its confidence and notes."""
    spans = list(d.spans)
    if head is not None:
        spans.append(head.span)
        spans.extend(b.span for b in head.reading.bylines)
    r = head.reading if head else _NO_READING
    return Article(
        title=r.title,
        kicker=r.kicker,
        subtitles=r.subtitles,
        section=r.section,
        bylines=tuple(sorted([*d.bylines, *r.bylines], key=_reading_order)),
        speaker=r.speaker,
        blocks=tuple(d.blocks),
        continued_to=d.continued_to,
        continued_from=d.continued_from,
        captions=tuple(d.captions),
        span=Span.union(spans),
        headline_span=head.span if head else None,
        confidence=round(sure[0], 3),
        notes=sure[1],
        opened_by=d.opened_by,
        headline_reasons=r.reasons,
    )


def _left_over(attacher: Attacher, groups: Sequence[Group]) -> list[Group]:
    """The groups no article took, page banners left out (the attachment weighs a banner against a title)."""
    return [g for g in groups if g[2] is None and attacher.articles_before[g[0]] > 0]


def _topic_cut(
    drafts: Sequence[Draft], attacher: Attacher, groups: Sequence[Group], h: int, k: int
) -> tuple[int, int] | None:
    """Where the text of an article within reach of the group ``h:k`` turns to what the group is about.

    Each block of an article's text leans to the group by what it shares with
    the group's words (each weighed by how few bodies have it) less what it
    shares with the article's own headline (for an article without one, less
    its blocks' mean share): the cut opens the run of blocks to the article's
    end that leans to the group most, where a paragraph opens it (a change
    point, TextTiling's dip in shared vocabulary read against the headlines).
    """
    own = {t: (a, b) for a, b, t in groups if t is not None}
    low, high = attacher.window(h)
    words = _weights(attacher, h, k)
    best: tuple[float, int, int] | None = None
    dip: tuple[float, int, int] | None = None
    for i in range(low, high + 1):
        blocks = drafts[i].blocks
        if len(blocks) < _TWO:
            continue
        lean = _shares(words, blocks)
        if i in own:
            lean = [a - b for a, b in zip(lean, _shares(_weights(attacher, *own[i]), blocks), strict=True)]
        else:
            lean = _centred(lean)
        # The group heads the text under the cut. (An article credited twice at its head, by its own lead
        # byline and the heading byline of the group it took, is cut after the solve: _credited_twice_cuts.)
        for c, run, above in _splits(lean):
            if blocks[c].kind != "paragraph":
                continue
            # a change point: one side leans to the group, the other away from it
            if above < 0 < run and (best is None or run > best[0]):
                best = (run, i, c)
            # else, where a word or two of the group's (a common verb, a place) tip the blocks above to it too, a
            # step: every block under the cut leans to the group more than any block above it does
            if run > 0 and max(lean[:c]) < min(lean[c:]):
                step = run / (len(lean) - c) - above / c
                if dip is None or step > dip[0]:
                    dip = (step, i, c)
    cut = best or dip
    if cut is None:
        return None
    return cut[1], _cohesive(drafts[cut[1]].blocks, cut[2], attacher.opts.common_share)


def _cohesive(blocks: Sequence[BodyBlock], c: int, common_share: float) -> int:
    """The cut before block ``c`` moved up past the paragraphs that share more words with the text under it.

    The lean weighs each block against the two headlines, and a paragraph at
    the seam that shares a word or two of the upper article's headline goes
    with the text above though it speaks of what the text below does (its
    people, places and bodies). Lexical cohesion (TextTiling) reads the seam
    itself: a paragraph goes with the neighbour it shares more of its words
    with, the words most blocks of the text have left out (a bigram in
    ``common_share`` of the blocks or more is the text's own vocabulary).
    """
    grams = [bigrams(b.text) for b in blocks]
    df = Counter(g for gs in grams for g in gs)
    common = len(blocks) * common_share
    while c > 1 and blocks[c - 1].kind == "paragraph":
        own = {g for g in grams[c - 1] if df[g] < common}
        if _overlap(own, grams[c]) <= _overlap(own, grams[c - 2]):
            break
        c -= 1
    return c


def _overlap(own: set[int], other: set[int]) -> float:
    """How much of a block's distinctive bigrams ``own`` another block has, against that block's size."""
    return len(own & other) / math.sqrt(len(other) or 1)


def _centred(lean: list[float]) -> list[float]:
    """The blocks' leans less their mean: a text whose blocks all share a group's words leans nowhere."""
    mean = sum(lean) / len(lean)
    return [a - mean for a in lean]


def _splits(lean: Sequence[float]) -> Iterator[tuple[int, float, float]]:
    """Each cut before block ``c``, from the last up: ``c``, what the blocks from ``c`` on lean, what those above do."""
    total, run = sum(lean), 0.0
    for c in range(len(lean) - 1, 0, -1):
        run += lean[c]
        yield c, run, total - run


#: An article's text cut in two needs two blocks.
_TWO = 2


def _weights(attacher: Attacher, h: int, k: int) -> dict[int, float]:
    """The bigrams of the group ``h:k`` (its byline left out), each weighed by how few bodies have it."""
    return _text_weights(attacher, "".join(attacher.texts[h:k]))


def _text_weights(attacher: Attacher, text: str) -> dict[int, float]:
    """The bigrams of a headline's ``text``, each weighed by how few bodies have it."""
    bodies, idf = attacher.bodies, attacher.idf
    return {g: idf[len(bodies.get(g, ()))] for g in bigrams(text)}


def _shares(words: dict[int, float], blocks: Sequence[BodyBlock]) -> list[float]:
    """What each block shares with a group's weighed ``words``, as a share of their whole weight."""
    total = sum(words.values()) or 1.0
    wanted = set(words)
    return [sum(words[g] for g in bigrams_among(b.text, wanted)) / total for b in blocks]


def _split_at_topic_shifts(
    drafts: list[Draft], clusters: list[Cluster], opts: AssembleOptions
) -> tuple[list[Draft], Attacher, list[Group]]:
    """Solve the attachment; where a headline group is left over, cut an article in two and solve again.

    The cuts tried for each group left over: where an article's text turns
    to the group's words (``_topic_cut``, rule ``boundary.topic-shift``),
    else at a subheading of a text within the group's reach taken for the
    next article's title (``TITLE_IN_TEXT``). Each is tried on the articles
    around the group only (twice ``reach`` before it, ``reach`` after), so
    the work stays linear in the page; a cut is kept when the attachment
    there then leaves fewer lines over and none that it did not leave before
    (of the subheadings, the one that leaves fewest). The groups are taken
    from the page's end, each clear of the articles a cut below it changed;
    the page is solved once more at the end.
    """
    attacher = Attacher(drafts, clusters, opts)
    groups = attacher.solve()
    left = _left_over(attacher, groups)
    floor = len(drafts)  # the articles from here on were changed by a cut: the first solve no longer tells them
    for h, k, _ in reversed(left):
        p = attacher.articles_before[h]
        lo, hi = max(0, p - 2 * opts.reach), min(len(drafts), p + opts.reach + 1)
        if hi > floor:
            continue
        # what the page leaves over among the clusters inside the span (those at its edges may go outside it)
        end = hi if hi < len(drafts) else hi + 1  # the page's end is no edge of the span
        lost = _lines_over(attacher, [g for g in left if lo < attacher.articles_before[g[0]] < end])
        cuts = list(_cuts(drafts, attacher, groups, (h, k)))
        cut = _local_cut(drafts, clusters, opts, cuts, span=(lo, hi), lost=lost, page_end=hi == len(drafts))
        if cut is not None:
            at, code = cut
            _cut(drafts, clusters, at, code, stop=hi)
            floor = at[0]
    if floor < len(drafts):  # a cut was made: solve the page as it now stands
        attacher = Attacher(drafts, clusters, opts)
        groups = attacher.solve()
    twice = [(at, CREDITED_TWICE) for at in _credited_twice_cuts(drafts, attacher, groups)]
    twice += [(at, CREDITED_AT_BOTH_ENDS) for at in _credited_at_both_ends(drafts, attacher, groups)]
    cut_already = {at[0] for at, _ in twice}
    twice += [
        (at, TITLE_AFTER_ITS_TEXT)
        for at in _titles_after_their_texts(drafts, attacher, groups)
        if at[0] not in cut_already
    ]
    for at, code in sorted(twice, reverse=True):  # from the page's end: the articles above keep their places
        cut_in_two(drafts, clusters, *at, code=code)
    if twice:
        attacher = Attacher(drafts, clusters, opts)
        groups = attacher.solve()
    return drafts, attacher, groups


def _credited_twice_cuts(drafts: Sequence[Draft], attacher: Attacher, groups: Sequence[Group]) -> list[tuple[int, int]]:
    """Where articles credited twice are cut (``boundary.credited-twice``): the article and the block.

    An article is credited once, at its head or at its end. One that opens
    with a lead byline naming people and took a group printed after its
    text whose heading byline names people is two, whoever they are (a
    page often carries several pieces by one reporter): the group heads the
    text from where the text turns to the group's words (a change point of
    the group's lean, as in ``_topic_cut``), the lead byline the text above.
    """
    cuts: list[tuple[int, int]] = []
    for h, k, t in groups:
        if t is None or attacher.articles_before[h] != t + 1:  # no group, or one printed over its body
            continue
        d = drafts[t]
        lead = {p.name for b in d.bylines if b.position is BylinePosition.LEAD for p in b.people}
        heading = _group_names(attacher, h, k)
        blocks = d.blocks
        if not lead or not heading or len(blocks) < _TWO:
            continue
        best: tuple[float, int] | None = None
        for c, run, above in _splits(_centred(_shares(_weights(attacher, h, k), blocks))):
            if run > 0 > above and (best is None or run > best[0]):
                best = (run, c)
        if best is not None:
            c = best[1]
            # a subheading right above the cut is a title printed between the two: the attachment places it
            cuts.append((t, c - 1 if c > 1 and blocks[c - 1].kind == "subheading" else c))
    return cuts


def _group_names(attacher: Attacher, h: int, k: int) -> set[str]:
    """The names the heading bylines of the group ``h:k`` credit."""
    return {p.name for x in attacher.lines[h:k] if x.byline is not None for p in x.byline.people}


def _credited_at_both_ends(
    drafts: Sequence[Draft], attacher: Attacher, groups: Sequence[Group]
) -> list[tuple[int, int]]:
    """Where articles credited at both ends are cut (``boundary.credited-at-both-ends``): the article and the block.

    An article is credited once. One whose head names a reporter (its lead
    byline, or the heading byline of the group it took) that its trailing
    byline names again is two articles: the second one's headline was
    printed between the two texts and read as a subheading. Of the
    subheadings that head a paragraph (a lead-in ending in —— runs into its
    text), the cut is at the one whose words the text under it shares more
    of than the text above does, the most so (a title's words recur in its
    own text); none such, no cut. At most one cut an article.
    """
    heading = {t: _group_names(attacher, h, k) for h, k, t in groups if t is not None}
    tail = BylinePosition.TRAILING
    cuts: list[tuple[int, int]] = []
    for t, d in enumerate(drafts):
        head = heading.get(t, set()) | {p.name for b in d.bylines if b.position is not tail for p in b.people}
        trailing = [b for b in d.bylines if b.position is tail and head & {p.name for p in b.people}]
        if not trailing:
            continue
        end = trailing[-1].span.start
        blocks = d.blocks
        best: tuple[float, int] | None = None
        for c in _titles_between(blocks):
            if blocks[c].span.start > end:
                break
            words = _text_weights(attacher, blocks[c].text)
            lean = _mean(_shares(words, blocks[c + 1 :])) - _mean(_shares(words, blocks[:c]))
            if lean > 0 and (best is None or lean > best[0]):
                best = (lean, c)
        if best is not None:
            cuts.append((t, best[1]))
    return cuts


def _titles_after_their_texts(
    drafts: Sequence[Draft], attacher: Attacher, groups: Sequence[Group]
) -> list[tuple[int, int]]:
    """Where a text that took a headline printed after it holds another's title (``boundary.title-after-its-text``).

    An article has one headline, and its text shares that headline's words.
    Where the headline an article took was printed after its text, a
    subheading in that text is the title of another article, printed after
    its own text too, when each part of the text reads as its own headline's:
    the text above the subheading shares more of the subheading's words than
    of the group's and more than the text under it does; the text under it
    more of the group's words than of the subheading's, and more than any
    block above does (a step of the group's lean).
    The texts are two, cut at that heading (the attachment places it); of
    several such subheadings, the one the text above leans to most.
    """
    cuts: list[tuple[int, int]] = []
    for h, k, t in groups:
        if t is None or attacher.articles_before[h] != t + 1:  # no group, or one printed over its body
            continue
        blocks = drafts[t].blocks
        candidates = list(_titles_between(blocks))
        if not candidates:  # most texts hold no subheading: the group's shares are not read
            continue
        group = _shares(_weights(attacher, h, k), blocks)
        best: tuple[float, int] | None = None
        for c in candidates:
            words = _text_weights(attacher, blocks[c].text)
            above, below = _mean(_shares(words, blocks[:c])), _mean(_shares(words, blocks[c + 1 :]))
            group_above, group_below = _mean(group[:c]), _mean(group[c + 1 :])
            # the group heads the text under the heading: no block above shares as much of its words as that
            # text does (a change point of the group's lean; a short paragraph under it may share few)
            step = max(group[:c]) < group_below
            own = above > max(below, group_above) and group_below > below and step
            if own and (best is None or above - below > best[0]):
                best = (above - below, c)
        if best is not None:
            cuts.append((t, best[1]))
    return cuts


def _titles_between(blocks: Sequence[BodyBlock]) -> Iterator[int]:
    """The subheadings of a text that may be a title printed between two texts: each heads a paragraph.

    A lead-in that ends in —— runs into the text under it: no title.
    """
    for c in range(1, len(blocks) - 1):
        block = blocks[c]
        if block.kind == "subheading" and blocks[c + 1].kind == "paragraph" and not pat.dash_end(block.text):
            yield c


def _mean(values: Sequence[float]) -> float:
    """The mean of some blocks' shares (a part of a text holds a block at least)."""
    return sum(values) / len(values)


def _cut(drafts: list[Draft], clusters: list[Cluster], at: tuple[int, int], code: str, *, stop: int) -> None:
    """Cut article ``at[0]`` before block ``at[1]`` (in place); under a title found in the text, give back groups.

    A title found in the text (``TITLE_IN_TEXT``): the groups with their
    bylines under it, up to the article ``stop`` (before the cut), were
    printed after their bodies, each read as the head of the next body; the
    attachment may give them back.
    """
    i, c = at
    cut_in_two(drafts, clusters, i, c, code=code)
    if code != TITLE_IN_TEXT:
        return
    for cl in clusters:
        if i + 1 < cl.position <= stop and cl.forced and drafts[cl.position].opened_by == HEADING_BYLINE:
            release_group(drafts[cl.position], cl, TITLE_IN_TEXT)


def _local_cut(
    drafts: Sequence[Draft],
    clusters: Sequence[Cluster],
    opts: AssembleOptions,
    cuts: Sequence[tuple[tuple[int, int], str]],
    *,
    span: tuple[int, int],
    lost: frozenset[int],
    page_end: bool,
) -> tuple[tuple[int, int], str] | None:
    """The cut that, on the articles ``span`` (first, end) and their clusters, leaves fewest lines over.

    Only a cut that leaves fewer lines over than ``lost`` (the lines the
    page leaves over among the clusters inside the span), and none that it
    did not leave before, is taken (``page_end``: the span ends the page, its
    last cluster too).
    """
    lo, hi = span
    cuts = [x for x in cuts if lo <= x[0][0] < hi]
    if not cuts:
        return None

    def local() -> tuple[list[Draft], list[Cluster]]:
        part = [attrs.evolve(d) for d in drafts[lo:hi]]
        heads = [
            attrs.evolve(cl, position=cl.position - lo, lines=list(cl.lines))
            for cl in clusters
            if lo <= cl.position <= hi
        ]
        return part, heads

    best: tuple[int, tuple[tuple[int, int], str]] | None = None
    for (i, c), code in cuts:
        part, heads = local()
        _cut(part, heads, (i - lo, c), code, stop=hi - lo)
        tried = Attacher(part, heads, opts)
        end = len(part) + 1 if page_end else len(part)
        inside = [g for g in _left_over(tried, tried.solve()) if tried.articles_before[g[0]] < end]
        still = _lines_over(tried, inside)
        # better only where no line is left over that was not before (a subheading taken for a title and left)
        if still < lost and (best is None or len(still) < best[0]):
            best = (len(still), ((i, c), code))
            if code == TOPIC_SHIFT:
                break  # the text itself shows where the group's article starts
    return None if best is None else best[1]


def _lines_over(attacher: Attacher, left: Sequence[Group]) -> frozenset[int]:
    """Where the lines of the groups left over start on the page."""
    return frozenset(x.span.start for h, k, _ in left for x in attacher.lines[h:k])


def _cuts(
    drafts: Sequence[Draft], attacher: Attacher, groups: Sequence[Group], group: tuple[int, int]
) -> Iterator[tuple[tuple[int, int], str]]:
    """The cuts to try for a group left over: (article, block) and the rule that makes it."""
    h, k = group
    cut = _topic_cut(drafts, attacher, groups, h, k)
    if cut is not None:
        yield cut, TOPIC_SHIFT
    low, high = attacher.window(h)
    for i in range(low, high + 1):
        blocks = drafts[i].blocks
        for c in _titles_between(blocks):
            yield (i, c), TITLE_IN_TEXT


JOINED_OVER = reason(
    "headline.joined-over",
    "A headline line no article took, printed in a cluster right over (or under) a group an article took, is "
    "that group's: the press prints no headline line that belongs to no article, and the lines of one headline "
    "stand together.",
)


def _join_left_over(attacher: Attacher, groups: Sequence[Group]) -> tuple[list[Group], set[tuple[int, int]]]:
    """Join each group left over mid-page to the group an article took right under it, else right over it.

    The cuts that a group left over calls for (``boundary.topic-shift``,
    ``boundary.title-in-text``) are made first: what is still left over is no
    other article's headline, and its lines go with the headline they stand
    beside in the same cluster (``headline.joined-over``): a kicker or title
    over its group, a subtitle under it. A page banner (over the first
    article) stays one, and so does a line whose joining would give a
    headline two profile lines (a headline has one; the reading keeps the
    first). Returns the groups and the (first, end) lines of those joined.
    """
    out = list(groups)
    joined: set[tuple[int, int]] = set()
    i = 0
    while i < len(out):
        h, k, t = out[i]
        end = attacher.cluster_end[h]
        under = out[i + 1] if i + 1 < len(out) else None
        over = out[i - 1] if i > 0 else None
        if t is not None or attacher.articles_before[h] == 0:
            pass
        elif under is not None and under[2] is not None and under[0] == k < end and _one_speaker(attacher, h, under[1]):
            out[i : i + 2] = [(h, under[1], under[2])]
            joined.add((h, under[1]))
        elif (
            over is not None
            and over[2] is not None
            and over[1] == h
            and attacher.cluster_end[over[0]] == end
            and _one_speaker(attacher, over[0], k)
        ):
            out[i - 1 : i + 1] = [(over[0], k, over[2])]
            joined.add((over[0], k))
            continue
        i += 1
    return out, joined


def _one_speaker(attacher: Attacher, h: int, k: int) -> bool:
    """The lines ``h:k`` hold one profile line at most: a headline has one (its reading keeps only the first)."""
    return sum(x.speaker is not None for x in attacher.lines[h:k]) <= 1


def _place(
    attacher: Attacher,
    groups: Sequence[Group],
    joined: set[tuple[int, int]],
    leftovers: list[Leftover],
    diagnostics: list[Diagnostic],
) -> tuple[dict[int, _Head], list[str]]:
    """Where each headline group the attachment solved for goes.

    An article's head, the page banners (before the first article) or the
    leftovers (with a diagnostic).
    """
    heads: dict[int, _Head] = {}
    banners: list[str] = []
    per_cluster = Counter(attacher.cluster_end[h] for h, _, _ in groups)
    for h, k, t in groups:
        lines = attacher.lines[h:k]
        span = Span.union(x.span for x in lines if x.byline is None) or Span.union(x.span for x in lines)
        assert span is not None
        if t is not None:
            sims, own = attacher.similarities(h, k), t - attacher.window(h)[0]
            reading = attacher.reading(h, k)
            if (h, k) in joined:
                reading = attrs.evolve(reading, reasons=(*reading.reasons, JOINED_OVER))
            attached = Attached(reading, sims[own], rival_similarity(sims, own), per_cluster[attacher.cluster_end[h]])
            heads[t] = _Head(attached, span)
        elif attacher.articles_before[h] == 0:
            banners.extend(x.text for x in lines)
        else:
            leftovers.extend(Leftover(x.text, x.span) for x in lines)
            diagnostics.append(Diagnostic("headline-unattached", "no article took this headline", span))
    return heads, banners


def assemble(units: Sequence[Unit], options: AssembleOptions | None = None) -> Assembled:
    """Cut classified units into articles and attach their headlines.

    Args:
        units: The classified units of one page, in page order.
        options: The thresholds and weights of the stage.

    Returns:
        The articles in the order of their bodies, page banners and leftovers.
    """
    opts = options or AssembleOptions()
    seg = segment(units, opts)
    drafts, clusters, leftovers = seg.drafts, seg.clusters, seg.leftovers
    diagnostics: list[Diagnostic] = []
    clusters = _bounded(clusters, opts.cluster_edge, leftovers, diagnostics)
    drafts, attacher, groups = _split_at_topic_shifts(drafts, clusters, opts)
    groups, joined = _join_left_over(attacher, groups)
    heads, banners = _place(attacher, groups, joined, leftovers, diagnostics)
    found = [heads.get(i) for i in range(len(drafts))]
    for d, h in zip(drafts, found, strict=True):
        if h is not None and h.reading.bylines:
            caption_again(d)
    evidence = page_evidence(drafts, [h.attached if h else None for h in found], bool(leftovers))
    articles = [_article(d, h, confidence(e, opts.confidence)) for d, h, e in zip(drafts, found, evidence, strict=True)]
    leftovers.sort(key=lambda x: x.span.start)
    return Assembled(
        tuple(articles), tuple(banners), tuple(leftovers), tuple(diagnostics), tuple(seg.furniture), tuple(evidence)
    )
