"""Lay generated articles out as an OCR engine prints a newspaper page.

The model is plain data: an [`ArticleSpec`][render.ArticleSpec] holds what the
parser must give back for one article (headline parts, bylines, body blocks,
continuation), written in the contract's normalized form; an
[`ArticleLayout`][render.ArticleLayout] says how the page prints it (column
width, where its headline stands, half-width punctuation, digit spaces,
column breaks); a [`PageSpec`][render.PageSpec] holds both for a whole page.

[`render`][render.render] turns a page spec into the raw page text and the
articles the parser must return, the latter computed as the contract says:
``qhnews.normalize`` of each record's printed pieces joined with nothing
between them. It also keeps, for ``test_render.py``, what it printed on every
line, so that the features asked for can be checked on the page itself.

Typesetting done here, as on the seed pages:

* body text is hard-wrapped at the article's column width in display cells
  (``qhnews.stages.cell_width``: a Chinese character is two, ASCII one); the first
  line of every paragraph is two characters short (the OCR dropped its indent);
  a line does not start with a closing mark nor end with an opening one
  (the rule every Chinese typesetter follows); a run of digits or Latin
  letters is never split, nor a space and its neighbours;
* blank lines stand at column breaks, also in mid-sentence, and optionally
  between paragraphs;
* headline lines are never wrapped: headline type spans columns;
* half-width ``, ( ) : ; ? !`` and the spaces the OCR puts around digits and
  Latin words, and at line edges, are printed where the layout asks;
* an unwrapped page prints one paragraph per line with blank lines between.
"""

from __future__ import annotations

import random
from collections.abc import Sequence

import attrs
import regex

import qhnews

__all__ = [
    "STRUCTURES",
    "ArticleLayout",
    "ArticleSpec",
    "ArticleView",
    "BlockSpec",
    "BylineSpec",
    "CaptionSpec",
    "FurnitureSpec",
    "LineInfo",
    "PageSpec",
    "PersonSpec",
    "RenderedPage",
    "SpeakerSpec",
    "article_forms",
    "article_view",
    "atoms",
    "body_lines",
    "headline_slots",
    "page_forms",
    "render",
    "structures",
    "title_cut",
    "title_cut_for",
    "undecidable",
    "wrap",
]

# --------------------------------------------------------------------------- model


@attrs.frozen
class PersonSpec:
    """A person in a byline: the role printed before them, and the name."""

    role: str | None
    name: str


@attrs.frozen
class BylineSpec:
    """A byline as the contract gives it back; ``text`` is its normalized text.

    ``form`` names the surveyed form it was drawn in (docs/guide/forms.md),
    ``printed`` the byline as the page prints it when that is not ``text``
    (新华社北京3月14日电 （记者 X） normalizes to …电（记者 X）), and ``gap``
    what the page prints between a lead byline and its text (a space after an
    unbracketed 电 or 讯); none is compared.
    """

    text: str
    position: str  # "lead", "heading" or "trailing"
    credit: str | None = None
    outlet: str | None = None
    place: str | None = None
    people: tuple[PersonSpec, ...] = ()
    form: str = attrs.field(default="", eq=False)
    gap: str = attrs.field(default="", eq=False)
    printed: str = attrs.field(default="", eq=False)


@attrs.frozen
class CaptionSpec:
    """A photo caption as the contract gives it back, and how the page prints it.

    Attributes:
        text: The whole caption, normalized, its credit included.
        credit: "摄", "供图" … or None.
        people: Who took the picture.
        credit_text: The credit as printed at the caption's end ("" for none).
        credit_alone: The credit stands on a line of its own under the caption.
        label: A mark printed on a line of its own over the caption (（附图片）), part of ``text``.
        after: The body block the caption is printed after (-1: before every block, a picture story).
        form: The surveyed form it was drawn in (not compared).
    """

    text: str
    credit: str | None = None
    people: tuple[PersonSpec, ...] = ()
    credit_text: str = attrs.field(default="", eq=False)
    credit_alone: bool = attrs.field(default=False, eq=False)
    label: str = attrs.field(default="", eq=False)
    after: int = attrs.field(default=0, eq=False)
    form: str = attrs.field(default="", eq=False)


@attrs.frozen
class FurnitureSpec:
    """A line of page furniture: its kind ("header", "editors", "other"), its text, and the page's end it stands at."""

    kind: str
    text: str
    bottom: bool = False
    form: str = ""


@attrs.frozen
class SpeakerSpec:
    """A profile line: titles, one space, the name."""

    titles: str
    name: str

    @property
    def text(self) -> str:
        return f"{self.titles} {self.name}"


@attrs.frozen
class BlockSpec:
    """One body block: ``"paragraph"`` or ``"subheading"``.

    ``label``: the head of ``text`` printed on a line of its own (编者按： over
    an editor's note); ``form``: the surveyed form (neither is compared).
    """

    kind: str
    text: str
    label: str = attrs.field(default="", eq=False)
    form: str = attrs.field(default="", eq=False)


@attrs.frozen
class ArticleSpec:
    """One generated article, in the contract's normalized text.

    ``jump`` is the printed continuation mark ("（下转三版）"); ``continued_to``
    is the page it names, what the parser must return. ``jump_from`` and
    ``continued_from`` are the same for the rest of an article continued from
    another page ("（上接第一版）", "第一版"). ``captions`` are printed among
    the blocks (``CaptionSpec.after``).
    """

    title: str | None = None
    kicker: str | None = None
    subtitles: tuple[str, ...] = ()
    section: str | None = None
    bylines: tuple[BylineSpec, ...] = ()
    speaker: SpeakerSpec | None = None
    blocks: tuple[BlockSpec, ...] = ()
    jump: str | None = None
    continued_to: str | None = None
    captions: tuple[CaptionSpec, ...] = ()
    jump_from: str | None = None
    continued_from: str | None = None

    @property
    def headline_lines(self) -> tuple[str, ...]:
        """The headline group's lines in printed order (profile line first)."""
        out: list[str] = []
        if self.section:
            out.append(self.section)
        if self.speaker:
            out.append(self.speaker.text)
        if self.kicker:
            out.append(self.kicker)
        if self.title:
            out.append(self.title)
        out.extend(self.subtitles)
        return tuple(out)

    def byline(self, position: str) -> BylineSpec | None:
        return next((b for b in self.bylines if b.position == position), None)


