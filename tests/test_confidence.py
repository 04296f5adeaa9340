"""An article's confidence: the model, its weights, and what ``qhnews parse`` does with it.

The model (``qhnews._confidence``) must stay in [0, 1], never rise with
evidence of doubt, keep its weights' provenance (each a documented field with
a step), and rank right articles over wrong ones on generated pages it was
not fitted on. The command names the least sure articles in its closing
summary and drops those under ``--min-confidence``.
"""

from __future__ import annotations

import importlib
import json
import math
import sys
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import qhnews
from qhnews import _cli
from qhnews._assemble import AssembleOptions, assemble
from qhnews._confidence import (
    AFTER_TRAILING_BYLINE,
    TERMS,
    UNSURE_SUBHEADING,
    ConfidenceWeights,
    Evidence,
    confidence,
)
from qhnews._pipeline import STAGES
from qhnews._rules import REASONS
from qhnews._unsure import NAMED, UNSURE, Sifted, Tally, Unsure, level, sift

ROOT = Path(__file__).resolve().parent.parent
GOLD_SEEDS = ("000_cab6fc9a5d5706d6", "003_29d6f4c84771eb18", "004_1e2f18578d06e38f")

ONE = "东城举办读书节\n\n本报讯（记者 王五）3月5日，东城区第十届读书节开幕。活动持续一个月，共有五十场讲座。"
TWO = "西城开展植树活动\n\n本报讯（记者 李四）3月6日，西城区组织干部群众植树，共栽下树苗三千株。活动现场气氛热烈。"
#: Two articles, each under its headline.
CLEAN = f"{ONE}\n\n{TWO}"
#: The second article's headline is missing.
HEADLESS = f"{ONE}\n\n{TWO.split(chr(10), 2)[2]}"
#: The first article's last sentence is cut off, the second's headline missing.
CUT = HEADLESS.replace("共有五十场讲座。", "共有五十场")
#: Text that is no article.
JUNK = "????\n\n12345\n\n!!!"

evidence = st.builds(
    Evidence,
    headless=st.booleans(),
    bodyless=st.booleans(),
    shape=st.none() | st.floats(-3, 3),
    similarity=st.none() | st.floats(0, 1),
    rival=st.floats(0, 1),
    groups_in_cluster=st.integers(0, 6),
    open_end=st.booleans(),
    subtitle_as_title=st.booleans(),
    alternative=st.none() | st.just("a kicker (甲) over a title (乙)"),
    shortest_part=st.none() | st.integers(1, 30),
    unsure_subheadings=st.integers(0, 4),
    unsure_neighbours=st.integers(0, 2),
    leftovers=st.booleans(),
    second_byline=st.booleans(),
    cut_captions=st.integers(0, 3),
    running_headline=st.booleans(),
    dateline_paragraph=st.booleans(),
)


def worse(e: Evidence, field: str) -> Evidence:
    """``e`` with more doubt in one field (a headline's similarity: less)."""
    value = getattr(e, field)
    if field == "alternative":
        return attrs.evolve(e, alternative=value or "a kicker (甲) over a title (乙)")
    if isinstance(value, bool):
        flag: dict[str, Any] = {field: True}
        return attrs.evolve(e, **flag)
    if field == "similarity":
        return attrs.evolve(e, similarity=max(0.0, value - 0.3)) if value is not None else e
    if field == "shape":
        return attrs.evolve(e, shape=value - 0.5) if value is not None else e
    if field == "shortest_part":
        return attrs.evolve(e, shortest_part=max(1, value - 1)) if value is not None else e
    return attrs.evolve(e, **{field: value + 1})


# -- the model -------------------------------------------------------------------------------------------------------


@given(evidence)
def test_confidence_is_a_probability(e: Evidence) -> None:
    p, notes = confidence(e, ConfidenceWeights())
    assert 0.0 < p < 1.0
    assert len(notes) == len(set(notes))


@given(evidence, st.sampled_from([f.name for f in attrs.fields(Evidence)]))
def test_more_doubt_never_raises_the_confidence(e: Evidence, field: str) -> None:
    w = ConfidenceWeights()
    assert confidence(worse(e, field), w)[0] <= confidence(e, w)[0]


