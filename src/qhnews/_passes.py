"""Stage 6, assemble, step 1b: the passes over the drafts once the segment walk is done.

The walk decides at each seam from what it has met so far. What only the
whole page shows is put right after it: headline lines printed under the text
of the article before (``_headings_under_text``), a headline group with its
heading byline printed away from its body (``_bodyless_groups``), a credit
line set under an article's last paragraph (``_credits_after_text``) and two
articles that ran together (``_split_run_together``).
"""

from __future__ import annotations

import attrs

from qhnews import _patterns as pat
from qhnews._boundary import (
    AFTER_TRAILING_BYLINE,
    BYLINE_AFTER_HEADINGS,
    HEADING_BYLINE,
    HEADING_UNDER_TEXT,
    RUN_TOGETHER,
)
from qhnews._bylines import AUTHOR_NOTE
from qhnews._drafts import Cluster, Draft, HeadlineLine
from qhnews._forms import TOOK_PART
from qhnews._grams import bigrams
from qhnews._records import BodyBlock, Byline, BylinePosition
from qhnews._rules import reason

__all__ = [
    "CREDIT_AFTER_TEXT",
    "GROUP_BETWEEN_TEXTS",
    "after_the_walk",
    "caption_again",
    "cut_in_two",
    "release_group",
]


def after_the_walk(drafts: list[Draft], clusters: list[Cluster]) -> None:
    """Put right, in place, what only the whole page shows (see the module's docs)."""
    _headings_under_text(drafts, clusters)
    _bodyless_groups(drafts, clusters)
    _groups_between_texts(drafts, clusters)
    _credits_after_text(drafts, clusters)
    _split_run_together(drafts, clusters)
    _photo_news(drafts)


def _photo_news(drafts: list[Draft]) -> None:
    """A text with no byline that a credited caption closes is a photo-news item told in paragraphs.

    An article is credited once: where the only credit is the photographer's,
    under the last paragraph (…。记者 X 摄), the item is news told with a
    picture, its text the paragraphs, the credit its byline (``PHOTO_NEWS``;
    a caption that opens 图为… says what a picture shows and stays one).
    """
    for d in drafts:
        if d.bylines or not d.blocks or not d.captions or d.continued_to is not None:
            continue
        last = d.captions[-1]
        news = d.news.get(last.span.start)
        if news is None or any(b.span.end > last.span.start for b in d.blocks):
            continue
        d.captions.pop()
        d.blocks.append(news[0])
        d.bylines.append(news[1])
        d.told_as_news = last


def caption_again(d: Draft) -> None:
    """Undo a photo-news reading where the article's headline brought a heading byline (an article is credited once).

    A group printed after its body carries its byline with it, and the walk
    has not seen it when it reads a caption closing the text as the item's
    last paragraph and credit (``_photo_news``): credited at its head, the
    article is no photo-news item, and the photographer's credit is its
    caption's, as under any other picture set with a report.
    """
    caption = d.told_as_news
    if caption is None:
        return
    block, byline = d.news[caption.span.start]
    if block in d.blocks and byline in d.bylines:
        d.blocks.remove(block)
        d.bylines.remove(byline)
        d.captions.append(caption)
    d.told_as_news = None


def _headings_under_text(drafts: list[Draft], clusters: list[Cluster]) -> None:
    """Make headline lines of the subheadings an article's text ends with.

    A subheading heads the text under it. Short lines that end an article,
    with none of its text under them, are a headline printed with no blank
    line after the last paragraph: the next article's (over its byline or
    body), or this one's printed after its body. They join the cluster that
    stands before the next article (a new one if none does), ahead of its
    lines; over a heading byline with no headline of its own, they are its
    headline.
    """
    for i, d in enumerate(drafts):
        lines = _subheadings_under_text(d)
        if not lines:
            continue
        at = next((j for j, cl in enumerate(clusters) if cl.position > i), len(clusters))
        if at < len(clusters) and clusters[at].position == i + 1:
            clusters[at].lines[:0] = lines
        else:
            nxt = drafts[i + 1] if i + 1 < len(drafts) else None
            clusters.insert(at, Cluster(i + 1, lines, forced=nxt is not None and nxt.opened_by == HEADING_BYLINE))


def _subheadings_under_text(d: Draft) -> list[HeadlineLine]:
    """Take the subheadings that end a draft's text off it, as headline lines (none if the draft is closed)."""
    k = len(d.blocks)
    while k and d.blocks[k - 1].kind == "subheading":
        k -= 1
    if k == len(d.blocks) or d.ended_by or not any(b.kind == "paragraph" for b in d.blocks[:k]):
        return []
    moved, d.blocks = d.blocks[k:], d.blocks[:k]
    starts = {b.span.start for b in moved}
    d.spans = [x for x in d.spans if x.start not in starts]
    return [
        HeadlineLine(x.text, x.span, reason=HEADING_UNDER_TEXT)
        for b in moved
        for x in d.subheading_lines.get(b.span.start, (b,))
    ]