@attrs.frozen
class ArticleView:
    """What the parser returns for an article, without spans and scores: the unit of comparison."""

    title: str | None
    kicker: str | None
    subtitles: tuple[str, ...]
    section: str | None
    bylines: tuple[BylineSpec, ...]
    speaker: tuple[str, str, str] | None  # (text, titles, name)
    blocks: tuple[BlockSpec, ...]
    continued_to: str | None
    captions: tuple[CaptionSpec, ...] = ()
    continued_from: str | None = None


def article_view(article: qhnews.Article) -> ArticleView:
    """The comparable part of a parsed article."""
    return ArticleView(
        title=article.title,
        kicker=article.kicker,
        subtitles=article.subtitles,
        section=article.section,
        bylines=tuple(
            BylineSpec(
                b.text,
                b.position.value,
                b.credit,
                b.outlet,
                b.place,
                tuple(PersonSpec(p.role, p.name) for p in b.people),
            )
            for b in article.bylines
        ),
        speaker=(article.speaker.text, article.speaker.titles, article.speaker.name) if article.speaker else None,
        blocks=tuple(BlockSpec(b.kind, b.text) for b in article.blocks),
        continued_to=article.continued_to,
        captions=tuple(
            CaptionSpec(c.text, c.credit, tuple(PersonSpec(p.role, p.name) for p in c.people)) for c in article.captions
        ),
        continued_from=article.continued_from,
    )


def spec_view(spec: ArticleSpec) -> ArticleView:
    """The view the parser should produce for ``spec`` (no rendering involved)."""
    printed = tuple(_printed(spec))
    news = _photo_news(spec, printed)
    captions = printed if news is None else printed[: news[2]] + printed[news[2] + 1 :]
    return ArticleView(
        title=spec.title,
        kicker=spec.kicker,
        subtitles=spec.subtitles,
        section=spec.section,
        bylines=spec.bylines if news is None else (*spec.bylines, news[1]),
        speaker=(spec.speaker.text, spec.speaker.titles, spec.speaker.name) if spec.speaker else None,
        blocks=spec.blocks if news is None else (*spec.blocks, BlockSpec("paragraph", news[0])),
        continued_to=spec.continued_to,
        captions=spec.captions if news is None else captions,
        continued_from=spec.continued_from,
    )


@attrs.frozen
class ArticleLayout:
    """How the page prints one article.

    Attributes:
        width: Column width in display cells (26..46: 13 to 23 Chinese characters).
        head_after: 0 prints the headline group right above the body; k >= 1
            prints it after the body of the article k - 1 places later (1: right
            after its own body; 2 and more: grouped after a later article).
        halfwidth: Print ``, ( ) : ; ? !`` half-width where the contract turns them back.
        digit_spaces: Print spaces between Chinese and digits or Latin letters.
        edge_spaces: Print spaces (and tabs, U+3000) at some line edges.
        para_gaps: A blank line between paragraphs.
        headline_gaps: Blank lines between the lines of the headline group.
        group_gap: A blank line between this group and the group printed before it.
        breaks: Column breaks: indices into the body's allowed break positions
            (taken modulo their number), each printed as a blank line.
        trailing_alone: Print a trailing byline or jump on a line of its own.
        subheading_gaps: Blank lines around in-body subheadings.
        seed: Seed of the per-character noise (which marks go half-width, where spaces go).
        title_break: Print the title over two lines, cut where
            [`title_cut`][render.title_cut] says (a title it finds no cut in
            stays on one line).
        byline_group_after: A headline group that carries a heading byline
            follows ``head_after`` like any other; by default it stands over
            its body.
        tight: No blank line before this article's headline group, between
            the group and the body under it, nor before this article's body:
            the headline touches the last line of the text above.
        title_width: With ``title_break``, cut the title where it passes this
            many cells (a compositor's headline measure) instead of where
            [`title_cut`][render.title_cut] finds a phrase end; 0: by phrase.
    """

    width: int = 36
    head_after: int = 0
    halfwidth: bool = False
    digit_spaces: bool = False
    edge_spaces: bool = False
    para_gaps: bool = False
    headline_gaps: bool = False
    group_gap: bool = True
    breaks: tuple[int, ...] = ()
    trailing_alone: bool = False
    subheading_gaps: bool = True
    seed: int = 0
    title_break: bool = False
    byline_group_after: bool = False
    tight: bool = False
    title_width: int = 0


@attrs.frozen
class PageSpec:
    """A whole page: articles in body order, their layouts, and page-wide choices.

    Attributes:
        articles: The articles, in the order their bodies are printed.
        layouts: One layout per article.
        unwrapped: The OCR did not wrap the text: one paragraph per line.
        top_blank_lines: Blank lines (some holding spaces) before the first line.
        furniture: Page furniture, printed at the top (the header) or the bottom (editors, registration).
    """

    articles: tuple[ArticleSpec, ...]
    layouts: tuple[ArticleLayout, ...]
    unwrapped: bool = False
    top_blank_lines: int = 0
    furniture: tuple[FurnitureSpec, ...] = ()

    def __attrs_post_init__(self) -> None:
        if len(self.articles) != len(self.layouts):
            raise ValueError("one layout per article")


# --------------------------------------------------------------------------- output


@attrs.frozen
class LineInfo:
    """What the renderer printed on one line of the page.

    Attributes:
        kind: "blank", "body", "headline", "byline", "speaker", "jump", "subheading", "caption",
            "credit" (a caption's credit on a line of its own), "label" (a label on a line of its
            own over a block or caption: 编者按：, （附图片）), "jump-from" (（上接第一版）), "furniture".
        article: Index of the article the line belongs to (None for blank lines).
        first: The first line of a paragraph (its indent was dropped).
        last: The last line of a paragraph.
        column: The article's column width (0 on unwrapped pages and for blank lines).
        limit: The width the wrap allowed this line (column, or column - 4 on a first line).
        canonical: The line's text before the OCR noise, as the contract normalizes it (but for a
            byline printed otherwise, ``BylineSpec.printed``, which normalizes to it).
        column_break: A blank line printed at a column break (not between paragraphs).
    """

    kind: str
    article: int | None = None
    first: bool = False
    last: bool = False
    column: int = 0
    limit: int = 0
    canonical: str = ""
    column_break: bool = False


