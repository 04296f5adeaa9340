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

from collections.abc import Sequence

import attrs

from qhnews._attach import _Attacher
from qhnews._classify import Unit
from qhnews._headline import _Roles
from qhnews._records import Article, Diagnostic, Leftover, Span
from qhnews._segment import _Cluster, _segment

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
    drafts, clusters, leftovers = _segment(units)
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
                span=Span.union(spans),
                headline_span=heads[i][1] if i in heads else None,
                confidence=round(confidence, 3),
                notes=tuple(notes),
            )
        )
    leftovers.sort(key=lambda x: x.span.start)
    return Assembled(tuple(articles), tuple(banners), tuple(leftovers), tuple(diagnostics))