@given(evidence)
def test_every_term_that_lowers_the_confidence_leaves_a_note(e: Evidence) -> None:
    w = ConfidenceWeights()
    fired = [t for t in TERMS if t.value(e, w) > 0 and getattr(w, t.name) < 0]
    p, notes = confidence(e, w)
    assert len(notes) == len(fired)
    untouched = 1 / (1 + math.exp(-w.intercept))
    assert p == pytest.approx(untouched) if not fired else p < untouched


def test_each_term_alone_lowers_the_confidence() -> None:
    w = ConfidenceWeights()
    clean = Evidence(shape=0.4, similarity=0.5, groups_in_cluster=1)
    top = confidence(clean, w)[0]
    doubts = {
        "headless": Evidence(headless=True),
        "bodyless": attrs.evolve(clean, bodyless=True),
        "weak_shape": attrs.evolve(clean, shape=-0.6),
        "low_similarity": attrs.evolve(clean, similarity=0.05),
        "rival_similarity": attrs.evolve(clean, rival=0.8),
        "shared_cluster": attrs.evolve(clean, groups_in_cluster=3),
        "open_end": attrs.evolve(clean, open_end=True),
        "subtitle_as_title": attrs.evolve(clean, subtitle_as_title=True),
        "uncertain_reading": attrs.evolve(clean, alternative="a kicker (甲) over a title (乙)"),
        "likelier_reading": attrs.evolve(clean, alternative="a kicker (甲) over a title (乙)", likelier_reading=True),
        "short_part": attrs.evolve(clean, shortest_part=2),
        "unsure_subheading": attrs.evolve(clean, unsure_subheadings=1),
        "unsure_neighbour": attrs.evolve(clean, unsure_neighbours=1),
        "leftovers": attrs.evolve(clean, leftovers=True),
        "second_byline": attrs.evolve(clean, second_byline=True),
        "cut_caption": attrs.evolve(clean, cut_captions=1),
        "running_headline": attrs.evolve(clean, running_headline=True),
        "dateline_paragraph": attrs.evolve(clean, dateline_paragraph=True),
    }
    assert set(doubts) == {t.name for t in TERMS}
    for name, e in doubts.items():
        p, notes = confidence(e, w)
        if getattr(w, name) < 0:
            assert p < top, name
            assert len(notes) == 1, (name, notes)
        else:  # the fit gave it no weight: it takes nothing off and leaves no note
            assert (p, notes) == (top, ()), name
        # with any weight of doubt, the term alone takes it off and says so
        weighed: dict[str, Any] = {name: -1.0}
        p, notes = confidence(e, attrs.evolve(w, **weighed))
        assert p < top, name
        assert len(notes) == 1, (name, notes)


def test_every_term_but_one_carries_weight() -> None:
    """The fit weighs every term but ``subtitle_as_title``: on generated pages such a title is no sign of error."""
    w = ConfidenceWeights()
    silent = {t.name for t in TERMS if getattr(w, t.name) == 0}
    assert silent <= {"subtitle_as_title"}, silent


def test_notes_come_weightiest_first() -> None:
    _, notes = confidence(Evidence(shape=0.4, similarity=0.5, groups_in_cluster=2, leftovers=True), ConfidenceWeights())
    assert notes == (
        "the page has text no article took",
        "its headline was cut from 2 headline groups printed together",
    )


def test_a_weight_of_doubt_cannot_be_positive() -> None:
    with pytest.raises(ValueError, match="headless"):
        ConfidenceWeights(headless=0.5)


def test_every_term_has_its_weight_and_every_weight_its_term() -> None:
    fields = {f.name for f in attrs.fields(ConfidenceWeights)}
    names = [t.name for t in TERMS]
    assert len(names) == len(set(names))
    assert fields - set(names) == {"intercept", "similarity_floor", "short_part_chars"}
    assert set(names) <= fields