@attrs.frozen
class RenderedPage:
    """A rendered page: its text, the articles the parser must return, and what each line is."""

    spec: PageSpec
    text: str
    expected: tuple[ArticleView, ...]
    lines: tuple[LineInfo, ...]
    slots: tuple[int, ...]  # for each article, how many bodies precede its headline group
    furniture: tuple[tuple[str, str], ...] = ()  # (kind, normalized text) in page order


# --------------------------------------------------------------------------- wrapping

_CLOSERS = frozenset("，。、；：？！”’）》」』…—·%")
_OPENERS = frozenset("“‘（《「『")
_ALNUM_RUN = regex.compile(r"[0-9A-Za-z][0-9A-Za-z.%]*")
_FULL_TO_HALF = {"，": ",", "（": "(", "）": ")", "：": ":", "；": ";", "？": "?", "！": "!"}
_SENTENCE_FINAL = frozenset("。！？…")


def _ends_sentence(line: str) -> bool:
    return line.rstrip("”’）》")[-1:] in _SENTENCE_FINAL


def atoms(text: str) -> list[str]:
    """Split text into the units the wrap does not cut.

    A Chinese character is a unit; a run of digits and Latin letters is one
    (with its ``.`` and ``%``); "——" and "……" are one; a space is glued to
    both its neighbours, so no line starts or ends at a space the contract keeps.

    Example:
        >>> atoms("在2.42万 人中——好")
        ['在', '2.42', '万 人', '中', '——', '好']
    """
    out: list[str] = []
    i = 0
    glue = False
    while i < len(text):
        ch = text[i]
        if ch == " ":
            glue = True
            if out:
                out[-1] += " "
            i += 1
            continue
        m = _ALNUM_RUN.match(text, i)
        if m:
            piece = m.group()
        elif text.startswith(("——", "……"), i):
            piece = text[i : i + 2]
        else:
            piece = ch
        if glue and out:
            out[-1] += piece
        else:
            out.append(piece)
        glue = False
        i += len(piece)
    return out


def _w(piece: str) -> int:
    return qhnews.stages.cell_width(piece)


def wrap(text: str, width: int, first_width: int | None = None) -> list[str]:
    """Hard-wrap ``text`` at ``width`` cells; the first line at ``first_width``.

    As Chinese typesetters do, no line starts with a closing mark: on a full
    line the mark (two marks at most, as "。”") hangs past the column edge (the
    compositor squeezes the punctuation; the seed pages show such lines two
    and four cells wider than the column), on the indented first line the
    character before it moves down. No line ends with an opening mark: the
    mark moves down.

    Example:
        >>> wrap("一二三四五六，七八。", 10)
        ['一二三四五', '六，七八。']
        >>> wrap("一二三四五六七八九十，甲乙。", 10)
        ['一二三四五', '六七八九十，', '甲乙。']
    """
    limit = width if first_width is None else first_width
    lines: list[list[str]] = [[]]
    used = 0
    for piece in atoms(text):
        cur = lines[-1]
        pw = _w(piece)
        if not cur or used + pw <= limit:
            cur.append(piece)
            used += pw
            continue
        if piece[0] in _CLOSERS and len(lines) > 1 and used <= limit + 2:
            cur.append(piece)  # closing marks (two at most, "。”") hang past the edge
            used += pw
            continue
        nxt = [piece]
        while len(cur) > 1 and (nxt[0][0] in _CLOSERS or cur[-1][-1] in _OPENERS):
            nxt.insert(0, cur.pop())
        lines.append(nxt)
        limit = width
        used = sum(_w(p) for p in nxt)
    return ["".join(line) for line in lines if line]


# --------------------------------------------------------------------------- OCR noise


def _halfwidth(text: str, rng: random.Random) -> str:
    """Print some full-width marks half-width, where normalization turns them back.

    A mark goes half-width only when a neighbour on one side is a Chinese
    character (or Chinese punctuation that stays full-width), which is what
    the contract's rule reads.
    """
    out: list[str] = []
    for i, ch in enumerate(text):
        half = _FULL_TO_HALF.get(ch)
        if half is not None and rng.random() < 0.8:
            left = text[i - 1] if i > 0 else ""
            right = text[i + 1] if i + 1 < len(text) else ""
            if _chinese(left) or _chinese(right):
                out.append(half)
                continue
        out.append(ch)
    return "".join(out)


def _chinese(ch: str) -> bool:
    return bool(ch) and ch not in _FULL_TO_HALF and not ch.isascii() and not ch.isspace()


_HAN_ALNUM = regex.compile(r"(?<=\p{Han})(?=[0-9A-Za-z])|(?<=[0-9A-Za-z])(?=\p{Han})")


def _digit_spaces(text: str, rng: random.Random) -> str:
    """Put the spaces an OCR puts between Chinese and digits or Latin words ("7 月 10 日")."""
    return _HAN_ALNUM.sub(lambda _: " " * rng.choice((0, 1, 1, 2)), text)


_EDGE = (" ", "  ", "\t", "\u3000", "\u00a0")


def _edges(text: str, rng: random.Random) -> str:
    if rng.random() < 0.3:
        text = rng.choice(_EDGE) + text
    if rng.random() < 0.3:
        text = text + rng.choice(_EDGE)
    return text


def _noisy(canonical: str, layout: ArticleLayout, rng: random.Random) -> str:
    text = canonical
    if layout.halfwidth:
        text = _halfwidth(text, rng)
    if layout.digit_spaces:
        text = _digit_spaces(text, rng)
    if layout.edge_spaces:
        text = _edges(text, rng)
    return text


# --------------------------------------------------------------------------- rendering


@attrs.define
class _Printer:
    """Collects printed lines and each record's printed pieces."""

    lines: list[str] = attrs.Factory(list)
    infos: list[LineInfo] = attrs.Factory(list)

    def blank(self, *, column_break: bool = False, spaces: str = "") -> None:
        if self.infos and self.infos[-1].kind == "blank":
            return  # one blank line is enough to stand for any gap
        self.lines.append(spaces)
        self.infos.append(LineInfo("blank", column_break=column_break))

    def line(self, raw: str, info: LineInfo) -> None:
        self.lines.append(raw)
        self.infos.append(info)