def _bodyless_groups(drafts: list[Draft], clusters: list[Cluster]) -> None:
    """Give back to the attachment a headline group whose heading byline stands over no text.

    A heading byline (文/图 本报记者 X) stands under its headline, over its
    body. Where the next thing on the page opens another article (a lead
    byline, another headline over a byline, headline lines with a cue of a
    headline over a paragraph: ``body.under-heading-byline`` keeps the others
    as the article's first subheading) or the page ends, the group and its
    byline were printed away from their body: after it, or after a later
    article. The group becomes an unforced cluster whose last line carries
    the byline, and the attachment gives it, byline and all, to an article
    (its reading records ``headline.group-byline``).
    """
    i = 0
    while i < len(drafts):
        d = drafts[i]
        own = [cl for cl in clusters if cl.position == i]
        if not (
            d.opened_by in (HEADING_BYLINE, BYLINE_AFTER_HEADINGS)
            and not d.blocks
            and not d.captions
            and d.continued_to is None
            and own
            and own[-1].forced
        ):
            i += 1
            continue
        group = own[-1]
        group.forced = False
        group.lines.extend(HeadlineLine(b.text, b.span, byline=b) for b in d.bylines)
        del drafts[i]
        for cl in clusters:
            if cl.position > i:
                cl.position -= 1


GROUP_BETWEEN_TEXTS = reason(
    "boundary.group-between-texts",
    "A headline group with its heading byline under an article that has no byline (or any article, on a page "
    "that ends with such a group after its last body), sharing more with that "
    "article's text than with the text under it, was printed after its body (OCR reads a page's columns out of "
    "order): the text under it opens an article of its own, and the attachment gives the group, byline and all, "
    "to the one it shares most with.",
)


def _groups_between_texts(drafts: list[Draft], clusters: list[Cluster]) -> None:
    """Give back to the attachment a headline group with its byline that may close the text above it.

    The walk reads a heading byline as the head of the text under it
    (``boundary.heading-byline``), as the press prints it. Where the article
    above has no byline (or the page ends with a group and its byline after
    its last body: ``_groups_after_bodies``) and comes from no other page, and the group's
    headline shares more with that article's text than with the text under
    it, the group may have been printed after its body (OCR reads a page's
    columns out of order). The group becomes an unforced cluster whose last
    line carries the byline, and the text under it an article of its own
    that the attachment may give that group or a later one.
    """
    after = _groups_after_bodies(drafts, clusters)
    for i in range(1, len(drafts)):
        d, before = drafts[i], drafts[i - 1]
        own = [cl for cl in clusters if cl.position == i]
        if not (len(own) == 1 and _may_close_above(d, before, own[0], after)):
            continue
        release_group(d, own[0], GROUP_BETWEEN_TEXTS)


def release_group(d: Draft, group: Cluster, code: str) -> None:
    """Make the heading-byline group over ``d`` an unforced cluster whose last line carries the byline.

    The text under it opens an article of its own (``code``) that the
    attachment may give that group or a later one; a trailing byline that
    closes the text stays with it.
    """
    group.forced = False
    # a trailing byline closes the text under the group and credits that text: it stays (（X） after the text)
    heads = [b for b in d.bylines if b.position is not BylinePosition.TRAILING]
    group.lines.extend(HeadlineLine(b.text, b.span, byline=b) for b in heads)
    starts = {b.span.start for b in heads}
    d.spans = [x for x in d.spans if x.start not in starts]
    d.bylines = [b for b in d.bylines if b.position is BylinePosition.TRAILING]
    d.opened_by = code


def _groups_after_bodies(drafts: list[Draft], clusters: list[Cluster]) -> bool:
    """The page ends with a headline group and its byline under the last article's text: printed after its body.

    Where one group with its byline stands after the last body, the page (or
    the OCR's reading of its columns) puts its headlines after their bodies:
    a group with its byline between two bodies may close the one above it
    though that one opens with a lead byline of its own.
    """
    return bool(drafts) and any(
        cl.position == len(drafts) and not cl.forced and any(h.byline is not None for h in cl.lines) for cl in clusters
    )


def _may_close_above(d: Draft, before: Draft, group: Cluster, after_bodies: bool) -> bool:
    """The heading-byline group over ``d`` may close ``before`` (see ``_groups_between_texts``)."""
    return (
        d.opened_by == HEADING_BYLINE
        and d.has_text
        and group.forced
        and before.has_text
        and (after_bodies or not before.bylines)
        and before.continued_from is None
        and _shares(group, before) > _shares(group, d)
    )