def test_every_weight_has_a_step_and_a_line_of_docs() -> None:
    doc = ConfidenceWeights.__doc__ or ""
    for f in attrs.fields(ConfidenceWeights):
        assert f.metadata.get("step", 0) > 0, f.name
        assert f"        {f.name}: " in doc, f.name


def test_the_reason_codes_it_reads_are_registered() -> None:
    assert UNSURE_SUBHEADING in REASONS
    assert AFTER_TRAILING_BYLINE in REASONS


def test_the_weights_are_read_from_the_options() -> None:
    units = qhnews.ParseOptions()
    value: object = HEADLESS
    for stage in STAGES[:-1]:
        value = stage.run(value, units)
    plain = assemble(value, AssembleOptions())  # type: ignore[arg-type]
    lenient = assemble(value, AssembleOptions(confidence=ConfidenceWeights(headless=0.0, unsure_neighbour=0.0)))  # type: ignore[arg-type]
    assert plain.articles[1].confidence < 0.5 < lenient.articles[1].confidence
    assert plain.evidence == lenient.evidence
    assert len(plain.evidence) == len(plain.articles)


# -- pages -----------------------------------------------------------------------------------------------------------


def test_a_page_with_a_wrong_structure_scores_lower() -> None:
    clean = qhnews.parse(CLEAN).articles
    headless = qhnews.parse(HEADLESS).articles
    cut = qhnews.parse(CUT).articles
    assert min(a.confidence for a in clean) >= 0.9
    assert headless[1].title is None
    assert headless[1].confidence < UNSURE < headless[0].confidence < clean[0].confidence
    assert headless[1].notes == ("no headline found for this article",)
    assert cut[0].confidence < headless[0].confidence
    assert "its last paragraph ends no sentence" in cut[0].notes
    assert qhnews.parse(JUNK).articles[0].confidence < UNSURE


def test_an_item_of_a_column_of_short_items_needs_no_headline() -> None:
    """Items under one headline (简讯) each end with their trailing byline and print no headline of their own."""
    items = "东城区简讯\n\n东城区图书馆新增图书五千册。（记者 王五）\n\n东城区举办社区运动会，千余名居民参加。"
    column = qhnews.parse(items + "（记者 李四）").articles
    assert [a.title for a in column] == ["东城区简讯", None]
    assert [a.notes for a in column] == [(), ()]
    untold = qhnews.parse(items).articles  # the second text ends with no byline: an article whose headline is missing
    assert untold[1].notes == ("no headline found for this article",)
    assert untold[1].confidence < UNSURE < column[1].confidence


#: Invented pages, each showing one cue of ``_doubts`` that a reader can see, and the note it leaves.
CUES = {
    # one paragraph: no text to cut the second credit's article from (boundary.credited-twice cuts where there is)
    "second_byline": (
        "本报讯（记者 王五）3月5日，东城区第十届读书节开幕。活动持续一个月，共有五十场讲座。\n\n"
        "东城开展读书活动\n文/图 本报记者 李四",
        "its headline, printed after its body, has a byline though the body opens with a dateline",
    ),
    "cut_caption": (
        "东城举办读书节\n\n本报讯（记者 王五）3月5日，东城区第十届读书节开幕。活动持续一个月，共有五十场讲座。\n\n"
        "西城开展植树活动图为市民在东城区图书馆参观读书节展览。本报记者 赵六 摄",
        "1 caption(s) cut or run into other text",
    ),
    "running_headline": (
        "东城区读书节开幕，活动持续一个月，共有五十场讲座\n\n"
        "本报讯（记者 王五）3月5日，东城区第十届读书节开幕。活动持续一个月，共有五十场讲座。",
        "a part of its headline has a full stop or two commas, like running text",
    ),
    "dateline_paragraph": (
        # a dateline whose 电 the OCR lost: a lead byline that reads whole (…电…报道：) is read as one
        "东城举办读书节\n\n本报东城3月5日记者王五、赵六报道：\n\n"
        "3月5日，东城区第十届读书节开幕。活动持续一个月，共有五十场讲座。",
        "its first paragraph is a short line ending with a colon, like a dateline not read",
    ),
}