#: Characters after which a headline line visibly goes on: a structural particle,
#: prepositions and conjunctions ("…建设的" / "新路径", "…产业与" / "文旅深度融合").
GOES_ON = frozenset("的与和及在为向把对让以从同")


def title_cut(title: str) -> int | None:
    """Where a compositor wraps ``title`` over two lines so that the page shows it; None when nowhere.

    A wrapped title is told from a kicker over a title only by the first
    line not completing a phrase, so the cut stands right after a
    [`GOES_ON`][render.GOES_ON] character or inside a quoted term (the line
    opens a quote it does not close), with at least four characters on each
    line, nearest the middle. A title with a space between phrases is not
    cut (its phrases print on one line, or each would be a headline line
    of its own).

    Example:
        >>> title_cut("安远县建设智慧城市的实践新路径")
        10
        >>> title_cut("全面推进 着力打造智慧城市") is None
        True
    """
    if " " in title:
        return None
    cuts = []
    depth = 0
    for k in range(4, len(title) - 3):
        ch = title[k - 1]
        depth += (ch in "“《") - (ch in "”》")
        if ch in GOES_ON or (depth > 0 and title[k] not in _CLOSERS):
            cuts.append(k)
    if not cuts:
        return None
    return min(cuts, key=lambda k: (abs(2 * k - len(title)), k))


def title_cut_for(title: str, lay: ArticleLayout) -> int | None:
    """Where the layout cuts ``title`` (see ``ArticleLayout.title_break``); None: one line."""
    if not lay.title_break:
        return None
    if lay.title_width <= 0:
        return title_cut(title)
    pieces = atoms(title)
    used = 0
    for k, piece in enumerate(pieces):
        used += _w(piece)
        if used > lay.title_width and 0 < k < len(pieces):
            return len("".join(pieces[:k]))  # atoms keep a space with both neighbours
    return None


def headline_slots(page: PageSpec) -> list[int]:
    """For each article, how many bodies precede its headline group (kept in article order)."""
    n = len(page.articles)
    slots = []
    for i, (a, lay) in enumerate(zip(page.articles, page.layouts, strict=True)):
        forced = a.byline("heading") is not None and not lay.byline_group_after
        slots.append(i if forced else min(n, i + max(0, lay.head_after)))
    for i in range(n - 2, -1, -1):
        slots[i] = min(slots[i], slots[i + 1])
    return slots


def render(page: PageSpec) -> RenderedPage:
    """Print a page spec as OCR text; return it with the articles the parser must return."""
    pr = _Printer()
    for k in range(page.top_blank_lines):
        pr.lines.append(" " * (k % 2))
        pr.infos.append(LineInfo("blank"))
    furniture: list[tuple[str, str]] = []
    _render_furniture(pr, [f for f in page.furniture if not f.bottom], furniture)
    n = len(page.articles)
    slots = headline_slots(page)
    expected: list[dict[str, object]] = [{} for _ in range(n)]
    lays = page.layouts
    for s in range(n + 1):
        members = [i for i in range(n) if slots[i] == s]
        for order, i in enumerate(members):
            if (order == 0 or lays[i].group_gap) and not lays[i].tight:
                pr.blank()
            _render_headline(pr, page, i, expected[i])
        if members and not lays[members[-1]].tight:
            pr.blank()
        if s < n:
            _render_body(pr, page, s, expected[s])
            nxt = [i for i in range(n) if slots[i] == s + 1]
            if not (lays[nxt[0]].tight if nxt else s + 1 < n and lays[s + 1].tight):
                pr.blank()
    _render_furniture(pr, [f for f in page.furniture if f.bottom], furniture)
    while pr.infos and pr.infos[-1].kind == "blank":
        pr.lines.pop()
        pr.infos.pop()
    # the top: drop the blank line printed before the first group or body, keep the asked-for ones
    first = next((k for k, info in enumerate(pr.infos) if info.kind != "blank"), len(pr.infos))
    del pr.lines[page.top_blank_lines : first]
    del pr.infos[page.top_blank_lines : first]
    views = tuple(_view(page.articles[i], expected[i]) for i in range(n))
    return RenderedPage(page, "\n".join(pr.lines), views, tuple(pr.infos), tuple(slots), tuple(furniture))


def _render_furniture(pr: _Printer, lines: Sequence[FurnitureSpec], out: list[tuple[str, str]]) -> None:
    """Furniture lines, each on a line of its own, set apart from the text by a blank line."""
    if not lines:
        return
    pr.blank()
    for f in lines:
        pr.line(f.text, LineInfo("furniture", None, canonical=f.text))
        out.append((f.kind, qhnews.normalize(f.text)))
    pr.blank()


def _norm_join(pieces: Sequence[str]) -> str:
    return qhnews.normalize("".join(p.strip(" \t\u3000\u00a0") for p in pieces))


def _render_headline(pr: _Printer, page: PageSpec, i: int, exp: dict[str, object]) -> None:
    article, lay = page.articles[i], page.layouts[i]
    rng = random.Random(lay.seed * 7919 + 1)
    parts: list[tuple[str, str]] = []
    if article.section:
        parts.append(("section", article.section))
    if article.speaker:
        parts.append(("speaker", article.speaker.text))
    if article.kicker:
        parts.append(("kicker", article.kicker))
    if article.title:
        parts.append(("title", article.title))
    parts.extend(("subtitle", s) for s in article.subtitles)
    subtitles: list[str] = []
    for k, (role, text) in enumerate(parts):
        if k and lay.headline_gaps:
            pr.blank()
        cut = title_cut_for(text, lay) if role == "title" else None
        pieces = [text] if cut is None else [text[:cut], text[cut:]]
        raws = []
        for piece in pieces:  # the two lines of a wrapped title stand together
            raw = _noisy(piece, lay, rng)
            if role != "speaker" and rng.random() < 0.3:
                raw = raw.replace(" ", "  ")  # the OCR doubles the space between headline phrases
            kind = "speaker" if role == "speaker" else "headline"
            pr.line(raw, LineInfo(kind, i, canonical=piece, column=_col(page, i)))
            raws.append(raw)
        if role == "subtitle":
            subtitles.append(_norm_join(raws))
        else:
            exp[role] = _norm_join(raws)
    exp["subtitles"] = tuple(subtitles)
    heading = article.byline("heading")
    if heading is not None:
        if lay.headline_gaps:
            pr.blank()
        raw = _noisy(heading.text, lay, rng)
        pr.line(raw, LineInfo("byline", i, canonical=heading.text, column=_col(page, i)))
        exp["heading"] = _norm_join([raw])


