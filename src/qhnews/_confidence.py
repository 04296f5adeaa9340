"""Stage 6, assemble, step 4: how likely each article is to be exactly right.

An article's confidence is the chance that it comes out exactly as printed:
its headline parts, bylines, profile line, every body block and its
continuation. It is a logistic model of a few pieces of evidence the parser
has at hand when it builds the article (``Evidence``), each a named *term*
of ``TERMS``: a value that is 0 when all is well and grows with the doubt,
and a weight, a field of [`ConfidenceWeights`][qhnews.stages.ConfidenceWeights]::

    confidence = 1 / (1 + exp(-(intercept + sum of weight * value)))

The weights were fitted once, by ``benchmarks/calibration.py --fit``, on
generated pages whose truth is known, and every weight but the intercept is
at most 0: evidence of doubt never raises the confidence. The terms that
lowered an article's confidence are its ``notes``, the weightiest first.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

import attrs

from qhnews import _doubts as doubt
from qhnews._doubts import AFTER_TRAILING_BYLINE, UNSURE_SUBHEADING
from qhnews._headline import LIKELIER_READINGS, HeadlineReading
from qhnews._segment import Draft

__all__ = [
    "AFTER_TRAILING_BYLINE",
    "PRIOR_TERMS",
    "TERMS",
    "UNSURE_SUBHEADING",
    "Attached",
    "ConfidenceWeights",
    "Evidence",
    "Term",
    "confidence",
    "page_evidence",
    "rival_similarity",
]


def _doubt(default: float) -> float:
    """A weight of evidence against an article: fitted, at most 0."""
    return attrs.field(default=default, validator=attrs.validators.le(0.0), metadata={"step": 0.1})


@attrs.frozen
class ConfidenceWeights:
    """The weights of the confidence model: what each piece of evidence takes off.

    Fitted by ``python benchmarks/calibration.py --fit --seed 3 --seed 4 --seed 5
    --seed 6`` (a logistic regression, L2 penalty 1 on the weights, every weight
    but the intercept held at most 0) on 4,000 generated pages, four fixed draws
    of the property tests' generator (two draws left the rarer cues, such as
    ``dateline_paragraph``, too few articles to weigh), with the parser and generator of the commit
    that stored them; a change to either that changes which articles come out
    wrong calls for fitting them again. ``docs/accuracy.md`` shows how well
    they rank and calibrate on pages they were not fitted on.

    Attributes:
        intercept: The log-odds of an article with no evidence of doubt.
        headless: An article without any headline group (but the rest of one
            continued from another page, 上接…, and an item of a column of short
            news items, which follows an item's trailing byline and ends with
            its own: they print none).
        bodyless: An article without body text: a headline group that became an
            article of its own.
        weak_shape: Per unit of a negative shape score of the headline reading: the
            headline weights said its lines make an unlikely group (a profile line
            alone, a lone subtitle, a kicker under a title).
        low_similarity: Per unit the headline's similarity to its body falls short
            of ``similarity_floor``.
        similarity_floor: The similarity to its body above which a headline is
            taken as surely its own (a headline says in other words what its body
            says; more shared text adds no confidence). Not fitted: the hinge of
            ``low_similarity``.
        rival_similarity: Per unit another body within reach shares more with the
            headline than the article's own body does.
        shared_cluster: Per other headline group cut from the same run of heading
            lines: where one group ends and the next starts is a guess.
        open_end: The last paragraph ends no sentence: the rest of the body went
            to another article or to a headline.
        subtitle_as_title: The title is shaped like a subtitle or a kicker (记…,
            访…, …讲话, …时强调): its own title stands elsewhere.
        uncertain_reading: The headline's lines read two ways and no cue decides
            (one title wrapped over two lines, or a kicker over a title): the
            reading kept may be the wrong one.
        likelier_reading: Its headline's two lines read as a title over its plain
            second line (``headline.plain-second-line``; or a stack of three lines
            or more read by the lengths of its lines: ``headline.title-over-lines``,
            ``headline.kicker-stack``), the likelier of two
            readings only type size tells apart: the press prints it twice as
            often as a kicker over a title. Not fitted (``PRIOR_TERMS``): the
            log-odds of 2 to 1 less the intercept, as the generated pages draw
            no kicker without a cue and a fit would read the reading as sure.
        short_part: A headline part (title, kicker, subtitle) of at most
            ``short_part_chars`` characters: a headline says a phrase, so a part
            that short is most often a word cut where a title wraps.
        short_part_chars: The longest headline part ``short_part`` counts, in
            characters. Not fitted: the threshold of ``short_part``.
        unsure_subheading: Per body line taken for a subheading only because it is
            short and ends no sentence (``body.short-open-line``): it may be the
            headline of another article or the start of a paragraph.
        unsure_neighbour: Per article right before or after it without a headline
            or without a body: a headline went to the wrong one of two articles.
        leftovers: The page has text no article took.
        second_byline: Its headline group, printed after its body, carries a byline
            while its body opens with a dateline of its own: two articles read as
            one (a group with its own byline heads a body that has none).
        cut_caption: Per caption with text before its 图为… or, without a credit,
            ending no sentence: a line of something else run into it, or a
            caption cut in two.
        running_headline: A headline part holds a full stop or two commas: a line of
            running text taken for a headline (a headline sets its phrases apart
            by a space or a dash, and joins at most two by a comma).
        dateline_paragraph: Its first paragraph is a short line ending with a colon
            (本报…电 记者X报道：) and it has no lead byline: a dateline not read.
    """

    intercept: float = attrs.field(default=4.51, metadata={"step": 0.1})
    headless: float = _doubt(-6.66)
    bodyless: float = _doubt(-0.41)
    weak_shape: float = _doubt(-6.26)
    low_similarity: float = _doubt(-1.39)
    similarity_floor: float = attrs.field(default=0.2, metadata={"step": 0.05})
    rival_similarity: float = _doubt(-5.80)
    shared_cluster: float = _doubt(-0.44)
    open_end: float = _doubt(-2.65)
    subtitle_as_title: float = _doubt(0.00)
    uncertain_reading: float = _doubt(-5.94)
    likelier_reading: float = _doubt(-3.82)
    short_part: float = _doubt(-3.81)
    short_part_chars: int = attrs.field(default=3, metadata={"step": 1})
    unsure_subheading: float = _doubt(-5.07)
    unsure_neighbour: float = _doubt(-2.51)
    leftovers: float = _doubt(-3.15)
    second_byline: float = _doubt(-6.07)
    cut_caption: float = _doubt(-5.00)
    running_headline: float = _doubt(-5.29)
    dateline_paragraph: float = _doubt(-3.58)


@attrs.frozen
class Evidence:
    """What the parser knows of one article when it says how sure it is.

    Attributes:
        headless: No headline group, and neither continued from another page nor
            an item of a column of short news items.
        bodyless: No body text (no paragraph, no caption).
        shape: The shape score of its headline reading; None without a headline.
        similarity: What its headline shares with its body (0 to 1); None without a headline.
        rival: The most any other body within reach shares with its headline.
        groups_in_cluster: How many headline groups the run of heading lines its
            headline came from was cut into; 0 without a headline.
        open_end: Its last paragraph ends no sentence and no jump line follows it.
        subtitle_as_title: Its title is shaped like a subtitle or a kicker.
        alternative: The other reading of its headline's lines, where no cue decides
            between two (``HeadlineReading.alternative``); None when the lines decide.
        likelier_reading: Its headline was read by a convention of the press that only
            type size would confirm (a title over its plain second line, a stack read
            by the lengths of its lines), the other reading (``alternative``) kept.
        shortest_part: The length of its shortest headline part; None without one.
        unsure_subheadings: Body lines taken for subheadings by ``body.short-open-line``.
        unsure_neighbours: Articles right before or after it without a headline or a body.
        leftovers: The page has text no article took.
        second_byline: Its headline group, printed after its body, carries a byline,
            and its body opens with a dateline (``_doubts.second_byline``).
        cut_captions: Its captions that read as cut or glued (``_doubts.cut_captions``).
        running_headline: A part of its headline holds a full stop or two commas.
        dateline_paragraph: Its first paragraph is a short line ending with a colon,
            and it has no lead byline (``_doubts.dateline_paragraph``).
    """

    headless: bool = False
    bodyless: bool = False
    shape: float | None = None
    similarity: float | None = None
    rival: float = 0.0
    groups_in_cluster: int = 0
    open_end: bool = False
    subtitle_as_title: bool = False
    alternative: str | None = None
    likelier_reading: bool = False
    shortest_part: int | None = None
    unsure_subheadings: int = 0
    unsure_neighbours: int = 0
    leftovers: bool = False
    second_byline: bool = False
    cut_captions: int = 0
    running_headline: bool = False
    dateline_paragraph: bool = False


@attrs.frozen
class Term:
    """One piece of evidence in the model: its weight's name, its value, and the note it leaves.

    Attributes:
        name: The ``ConfidenceWeights`` field that weighs it.
        value: Its value for an article: 0 when all is well, growing with the doubt.
        note: What it says in the article's notes when it lowers the confidence.
    """

    name: str
    value: Callable[[Evidence, ConfidenceWeights], float]
    note: Callable[[Evidence], str]


#: The terms whose weight is set from what the press prints, not fitted on generated pages.
PRIOR_TERMS = frozenset({"likelier_reading"})

#: The terms of the model, in the order of ``ConfidenceWeights``.
TERMS: tuple[Term, ...] = (
    Term("headless", lambda e, w: float(e.headless), lambda e: "no headline found for this article"),
    Term("bodyless", lambda e, w: float(e.bodyless), lambda e: "article has no body text"),
    Term(
        "weak_shape",
        lambda e, w: max(0.0, -e.shape) if e.shape is not None else 0.0,
        lambda e: f"its headline lines make an unlikely group (shape {e.shape:+.2f})",
    ),
    Term(
        "low_similarity",
        lambda e, w: max(0.0, w.similarity_floor - e.similarity) if e.similarity is not None else 0.0,
        lambda e: f"its headline shares little with the body ({e.similarity:.2f})",
    ),
    Term(
        "rival_similarity",
        lambda e, w: max(0.0, e.rival - e.similarity) if e.similarity is not None else 0.0,
        lambda e: f"another article's body shares more with its headline ({e.rival:.2f} against {e.similarity:.2f})",
    ),
    Term(
        "shared_cluster",
        lambda e, w: float(max(0, e.groups_in_cluster - 1)),
        lambda e: f"its headline was cut from {e.groups_in_cluster} headline groups printed together",
    ),
    Term("open_end", lambda e, w: float(e.open_end), lambda e: "its last paragraph ends no sentence"),
    Term(
        "subtitle_as_title",
        lambda e, w: float(e.subtitle_as_title),
        lambda e: "its title is shaped like a subtitle or a kicker",
    ),
    Term(
        "uncertain_reading",
        lambda e, w: float(e.alternative is not None and not e.likelier_reading),
        lambda e: f"the headline's lines do not decide its parts; it may also be {e.alternative}",
    ),
    Term(
        "likelier_reading",
        lambda e, w: float(e.likelier_reading),
        lambda e: (
            f"its headline reads as a title over its subtitle, as most such lines do; it may also be {e.alternative}"
        ),
    ),
    Term(
        "short_part",
        lambda e, w: float(e.shortest_part is not None and e.shortest_part <= w.short_part_chars),
        lambda e: f"a part of its headline is {e.shortest_part} character(s) long: a word cut by a wrap?",
    ),
    Term(
        "unsure_subheading",
        lambda e, w: float(e.unsure_subheadings),
        lambda e: f"{e.unsure_subheadings} short line(s) in its body taken for subheadings",
    ),
    Term(
        "unsure_neighbour",
        lambda e, w: float(e.unsure_neighbours),
        lambda e: "an article next to it has no headline or no body",
    ),
    Term("leftovers", lambda e, w: float(e.leftovers), lambda e: "the page has text no article took"),
    Term(
        "second_byline",
        lambda e, w: float(e.second_byline),
        lambda e: "its headline, printed after its body, has a byline though the body opens with a dateline",
    ),
    Term(
        "cut_caption",
        lambda e, w: float(e.cut_captions),
        lambda e: f"{e.cut_captions} caption(s) cut or run into other text",
    ),
    Term(
        "running_headline",
        lambda e, w: float(e.running_headline),
        lambda e: "a part of its headline has a full stop or two commas, like running text",
    ),
    Term(
        "dateline_paragraph",
        lambda e, w: float(e.dateline_paragraph),
        lambda e: "its first paragraph is a short line ending with a colon, like a dateline not read",
    ),
)


def confidence(e: Evidence, weights: ConfidenceWeights) -> tuple[float, tuple[str, ...]]:
    """The chance that the article is exactly right, and the notes of what lowered it.

    Examples:
        >>> w = ConfidenceWeights()
        >>> sure, _ = confidence(Evidence(shape=0.4, similarity=0.5, groups_in_cluster=1), w)
        >>> unsure, notes = confidence(Evidence(headless=True), w)
        >>> round(sure, 2), round(unsure, 2), notes
        (0.99, 0.1, ('no headline found for this article',))
    """
    z = weights.intercept
    lowered: list[tuple[float, str]] = []
    for term in TERMS:
        value = term.value(e, weights)
        if value > 0:
            part = getattr(weights, term.name) * value
            z += part
            if part < 0:
                lowered.append((part, term.note(e)))
    lowered.sort(key=lambda x: x[0])  # the weightiest first; a stable sort keeps the terms' order in a tie
    return 1 / (1 + math.exp(-max(-40.0, min(40.0, z)))), tuple(note for _, note in lowered)


def rival_similarity(similarities: Sequence[float], own: int) -> float:
    """The most any body but the article's own (index ``own``) shares with its headline.

    Examples:
        >>> rival_similarity([0.1, 0.6, 0.3], 1)
        0.3
    """
    return max((s for i, s in enumerate(similarities) if i != own), default=0.0)


@attrs.frozen
class Attached:
    """What the attachment step says of an article's headline group.

    Attributes:
        reading: The parts of the group and its shape score.
        similarity: What it shares with the article's body.
        rival: The most another body within reach shares with it.
        groups_in_cluster: The groups its run of heading lines was cut into.
    """

    reading: HeadlineReading
    similarity: float
    rival: float
    groups_in_cluster: int


def _headless(d: Draft, head: Attached | None) -> bool:
    """No headline, where one is printed: not the rest of an article continued from another page, not an item."""
    return head is None and d.continued_from is None and not doubt.item(d)


def _doubtful(d: Draft, head: Attached | None) -> bool:
    """No headline where one is printed, or no body."""
    return _headless(d, head) or not d.has_text


def _evidence(d: Draft, head: Attached | None, neighbours: int, leftovers: bool) -> Evidence:
    r = head.reading if head else None
    parts = doubt.parts(r) if r else []
    return Evidence(
        headless=_headless(d, head),
        bodyless=not d.has_text,
        shape=r.shape if r else None,
        similarity=head.similarity if head else None,
        rival=head.rival if head else 0.0,
        groups_in_cluster=head.groups_in_cluster if head else 0,
        open_end=doubt.open_end(d),
        subtitle_as_title=doubt.title_misshaped(r) if r else False,
        alternative=r.alternative if r else None,
        likelier_reading=r is not None and not LIKELIER_READINGS.isdisjoint(r.reasons),
        shortest_part=min(map(len, parts), default=None),
        unsure_subheadings=sum(1 for b in d.blocks if b.reason == UNSURE_SUBHEADING),
        unsure_neighbours=neighbours,
        leftovers=leftovers,
        second_byline=doubt.second_byline(d, r.bylines if r else ()),
        cut_captions=doubt.cut_captions(d) if d.captions else 0,
        running_headline=doubt.running_headline(parts),
        dateline_paragraph=doubt.dateline_paragraph(d),
    )


def page_evidence(drafts: Sequence[Draft], heads: Sequence[Attached | None], leftovers: bool) -> list[Evidence]:
    """The evidence of every article of a page: its own, its neighbours', the page's leftovers.

    Args:
        drafts: The page's article drafts, in order.
        heads: The headline group each draft was given, or None.
        leftovers: Whether the page has text no article took.
    """
    doubtful = [False, *(_doubtful(d, h) for d, h in zip(drafts, heads, strict=True)), False]
    return [
        _evidence(d, h, doubtful[i] + doubtful[i + 2], leftovers)
        for i, (d, h) in enumerate(zip(drafts, heads, strict=True))
    ]