@pytest.mark.parametrize("name", sorted(CUES))
def test_a_cue_on_the_page_lowers_the_confidence_and_says_so(name: str) -> None:
    text, note = CUES[name]
    first = qhnews.parse(text).articles[0]
    assert note in first.notes
    assert first.confidence < qhnews.parse(CLEAN).articles[0].confidence
    silenced: dict[str, Any] = {name: 0.0}
    lenient = qhnews.ParseOptions(assemble=AssembleOptions(confidence=ConfidenceWeights(**silenced)))
    assert note not in qhnews.parse(text, options=lenient).articles[0].notes


def test_a_headline_may_join_two_phrases_by_one_comma() -> None:
    """A title of two phrases and one comma is a headline's form, not running text (…，今年我省这样做)."""
    page = qhnews.parse("东城读书节开幕，活动持续一个月\n\n" + ONE.split("\n\n", 1)[1])
    assert page.articles[0].title == "东城读书节开幕，活动持续一个月"
    assert page.articles[0].notes == ()


@pytest.mark.parametrize("stem", GOLD_SEEDS)
def test_the_articles_of_the_gold_pages_are_not_called_unsure(stem: str) -> None:
    """The gold pages parse exactly right: none of their articles may be more likely wrong than right."""
    page = qhnews.parse((ROOT / "seeds" / f"{stem}.txt").read_text("utf-8"))
    assert page.articles
    assert min(a.confidence for a in page.articles) >= UNSURE


#: The held-out draws the test pools (the weights were fitted on seeds 3 to 6) and the pages drawn of each.
HELD_OUT_SEEDS = (1, 2)
HELD_OUT_PAGES = 200

#: The least AUROC the pool may show. Issue 14 aims at 0.85; 3,200 held-out pages (16 draws of 200) show 0.88,
#: but 400 of them, about 80 wrong articles, scatter: the 120 pools of two of those draws range from 0.77 to 1.00
#: (standard deviation 0.05, 28 % under 0.85). The aim is measured by ``benchmarks/calibration.py`` on 1,000-page
#: draws (docs/accuracy.md); this floor, 2 standard deviations under 0.88, catches a confidence that no longer
#: ranks right articles over wrong ones (a constant one gives 0.5) without failing on every change that moves a
#: few articles.
AUROC_FLOOR = 0.75