def _col(page: PageSpec, i: int) -> int:
    return 0 if page.unwrapped else page.layouts[i].width


def _break_positions(body: list[LineInfo]) -> list[int]:
    """Where a column break may stand: after body line k, where the page still decides
    whether the text goes on.

    Between two paragraphs, and after any line that ends no sentence (the text
    visibly goes on). Not after a sentence end inside a paragraph: on an OCR
    page the line after the break would have to show, by its width alone,
    that it is no paragraph's first line, and the seed pages show that it
    cannot: a first line after a blank line is as wide as a full line ending a
    sentence (002: "风，切实把学习教育成果转化为惠民实效。" and the next
    paragraph's "吴晓军在“夏都红骑手·东蜂驿站”和“暖" are both 38 cells in a
    40-cell column). The seed pages break columns some forty times, never right
    after a sentence end.
    """
    out: list[int] = []
    for k in range(len(body) - 1):
        cur, nxt = body[k], body[k + 1]
        if cur.kind != "body" or nxt.kind != "body":
            continue
        if cur.last or not _ends_sentence(cur.canonical):
            out.append(k)
    return out


def _page_break(text: str, rng: random.Random) -> list[str]:
    """Cut an unwrapped paragraph in two where a page break falls, in mid-sentence.

    After a sentence-final mark the page would not say whether the text goes
    on, so the cut stands after any other atom; the part before the break holds
    a comma or an enumeration comma (a fragment without any, alone between
    blank lines, reads as a headline) and both parts are ten characters or
    more. A paragraph too short for that stays whole.
    """
    pieces = atoms(text)
    cuts = []
    for k in range(1, len(pieces)):
        head, tail = "".join(pieces[:k]), "".join(pieces[k:])
        if (
            len(head) >= 10
            and len(tail) >= 10
            and ("，" in head or "、" in head)
            and not _ends_sentence(head)
            and head[-1] not in _OPENERS
            and tail[0] not in _CLOSERS
        ):
            cuts.append(k)
    if not cuts:
        return [text]
    k = cuts[rng.randrange(len(cuts))]
    return ["".join(pieces[:k]), "".join(pieces[k:])]


def _lead_block(article: ArticleSpec) -> int:
    """The block a lead byline opens: the first paragraph after an editor's note."""
    paras = [b for b, block in enumerate(article.blocks) if block.kind == "paragraph"]
    notes = [b for b in paras if article.blocks[b].text.startswith("编者按")]
    rest = [b for b in paras if b not in notes]
    return rest[0] if rest else (paras[0] if paras else 0)


def _paragraph(text: str, col: int, split: bool, rng: random.Random) -> list[str]:
    if col == 0:
        return _page_break(text, rng) if split else [text]
    return wrap(text, col, col - 4)


def _caption_units(c: CaptionSpec, col: int, rng: random.Random) -> list[tuple[str, list[str]]]:
    """A caption as printed: its mark on a line of its own, its text, its credit inline or below it."""
    units: list[tuple[str, list[str]]] = []
    text = c.text.removeprefix(c.label)
    if c.label:
        units.append(("label", [c.label]))
    if c.credit_alone:  # on a line of its own, or two: 本报记者 X / 拍友 Y 摄
        units.append(("caption", _paragraph(text.removesuffix(c.credit_text.replace("\n", "")), col, False, rng)))
        units.append(("credit", c.credit_text.split("\n")))
    else:
        units.append(("caption", _paragraph(text, col, False, rng)))
    return units


def _closing_marks(units: list[tuple[str, list[str]]], article: ArticleSpec, layout: ArticleLayout, col: int) -> None:
    """A trailing byline or jump at the end of the last paragraph, or on a line of its own."""
    trailing = article.byline("trailing")
    lines = units[-1][1]
    for kind, mark in (("byline", trailing.text if trailing else None), ("jump", article.jump)):
        if mark is None:
            continue
        joined = lines[-1] + mark  # printed with a space before a byline; the contract drops it
        limit = col - 4 if len(lines) == 1 and units[-1][0] == "paragraph" else col
        if (
            units[-1][0] == "paragraph"
            and not layout.trailing_alone
            and (col == 0 or qhnews.stages.cell_width(joined) + 1 <= limit)
        ):
            lines[-1] = joined
        else:
            units.append((kind, [mark]))
            lines = [mark]


def body_lines(article: ArticleSpec, layout: ArticleLayout, *, unwrapped: bool = False) -> list[LineInfo]:
    """The article's body as canonical lines: paragraphs wrapped, the lead byline
    opening the first (after an editor's note), captions among them, a trailing
    byline or jump closing the last (or on a line of its own when it does not fit
    or the layout says so)."""
    col = 0 if unwrapped else layout.width
    rng = random.Random(layout.seed + 1)
    lead = article.byline("lead")
    if article.byline("trailing") is not None and article.jump is not None:
        raise ValueError("an article continued on another page carries its trailing byline there")
    blocks = list(article.blocks)
    units: list[tuple[str, list[str]]] = []  # (kind, canonical lines)
    if article.jump_from and (layout.trailing_alone or not blocks):
        units.append(("jump-from", [article.jump_from]))
    for c in article.captions:
        if c.after < 0:
            units.extend(_caption_units(c, col, rng))
    opens = _lead_block(article)
    for b, block in enumerate(blocks):
        text = block.text
        if b == opens and lead is not None:
            text = (lead.printed or lead.text) + lead.gap + text
        if b == 0 and article.jump_from and not layout.trailing_alone:
            text = article.jump_from + text
        if block.label:
            units.append(("label", [block.label]))
            text = text.removeprefix(block.label)
        if block.kind == "subheading":
            units.append(("subheading", wrap(text, col) if col else [text]))
        else:
            split = b in {x % len(blocks) for x in layout.breaks}
            units.append(("paragraph", _paragraph(text, col, split, rng)))
        if b == len(blocks) - 1:
            _closing_marks(units, article, layout, col)
        for c in article.captions:
            if c.after == b:
                units.extend(_caption_units(c, col, rng))
    body: list[LineInfo] = []
    for kind, lines in units:
        for k, text in enumerate(lines):
            indented = k == 0 and kind in ("paragraph", "caption")
            body.append(
                LineInfo(
                    "body" if kind == "paragraph" else kind,
                    None,
                    first=k == 0,
                    last=k == len(lines) - 1,
                    column=col,
                    limit=(col - 4 if indented else col),
                    canonical=text,
                )
            )
    return body