def _shares(group: Cluster, d: Draft) -> int:
    """How many pairs of letters the group's headline lines share with the draft's text."""
    heads = bigrams("".join(h.text for h in group.lines))
    return len(heads & bigrams("".join(b.text for b in d.blocks)))


CREDIT_AFTER_TEXT = reason(
    "byline.after-text",
    "a byline on a line of its own right under an article's last paragraph, with no headline over it and no text "
    "under it, closes that article",
)


def _credits_after_text(drafts: list[Draft], clusters: list[Cluster]) -> None:
    """Give a byline line printed right under an article's last paragraph to that article.

    A byline on a line of its own under a headline opens its article; one
    with no headline over it and no text under it (the next thing on the page
    is a headline, or the page ends) closes the text above it: a credit set
    on a line of its own at an article's end (本报记者 X 摄影报道).
    """
    i = 1
    while i < len(drafts):
        d, before = drafts[i], drafts[i - 1]
        if not (
            d.opened_by == HEADING_BYLINE
            and not d.blocks
            and not d.captions
            and d.continued_to is None
            and not any(cl.position == i for cl in clusters)
            and before.has_text
            and not before.ended_by
        ):
            i += 1
            continue
        before.bylines.extend(
            attrs.evolve(b, position=BylinePosition.TRAILING, reason=CREDIT_AFTER_TEXT) for b in d.bylines
        )
        before.spans.extend(d.spans)
        before.ended_by = AFTER_TRAILING_BYLINE
        del drafts[i]
        for cl in clusters:
            if cl.position > i:
                cl.position -= 1


_AT_THE_HEAD = (BylinePosition.LEAD, BylinePosition.HEADING)
#: Roles that credit the editing of an article, which the press prints under articles that carry a lead
#: byline too.
_EDITING = frozenset(("编辑", "整理"))


def _credited_twice(d: Draft) -> tuple[Byline, Byline] | None:
    """The draft's head byline (lead or heading) and its closing trailing byline, where they name other people.

    None where it has not both, or they share a name, or the closing one names its editors (（编辑 X）), who
    may be credited under any article, or reporters who took part in it (（本报记者 X参与采写）).
    """
    head = next((b for b in d.bylines if b.position in _AT_THE_HEAD), None)
    end = next((b for b in reversed(d.bylines) if b.position is BylinePosition.TRAILING), None)
    if head is None or end is None or {p.name for p in head.people} & {p.name for p in end.people}:
        return None
    if any(p.role in _EDITING for p in end.people) or end.text.rstrip("）)").endswith(TOOK_PART):
        return None
    # a note on the author (（作者为…）) closes a signed piece, whose author's name heads it: another article's
    # only under a dateline, which heads a report
    if end.reason == AUTHOR_NOTE and head.position is not BylinePosition.LEAD:
        return None
    return head, end


def _opens_second(blocks: list[BodyBlock], j: int, *, titled: bool) -> bool:
    """The block after a paragraph opens the second article: a news lead, or a subheading over text (its title).

    ``titled``: the first article's byline names its people and the later credit is one of its own (roles,
    or a source), so that it is another article's; a dateline that names no one (本报讯, 新华社N日讯) leaves
    the credit to the article's end (…（记者 X）), and only a news lead opens a second article there.
    """
    b = blocks[j]
    if b.kind == "paragraph":
        return pat.DATE_LEAD.match(b.text) is not None
    return titled and j + 1 < len(blocks) and blocks[j + 1].kind == "paragraph"


def _photo_credit_closes(d: Draft) -> bool:
    """A draft credited at its head closes with a photographer's credit that names others.

    Its text ends in a credited caption that opens no caption's way (…。X 摄:
    its photo-news reading, ``PHOTO_NEWS``), with no block or byline after it.
    """
    head = next((b for b in d.bylines if b.position in _AT_THE_HEAD), None)
    if head is None or not head.people or not d.captions or d.continued_to is not None:
        return False
    last = d.captions[-1]
    news = d.news.get(last.span.start)
    ends = [b.span.end for b in d.blocks] + [b.span.end for b in d.bylines]
    if news is None or any(end > last.span.start for end in ends):
        return False
    return not {p.name for p in head.people} & {p.name for p in news[1].people}


def _news_lead_at(blocks: list[BodyBlock], j: int) -> bool:
    """The text from block ``j`` on, under a subheading there or not, opens like a news lead (a date)."""
    k = j + 1 if blocks[j].kind == "subheading" else j
    return k < len(blocks) and blocks[k].kind == "paragraph" and pat.DATE_LEAD.match(blocks[k].text) is not None