def test_confidence_ranks_right_over_wrong_on_pages_it_was_not_fitted_on() -> None:
    """Generated pages of other draws than the fit's: right articles surer than wrong ones (issue 14)."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        calibration = importlib.import_module("calibration")  # a benchmark script, put on the path here
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    cases = [case for s in HELD_OUT_SEEDS for case in calibration.generated(HELD_OUT_PAGES, s)]
    seen = [(c, ok) for c, _, ok in calibration.examples(cases)]
    cal = calibration.calibrate(seen)
    assert cal.articles > 800
    assert cal.articles - cal.right > 30  # enough wrong articles to rank
    assert cal.auroc >= AUROC_FLOOR, cal


# -- the command -----------------------------------------------------------------------------------------------------


@pytest.fixture
def pages(tmp_path: Path) -> Path:
    (tmp_path / "clean.txt").write_text(CLEAN, encoding="utf-8")
    (tmp_path / "headless.txt").write_text(HEADLESS, encoding="utf-8")
    (tmp_path / "junk.txt").write_text(JUNK, encoding="utf-8")
    return tmp_path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = _cli.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_the_summary_names_the_least_sure_articles(capsys: pytest.CaptureFixture[str], pages: Path) -> None:
    files = [str(pages / n) for n in ("clean.txt", "headless.txt", "junk.txt")]
    code, out, err = run(capsys, "parse", *files, "-f", "jsonl")
    assert code == 0
    headless = json.loads(out.splitlines()[1])["articles"][1]["confidence"]
    junk = json.loads(out.splitlines()[2])["articles"][0]["confidence"]
    named = sorted([(headless, f"{files[1]} article 1"), (junk, f"{files[2]} article 0")], key=lambda x: x[0])
    assert err.splitlines() == [
        f"qhnews: 2 of 5 articles under confidence {UNSURE}, more likely wrong than right; the least sure:",
        *(f"qhnews:   {where} (confidence {c}): (no title)" for c, where in named),
    ]
    assert len(out.splitlines()) == 3


def test_no_summary_when_every_article_is_sure_or_quiet(capsys: pytest.CaptureFixture[str], pages: Path) -> None:
    assert run(capsys, "parse", str(pages / "clean.txt"))[::2] == (0, "")
    assert run(capsys, "parse", str(pages / "junk.txt"), "-q")[::2] == (0, "")


def test_min_confidence_drops_articles_under_it(capsys: pytest.CaptureFixture[str], pages: Path) -> None:
    files = [str(pages / n) for n in ("clean.txt", "headless.txt", "junk.txt")]
    code, out, err = run(capsys, "parse", *files, "-f", "jsonl", "--min-confidence", "0.9")
    assert code == 0
    got = [json.loads(line) for line in out.splitlines()]
    assert [len(p["articles"]) for p in got] == [2, 0, 0]
    assert [d["code"] for d in got[1]["diagnostics"]] == ["below-min-confidence"] * 2
    assert got[1]["diagnostics"][0]["span"] is not None
    assert err.splitlines()[0] == "qhnews: dropped 3 of 5 articles under --min-confidence 0.9; the least sure:"
    assert len(err.splitlines()) == 4
    code, out, err = run(capsys, "parse", *files, "-f", "jsonl", "--min-confidence", "0")
    assert (code, err) == (0, "")
    assert [len(json.loads(line)["articles"]) for line in out.splitlines()] == [2, 2, 1]


@pytest.mark.parametrize(("value", "message"), [("1.5", "must be from 0 to 1, not 1.5"), ("x", "not a number: 'x'")])
def test_min_confidence_out_of_range_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], pages: Path, value: str, message: str
) -> None:
    code, out, err = run(capsys, "parse", str(pages / "clean.txt"), "--min-confidence", value)
    assert (code, out) == (_cli.EXIT_USAGE, "")
    assert err.splitlines()[-1] == f"qhnews parse: error: argument --min-confidence: {message}"


@pytest.mark.parametrize("value", ["-0.1", "nan", "inf"])
def test_level_takes_a_number_from_0_to_1(value: str) -> None:
    assert level("0") == 0.0
    assert level("1") == 1.0
    with pytest.raises(Exception, match="must be from 0 to 1"):
        level(value)


def test_the_tally_keeps_the_least_sure_of_all_pages() -> None:
    t = Tally()
    for n in range(NAMED + 3):
        t.add(Sifted(2, 1, (Unsure(f"p{n}.txt", 1, None, round(0.4 - n / 100, 3)),)))
    assert (t.articles, t.under) == (2 * (NAMED + 3), NAMED + 3)
    assert [u.source for u in t.least] == [f"p{n}.txt" for n in range(NAMED + 2, 2, -1)]
    assert len(t.lines()) == NAMED + 1


def test_sift_without_a_level_keeps_every_article() -> None:
    page = qhnews.parse(JUNK)
    kept, s = sift(page, "junk.txt")
    assert kept is page
    assert (s.articles, s.under, s.least[0].index) == (1, 1, 0)


# -- the cues at their edges (invented pages; each fails a mutant of _doubts, benchmarks/mutation) ------------------

#: A first paragraph of exactly 40 characters (DATELINE_CHARS) that ends with a colon, and one of 41.
COLON_40 = "东城区文化和旅游局负责人在3月5日举行的新闻发布会上介绍了本届读书节的主要安排："
COLON_41 = "东城区文化和旅游局的负责人在3月5日举行的新闻发布会上介绍了本届读书节的主要安排："
DATELINE_NOTE = CUES["dateline_paragraph"][1]


@pytest.mark.parametrize(("first", "cued"), [(COLON_40, True), (COLON_41, False)], ids=["40", "41"])
def test_a_first_paragraph_of_forty_characters_ending_with_a_colon_may_be_a_dateline(first: str, cued: bool) -> None:
    """The dateline cue takes a first paragraph of at most 40 characters (``DATELINE_CHARS``) that ends with a colon."""
    assert (len(first), first[-1]) == (40 if cued else 41, "：")
    article = qhnews.parse(f"东城举办读书节\n\n{first}\n\n{ONE.split(chr(10), 2)[2]}").articles[0]
    assert article.blocks[0].text == first
    assert (DATELINE_NOTE in article.notes) is cued


#: A news agency's form: the reporters under the headline, the dateline opening the body (新华社X地N月N日电).
AGENCY = (
    "东城举办读书节\n新华社记者 王五 赵六\n\n"
    "新华社东城3月5日电 东城区第十届读书节5日开幕。活动持续一个月，共有五十场讲座。"
)
#: A headline group with its heading byline printed under its body, which has no dateline, over the next article.
GROUP_AFTER_BODY = (
    "3月5日，东城区第十届读书节开幕。活动持续一个月，共有五十场讲座。\n\n东城读书节开幕\n本报记者 王五\n\n" + TWO
)


@pytest.mark.parametrize("text", [AGENCY, GROUP_AFTER_BODY], ids=["agency", "group-after-body"])
def test_a_heading_byline_with_a_dateline_or_after_its_body_alone_is_no_second_byline(text: str) -> None:
    """Two bylines on one article are a doubt only where the headline's was printed after a body with a dateline.

    A heading byline over a body that opens with a dateline (the agencies print both), and a
    group with its byline printed after a body with no dateline, are one article each.
    """
    article = qhnews.parse(text).articles[0]
    positions = [b.position.value for b in article.bylines]
    assert positions == (["heading", "lead"] if text == AGENCY else ["heading"])
    assert article.notes == ()


@pytest.mark.parametrize(
    "caption",
    ["图为市民在东城区图书馆参观读书节展览。", "图为市民在东城区图书馆参观读书节展览。本报记者 赵六 摄"],
    ids=["a sentence without a credit", "a sentence and its credit"],
)
def test_a_caption_that_ends_a_sentence_is_not_cut(caption: str) -> None:
    """A caption that opens with 图为… and ends with a sentence is whole, with its credit or without one."""
    article = qhnews.parse(f"{ONE}\n\n{caption}").articles[0]
    assert [c.text for c in article.captions] == [caption]
    assert article.notes == ()


def test_the_fitted_weights_are_those_docs_accuracy_publishes() -> None:
    """The weights' table in docs/accuracy.md is the record of the fit: a weight moved in one moves in the other.

    Each row names a term (or the intercept) and its weight; the terms' notes there also give
    ``similarity_floor`` (per unit under it) and ``short_part_chars`` (that many characters or fewer).
    """
    doc = (ROOT / "docs" / "accuracy.md").read_text("utf-8")
    table = doc.split("The fitted weights", 1)[1].split("\n\n", 2)[1]
    cells = [c.strip() for row in table.splitlines()[2:] for c in row.strip("|").split("|")]
    published = {}
    for name, weight in zip(cells[::2], cells[1::2], strict=True):
        if not name:  # the empty half of the last row
            continue
        key = name.split("`")[1] if "`" in name else name
        published[key] = float(weight.replace("\N{MINUS SIGN}", "-"))
    w = ConfidenceWeights()
    fitted = {t.name: getattr(w, t.name) for t in TERMS}
    assert published == {"intercept": w.intercept, **fitted}
    assert f"`low_similarity` (per unit under {w.similarity_floor})" in table
    assert f"`short_part` ({w.short_part_chars} characters or fewer)" in table


@given(evidence)
def test_a_term_without_its_evidence_is_zero_and_never_below(e: Evidence) -> None:
    """Each term's value is 0 where the article shows none of its evidence, and never less.

    The model adds only what is above 0, but the fit (benchmarks/calibration.py) reads the values
    themselves, one feature a term: a value below 0 on an article with no such doubt would move it.
    """
    w = ConfidenceWeights()
    assert all(t.value(e, w) >= 0 for t in TERMS)
    clean = Evidence()
    assert [t.value(clean, w) for t in TERMS] == [0.0] * len(TERMS)