def undecidable(article: ArticleSpec, layout: ArticleLayout, *, unwrapped: bool = False) -> str | None:
    """Why the article's body, printed at this width, would read two ways on the page; None if it reads one way.

    Once the OCR dropped the indent, what separates paragraphs is the first
    line's width: two characters short of the column. Where a sentence ends
    at a line end, the next line must show whether the paragraph goes on:

    * a short last line after it could be a one-line paragraph of its own;
    * both lines must fill the column: OCR line widths wander by a cell or two
      (lines with squeezed punctuation stand two or four cells past the edge),
      so a line a cell short reads as a paragraph's last line, or the next as
      an indented first line;
    * a one-line paragraph after a paragraph whose last line is full could be
      that paragraph's last line (a blank line between does not settle it: it
      may be a column break).

    An in-body subheading printed without blank lines around it must be one
    line far short of the column (a "——" one: short of it), or it reads as
    running text.
    """
    if unwrapped:
        return None
    col = layout.width
    body = body_lines(article, layout)
    for k in range(len(body) - 1):
        cur, nxt = body[k], body[k + 1]
        ends = cur.kind in ("body", "caption") and not cur.last and _ends_sentence(cur.canonical)
        if ends and qhnews.stages.cell_width(cur.canonical) < col:
            return f"line {k + 1} ends a sentence short of the column edge: the paragraph's last line?"
        if ends and qhnews.stages.cell_width(nxt.canonical) < col:
            return f"after line {k + 1}, a sentence end, line {k + 2} is short: a new paragraph or not?"
    for k in range(len(body) - 1):
        cur, nxt = body[k], body[k + 1]
        one_liner = (
            cur.kind in ("body", "caption") and cur.last and nxt.kind in ("body", "caption") and nxt.first and nxt.last
        )
        if (
            one_liner
            and qhnews.stages.cell_width(cur.canonical) >= col - 2
            and qhnews.stages.cell_width(nxt.canonical) <= col - 2
        ):
            return f"line {k + 2}, a one-line paragraph after a full line, could be that paragraph's last line"
    if not layout.subheading_gaps:
        for k, info in enumerate(body):
            if info.kind != "subheading" or not info.first:
                continue
            w = qhnews.stages.cell_width(info.canonical)
            dash = info.canonical.endswith("——")
            if not info.last or w > col - (3 if dash else 9):
                return f"subheading at line {k + 1} printed without blank lines is not short"
    return None


_BODY_KINDS = ("body", "subheading")
_CAPTION_KINDS = ("caption", "credit")


def _gap_before(info: LineInfo, prev: LineInfo, lay: ArticleLayout, col: int) -> bool:
    """Whether the page prints a blank line between two lines of a body."""
    if info.kind in ("byline", "jump", "credit"):
        return info.kind != "credit" and (lay.para_gaps or col == 0)
    if prev.kind in ("label", "jump-from"):
        return col == 0 and info.kind == "caption"
    if (info.kind == "subheading" and info.first) or (prev.kind == "subheading" and prev.last):
        return lay.subheading_gaps or col == 0
    return info.first and (lay.para_gaps or col == 0 or info.kind in _CAPTION_KINDS or prev.kind in _CAPTION_KINDS)


def _render_body(pr: _Printer, page: PageSpec, i: int, exp: dict[str, object]) -> None:
    article, lay = page.articles[i], page.layouts[i]
    rng = random.Random(lay.seed)
    col = _col(page, i)
    body = [attrs.evolve(info, article=i) for info in body_lines(article, lay, unwrapped=page.unwrapped)]
    allowed = _break_positions(body)
    if col == 0:  # unwrapped: the page breaks are where _page_break cut a paragraph
        breaks = {k for k in allowed if not body[k].last}
    else:
        breaks = {allowed[b % len(allowed)] for b in lay.breaks} if allowed else set()
    trailing = article.byline("trailing")
    tail_at = max((k for k, x in enumerate(body) if x.kind == "body"), default=-1)
    # ---- print
    pieces: dict[str, list[str]] = {"trailing": [], "jump": [], "jump-from": []}
    blocks_raw: list[list[str]] = []
    captions_raw: list[list[str]] = []
    label: list[str] = []  # a label printed over the block or caption that follows
    for k, info in enumerate(body):
        prev = body[k - 1] if k else None
        if prev is not None and _gap_before(info, prev, lay, col):
            pr.blank()
        tail = trailing.text if trailing is not None and k == tail_at else ""
        if tail and info.canonical.endswith(tail) and info.canonical != tail:
            raw = _noisy(info.canonical[: -len(tail)], lay, rng) + " " + _noisy(tail, lay, rng)
        else:
            raw = _noisy(info.canonical, lay, rng)
        pr.line(raw, info)
        if info.kind == "label":
            label.append(raw)
        elif info.kind in _BODY_KINDS or (info.kind == "caption" and info.first):
            if info.first:
                (blocks_raw if info.kind in _BODY_KINDS else captions_raw).append([*label])
                label = []
            (blocks_raw if info.kind in _BODY_KINDS else captions_raw)[-1].append(raw)
        elif info.kind in _CAPTION_KINDS:
            captions_raw[-1].append(raw)
        else:
            pieces["trailing" if info.kind == "byline" else info.kind].append(raw)
        if k in breaks:
            pr.blank(column_break=True, spaces=" " if rng.random() < 0.2 else "")
    _expected_body(article, exp, [_norm_join(p) for p in blocks_raw], pieces)
    captions = tuple(attrs.evolve(c, text=_norm_join(p)) for c, p in zip(_printed(article), captions_raw, strict=True))
    news = _photo_news(article, captions)
    if news is not None:
        blocks = exp.get("blocks", ())
        assert isinstance(blocks, tuple)
        exp["blocks"], exp["news"] = (*blocks, BlockSpec("paragraph", news[0])), news[1]
        captions = captions[: news[2]] + captions[news[2] + 1 :]
    exp["captions"] = captions


