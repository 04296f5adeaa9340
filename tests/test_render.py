"""The generator and the renderer are tested too: a rendered page has the features asked for.

The properties in ``test_properties.py`` are only as good as the pages they
see: these tests check that a rendered page really is laid out as the layout
says (widths within the column, the indent dropped, blank lines at column
breaks, headlines unwrapped and where they were asked for, OCR noise that the
contract's normalization undoes) and that the generator reaches every form
it promises.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import cast

import attrs
import pytest
from hypothesis import HealthCheck, Phase, find, given, settings
from hypothesis import strategies as st

import qhnews
from render import (
    STRUCTURES,
    ArticleLayout,
    ArticleSpec,
    BlockSpec,
    BylineSpec,
    PageSpec,
    PersonSpec,
    RenderedPage,
    article_forms,
    article_view,
    atoms,
    body_lines,
    headline_slots,
    page_forms,
    render,
    spec_view,
    structures,
    title_cut_for,
    undecidable,
    wrap,
)
from strategies import (
    CAPTION_FORMS,
    COLUMN_FORMS,
    FOOTER_FORMS,
    GIVEN,
    HEADER_FORMS,
    HEADING_FORMS,
    LEAD_FORMS,
    NOTE_FORMS,
    PLACE_CHARS,
    SHAPES,
    SUBHEADING_FORMS,
    TRAILING_FORMS,
    Rates,
    _choose,
    boundary_shown,
    pages,
)

CLOSERS = "，。、；：？！”’）》"
OPENERS = "“‘（《"


def w(text: str) -> int:
    return qhnews.stages.cell_width(qhnews.normalize(text))


# --------------------------------------------------------------------------- wrapping

#: Normalized text as the wrap meets it: Chinese characters, marks that may not open or close a line,
#: digit runs, Latin words, single spaces between Chinese words.
cjk_text = (
    st.lists(
        st.sampled_from([*(GIVEN + PLACE_CHARS), *CLOSERS, *OPENERS, "2.42", "ASTOM", "2024", "——", " "]),
        min_size=1,
        max_size=80,
    )
    .map(lambda parts: qhnews.normalize("".join(parts)))
    .filter(bool)
)


@given(cjk_text, st.sampled_from(range(26, 47, 2)))
def test_wrap_keeps_every_character_and_the_typesetting_rules(text: str, width: int) -> None:
    lines = wrap(text, width, width - 4)
    assert "".join(lines) == text
    for k, line in enumerate(lines):
        limit = width - 4 if k == 0 else width
        hangs = k > 0 and line[-1] in CLOSERS and qhnews.stages.cell_width(line.rstrip(CLOSERS)) <= limit
        assert qhnews.stages.cell_width(line) <= limit or hangs, (k, line)
        if k > 0:
            assert line[0] not in CLOSERS or len(atoms(lines[k - 1])) == 1, (k, line)
        if k < len(lines) - 1:
            assert line[-1] not in OPENERS or len(atoms(line)) == 1, (k, line)
            assert not line.endswith(" ")
            assert not lines[k + 1].startswith(" ")


def test_atoms_keep_digit_runs_latin_words_dashes_and_spaced_phrases_whole() -> None:
    assert atoms("在2.42万 人中——好ASTOM") == ["在", "2.42", "万 人", "中", "——", "好", "ASTOM"]


# --------------------------------------------------------------------------- a rendered page


def body_of(r: RenderedPage, i: int) -> list[int]:
    return [k for k, info in enumerate(r.lines) if info.article == i and info.kind in ("body", "subheading")]


def check_page(r: RenderedPage) -> None:
    page = r.spec
    raw = r.text.split("\n")
    assert len(raw) == len(r.lines)
    # The renderer's expected records are the spec: the contract's normalization undoes all OCR noise.
    assert r.expected == tuple(spec_view(a) for a in page.articles)
    for k, (line, info) in enumerate(zip(raw, r.lines, strict=True)):
        assert (info.kind == "blank") == (line.strip() == ""), (k, line)
        if info.kind == "blank":
            continue
        assert qhnews.normalize(line).strip() == qhnews.normalize(info.canonical), (k, line)
        if info.kind not in ("body", "subheading") or page.unwrapped:
            continue
        width, lay = w(line), page.layouts[info.article or 0]
        hangs = not info.first and info.canonical[-1] in CLOSERS and w(info.canonical.rstrip(CLOSERS)) <= info.limit
        assert width <= info.limit or hangs, (k, line, info.limit)
        assert info.column == lay.width
        if info.kind == "body" and info.first and not info.last:
            assert width <= info.column - 4, ("the first line keeps no indent", k, line)
    for k, info in enumerate(r.lines):
        if info.column_break:  # a column break stands inside a body, never right after a sentence end in a paragraph
            before, after = r.lines[k - 1], r.lines[k + 1]
            assert before.kind == after.kind == "body", k
            assert before.article == after.article, k
            assert before.last or before.canonical.rstrip("”’）》")[-1] not in "。！？…", k
    assert raw[: page.top_blank_lines] == [x for x in raw[: page.top_blank_lines] if not x.strip()]
    slots = headline_slots(page)
    for i, article in enumerate(page.articles):
        heads = [k for k, info in enumerate(r.lines) if info.article == i and info.kind in ("headline", "speaker")]
        # headline lines are not wrapped (one line per part), but for a title the layout asks over two lines
        printed = [r.lines[k].canonical for k in heads]
        broken = article.title is not None and title_cut_for(article.title, page.layouts[i]) is not None
        assert len(printed) == len(article.headline_lines) + broken
        assert "".join(printed) == "".join(article.headline_lines)
        if broken:
            assert article.title is not None
            assert article.title.startswith(printed[article.headline_lines.index(article.title)])
        body = body_of(r, i)
        if heads and body:
            earlier = [k for j in range(slots[i]) for k in body_of(r, j)]
            later = [k for j in range(slots[i], len(page.articles)) for k in body_of(r, j)]
            assert all(k < heads[0] for k in earlier)
            assert all(k > heads[-1] for k in later)
        lead = article.byline("lead")
        if lead is not None:  # it opens a paragraph: the first, or the first after an editor's note
            starts = [k for k in body if r.lines[k].kind == "body" and r.lines[k].first]
            text = {k: "".join(r.lines[j].canonical for j in body if j >= k) for k in starts[:2]}
            assert any(t.startswith(lead.printed or lead.text) for t in text.values())
        if i > 0:
            assert boundary_shown(page, i, slots), i
        assert undecidable(article, page.layouts[i], unwrapped=page.unwrapped) is None
    if page.unwrapped:
        for i, article in enumerate(page.articles):
            paras = [b for b in article.blocks if b.kind == "paragraph"]
            lines = [k for k in body_of(r, i) if r.lines[k].kind == "body"]
            assert len(paras) <= len(lines) <= 2 * len(paras)
            for k in lines:
                if not r.lines[k].last:
                    assert raw[k + 1].strip() == "", "a page break is a blank line"
                    assert r.lines[k].canonical[-1] not in "。！？", "an unwrapped page breaks in mid-sentence"


@given(pages())
def test_a_rendered_page_has_the_features_its_layout_asks_for(page: PageSpec) -> None:
    check_page(render(page))


def test_column_breaks_fall_where_asked_also_in_mid_sentence() -> None:
    text = "会议强调，要扎实推进各项工作，坚持问题导向，深入查找差距不足，切实抓好整改落实，推动工作取得新成效。"
    article = ArticleSpec(title="会议召开", blocks=(BlockSpec("paragraph", text), BlockSpec("paragraph", text)))
    layout = ArticleLayout(width=30, breaks=(0, 1, 2, 3))
    r = render(PageSpec((article,), (layout,)))
    breaks = [k for k, info in enumerate(r.lines) if info.column_break]
    assert len(breaks) == 4
    assert any(r.lines[k - 1].canonical[-1] not in "。！？" for k in breaks), "a column break in mid-sentence"
    assert all(r.lines[k - 1].kind == "body" and r.lines[k + 1].kind == "body" for k in breaks)


def test_ocr_noise_is_printed_and_normalization_takes_it_back() -> None:
    text = "7月10日，会议（扩大）召开：完成2.42万亩，增长20.45%，与ASTOM公司签约！"
    article = ArticleSpec(
        title="会议召开",
        bylines=(BylineSpec("本报讯（记者 王芳）", "lead", None, "本报", None, (PersonSpec("记者", "王芳"),)),),
        blocks=(BlockSpec("paragraph", text),),
    )
    layout = ArticleLayout(width=46, halfwidth=True, digit_spaces=True, edge_spaces=True, seed=3)
    r = render(PageSpec((article,), (layout,)))
    assert any(mark in r.text for mark in ",():!"), "half-width marks"
    assert " 月" in r.text or "7 " in r.text or " 万" in r.text or " ASTOM" in r.text, "spaces around digits"
    assert r.expected == (spec_view(article),)


def test_unwrapped_page_prints_one_paragraph_per_line() -> None:
    text = "会议强调，要扎实推进各项工作，坚持问题导向，深入查找差距不足，切实抓好整改落实，推动工作取得新成效。"
    article = ArticleSpec(
        title="会议召开", blocks=(BlockSpec("paragraph", text), BlockSpec("paragraph", text[:20] + "。"))
    )
    r = render(PageSpec((article,), (ArticleLayout(),), unwrapped=True))
    assert r.text.split("\n") == ["会议召开", "", text, "", text[:20] + "。"]


def test_headlines_stand_before_after_or_grouped_after_a_later_article() -> None:
    arts = tuple(
        ArticleSpec(
            title=f"标题{n}",
            bylines=(BylineSpec(f"本报讯（记者 王{n}）", "lead", None, "本报", None, (PersonSpec("记者", f"王{n}"),)),),
            blocks=(BlockSpec("paragraph", f"正文{n}。"),),
        )
        for n in "一二三"
    )
    lays = (ArticleLayout(head_after=2), ArticleLayout(head_after=1), ArticleLayout(head_after=0))
    r = render(PageSpec(arts, lays))
    assert r.slots == (2, 2, 2)
    lines = [x for x in r.text.split("\n") if x]
    assert lines == [
        "本报讯（记者 王一）正文一。",
        "本报讯（记者 王二）正文二。",
        "标题一",
        "标题二",
        "标题三",
        "本报讯（记者 王三）正文三。",
    ]


# --------------------------------------------------------------------------- the page-level rules can fail


def test_undecidable_names_a_paragraph_that_reads_two_ways() -> None:
    # a sentence ends at the end of a full line and the short last line could be a paragraph of its own
    first = "的" * 13
    full = "的" * 14 + "。"
    article = ArticleSpec(blocks=(BlockSpec("paragraph", first + full + "好的。"),))
    assert body_lines(article, ArticleLayout(width=30))[1].canonical == full
    assert undecidable(article, ArticleLayout(width=30)) is not None
    assert undecidable(article, ArticleLayout(width=30), unwrapped=True) is None


def test_boundary_shown_wants_a_mark_where_two_articles_meet() -> None:
    plain = ArticleSpec(title="标题", blocks=(BlockSpec("paragraph", "正文。"),))
    page = PageSpec((plain, plain), (ArticleLayout(), ArticleLayout()))
    assert not boundary_shown(page, 1, headline_slots(page))
    trailing = BylineSpec("（记者 王五）", "trailing", people=(PersonSpec("记者", "王五"),))
    page = PageSpec((attrs.evolve(plain, bylines=(trailing,)), plain), page.layouts)
    assert boundary_shown(page, 1, headline_slots(page))


def test_article_view_reads_a_parsed_article() -> None:
    (a,) = qhnews.parse("本报讯（记者 施翔）7 月 10 日，开会。\n\n会议召开").articles
    v = article_view(a)
    assert v.title == "会议召开"
    assert v.bylines[0].people == (PersonSpec("记者", "施翔"),)
    assert v.blocks == (BlockSpec("paragraph", "7月10日，开会。"),)


# --------------------------------------------------------------------------- the generator reaches every form


def _bylines(p: PageSpec) -> list[BylineSpec]:
    return [b for a in p.articles for b in a.bylines]


def _body(p: PageSpec) -> str:
    return "".join(b.text for a in p.articles for b in a.blocks)


def _mid_sentence_break(r: RenderedPage) -> bool:
    return any(info.column_break and r.lines[k - 1].canonical[-1] not in "。！？" for k, info in enumerate(r.lines))


def _shows(name: str) -> Callable[[PageSpec], bool]:
    return lambda p: name in structures(render(p))


FEATURES: dict[str, Callable[[PageSpec], bool]] = {
    "本报讯（记者 X）": lambda p: any(b.text.startswith("本报讯（记者 ") for b in _bylines(p)),
    "本报上海讯（记者 X Y）": lambda p: any(b.place and len(b.people) >= 2 for b in _bylines(p)),
    "青海日报讯（记者 X）": lambda p: any((b.outlet or "").endswith("日报") for b in _bylines(p)),
    "本报讯（特约记者 X）": lambda p: any("（特约记者" in b.text and b.position == "lead" for b in _bylines(p)),
    "（通讯员 X）": lambda p: any(b.text.startswith("（通讯员") for b in _bylines(p)),
    "文/图 本报记者 X": lambda p: any(b.credit == "文/图" for b in _bylines(p)),
    "本报记者 X Y": lambda p: any(b.text.startswith("本报记者") and len(b.people) >= 2 for b in _bylines(p)),
    "trailing （记者 X）": lambda p: any(b.text.startswith("（记者") for b in _bylines(p)),
    "实习生 and 摄影": lambda p: {"实习生", "摄影"} <= {x.role for b in _bylines(p) for x in b.people},
    "section A·B": lambda p: any(a.section for a in p.articles),
    "kicker X在Y调研时强调": lambda p: any((a.kicker or "").endswith("调研时强调") for a in p.articles),
    "subtitle ——": lambda p: any(s.startswith("——") for a in p.articles for s in a.subtitles),
    "who-did subtitle": lambda p: any(s.endswith("讲话") for a in p.articles for s in a.subtitles),
    "profile line": lambda p: any(a.speaker for a in p.articles),
    "subheading": lambda p: any(b.kind == "subheading" for a in p.articles for b in a.blocks),
    "jump": lambda p: any(a.continued_to for a in p.articles),
    "numbers, dates, %, Latin, 《》, quotes": lambda p: (
        all(x in _body(p) for x in ("月", "%", "《", "“", ".")) and any(c.isascii() and c.isalpha() for c in _body(p))
    ),
    "headline after its body": lambda p: any(s > i for i, s in enumerate(headline_slots(p))),
    "headlines grouped after a later article": lambda p: any(s > i + 1 for i, s in enumerate(headline_slots(p))),
    "mixed column widths": lambda p: len({lay.width for lay in p.layouts}) > 1,
    "unwrapped page": lambda p: p.unwrapped,
    "half-width, digit spaces, edge spaces": lambda p: any(
        lay.halfwidth and lay.digit_spaces and lay.edge_spaces for lay in p.layouts
    ),
    "column break in mid-sentence": lambda p: _mid_sentence_break(render(p)),
    "leading blank lines": lambda p: p.top_blank_lines > 0,
    # issue 14: the structures render.structures names, each reached at the default rates
    **{name: _shows(name) for name in STRUCTURES},
    "kicker …之际": lambda p: any((a.kicker or "").endswith("之际") for a in p.articles),
    "subtitle 访…": lambda p: any(s.lstrip("—").startswith("访") for a in p.articles for s in a.subtitles),
    "interview page": lambda p: len(p.articles) >= 3 and all(a.speaker or not a.byline("lead") for a in p.articles),
}


def _search(examples: int) -> settings:
    """Settings for a search that keeps the first page it finds: the same pages every run, no shrinking."""
    return settings(
        max_examples=examples,
        phases=[Phase.generate],
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
    )


@pytest.mark.parametrize("feature", sorted(FEATURES))
def test_the_generator_reaches(feature: str) -> None:
    found = find(
        pages(),
        FEATURES[feature],
        # no shrinking: any page with the feature will do; the rarest (实习生 and 摄影 in one byline) takes
        # up to a few thousand pages, depending on the draw
        settings=_search(6000),
    )
    assert FEATURES[feature](found)


# --------------------------------------------------------------------------- the forms of the press
TABLES = (
    LEAD_FORMS,
    HEADING_FORMS,
    TRAILING_FORMS,
    CAPTION_FORMS,
    SHAPES,
    SUBHEADING_FORMS,
    NOTE_FORMS,
    COLUMN_FORMS,
    HEADER_FORMS,
    FOOTER_FORMS,
)
OTHER_FORMS = ("article: picture story", "paragraphs: 一、二、 numbered", "continued: （上接第〇版）")


def _forms_of(p: PageSpec) -> frozenset[str]:
    return frozenset().union(page_forms(p), *(article_forms(a) for a in p.articles))


@pytest.mark.parametrize("form", [name for table in TABLES for name, _ in table] + list(OTHER_FORMS))
def test_the_generator_draws_every_surveyed_form(form: str) -> None:
    found = find(
        pages(rates=Rates(only=form)),
        lambda p: form in _forms_of(p),
        settings=_search(300),
    )
    check_page(render(found))


@pytest.mark.parametrize("table", TABLES, ids=lambda t: t[0][0].split(":")[0])
def test_a_form_is_drawn_at_its_surveyed_weight(table: tuple[tuple[str, int], ...]) -> None:
    """Every point of the draw's grid (576 of them) picks one form: each form's share is its weight's, to 1/576."""
    total = sum(count for _, count in table)
    for name, count in table:
        points = 0
        for a in range(24):
            for b in range(24):
                picks = iter((a, b))
                draw = cast("st.DrawFn", lambda _strategy, label=None, picks=picks: next(picks))
                points += _choose(draw, table, Rates(), "form") == name
        assert abs(points / 576 - count / total) <= 1 / 576 + 1e-9, name
