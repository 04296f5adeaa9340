"""What stage 6 hands the confidence model and the diagnostics, at the edges of its rules (invented text).

The article fixtures compare what a reader sees of an article; these tests pin what they do not
print: the evidence an article's confidence is read from and the diagnostic of a run of short
lines cut at ``cluster_edge``. Each fails a mutant of ``_assemble`` that no fixture noticed
(benchmarks/mutation/structure-layer.md).
"""

from __future__ import annotations

import pytest

import qhnews
from qhnews._assemble import AssembleOptions, assemble
from qhnews._pipeline import STAGES

#: Three articles, each headline over its body and sharing words with that body only.
THREE = """东城举办读书节

本报讯（记者 王五）3月5日，东城区第十届读书节开幕。活动持续一个月，共有五十场讲座。

西城开展植树活动

本报讯（记者 李四）3月6日，西城区组织干部群众植树，共栽下树苗三千株。活动现场气氛热烈。

南城启动夜市季

本报讯（记者 赵六）3月7日，南城区夜市季启动，二十条街区的夜市同时开市。"""

#: A clean page's articles are sure (test_confidence.py).
SURE = 0.9


def units(text: str) -> object:
    """The page's units as stage 6 gets them."""
    value: object = text
    options = qhnews.ParseOptions()
    for stage in STAGES[:-1]:
        value = stage.run(value, options)
    return value


@pytest.mark.parametrize("reach", [8, 1])
def test_the_evidence_of_a_headline_is_what_it_shares_with_its_own_body(reach: int) -> None:
    """The similarity the confidence reads is the headline's with the body it went to, the rival another body's.

    With ``reach`` 1 the window of the third headline starts at the second article: its own body is
    the second of the window, not the third.
    """
    got = assemble(units(THREE), AssembleOptions(reach=reach))  # type: ignore[arg-type]
    assert [a.title for a in got.articles] == ["东城举办读书节", "西城开展植树活动", "南城启动夜市季"]
    for a, e in zip(got.articles, got.evidence, strict=True):
        assert e.similarity is not None
        assert e.similarity > max(e.rival, 0.2), (a.title, e)
        assert a.confidence >= SURE, (a.title, a.notes)


#: Village names, one a line, over the item that lists them.
VILLAGES = (
    "东林镇桃源村",
    "东林镇杏花村",
    "南湖镇石桥村",
    "南湖镇前进村",
    "西岗镇新丰村",
    "西岗镇长乐村",
    "北岭镇和平村",
)
LISTED = "本报讯（记者 王五）日前，市农业农村局公布了今年美丽乡村示范村名单，上列各村入选。据介绍，示范村由各县推荐。"
EDGE = 3


@pytest.mark.parametrize("lines", [2 * EDGE, 2 * EDGE + 1])
def test_a_run_of_short_lines_keeps_twice_cluster_edge_lines_whole(lines: int) -> None:
    """A run of short lines of twice ``cluster_edge`` is kept whole; one line more, and its middle heads nothing.

    A headline group stands at a run's start (printed after its body) or its end (over the next
    article), each within ``cluster_edge`` lines: the lines past both reaches are a list's, taken for no
    headline, and a diagnostic says how many.
    """
    page = "\n\n".join([*VILLAGES[:lines], LISTED])
    got = qhnews.parse(page, options=qhnews.ParseOptions(assemble=AssembleOptions(cluster_edge=EDGE)))
    runs = [d for d in got.diagnostics if d.code == "short-lines-run"]
    if lines == 2 * EDGE:
        assert runs == []
        assert got.leftovers == ()
        return
    assert [d.message for d in runs] == ["1 short lines taken for no headline"]
    assert [x.text for x in got.leftovers] == [VILLAGES[EDGE]]
    assert runs[0].span == got.leftovers[0].span


TITLE, BYLINE = "东城读书节开幕", "本报记者 王五"
BODY = "3月5日，东城区第十届读书节开幕。活动持续一个月，共有五十场讲座。（通讯员 李四）"
NEXT = "西城开展植树活动\n\n本报讯（记者 赵六）3月6日，西城区组织干部群众植树，共栽下树苗三千株。"


@pytest.mark.parametrize(
    ("page", "title_line"),
    [
        (f"{TITLE}\n{BYLINE}\n\n{BODY}\n\n{NEXT}", 1),  # the group over its body
        (f"{BODY}\n\n{TITLE}\n{BYLINE}\n\n{NEXT}", 3),  # the group, byline and all, printed under its body
    ],
    ids=["over-its-body", "under-its-body"],
)
def test_the_headline_span_leaves_out_the_heading_byline(page: str, title_line: int) -> None:
    """An article's headline span covers its headline lines; the heading byline under them has its own span.

    Where the group was printed away from its body, the byline is one of the group's lines
    (``headline.group-byline``), and still no headline line.
    """
    article = qhnews.parse(page).articles[0]
    assert article.headline_span is not None
    assert (article.headline_span.first_line, article.headline_span.last_line) == (title_line, title_line)
    assert page[article.headline_span.start : article.headline_span.end] == TITLE
    first = article.bylines[0]  # the heading byline comes first (tests/fixtures/articles/byline-order.txt)
    assert (first.position.value, first.span.first_line) == ("heading", title_line + 1)


def test_the_change_points_of_a_lean_are_each_cut_from_the_last_up() -> None:
    """``_splits`` yields every cut between two blocks, bottom up, with what lies under and over it."""
    from qhnews._assemble import _centred, _splits

    lean = [0.5, -0.25, 1.0, 0.25]
    assert list(_splits(lean)) == [(3, 0.25, 1.25), (2, 1.25, 0.25), (1, 1.0, 0.5)]
    assert list(_splits([2.0])) == []  # one block: no cut
    assert _centred([1.0, 2.0, 3.0, 6.0]) == [-2.0, -1.0, 0.0, 3.0]
    assert sum(_centred(lean)) == pytest.approx(0.0)