#: How a caption opens that says it is one (图为…, ①…, its picture's mark): the contract's
#: reading, written out here from the forms the generator prints.
_CAPTION_LIKE = regex.compile(r"^(?:图为|①|[（(]附?图片?[)）])")
#: The outlet a picture story's credit names, by the form it was drawn in.
_CREDIT_OUTLETS = {
    "caption: 新华社记者 X摄": "新华社",
    "caption: 本报记者 X 摄": "本报",
    "caption: 本报记者 X / 拍友 X 摄": "本报",
}


def _photo_news(article: ArticleSpec, captions: tuple[CaptionSpec, ...]) -> tuple[str, BylineSpec, int] | None:
    """The caption read as photo news (图片新闻), its credit as the byline, and its place in ``captions``.

    A picture story's one caption, or the caption printed after the last
    paragraph of an article with no byline and no jump: credited, opening no
    caption's way. Its text is the article's last paragraph and its credit the
    article's trailing byline (``caption.photo-news``); None when there is none.
    """
    if article.blocks:
        if article.bylines or article.jump is not None or article.continued_to is not None or not captions:
            return None
        k = len(captions) - 1
        if captions[k].after != len(article.blocks) - 1:
            return None
    elif len(captions) != 1:
        return None
    else:
        k = 0
    c = captions[k]
    if c.credit is None or not c.credit_text or _CAPTION_LIKE.match(c.text):
        return None
    credit = qhnews.normalize(c.credit_text.replace("\n", ""))
    assert c.text.endswith(credit), (c.text, credit)
    outlet = _CREDIT_OUTLETS.get(c.form)
    if c.form == "caption: <X>晚报记者 X 摄":
        outlet = credit[: credit.index("记者")]
    return c.text[: -len(credit)], BylineSpec(credit, "trailing", c.credit, outlet, None, c.people), k


def _printed(article: ArticleSpec) -> list[CaptionSpec]:
    """The article's captions in the order the page prints them."""
    return sorted(article.captions, key=lambda c: c.after)


def _expected_body(
    article: ArticleSpec, exp: dict[str, object], texts: list[str], pieces: dict[str, list[str]]
) -> None:
    """The expected records: normalize of each record's printed pieces joined, the marks cut off."""
    lead, trailing = article.byline("lead"), article.byline("trailing")
    if article.jump_from is not None:
        if pieces["jump-from"]:
            exp["jump-from"] = _norm_join(pieces["jump-from"])
        else:
            m = regex.match(r"^[（(][^）)]*[)）]", texts[0])
            assert m is not None, texts[0]
            exp["jump-from"], texts[0] = m.group(), texts[0][m.end() :]
    if lead is not None:
        b = _lead_block(article)
        assert texts[b].startswith(lead.text), (texts[b], lead.text)
        exp["lead"] = lead.text
        texts[b] = texts[b][len(lead.text) :].lstrip(" ")
    if texts:
        last = texts[-1]
        for key, mark in (("jump", article.jump), ("trailing", trailing.text if trailing else None)):
            if mark is None:
                continue
            if pieces[key]:  # printed on a line of its own
                exp[key] = _norm_join(pieces[key])
            else:  # printed at the end of the last paragraph
                j = last.rfind("（")
                exp[key] = last[j:]
                last = last[:j]
        texts[-1] = last
    exp["blocks"] = tuple(BlockSpec(b.kind, t) for b, t in zip(article.blocks, texts, strict=True))


def _view(spec: ArticleSpec, exp: dict[str, object]) -> ArticleView:
    """The expected view: the spec's structure with every text as the page printed and the contract normalizes it."""
    bylines = []
    for b in spec.bylines:
        text = exp.get(b.position)
        bylines.append(attrs.evolve(b, text=text) if isinstance(text, str) else b)
    news = exp.get("news")
    if isinstance(news, BylineSpec):  # a picture story read as photo news: its credit is its byline
        bylines.append(news)
    jump = exp.get("jump")
    continued = spec.continued_to
    if isinstance(jump, str):
        m = regex.search(r"转(?:至)?(.+?版)", jump)
        continued = m.group(1) if m else None
    speaker = None
    if spec.speaker is not None:
        text = exp.get("speaker")
        assert isinstance(text, str)
        titles, _, name = text.rpartition(" ")
        speaker = (text, titles, name)

    def opt(key: str) -> str | None:
        v = exp.get(key)
        return v if isinstance(v, str) else None

    blocks = exp.get("blocks", ())
    subtitles = exp.get("subtitles", ())
    captions = exp.get("captions", ())
    assert isinstance(blocks, tuple)
    assert isinstance(subtitles, tuple)
    assert isinstance(captions, tuple)
    jump_from = exp.get("jump-from")
    continued_from = spec.continued_from
    if isinstance(jump_from, str):
        m = regex.search(r"接(?:自)?(.+?版)", jump_from)
        continued_from = m.group(1) if m else None
    return ArticleView(
        title=opt("title"),
        kicker=opt("kicker"),
        subtitles=subtitles,
        section=opt("section"),
        bylines=tuple(bylines),
        speaker=speaker,
        blocks=blocks,
        continued_to=continued,
        captions=captions,
        continued_from=continued_from,
    )


# --------------------------------------------------------------------------- structures on a page


def _printed_together(r: RenderedPage, k: int) -> bool:
    a, b = r.lines[k], r.lines[k + 1]
    return a.kind != "blank" and b.kind != "blank"


