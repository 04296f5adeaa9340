"""What a reader sees on the page that puts an article in doubt: the cues of its confidence.

Each function reads one article as the walk built it (its ``Draft``) and, where
it has one, the reading of its headline group; none reads more than the
parsed page. ``_confidence`` turns what they find into the ``Evidence`` of the
article and weighs it.
"""

from __future__ import annotations

from collections.abc import Sequence

from qhnews import _patterns as pat
from qhnews._headline import HeadlineReading
from qhnews._lineshape import line_shape
from qhnews._records import BodyKind, Byline, BylinePosition
from qhnews._segment import Draft

__all__ = [
    "AFTER_TRAILING_BYLINE",
    "UNSURE_SUBHEADING",
    "cut_captions",
    "dateline_paragraph",
    "item",
    "open_end",
    "parts",
    "running_headline",
    "second_byline",
    "title_misshaped",
]

#: The reason code of a subheading taken for one only because it is short and ends no sentence.
UNSURE_SUBHEADING = "body.short-open-line"
#: The reason code of an article opened right after another's trailing byline.
AFTER_TRAILING_BYLINE = "boundary.after-trailing-byline"
#: The longest first paragraph ``dateline_paragraph`` takes for a dateline, in characters.
DATELINE_CHARS = 40
#: How many commas (，) make a headline part read as running text.
RUNNING_COMMAS = 2
#: How a photo caption says what the picture shows: 图为….
PICTURE_IS = "图为"


def open_end(d: Draft) -> bool:
    """The last paragraph ends no sentence, and no jump line (下转…) says the article goes on elsewhere."""
    if d.continued_to is not None:
        return False
    last = next((b.text for b in reversed(d.blocks) if b.kind is BodyKind.PARAGRAPH), None)
    return last is not None and not pat.sentence_end(last)


def title_misshaped(r: HeadlineReading) -> bool:
    """The title is shaped like a subtitle or a kicker (记…, 访…, …讲话, …时强调)."""
    if r.title is None:
        return False
    shape = line_shape(r.title)
    return shape.plain_subtitle or shape.who_did or shape.kicker_only


def parts(r: HeadlineReading) -> list[str]:
    """The headline's title, kicker and subtitles that it has."""
    return [x for x in (r.title, r.kicker, *r.subtitles) if x]


def item(d: Draft) -> bool:
    """One of several news items under one headline (a column of short news items, 简讯).

    It opens right after the item before it ends with its trailing byline, and
    ends with its own: such items print no headline of their own.
    """
    return d.opened_by == AFTER_TRAILING_BYLINE and any(b.position is BylinePosition.TRAILING for b in d.bylines)


def second_byline(d: Draft, heading: Sequence[Byline]) -> bool:
    """Its headline group, printed after its body, carries a byline, and its body opens with a dateline of its own.

    A headline group that carries its own byline (文/图 本报记者 X) stands over
    a body that has none, or is printed after such a body; a body that opens
    with a dateline (本报讯（记者 X）, 新华社…电) is bylined already and prints
    its headline above it. Both on one article: two articles were read as one,
    the headline of the first gone elsewhere and the body of the second,
    which has no dateline, run into it.

    Args:
        d: The article's draft.
        heading: The heading bylines of the headline group it was given.
    """
    late = [b for b in (*heading, *d.bylines) if b.position is BylinePosition.HEADING]
    if not late or not d.spans or not any(b.position is BylinePosition.LEAD for b in d.bylines):
        return False
    start = d.spans[0].start  # the walk adds the body's spans in page order
    return any(b.span.start > start for b in late)


def _cut_caption(text: str, credit: str | None) -> bool:
    picture = text.find(PICTURE_IS)
    return picture > 0 or (credit is None and not pat.sentence_end(text))


def cut_captions(d: Draft) -> int:
    """Its captions that read as cut or glued: text before their 图为…, or no credit and no sentence's end.

    A caption opens by saying what the picture shows (图为…) and ends with a
    sentence and the photo credit: text before its 图为 is a line of something
    else (a headline, a paragraph's end) run into it, and a caption with no
    credit that ends no sentence was cut in two.
    """
    return sum(1 for c in d.captions if _cut_caption(c.text, c.credit))


def running_headline(headline_parts: Sequence[str]) -> bool:
    """A part of its headline (``parts``) holds the punctuation of running text: a full stop (。) or two commas (，).

    A headline sets its phrases apart by a space or a dash, at most joins two
    by one comma (…现代化，今年我省这样做), and ends none with a stop: a part
    with a stop or with two commas is most often a line of running text (a
    paragraph's start, a caption) taken for a headline.
    """
    return any("。" in x or x.count("，") >= RUNNING_COMMAS for x in headline_parts)


def dateline_paragraph(d: Draft) -> bool:
    """Its first paragraph, short, ends with a colon while the article has no lead byline.

    A line like 本报X地N月N日电 记者X报道： is a dateline that opens the first
    paragraph; one left as a paragraph of its own, with no dateline read, is
    a dateline in a form not recognized, and the body may be cut there.
    """
    first = next((b.text for b in d.blocks if b.kind is BodyKind.PARAGRAPH), None)
    if first is None or len(first) > DATELINE_CHARS or not first.endswith(("：", ":")):
        return False
    return not any(b.position is BylinePosition.LEAD for b in d.bylines)
