"""Every record's span points at the source text it was built from."""

from __future__ import annotations

import functools
import itertools
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import qhnews
import qhnews.records
from qhnews import Span

ROOT = Path(__file__).resolve().parent.parent
PAGES = sorted((ROOT / "seeds").glob("*.txt"))


def _rebuilt(text: str, start: int, end: int) -> str:
    """Normalize a source slice the way the text layer joins wrapped lines."""
    return qhnews.normalize("".join(part.strip() for part in text[start:end].split("\n")))


def test_pages_found() -> None:
    assert PAGES


@pytest.mark.parametrize("path", PAGES, ids=[p.stem[:3] for p in PAGES])
def test_bylines_and_blocks_point_at_their_text(path: Path) -> None:
    page = qhnews.parse(path.read_text("utf-8"))
    text = page.text
    for article in page.articles:
        for byline in article.bylines:
            assert _rebuilt(text, byline.span.start, byline.span.end) == byline.text
        for block in article.blocks:
            assert _rebuilt(text, block.span.start, block.span.end) == block.text
        assert article.span is not None
        assert all(article.span.start <= b.span.start and b.span.end <= article.span.end for b in article.blocks)
    for left in page.leftovers:
        assert _rebuilt(text, left.span.start, left.span.end) == left.text


def test_lead_byline_and_paragraph_share_a_line_without_overlapping() -> None:
    text = " 本报讯(记者 施翔) 7 月 10 日，开会\n好。 （记者 王五）\n\n标题"
    (a,) = qhnews.parse(text).articles
    lead, trail = a.bylines
    assert text[lead.span.start : lead.span.end] == "本报讯(记者 施翔)"
    assert text[trail.span.start : trail.span.end] == "（记者 王五）"
    assert text[a.blocks[0].span.start : a.blocks[0].span.end] == "7 月 10 日，开会\n好。"
    assert lead.span.first_line == a.blocks[0].span.first_line == 1


@pytest.mark.parametrize(
    ("text", "opening"),
    [
        ("本报讯（记者 王五）\n:abc开会了很多很多很多很多很多。", ":abc"),  # the next line changes when joined (：)
        ("本报西宁讯（记者\n王五）7月1日，会议在西宁召开。", "7月1日"),  # the byline wraps
        ("本报讯（记者 王五）7月1日，\n会议在西宁召开。", "7月1日"),
    ],
)
def test_a_lead_byline_and_its_paragraph_split_where_the_byline_ends(text: str, opening: str) -> None:
    (article,) = qhnews.parse(text).articles
    (byline,) = article.bylines
    (block,) = article.blocks
    assert _rebuilt(text, byline.span.start, byline.span.end) == byline.text
    assert text[block.span.start :].startswith(opening)
    assert block.span.end == len(text)


@pytest.mark.parametrize("args", [(5, 4, 1, 1), (0, 4, 3, 2), (-1, 4, 1, 1), (0, 4, 0, 1)])
def test_a_span_out_of_order_is_refused_where_it_is_made(args: tuple[int, int, int, int]) -> None:
    with pytest.raises(ValueError, match="in order"):
        qhnews.Span(*args)


def test_a_page_refuses_a_span_past_its_text() -> None:
    leftover = qhnews.records.Leftover("标题", qhnews.Span(0, 9, 1, 1))
    with pytest.raises(ValueError, match="past the page's end"):
        qhnews.Page(leftovers=(leftover,), text="标题")
    assert qhnews.Page(leftovers=(qhnews.records.Leftover("标题", qhnews.Span(0, 2, 1, 1)),), text="标题").leftovers


@pytest.mark.parametrize(
    "text",
    [
        "开会。（记者王五）（记者 王五）",  # found by a random property run: parse raised on it
        "开会。（记者 王五） （下转二版）",
        "开会。(记者 王五)(下转二版)",
        "开会，会上\n说了好。（记者 王五）（记者 李四）",
    ],
)
def test_two_pieces_cut_off_one_line_each_span_their_own_text(text: str) -> None:
    # the second cut is located where the first left the line's text, not at the line's end
    page = qhnews.parse(text)
    (article,) = page.articles
    pieces = [*(b.span for b in article.bylines)]
    for span in pieces:
        assert span.start < span.end
    cut = sorted(pieces, key=lambda s: s.start)
    assert all(a.end <= b.start for a, b in itertools.pairwise(cut))
    assert article.blocks[-1].span.end <= cut[0].start
    for byline in article.bylines:
        assert qhnews.normalize(page.text[byline.span.start : byline.span.end]) == byline.text


def test_a_piece_cut_off_an_indented_last_line_from_its_start_spans_from_its_bracket() -> None:
    # the trailing byline opens the line (the jump after it was cut first): its span starts past the indent
    page = qhnews.parse("开会，会上说了\n要抓好落实\n\u3000\u3000（记者 王五）（下转二版）")
    (article,) = page.articles
    (byline,) = article.bylines
    assert page.text[byline.span.start : byline.span.end] == "（记者 王五）"


_spans = st.builds(
    lambda start, length, first, lines: Span(start, start + length, first, first + lines),
    st.integers(0, 500),
    st.integers(0, 50),
    st.integers(1, 40),
    st.integers(0, 5),
)


@given(st.lists(_spans, max_size=8))
def test_the_union_of_spans_is_the_smallest_span_that_holds_them_all(spans: list[Span]) -> None:
    union = Span.union(spans)
    if not spans:
        assert union is None
        return
    assert union == functools.reduce(Span.cover, spans)
    assert union == Span(
        min(s.start for s in spans),
        max(s.end for s in spans),
        min(s.first_line for s in spans),
        max(s.last_line for s in spans),
    )
    assert Span.union(iter(spans)) == union  # any iterable, read once


# A photo-news item's text and its credit, cut apart where the page shows the credit begin: at the end of
# the text's last line, on a line of its own, wrapped onto the next line, or begun on the text's last line.
_PHOTO_NEWS = {
    "inline": "南湖公园樱花盛开\n\n昨日，南湖公园的樱花进入盛花\n期，市民纷纷前来赏花。本报记者 王小明 摄\n",
    "alone": "南湖公园樱花盛开\n\n昨日，南湖公园的樱花进入盛花\n期，市民纷纷前来赏花。\n记者 王小明 摄\n",
    "wrapped": "南湖公园樱花盛开\n\n昨日，南湖公园的樱花进入盛花\n期，市民纷纷前来赏花。（记 \n者 王小明 摄）\n",
    "begun above": "南湖公园樱花盛开\n\n昨日，南湖公园的樱花进入盛花\n期，市民纷纷前来赏花。新\n华社记者 王小明摄\n",
}


@pytest.mark.parametrize("name", list(_PHOTO_NEWS))
def test_a_photo_news_items_text_and_credit_point_at_their_text(name: str) -> None:
    text = _PHOTO_NEWS[name]
    (article,) = qhnews.parse(text).articles
    (block,), (byline,) = article.blocks, article.bylines
    assert block.text == "昨日，南湖公园的樱花进入盛花期，市民纷纷前来赏花。"
    assert _rebuilt(text, block.span.start, block.span.end) == block.text
    assert _rebuilt(text, byline.span.start, byline.span.end) == byline.text
    assert block.span.end <= byline.span.start
    assert (byline.credit, [p.name for p in byline.people]) == ("摄", ["王小明"])
    assert not article.captions