def structures(r: RenderedPage) -> frozenset[str]:
    """The layout structures a rendered page shows, by name (see [`STRUCTURES`][render.STRUCTURES])."""
    page, slots = r.spec, r.slots
    arts, lays = page.articles, page.layouts
    found: set[str] = set()
    if page.unwrapped:
        found.add("unwrapped page")
    for i, (a, lay) in enumerate(zip(arts, lays, strict=True)):
        if slots[i] > i:
            found.add("headline after its body")
        if slots[i] > i + 1:
            found.add("headlines grouped after a later article")
        if a.byline("heading") is not None and slots[i] > i:
            found.add("heading-byline group after its body")
            if slots[i] > i + 1:
                found.add("heading-byline group after a later article")
        if a.title and title_cut_for(a.title, lay) is not None:
            found.add("title over two lines")
        for t in a.subtitles:
            bare = t.removeprefix("——")
            if bare[:1] in "记访" or bare.endswith("综述"):  # 记…, 访…, …综述
                found.add("dash subtitle" if t.startswith("——") else "plain subtitle")
        if a.kicker and a.title and a.subtitles:
            found.add("kicker, title and subtitle")
        prev = arts[i - 1] if i else None
        opens = a.byline("lead") is not None or a.byline("heading") is not None
        stacked = slots.count(i) >= 2 or (i in slots and slots[i] == i + 1)
        if prev is not None and not opens and stacked and not _ends(prev):
            # nothing but headlines between two bodies: the one above's after its body, and the
            # article's own over its body, or its profile line and title after it
            found.add("no byline after another's headline")
        own = [j for j in range(len(arts)) if slots[j] == i]
        if prev is not None and not opens and not _ends(prev) and own == [i] and a.kicker and not a.speaker:
            found.add("kicker and title alone between two bodies")
    for k, info in enumerate(r.lines):
        if info.column_break and _opening_under_a_headline(r, k - 1):
            found.add("column break under a headline")
    for k in range(len(r.lines) - 1):
        if not _printed_together(r, k):
            continue
        above, below = r.lines[k], r.lines[k + 1]
        if above.article != below.article and not (_in_group(r, above) and _in_group(r, below)):
            found.add("no blank line between articles")  # two stacked headline groups are no such page
        elif above.kind in ("headline", "speaker", "byline") and below.kind in _TEXT_KINDS and not _before(r, k):
            found.add("no blank line under the top headline")
    return frozenset(found)


def _opening_under_a_headline(r: RenderedPage, k: int) -> bool:
    """Whether line ``k`` is the first line of an article's body and a headline group stands right above it."""
    info = r.lines[k]
    if info.kind != "body" or not info.first or info.article is None or not info.column:
        return False
    if "，" not in info.canonical or qhnews.stages.cell_width(info.canonical) != info.limit:
        return False  # the pages the round trip found fail with a full first line holding a comma
    if any(x.article == info.article and x.kind == "body" for x in r.lines[:k]):
        return False
    above = next((x for x in reversed(r.lines[:k]) if x.kind != "blank"), None)
    return above is not None and _in_group(r, above)


def _in_group(r: RenderedPage, info: LineInfo) -> bool:
    """Whether the line is one of a headline group's (its heading byline included)."""
    if info.kind in ("headline", "speaker"):
        return True
    heading = r.spec.articles[info.article].byline("heading") if info.article is not None else None
    return info.kind == "byline" and heading is not None and info.canonical == heading.text


def _ends(a: ArticleSpec) -> bool:
    return a.byline("trailing") is not None or a.jump is not None


def _before(r: RenderedPage, k: int) -> bool:
    """Whether another article prints a line before line ``k``."""
    return any(x.kind != "blank" and x.article != r.lines[k].article for x in r.lines[:k])


#: Every name [`structures`][render.structures] gives, in the order tables list them.
STRUCTURES = (
    "headline after its body",
    "headlines grouped after a later article",
    "heading-byline group after its body",
    "heading-byline group after a later article",
    "no byline after another's headline",
    "title over two lines",
    "plain subtitle",
    "dash subtitle",
    "kicker, title and subtitle",
    "no blank line between articles",
    "no blank line under the top headline",
    "column break under a headline",
    "kicker and title alone between two bodies",
    "unwrapped page",
)


# --------------------------------------------------------------------------- forms of the press on a page

_COMMENTARY = frozenset(("社论", "本报评论员", "评论员文章", "短评", "时评"))


#: The kinds of a printed line that are text under a headline: a body's, or a caption's (a picture story).
_TEXT_KINDS = ("body", "caption")


def _shape(a: ArticleSpec) -> str | None:
    """The surveyed headline shape the article's headline shows (see ``strategies.SHAPES``)."""
    if a.title is None or a.speaker is not None:
        return None
    if a.section is not None:
        if a.section in _COMMENTARY:
            return "shape: commentary label (社论) over the title"
        if regex.search(r"之[一二三四五六七八九十]+$", a.section):
            return "shape: series number (…之N) over the title"
        return "shape: section label (A·B) over the title"
    if a.kicker is not None:
        return {0: "shape: kicker and title", 1: "shape: kicker, title and subtitle"}.get(
            len(a.subtitles), "shape: kicker, title and two subtitles"
        )
    if not a.subtitles:
        return "shape: title alone"
    if len(a.subtitles) == 2 and all(_plain_second_line(t) for t in a.subtitles):
        return "shape: title over two plain lines"
    return "shape: title and a plain second line" if _plain_second_line(a.subtitles[0]) else "shape: title and subtitle"


def _plain_second_line(subtitle: str) -> bool:
    """A subtitle with none of the cues ``strategies.subtitles`` draws (——, 记…, 访…, …综述, who-did)."""
    return not (subtitle.startswith(("——", "记", "访")) or subtitle.endswith(("综述", "讲话", "出席")))


def article_forms(a: ArticleSpec) -> frozenset[str]:
    """The surveyed forms (docs/guide/forms.md) one article shows, by the names of ``strategies``' tables."""
    found = {b.form for b in a.bylines} | {c.form for c in a.captions} | {b.form for b in a.blocks}
    if a.captions and not a.blocks:
        found.add("article: picture story")
    if a.jump_from is not None:
        found.add("continued: （上接第〇版）")
    shape = _shape(a)
    if shape is not None:
        found.add(shape)
    return frozenset(found - {""})


def page_forms(page: PageSpec) -> frozenset[str]:
    """The surveyed forms of the page itself: its furniture."""
    return frozenset(f.form for f in page.furniture if f.form)