def _run_together_cut(d: Draft) -> int | None:
    """Where a draft holds two articles that ran together, or None.

    The second opens at the first later subheading over text (the second
    article's title, which its first paragraph did not show as one), or at the
    first later paragraph that opens like a news lead, whichever comes first.
    Where the closing credit is a photographer's (a photo-news item set after
    a bylined article, ``PHOTO_NEWS``), only a text that opens like a news
    lead, under a subheading or not, opens the second: a feature's photo may
    close it, credited so, after a subheading of its own.
    """
    blocks = d.blocks
    # the text a lead byline opens is that byline's article: no second opens right under it (an editor's note over
    # the byline, 编者按：…, is the article's head)
    first = _after_lead(d)
    if _photo_credit_closes(d):
        return next(
            (j for j in range(first, len(blocks)) if blocks[j - 1].kind == "paragraph" and _news_lead_at(blocks, j)),
            None,
        )
    pair = _credited_twice(d)
    if pair is None:
        return None
    head, end = pair
    # a bare name at the end (（X）) may credit a hand in the article above; roles or a source are a credit of its own
    titled = bool(head.people) and (not end.people or any(p.role for p in end.people))
    return next(
        (
            j
            for j in range(first, len(blocks))
            if blocks[j - 1].kind == "paragraph"
            and _opens_second(blocks, j, titled=titled or (bool(head.people) and _set_apart(d, blocks[j])))
        ),
        None,
    )


def _set_apart(d: Draft, block: BodyBlock) -> bool:
    """A subheading of heading lines set line by line, not a line of type wrapped at a measure.

    A subheading wrapped at its column fills its first line and ends on a
    shorter one; headline lines are each set on their own: a title over a
    longer plain line, or two lines of a couplet set alike (对仗). So a later
    line as wide as the first or wider is a headline's, even where the
    closing credit is a bare name that may be a hand in the article above
    (``_run_together_cut``).
    """
    widths = [h.width for h in d.subheading_lines.get(block.span.start, ())]
    return len(widths) > 1 and widths[0] <= max(widths[1:])


def _after_lead(d: Draft) -> int:
    """The first block a second article may open at: past the block right under the draft's lead byline, if any."""
    lead = next((b for b in d.bylines if b.position is BylinePosition.LEAD), None)
    if lead is None:
        return 1
    under = next((j for j, b in enumerate(d.blocks) if b.span.start >= lead.span.end), len(d.blocks))
    return max(1, under + 1)


def _split_run_together(drafts: list[Draft], clusters: list[Cluster]) -> None:
    """Cut apart two articles that ran together without a headline between them.

    An article carries a lead byline or a trailing one; one that opens with
    a lead byline and closes with a trailing byline naming other people is two
    articles. The second starts at the first later subheading over text (its
    title: it joins the cluster of heading lines before the second article)
    or paragraph that opens like a news lead (a date, "记者…获悉").
    """
    i = 0
    while i < len(drafts):
        cut = _run_together_cut(drafts[i])
        if cut is not None:
            cut_in_two(drafts, clusters, i, cut)
        i += 1


def cut_in_two(drafts: list[Draft], clusters: list[Cluster], i: int, cut: int, code: str = RUN_TOGETHER) -> None:
    """Cut draft ``i`` before its block ``cut``; a subheading there becomes the second draft's headline.

    ``code`` is the rule that cut it: the first draft's ``ended_by`` and the second's ``opened_by``.
    """
    d = drafts[i]
    at = d.blocks[cut].span.start
    title = d.blocks[cut] if d.blocks[cut].kind == "subheading" else None
    drafts.insert(i + 1, _second(d, cut, title, code))
    d.blocks = d.blocks[:cut]
    d.bylines = [b for b in d.bylines if b.span.start < at]
    d.spans = [x for x in d.spans if x.start < at]
    d.captions = [c for c in d.captions if c.span.start < at]
    d.ended_by, d.continued_to = code, None
    for cl in clusters:
        if cl.position > i:
            cl.position += 1
    if title is not None:
        lines = d.subheading_lines.get(title.span.start, (title,))
        heads = [HeadlineLine(x.text, x.span, reason=code) for x in lines]
        where = next((k for k, cl in enumerate(clusters) if cl.position > i), len(clusters))
        clusters.insert(where, Cluster(i + 1, heads))


def _second(d: Draft, cut: int, title: BodyBlock | None, code: str) -> Draft:
    """The second article of a draft cut before its block ``cut``, without its title (in no draft's text)."""
    at = d.blocks[cut].span.start
    return Draft(
        code,
        blocks=d.blocks[cut + 1 if title is not None else cut :],
        bylines=[b for b in d.bylines if b.span.start >= at],
        spans=[x for x in d.spans if x.start >= at and (title is None or x.start != at)],
        captions=[c for c in d.captions if c.span.start >= at],
        ended_by=d.ended_by,
        continued_to=d.continued_to,
        subheading_lines={k: v for k, v in d.subheading_lines.items() if k > at},
        news={k: v for k, v in d.news.items() if k >= at},
    )
