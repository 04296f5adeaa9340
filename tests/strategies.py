"""Hypothesis strategies for plausible newspaper articles and the pages that print them.

Every name, place and word comes from the character pools and word lists
below, none from the seed pages. The text is built to be recoverable by a
reader who has only the typesetting cues an OCR page keeps:

* paragraphs end with 。！？ (possibly followed by a closing quote); headline
  lines carry no sentence punctuation; subheadings are short noun phrases;
* a headline shares words (a person, a place, a theme) with its own body and
  none of those with the other articles on the page;
* only the first paragraph opens like a news lead (a date, "记者…获悉");
* where two bodies meet, the page shows that a new article starts (see
  [`pages`][strategies.pages] for the cues and the one repair made when a
  draw shows none).
"""

from __future__ import annotations

import random
import zlib
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TypeVar

import attrs
from hypothesis import HealthCheck, assume, given, seed, settings
from hypothesis import strategies as st

import qhnews
from render import (
    ArticleLayout,
    ArticleSpec,
    BlockSpec,
    BylineSpec,
    CaptionSpec,
    FurnitureSpec,
    PageSpec,
    PersonSpec,
    SpeakerSpec,
    headline_slots,
    undecidable,
)

__all__ = [
    "CAPTION_FORMS",
    "COLUMN_FORMS",
    "FOOTER_FORMS",
    "HEADER_FORMS",
    "HEADING_FORMS",
    "LEAD_FORMS",
    "NOTE_FORMS",
    "NOT_DRAWN",
    "SHAPES",
    "SUBHEADING_FORMS",
    "TRAILING_FORMS",
    "Rates",
    "article_layouts",
    "articles",
    "bylines",
    "fixed_draw",
    "names",
    "pages",
    "paragraphs",
    "source_blind",
    "topics",
]

# --------------------------------------------------------------------------- pools


def words(text: str) -> tuple[str, ...]:
    """A word list written as one string, words separated by spaces."""
    return tuple(text.split())


SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈"
    "曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白"
    "崔康毛邱秦江史顾侯邵孟龙万段钱汤尹黎易常武乔贺赖龚"
)
GIVEN = (
    "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红玲凤梅琴云莲雪荣爱香媛瑞凡佳嘉琼勤珍莉晶妍茜"
    "秋珊莎锦倩婷婉瑾颖露瑶怡雁蓓仪荷丹蓉君蕊薇菁岚馨韵悦昭冰爽茗羽希欣育滢筠柔竹凝晓欢霄枫芸菲寒亚宜舒"
    "荔妮宝恒鸿桦剑娇宽灵琪晴睿烁威雯萱彦宇雨忠宗曼逸贤翠斌鹏辉立俊峰亮卓"
)
PLACE_CHARS = "安平宁远和顺泰兴隆昌盛丰华东西南北中山河湖川江源泉林岭峰原乐康永定广德福庄台坪塘坝岗营堡桥阳"
PLACE_SUFFIX = words("县 市 区 镇 乡 村")
AGENCIES = words(
    "农业农村局 文化旅游局 自然资源局 生态环境局 发展改革委 科技局 住建局 市场监管局 "
    "教育局 卫生健康委 商务局 交通运输局 应急管理局 林草局"
)
COMPANY_KINDS = words("科技有限公司 农牧合作社 产业园 物流中心 材料有限公司 职业技术学院")
THEME_MODS = words("智慧 绿色 数字 生态 文明 和美 韧性 特色 高原 冷凉 低碳 精品 康养 零碳")
THEME_NOUNS = words("城市 乡村 园区 社区 校园 牧场 走廊 家园 驿站 工坊 街区 果园")
OFFICES = words("书记 县长 区长 市长 局长 主任 部长 院长 校长 董事长 总经理")

ADVERBS = words("全面 深入 持续 积极 扎实 切实 不断 大力 加快 稳步 有序 统筹 精准 着力")
VERBS = words(
    "推进 加强 深化 落实 完善 提升 推动 建设 打造 培育 优化 巩固 拓展 强化 实施 开展 "
    "引导 保障 促进 扩大 增强 发挥 健全 构建 夯实 激发"
)
NOUNS = words(
    "工作 机制 体系 产业 项目 企业 基层 生态 环境 资源 农业 乡村 文化 旅游 教育 医疗 "
    "科技 人才 设施 市场 经济 民生 治理 服务 水平 能力 质量 效益 成果 任务 措施 政策 "
    "安全 责任 品牌 平台 链条 格局 动能 活力 底线 基础 保护 管理 要素 标准"
)
LATIN = words("5G App AI IP LED EPC GDP ERP")
DOCS = words("实施意见 工作方案 管理办法 行动计划 若干措施")
UNITS = words("个 家 项 名 万亩 万元 亿元 万人次 公里 吨")
CN_DIGITS = "一二三四五六七八九"
ROLES_SECOND = words("通讯员 实习生 摄影")

# --------------------------------------------------------------------------- small parts


def pick(seq: Sequence[str]) -> st.SearchStrategy[str]:
    return st.sampled_from(tuple(seq))


@st.composite
def names(draw: st.DrawFn) -> str:
    """A personal name: a surname and one or two given-name characters."""
    given = draw(st.text(alphabet=GIVEN, min_size=1, max_size=2))
    return draw(pick(SURNAMES)) + given


@st.composite
def place_stems(draw: st.DrawFn) -> str:
    """Two characters that name a place ("安远")."""
    return draw(st.text(alphabet=PLACE_CHARS, min_size=2, max_size=2))


def _number(rng: random.Random) -> str:
    kind = rng.randrange(5)
    if kind == 0:
        return f"{rng.randint(2, 999)}{rng.choice(UNITS)}"
    if kind == 1:
        return f"{rng.randint(1, 99)}.{rng.randint(1, 99):02d}{rng.choice(('万', '亿元', '万亩', '万人次'))}"
    if kind == 2:
        return f"{rng.randint(1, 99)}.{rng.randint(1, 99):02d}%"
    if kind == 3:
        return f"{rng.randint(2010, 2025)}年"
    return _date(rng)


def _date(rng: random.Random) -> str:
    return f"{rng.randint(1, 12)}月{rng.randint(1, 28)}日"


#: A quantity as Chinese news prints it: 382个, 2.42万亩, 20.45%, 2024年, 7月10日.
numbers = st.integers(0, 2**32 - 1).map(lambda seed: _number(random.Random(seed)))


@attrs.frozen
class Topic:
    """What one article is about: its own people, place, body and theme."""

    person: str
    office: str
    place: str  # "安远县"
    city: str  # "南泉": a dateline place
    agency: str  # "安远县农业农村局"
    company: str  # "安远丰华科技有限公司"
    theme: str  # "韧性社区"
    slogan: str  # "“丰华韧性社区”": a quoted term

    @property
    def keys(self) -> tuple[str, ...]:
        """The words that tie a headline to its body."""
        return (self.person, self.place, self.theme)


@st.composite
def topics(draw: st.DrawFn) -> Topic:
    """A topic: a person with an office, a place, an agency, a company, a theme."""
    stem = draw(place_stems())
    place = stem + draw(pick(PLACE_SUFFIX))
    city = draw(place_stems())
    brand = draw(place_stems())
    theme = draw(pick(THEME_MODS)) + draw(pick(THEME_NOUNS))
    return Topic(
        person=draw(names()),
        office=draw(pick(OFFICES)),
        place=place,
        city=city,
        agency=stem + draw(pick(AGENCIES)),
        company=stem + brand + draw(pick(COMPANY_KINDS)),
        theme=theme,
        slogan=f"“{brand}{theme}”",
    )


# --------------------------------------------------------------------------- body text


# Running text is built from a seeded random source: a paragraph is hundreds of
# small choices, and drawing each from Hypothesis made a page cost a tenth of
# a second. Hypothesis still draws (and shrinks) the paragraph's kind and the
# seed.


def _clause(rng: random.Random, topic: Topic) -> str:
    """One clause of running text, with the article's words, numbers, quotes, Latin words and book titles."""
    kind = rng.randrange(12)
    adv, verb = rng.choice(ADVERBS), rng.choice(VERBS)
    n1, n2 = rng.choice(NOUNS), rng.choice(NOUNS)
    if kind <= 3:
        return f"{adv}{verb}{n1}{n2}"
    if kind == 4:
        return f"{verb}{topic.theme}{n1}"
    if kind == 5:
        return f"完成{n1}{_number(rng)}"
    if kind == 6:
        return f"{topic.place}{n1}{n2}达到{_number(rng)}"
    if kind == 7:
        return f"{verb}{n1}、{n2}、{rng.choice(NOUNS)}等{rng.choice(NOUNS)}"
    if kind == 8:
        return f"围绕{topic.slogan}{verb}{n1}"
    if kind == 9:
        return f"与{rng.choice(LATIN)}{rng.choice(NOUNS)}企业共建{n1}平台"
    if kind == 10:
        return f"印发《{topic.place}{n1}{rng.choice(DOCS)}》"
    return f"{topic.company}（{rng.choice(('一期', '试行', n1 + n2))}）{verb}{n1}"


def _sentence(rng: random.Random, topic: Topic, opener: str = "", min_clauses: int = 1) -> str:
    """A sentence: clauses joined by commas, ended by 。 (rarely ！ or ？)."""
    parts = [_clause(rng, topic) for _ in range(rng.randint(min_clauses, 4))]
    return opener + "，".join(parts) + rng.choice("。。。。。。！？")


OPENERS = ("会议强调，", "会议指出，", "据了解，", "近年来，", "今年以来，", "随后，", "此外，", "同时，")


@st.composite
def paragraphs(draw: st.DrawFn, topic: Topic, *, lead: bool = False, news: bool = True) -> str:
    """A paragraph of one to five sentences.

    A lead paragraph names the article's person, place and theme (what its
    headline will share with it); only a news lead opens like one, with a date
    or "记者…获悉": a later paragraph that did would read as a new article
    after a heading.
    """
    rng = random.Random(draw(st.integers(0, 2**32 - 1), label="text seed"))
    if lead:
        about = f"{topic.place}{topic.office}{topic.person}深入{topic.company}调研，{rng.choice(VERBS)}{topic.theme}"
        opening = draw(st.sampled_from(("other", "date", "source") if news else ("other",)))
        if opening == "other":
            opener = f"{rng.choice(OPENERS)}{about}，"
        elif opening == "date":
            opener = f"{_date(rng)}，{about}，"
        else:
            opener = f"记者从{topic.agency}获悉，{about}，"
        first = _sentence(rng, topic, opener, min_clauses=2)
        rest = [_sentence(rng, topic, min_clauses=2) for _ in range(draw(st.integers(1, 3)))]
        return first + "".join(rest)
    kind = draw(st.sampled_from(("says", "quote", "where", "opener", "opener")))
    if kind == "says":
        first = _sentence(rng, topic, f"{topic.person}表示，", min_clauses=2)
    elif kind == "quote":
        first = "“" + _sentence(rng, topic, min_clauses=2).rstrip("。！？") + f"。”{topic.person}说。"
    elif kind == "where":
        first = _sentence(rng, topic, f"在{topic.agency}，", min_clauses=2)
    else:
        first = _sentence(rng, topic, rng.choice(OPENERS), min_clauses=2)
    rest = [_sentence(rng, topic) for _ in range(draw(st.integers(1, 4)))]
    return first + "".join(rest)


@st.composite
def closings(draw: st.DrawFn, topic: Topic) -> str:
    """The one-line closing paragraph of a report: "王芳、李明参加。"."""
    other = draw(names().filter(lambda n: n != topic.person))
    return f"{topic.person}、{other}参加。"


@st.composite
def subheadings(draw: st.DrawFn, topic: Topic) -> str:
    """An in-body subheading: a short phrase with no sentence punctuation.

    A subheading is a noun phrase at body width: it has no space between
    phrases, no "·", no leading "——" and no kicker or who-did verb (强调, 主持,
    讲话, …), which are the marks of a headline over a new article.
    """
    kind = draw(st.integers(0, 3))
    if kind == 0:
        return f"{draw(pick(ADVERBS))}{draw(pick(VERBS))}{topic.theme}{draw(pick(NOUNS))}"
    if kind == 1:
        return f"{draw(pick(VERBS))}{draw(pick(NOUNS))}{draw(pick(NOUNS))}{draw(pick(NOUNS))}"
    if kind == 2:
        return f"{topic.slogan}{draw(pick(VERBS))}{draw(pick(NOUNS))}——"
    return f"{draw(pick(VERBS))}{draw(pick(NOUNS))}跑出“{draw(pick(THEME_MODS))}加速度”"


# --------------------------------------------------------------------------- rates


@attrs.frozen
class Rates:
    """How often the generator draws each layout structure, each a chance from 0 to 1.

    The defaults are the rates the property tests and ``benchmarks/roundtrip.py``
    draw. Chosen, not measured (there is no corpus of other papers' layouts
    here), to be near what a page shows while the ci profile's 200 pages still
    see every structure many times:

    Attributes:
        unwrapped: A page the OCR did not wrap (one paragraph a line). One in
            six, as before; the seed pages are all wrapped.
        bare: An interview or plain piece with no byline at all (its
            headline is all that marks it). One in four, as before (the draw
            before said one in four and gave about one in two, see
            [`chance`][strategies.chance]).
        interview_page: A page of interview and plain pieces, every headline
            group printed after its body, as sample page 004 prints its seven
            interviews. One page in twelve.
        byline_group_after: A headline group that carries a heading byline
            (文/图 本报记者 X) follows the article's ``head_after`` like any
            other group instead of standing over its body. One in two: the
            sample pages print their three such groups over the body, other
            papers print them after it as often as their other headlines.
        title_break: A title that [`render.title_cut`][render.title_cut] can cut
            (three in eight titles are that long) printed over two lines. One
            in two, so about one title in five: long titles wrap on a page
            whose headlines span fewer columns than the sample pages'.
        tight: No blank line before an article's headline group or body (the
            OCR dropped the gap where two columns abut). One article in eight.
        undashed: A subtitle of the 记…, 访… or …综述 kind printed without its
            leading ——. One in two: papers print both.

    The forms of the press, measured by the survey (docs/guide/forms.md, 159
    articles): which form of a family an article shows is drawn at the
    surveyed counts of the tables ``LEAD_FORMS``, ``HEADING_FORMS``, … ; these
    chances say how often a family is drawn at all:

    Attributes:
        caption: A photo caption among an article's paragraphs: 22 of the 159.
        picture_story: An article that is a picture story (a headline over a
            caption and its credit, no text): 9 of the 159.
        editors_note: An editor's note (编者按) over the body: 7 of the 159.
        numbered: Paragraphs numbered 一、二、…: 3 of the 159.
        column: A page with a short-news column (a label over short items): 3 of
            the 159 articles, so about one page in twelve.
        continued: A page that opens with the rest of an article continued from
            another (（上接第一版）). The digital editions the survey read print
            each article whole, so none was counted; print front pages and the
            pages they jump to carry one daily. One page in twenty-four.
        header: A page whose header lines (folio, date, page name) the OCR kept.
            Digital editions strip them (the survey saw them with 25 of the 159
            articles); print carries them on every page. One page in four.
        footer: A page whose editors' line or registration line the OCR kept:
            one page in eight (5 of the 159 articles' pages showed one).
        only: A form's name (as the tables name it): every draw of its family
            draws it, and its family is drawn wherever it can be (a stratum of
            ``benchmarks/roundtrip.py --stratify``). "" draws every form at its rate.
    """

    unwrapped: float = 1 / 6
    bare: float = 1 / 4
    interview_page: float = 1 / 12
    byline_group_after: float = 1 / 2
    title_break: float = 1 / 2
    tight: float = 1 / 8
    undashed: float = 1 / 2
    caption: float = 1 / 8
    picture_story: float = 1 / 24
    editors_note: float = 1 / 24
    numbered: float = 1 / 24
    column: float = 1 / 12
    continued: float = 1 / 24
    header: float = 1 / 4
    footer: float = 1 / 8
    only: str = ""

    def __attrs_post_init__(self) -> None:
        for name, value in attrs.asdict(self).items():
            if isinstance(value, float) and not 0.0 <= value <= 1.0:
                raise ValueError(f"Rates.{name} is a chance from 0 to 1, not {value}")

    def of(self, name: str, family: str) -> float:
        """The chance ``name``, or 1 when ``only`` names a form of ``family`` (its prefix, "caption: " …)."""
        return 1.0 if self.only.startswith(family) else getattr(self, name)


def chance(draw: st.DrawFn, p: float, label: str) -> bool:
    """True with chance ``p``; shrinks towards False (the plainer page).

    ``p`` is rounded to 24ths. A short ``sampled_from`` draws its index near
    uniformly; ``st.integers(0, n)`` does not (it favours small values:
    ``integers(0, 5) == 0`` holds on about half of the pages of a
    derandomized run), nor does a long ``sampled_from``, so a rate drawn that
    way is not the rate it says.
    """
    if p <= 0.0:
        return False
    if p >= 1.0:
        return True
    return draw(_TWENTY_FOURTHS, label=label) >= 24 - round(p * 24)


_TWENTY_FOURTHS = st.sampled_from(range(24))


# --------------------------------------------------------------------------- headlines


@st.composite
def titles(draw: st.DrawFn, topic: Topic) -> str:
    """A main headline that shares a word with its body; no sentence punctuation."""
    kind = draw(st.integers(0, 7))
    v1, v2 = draw(pick(VERBS)), draw(pick(VERBS))
    a1, a2 = draw(pick(ADVERBS)), draw(pick(ADVERBS))
    n1 = draw(pick(NOUNS))
    # 5-7: long titles, which other papers print over two lines (render.title_cut)
    if kind == 5:
        return f"{topic.place}{v1}{topic.theme}建设的{n1}{draw(pick(NOUNS))}新路径"
    if kind == 6:
        return f"{topic.agency}{v1}{n1}与{topic.theme}{draw(pick(NOUNS))}深度融合"
    if kind == 7:
        return f"让{topic.slogan}成为{topic.place}{n1}发展新引擎"
    if kind == 0:
        return f"{a1}{v1} {a2}{v2} 着力打造{topic.theme}"
    if kind == 1:
        return f"{topic.place}{topic.theme}{n1}{v1}取得新进展"
    if kind == 2:
        return f"{topic.agency}{v1}{n1}{draw(pick(NOUNS))}"
    if kind == 3:
        return f"{v1}{topic.theme} {v2}{n1}{draw(pick(NOUNS))}"
    return f"{topic.place}{draw(numbers)}{n1}{v1}{topic.theme}"


@st.composite
def kickers(draw: st.DrawFn, topic: Topic) -> str:
    """引题: "X在Y调研时强调" and its kin, or a short lead ("安远县前三季度")."""
    kind = draw(st.integers(0, 4))
    if kind == 4:
        return f"{topic.place}{topic.theme}建设推进会召开之际"
    if kind == 0:
        return f"{topic.person}在{topic.place}调研时强调"
    if kind == 1:
        return f"{topic.person}出席{topic.theme}{draw(pick(NOUNS))}推进会时指出"
    if kind == 2:
        return f"{topic.person}主持召开{topic.agency}会议时要求"
    return f"{topic.place}前三季度"


@st.composite
def subtitles(draw: st.DrawFn, topic: Topic, rates: Rates | None = None) -> str:
    """副题: "——…", a who-did line ("X主持并讲话"), or a plain second line ("记…", "访…", "…综述").

    The plain forms are printed with or without the dash, as papers do:
    "——记安远县书记王芳" and "记安远县书记王芳" are the same subtitle.
    """
    kind = draw(st.integers(0, 4))
    if kind == 0:
        return f"——{topic.place}{draw(pick(VERBS))}{topic.theme}{draw(pick(NOUNS))}工作综述"
    if kind == 1 and zlib.crc32(topic.person.encode()) % 2:  # 田某某吴某某参观: the leaders listed, then the verb
        rng = random.Random(zlib.crc32(topic.place.encode()))  # no draw of its own: the other examples stay as they are
        listed = "".join(rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN) for _ in range(rng.randint(2, 3)))
        return f"{listed}{rng.choice(('', '等'))}{rng.choice(('参观', '出席', '看望', '视察'))}"
    if kind == 1:
        return f"{topic.person}{draw(pick(('主持并讲话', '出席', '讲话')))}"
    dash = "" if chance(draw, (rates or Rates()).undashed, "subtitle without ——") else "——"
    if kind == 2:
        return f"{dash}记{topic.place}{topic.office}{topic.person}"
    if kind == 3:
        return f"{dash}访{topic.agency}负责人{topic.person}"
    return f"{dash}{topic.place}{draw(pick(VERBS))}{topic.theme}建设综述"


@st.composite
def plain_second_lines(draw: st.DrawFn, topic: Topic, title: str) -> str:
    """副题 printed without ——: a line that says more than its title, with no cue of a kicker or a who-did line.

    The plain second lines measured ran as long as their titles or longer: a
    subtitle says more, in smaller type. One clause, with figures at times;
    no space between phrases (that is a title's or a kicker's way).
    """
    kind = draw(st.integers(0, 2))
    v1, v2 = draw(pick(VERBS)), draw(pick(VERBS))
    n1, n2 = draw(pick(NOUNS)), draw(pick(NOUNS))
    if kind == 0:
        line = f"{topic.place}{draw(numbers)}{draw(pick(UNITS))}{n1}{v1}{topic.theme}{n2}"
    elif kind == 1:
        line = f"{topic.agency}{v1}{n1}{n2}{v2}{topic.theme}{draw(pick(NOUNS))}"
    else:
        line = f"{v1}{n1}{n2}{v2}{topic.place}{topic.theme}{draw(pick(NOUNS))}"
    while len(line) < len(title):
        line += draw(pick(NOUNS))
    return line


def _longer(line: str, title: str) -> str:
    """``line`` made longer than ``title``: under a title that opens a stack, every line runs longer."""
    return line if len(line) > len(title) + 2 else _longer(line + "建设", title)


@st.composite
def sections(draw: st.DrawFn) -> str:
    """栏目: two phrases joined by "·"."""
    left = draw(pick(THEME_MODS)) + draw(pick(THEME_NOUNS))
    right = draw(pick(VERBS)) + draw(pick(NOUNS))
    return f"{left}·{right}"


@st.composite
def speakers(draw: st.DrawFn, topic: Topic) -> SpeakerSpec:
    """A profile line: "省人大代表、安远市南泉县委副书记、县长 王芳"."""
    body = draw(pick(("省人大代表", "市政协委员", "省党代表")))
    kind = draw(st.integers(0, 2))
    if kind == 0:
        titles_ = f"{body}、{topic.city}市{topic.place}委副书记、{topic.place[-1]}长"
        if topic.place[-1] not in "县市区镇乡":
            titles_ = f"{body}、{topic.city}市{topic.place}党支部书记"
    elif kind == 1:
        titles_ = f"{body}、{topic.agency}局长"
    else:
        titles_ = f"{body}、{topic.company}董事长"
    return SpeakerSpec(titles_, topic.person)


# --------------------------------------------------------------------------- bylines


def _people_text(people: Sequence[PersonSpec], house: bool = False) -> str:
    out: list[str] = []
    role = None
    for k, p in enumerate(people):
        if p.role != role:
            out.append(("本报" if house and k == 0 else "") + str(p.role))
            role = p.role
        out.append(p.name)
    return " ".join(out)


@st.composite
def people(draw: st.DrawFn, reporters: Sequence[str], first_role: str) -> tuple[PersonSpec, ...]:
    """One to three people: the first role's people, then maybe another role's."""
    names_ = draw(st.lists(st.sampled_from(tuple(reporters)), min_size=1, max_size=3, unique=True))
    k = draw(st.integers(1, len(names_)))
    second = draw(pick(ROLES_SECOND))
    return tuple(PersonSpec(first_role if j < k else second, n) for j, n in enumerate(names_))


# --------------------------------------------------------------------------- the forms of the press
#
# docs/guide/forms.md surveyed 159 articles of 42 sources. Each table below
# lists the forms of one family the generator draws, with the number of
# surveyed articles that showed it: a form is drawn at that weight among its
# family. Forms the survey met that the generator does not draw are listed in
# ``NOT_DRAWN`` with the reason.

#: Lead datelines and bylines (101 of the 159 articles open with one).
LEAD_FORMS: tuple[tuple[str, int], ...] = (
    ("lead: 本报讯（记者 X）", 5),
    ("lead: 本报地讯（记者 X）", 1),
    ("lead: <X>日报讯（记者 X）", 1),
    ("lead: 本报讯（<X>晚报全媒体记者 X）", 2),
    ("lead: 本报讯（记者X通讯员X）", 1),
    ("lead: 本报讯 通讯员X、记者X报道：", 4),
    ("lead: 本报讯 X、记者X报道：", 3),
    ("lead: 本报讯", 4),
    ("lead: 本报地N月N日电 记者X报道：", 7),
    ("lead: 本报地N月N日讯 记者X报道：", 3),
    ("lead: 本报地N月N日讯<X>记者X、本报记者X报道：", 1),
    ("lead: 本报地N月N日电 （记者X、X）", 2),
    ("lead: 本报地N日电", 1),
    ("lead: 本报NNNN年N月N日讯", 1),
    ("lead: 【本报地〇日电】", 1),
    ("lead: 新华社地N月N日电", 7),
    ("lead: 新华社地〇月〇日电", 7),
    ("lead: 新华社地N日电", 2),
    ("lead: 新华社地N月N日电（记者X、X）", 6),
    ("lead: 据新华社地N月N日电 （记者X）", 5),
    ("lead: 据新华社〇年〇月〇日电", 4),
    ("lead: 据新华社〇日讯", 2),
    ("lead: 新华社〇日讯", 7),
    ("lead: 新华社N日讯 记者X报道：", 1),
    ("lead: 新华社据<agency>地N日讯", 1),
    ("lead: 【新华社地〇日电】", 6),
    ("lead: 【本刊讯】", 3),
    ("lead: 【<agency>地N月N日电】", 2),
    ("lead: 【<country>《X报》N月N日报道】", 1),
    ("lead: 中新社地〇月〇日电（记者 X）", 1),
    ("lead: 中新社地N月N日电", 1),
    ("lead: <X>晚报讯", 1),
    ("lead: 晨刊讯", 1),
    ("lead: <X>报讯（记者 X 地报道）", 2),
    ("lead: 本网讯（X 通讯员 X）", 1),
    ("lead: <X>网·<X>客户端讯", 1),
    ("lead: <X>小记者团讯", 1),
    ("lead: <X>日报消息", 1),
    # met in the second reading (docs/guide/forms.md, "Met in a second reading")
    ("lead: 据《<X>日报》消息（记者X 通讯员X）", 1),
    ("lead: 本报记者X报道：", 1),
)
#: Heading bylines under the headline (27 articles; 文/图 本报记者 X from the sample pages).
HEADING_FORMS: tuple[tuple[str, int], ...] = (
    ("heading: 文/图 本报记者 X", 3),
    ("heading: 本报记者 X X", 6),
    ("heading: ■X", 1),
    ("heading: ■记者 X", 1),
    ("heading: ■<X>报记者 X", 2),
    ("heading: ■<X>报特约记者 X 通讯员 X X", 1),
    ("heading: ■X X <X>报记者 X", 1),
    ("heading: □新华社记者X X X", 2),
    ("heading: □本报记者 X 摄影报道", 1),
    ("heading: 新华社记者 X", 2),
    ("heading: <X>日报记者 X X", 1),
    ("heading: <X>日报社全媒体记者 X", 1),
    ("heading: 中新社记者 X", 1),
    ("heading: 记者 X X X", 1),
    ("heading: 本报记者 X/文 X/图", 1),
    ("heading: X 文/图", 1),
    ("heading: X (a name alone)", 3),
    # met in the second reading
    ("heading: <X>日报·<X>客户端记者 X 通讯员 X", 1),
    ("heading: 撰稿：本报通讯员 X 本报特派记者 X", 1),
)
#: Trailing bylines (13 articles; （记者 X） and its kin also from the sample pages).
TRAILING_FORMS: tuple[tuple[str, int], ...] = (
    ("trailing: （记者 X）", 3),
    ("trailing: （X）", 5),
    ("trailing: （本报记者 X、X整理）", 1),
    ("trailing: （记者X/图 X/文）", 1),
)
#: Photo captions (31 articles carry one or are a picture story; the picture story is a kind of article).
CAPTION_FORMS: tuple[tuple[str, int], ...] = (
    ("caption: 新华社记者 X摄", 6),
    ("caption: 本报记者 X 摄", 4),
    ("caption: <X>晚报记者 X 摄", 2),
    ("caption: 记者X 摄", 2),
    ("caption: （记者 X 摄）", 1),
    ("caption: X 摄", 5),
    ("caption: X 供图", 1),
    ("caption: 本报记者 X / 拍友 X 摄", 1),
    ("caption: 图为…", 7),
    ("caption: （附图片）", 9),
    ("caption: ①… ②…", 4),
)
#: Headline shapes (every article; the shapes the text cannot tell apart are in NOT_DRAWN).
SHAPES: tuple[tuple[str, int], ...] = (
    ("shape: title alone", 51),
    ("shape: title and subtitle", 14),
    ("shape: title and a plain second line", 30),
    ("shape: kicker and title", 15),
    ("shape: kicker, title and subtitle", 11),
    ("shape: title over two plain lines", 6),
    ("shape: kicker, title and two subtitles", 3),
    ("shape: section label (A·B) over the title", 10),
    ("shape: commentary label (社论) over the title", 3),
    ("shape: series number (…之N) over the title", 3),
)
#: In-body subheadings: plain lines, or after a mark, or a number on a line of its own.
SUBHEADING_FORMS: tuple[tuple[str, int], ...] = (
    ("subheading: plain", 12),
    ("subheading: ■ before it", 1),
    ("subheading: （一） on a line of its own", 1),
)
#: Editor's notes before the body (7 articles).
NOTE_FORMS: tuple[tuple[str, int], ...] = (
    ("note: 编者按：… at a paragraph's head", 3),
    ("note: 编者按： on a line of its own", 4),
)
#: Short-news columns (3 of the brief columns the survey met; see NOT_DRAWN).
COLUMN_FORMS: tuple[tuple[str, int], ...] = (
    ("column: ◆ items under a label", 1),
    ("column: △ items, each closing with （X）", 2),
)
#: Page furniture at the top of the page (articles whose page showed it).
HEADER_FORMS: tuple[tuple[str, int], ...] = (
    ("furniture: 第0N版：版名", 14),
    ("furniture: 第N版(版名)", 11),
    ("furniture: N年N月N日 星期X", 8),
    ("furniture: 今日N版 总第N期 … (masthead band)", 2),
    ("furniture: <报名>N.N.N星期X", 1),
    ("furniture: 要 闻 (letter-spaced page name)", 2),
)
#: Page furniture at the bottom of the page.
FOOTER_FORMS: tuple[tuple[str, int], ...] = (
    ("furniture: 责任编辑：X 美术编辑：X 校对：X", 3),
    ("furniture: 值班编委/X 本版编辑/X 美编/X 文检/X", 1),
    ("furniture: 国内统一刊号：CN…", 1),
)
#: Surveyed forms the generator does not draw, and why.
NOT_DRAWN: dict[str, str] = {
    "shape: kicker with no cue over a title as long or longer": (
        "a kicker with no cue (…时强调, …之际, a time frame, a four-character slogan) over a title no shorter "
        "reads as a title over its plain second line: only type size tells the two apart, and the press prints "
        "the second twice as often (30 against 15 two-line headlines of the survey; part of those 15)"
    ),
    "shape: parallel titles": "two title lines of equal weight: as above, only type size shows it (1)",
    "column: items under a label, no mark, no credit": (
        "the label over an unmarked item reads as a subheading of the article above: nothing in the text "
        "marks the seam the page's rules and type show (2)"
    ),
    "column: reader letters (市民X：…)": "not probed; items with their own short titles (2)",
    "trailing: 本报记者 X X at the end, no bracket": "an unbracketed credit after the last sentence (1)",
    "trailing: 本报记者 X 整理 on a line of its own": "reads as a heading byline of the next article (1)",
    "trailing: 全媒体记者：X / 编辑：X / 编审：X lines": "a county media centre's credit lines (1)",
    "heading: 拍摄者：本报记者 X": "a photo feature's 时间：/地点： lines (1)",
    "heading: N本报记者 X X (a logo glyph)": "OCR residue of a byline logo (1)",
    "caption: no credit, no opener": "a caption with no cue is a paragraph on any reading (6)",
    "lead: 新华社〇日讯 地消息：, 本报讯 据<X>日报消息：, 中新社…电 题：X": (
        "drawn without the relayed source after the dateline, which stays text (5)"
    ),
}


def _choose(draw: st.DrawFn, table: Sequence[tuple[str, int]], rates: Rates, label: str) -> str:
    """A form of ``table`` at its surveyed weight, or the one ``rates.only`` names."""
    names = [name for name, _ in table]
    if rates.only in names:
        return rates.only
    # two near-uniform draws of 24 (see ``chance``): a point in [0, 1) to 1/576
    at = (draw(_TWENTY_FOURTHS, label=label) * 24 + draw(_TWENTY_FOURTHS, label=label)) / 576
    total = sum(count for _, count in table)
    for name, count in table:
        at -= count / total
        if at < 0:
            return name
    return names[-1]


_CN = "〇一二三四五六七八九"


def chinese_number(n: int) -> str:
    """A day or month in Chinese numerals, as datelines print it: 十四, 二十一, 三十.

    Example:
        >>> chinese_number(14), chinese_number(21), chinese_number(30)
        ('十四', '二十一', '三十')
    """
    tens, ones = divmod(n, 10)
    return (("" if tens == 1 else _CN[tens]) + "十" if tens else "") + (_CN[ones] if ones else "")


def _year(rng: random.Random) -> str:
    return "".join(_CN[int(d)] for d in str(rng.randint(1950, 1989)))


AGENCIES_ABROAD = words("法新社 美联社 路透社 塔斯社 共同社 德新社")
COUNTRIES = words("东洋 西岭 南屿 北原")


def _names(rng: random.Random, reporters: Sequence[str], k: int) -> list[str]:
    return rng.sample(list(reporters), min(k, len(reporters)))


def _lead(form: str, rng: random.Random, reporters: Sequence[str], topic: Topic) -> BylineSpec:
    """The lead byline of ``form``: its printed text, what the parser gives back, the gap before the text."""
    city, m, d = topic.city, rng.randint(1, 12), rng.randint(1, 28)
    date, cn = f"{m}月{d}日", f"{chinese_number(m)}月{chinese_number(d)}日"
    x, y, z = (_names(rng, reporters, 3) + [""] * 3)[:3]
    y = y or x
    z = z or y

    def spec(
        text: str, outlet: str | None, place: str | None, people: tuple[PersonSpec, ...] = (), gap: str = ""
    ) -> BylineSpec:
        return BylineSpec(qhnews.normalize(text), "lead", None, outlet, place, people, form=form, gap=gap, printed=text)

    reporter = (PersonSpec("记者", x),)
    two = (PersonSpec("记者", x), PersonSpec("记者", y)) if y != x else reporter
    if form == "lead: 本报讯（<X>晚报全媒体记者 X）":
        return spec(f"本报讯（{city}晚报全媒体记者 {x}）", "本报", None, (PersonSpec("全媒体记者", x),))
    if form == "lead: 本报讯（记者X通讯员X）":
        return spec(f"本报讯（记者{x}通讯员{y}）", "本报", None, (PersonSpec("记者", x), PersonSpec("通讯员", y)))
    if form == "lead: 本报讯 通讯员X、记者X报道：":
        return spec(f"本报讯 通讯员{x}、记者{y}报道：", "本报", None, (PersonSpec("通讯员", x), PersonSpec("记者", y)))
    if form == "lead: 本报讯 X、记者X报道：":
        return spec(f"本报讯 {x}、记者{y}报道：", "本报", None, (PersonSpec(None, x), PersonSpec("记者", y)))
    if form == "lead: 本报讯":
        return spec("本报讯", "本报", None, gap=" ")
    if form == "lead: 本报地N月N日电 记者X报道：":
        names = "、".join(p.name for p in two)
        return spec(f"本报{city}{date}电{rng.choice(('', ' '))}记者{names}报道：", "本报", city, two)
    if form == "lead: 本报地N月N日讯 记者X报道：":
        return spec(f"本报{city}{date}讯 记者{x}报道：", "本报", city, reporter)
    if form == "lead: 本报地N月N日讯<X>记者X、本报记者X报道：":
        people = (PersonSpec("记者", x), PersonSpec("记者", y), PersonSpec("记者", z))
        text = f"本报{city}{date}讯{city}日报记者{x}、{topic.place[:2]}晚报记者{y}、本报记者{z}报道："
        return spec(text, "本报", city, people)
    if form == "lead: 本报地N月N日电 （记者X、X）":
        return spec(f"本报{city}{date}电 （记者{'、'.join(p.name for p in two)}）", "本报", city, two)
    if form == "lead: 本报地N日电":
        return spec(f"本报{city}{d}日电", "本报", city, gap=" ")
    if form == "lead: 本报NNNN年N月N日讯":
        return spec(f"本报{rng.randint(1980, 2024)}年{date}讯", "本报", None, gap=" ")
    if form == "lead: 【本报地〇日电】":
        return spec(f"【本报{city}{chinese_number(d)}日电】", "本报", city)
    if form == "lead: 新华社地N月N日电":
        return spec(f"新华社{city}{date}电", "新华社", city, gap=" ")
    if form == "lead: 新华社地〇月〇日电":
        year = f"{_year(rng)}年" if rng.random() < 1 / 7 else ""
        return spec(f"新华社{city}{year}{cn}电", "新华社", city, gap=" ")
    if form == "lead: 新华社地N日电":
        day = f"{d}日" if rng.random() < 0.5 else f"{chinese_number(d)}日"
        return spec(f"新华社{city}{day}电", "新华社", city, gap=" ")
    if form == "lead: 新华社地N月N日电（记者X、X）":
        when = cn if rng.random() < 1 / 6 else date
        return spec(
            f"新华社{city}{when}电{rng.choice(('', ' '))}（记者{'、'.join(p.name for p in two)}）", "新华社", city, two
        )
    if form == "lead: 据新华社地N月N日电 （记者X）":
        return spec(f"据新华社{city}{date}电 （记者{x}）", "新华社", city, reporter)
    if form == "lead: 据新华社〇年〇月〇日电":
        if rng.random() < 0.5:
            return spec(f"据新华社{city}{_year(rng)}年{cn}电", "新华社", city, gap=" ")
        return spec(f"据新华社{_year(rng)}年{cn}讯", "新华社", None, gap=" ")
    if form == "lead: 据新华社〇日讯":
        return spec(f"据新华社{chinese_number(d)}日讯", "新华社", None, gap=" ")
    if form == "lead: 新华社〇日讯":
        return spec(f"新华社{chinese_number(d)}日讯", "新华社", None, gap=" ")
    if form == "lead: 新华社N日讯 记者X报道：":
        return spec(f"新华社{d}日讯 记者{x}报道：", "新华社", None, reporter)
    if form == "lead: 新华社据<agency>地N日讯":
        return spec(f"新华社据{rng.choice(AGENCIES_ABROAD)}{city}{d}日讯", "新华社", city, gap=" ")
    if form == "lead: 【新华社地〇日电】":
        if rng.random() < 0.5:
            return spec(f"【新华社{city}{chinese_number(d)}日电】", "新华社", city)
        return spec(f"【新华社{chinese_number(d)}日讯】", "新华社", None)
    if form == "lead: 【本刊讯】":
        return spec("【本刊讯】", "本刊", None)
    if form == "lead: 【<agency>地N月N日电】":
        agency = rng.choice(AGENCIES_ABROAD)
        return spec(f"【{agency}{city}{date}电】", agency, city)
    if form == "lead: 【<country>《X报》N月N日报道】":
        country, paper = rng.choice(COUNTRIES), f"{city}日报"
        return spec(f"【{country}《{paper}》{date}报道】", paper, country)
    if form == "lead: 中新社地〇月〇日电（记者 X）":
        return spec(f"中新社{city}{cn}电（记者 {x}）", "中新社", city, reporter)
    if form == "lead: 中新社地N月N日电":
        return spec(f"中新社{city}{date}电", "中新社", city, gap=" ")
    if form == "lead: <X>晚报讯":
        return spec(f"{city}晚报讯", f"{city}晚报", None, gap=" ")
    if form == "lead: 晨刊讯":
        return spec("晨刊讯", "晨刊", None, gap=" ")
    if form == "lead: <X>报讯（记者 X 地报道）":
        return spec(f"{city}报讯（记者 {x} {topic.place[:2]}报道）", f"{city}报", topic.place[:2], reporter)
    if form == "lead: 本网讯（X 通讯员 X）":
        return spec(f"本网讯（{x} 通讯员 {y}）", "本网", None, (PersonSpec(None, x), PersonSpec("通讯员", y)))
    if form == "lead: <X>网·<X>客户端讯":
        outlet = f"{city}网·{city}客户端"
        return spec(f"{outlet}讯", outlet, None, gap=" ")
    if form == "lead: <X>小记者团讯":
        return spec(f"{city}小记者团讯", f"{city}小记者团", None, gap=" ")
    if form == "lead: <X>日报消息":
        return spec(f"{city}日报消息", f"{city}日报", None, gap=" ")
    if form == "lead: 据《<X>日报》消息（记者X 通讯员X）":
        pair = (PersonSpec("记者", x), PersonSpec("通讯员", y))
        return spec(f"据《{city}日报》消息（记者{x} 通讯员{y}）", f"{city}日报", None, pair)
    if form == "lead: 本报记者X报道：":
        return spec(f"本报记者{x}报道：", "本报", None, reporter)
    raise ValueError(form)


def _heading(form: str, rng: random.Random, reporters: Sequence[str], topic: Topic) -> BylineSpec:
    """The heading byline of ``form``, printed on a line of its own under the headline."""
    x, y, z = (_names(rng, reporters, 3) + [""] * 3)[:3]
    y = y or x
    z = z or y
    paper = f"{topic.city}日报"

    def spec(text: str, outlet: str | None, people: tuple[PersonSpec, ...], credit: str | None = None) -> BylineSpec:
        return BylineSpec(text, "heading", credit, outlet, None, people, form=form)

    if form == "heading: ■X":
        return spec(f"■{x}", None, (PersonSpec(None, x),))
    if form == "heading: ■记者 X":
        return spec(f"■记者 {x}", None, (PersonSpec("记者", x),))
    if form == "heading: ■<X>报记者 X":
        return spec(f"■{paper}记者 {x}", paper, (PersonSpec("记者", x),))
    if form == "heading: ■<X>报特约记者 X 通讯员 X X":
        people = (PersonSpec("特约记者", x), PersonSpec("通讯员", y), PersonSpec("通讯员", z))
        return spec(f"■{paper}特约记者 {x} 通讯员 {y} {z}", paper, people)
    if form == "heading: ■X X <X>报记者 X":
        return spec(
            f"■{x} {y} {paper}记者 {z}", paper, (PersonSpec(None, x), PersonSpec(None, y), PersonSpec("记者", z))
        )
    if form == "heading: □新华社记者X X X":
        return spec(f"□新华社记者{x} {y} {z}", "新华社", tuple(PersonSpec("记者", n) for n in (x, y, z)))
    if form == "heading: □本报记者 X 摄影报道":
        return spec(f"□本报记者 {x} 摄影报道", "本报", (PersonSpec("记者", x),))
    if form == "heading: 新华社记者 X":
        return spec(f"新华社记者 {x}", "新华社", (PersonSpec("记者", x),))
    if form == "heading: <X>日报记者 X X":
        return spec(f"{paper}记者 {x} {y}", paper, (PersonSpec("记者", x), PersonSpec("记者", y)))
    if form == "heading: <X>日报社全媒体记者 X":
        return spec(f"{paper}社全媒体记者 {x}", paper + "社", (PersonSpec("全媒体记者", x),))
    if form == "heading: 中新社记者 X":
        return spec(f"中新社记者 {x}", "中新社", (PersonSpec("记者", x),))
    if form == "heading: 记者 X X X":
        return spec(f"记者 {x} {y} {z}", None, tuple(PersonSpec("记者", n) for n in (x, y, z)))
    if form == "heading: 本报记者 X/文 X/图":
        return spec(f"本报记者 {x}/文 {y}/图", "本报", (PersonSpec("记者", x), PersonSpec("记者", y)), "文/图")
    if form == "heading: X 文/图":
        return spec(f"{x} 文/图", None, (PersonSpec(None, x),), "文/图")
    if form == "heading: X (a name alone)":
        return spec(x, None, (PersonSpec(None, x),))
    if form == "heading: <X>日报·<X>客户端记者 X 通讯员 X":
        outlet = f"{paper}·新{topic.city}客户端"
        return spec(f"{outlet}记者 {x} 通讯员 {y}", outlet, (PersonSpec("记者", x), PersonSpec("通讯员", y)))
    if form == "heading: 撰稿：本报通讯员 X 本报特派记者 X":
        pair = (PersonSpec("通讯员", x), PersonSpec("特派记者", y))
        return spec(f"撰稿：本报通讯员 {x} 本报特派记者 {y}", "本报", pair, "撰稿")
    raise ValueError(form)


def _trailing(form: str, rng: random.Random, reporters: Sequence[str]) -> BylineSpec:
    """The trailing byline of ``form`` (（记者 X） and its kin are drawn by ``bylines``)."""
    x, y = ([*_names(rng, reporters, 2), ""])[:2]
    y = y or x
    if form == "trailing: （X）":
        names = (x,) if rng.random() < 0.75 or y == x else (x, y)
        return BylineSpec(
            f"（{'、'.join(names)}）",
            "trailing",
            None,
            None,
            None,
            tuple(PersonSpec(None, n) for n in names),
            form=form,
        )
    if form == "trailing: （本报记者 X、X整理）":
        people = (PersonSpec("记者", x), PersonSpec("记者", y))
        return BylineSpec(f"（本报记者 {x}、{y}整理）", "trailing", None, "本报", None, people, form=form)
    if form == "trailing: （记者X/图 X/文）":
        people = (PersonSpec("记者", x), PersonSpec("记者", y))
        return BylineSpec(f"（记者{x}/图 {y}/文）", "trailing", "图/文", None, None, people, form=form)
    raise ValueError(form)


def _credit(
    form: str, rng: random.Random, reporters: Sequence[str], topic: Topic
) -> tuple[str, str | None, tuple[PersonSpec, ...], bool]:
    """A caption's credit as printed, its credit word, its people, and whether it stands on a line of its own."""
    x, y = ([*_names(rng, reporters, 2), ""])[:2]
    y = y or x
    alone = rng.random() < 0.5
    if form == "caption: 新华社记者 X摄":
        return f"新华社记者 {x}摄" if rng.random() < 0.5 else f"新华社记者{x}摄", "摄", (PersonSpec("记者", x),), alone
    if form == "caption: 本报记者 X 摄":
        return f"本报记者 {x} 摄", "摄", (PersonSpec("记者", x),), alone
    if form == "caption: <X>晚报记者 X 摄":
        return f"{topic.city}晚报记者 {x} 摄", "摄", (PersonSpec("记者", x),), alone
    if form == "caption: 记者X 摄":
        return f"记者{x} 摄", "摄", (PersonSpec("记者", x),), True
    if form == "caption: （记者 X 摄）":
        return f"（记者 {x} 摄）", "摄", (PersonSpec("记者", x),), False
    if form == "caption: X 摄":
        return f"{x} 摄", "摄", (PersonSpec(None, x),), alone
    if form == "caption: X 供图":
        return f"{x} 供图", "供图", (PersonSpec(None, x),), True
    if form == "caption: 本报记者 X / 拍友 X 摄":
        return f"本报记者 {x}\n拍友 {y} 摄", "摄", (PersonSpec("记者", x), PersonSpec("拍友", y)), True
    return "", None, (), False


_SCENES = words("现场 一角 新貌 掠影 实景")


def _scene(rng: random.Random, topic: Topic) -> str:
    """A caption's sentence: what the picture shows."""
    kind = rng.randrange(3)
    if kind == 0:
        return f"{topic.place}{topic.theme}{rng.choice(_SCENES)}。"
    if kind == 1:
        return f"{topic.person}在{topic.company}了解{rng.choice(NOUNS)}情况。"
    return f"市民在{topic.place}{rng.choice(THEME_NOUNS)}参观{topic.theme}建设成果。"


def _captions(
    form: str, rng: random.Random, reporters: Sequence[str], topic: Topic, after: int
) -> tuple[CaptionSpec, ...]:
    """The captions of ``form`` printed after body block ``after`` (-1: the whole body of a picture story)."""
    if form == "caption: ①… ②…":
        return tuple(CaptionSpec(f"{mark}{_scene(rng, topic)}", after=after, form=form) for mark in "①②")
    if form == "caption: 图为…":
        return (CaptionSpec(f"图为{_scene(rng, topic)}", after=after, form=form),)
    if form == "caption: （附图片）":
        label = "（附图片）"
        return (CaptionSpec(label + _scene(rng, topic), label=label, after=after, form=form),)
    printed, credit, people, alone = _credit(form, rng, reporters, topic)
    opener = "图为" if rng.random() < 0.25 else ""
    text = opener + _scene(rng, topic) + printed.replace("\n", "")
    return (CaptionSpec(text, credit, people, printed, alone, after=after, form=form),)


def _subheading_form(draw: st.DrawFn, topic: Topic, rates: Rates) -> BlockSpec:
    form = _choose(draw, SUBHEADING_FORMS, rates, "subheading form")
    if form == "subheading: （一） on a line of its own":
        return BlockSpec("subheading", "（一）", form=form)
    text = draw(subheadings(topic))
    if form == "subheading: ■ before it":
        text = "■" + text
    return BlockSpec("subheading", text, form=form)


def _note(draw: st.DrawFn, topic: Topic, rates: Rates) -> BlockSpec:
    """An editor's note over the body: 编者按： at its head, or on a line of its own."""
    form = _choose(draw, NOTE_FORMS, rates, "note form")
    rng = random.Random(draw(st.integers(0, 2**32 - 1), label="note seed"))
    text = (
        f"编者按：{topic.place}{rng.choice(VERBS)}{topic.theme}建设，{rng.choice(ADVERBS)}{rng.choice(VERBS)}"
        f"{rng.choice(NOUNS)}。本报今起推出系列报道，敬请关注。"
    )
    return BlockSpec("paragraph", text, label="编者按：" if "line of its own" in form else "", form=form)


def _header(form: str, rng: random.Random, topic: Topic) -> FurnitureSpec:
    """A header line of ``form``."""
    n, m, d, year = rng.randint(1, 16), rng.randint(1, 12), rng.randint(1, 28), rng.randint(2000, 2024)
    week = "星期" + rng.choice("一二三四五六日")
    issue = rng.randint(1000, 9999)
    page_name = rng.choice(words("要闻 综合 经济 文化 民生 城事 专版"))
    texts = {
        "furniture: 第0N版：版名": f"第{rng.choice(('', 'A'))}{n:02d}版：{page_name}",
        "furniture: 第N版(版名)": f"第{n}版({page_name})",
        "furniture: N年N月N日 星期X": f"{year}年{m}月{d}日 {week}",
        "furniture: 今日N版 总第N期 … (masthead band)": f"今日{n}版 总第{issue}期 {week} {year}年{m}月{d}日",
        "furniture: <报名>N.N.N星期X": f"{topic.city}日报{year}.{m}.{d}{week}",
        "furniture: 要 闻 (letter-spaced page name)": " ".join(page_name),
    }
    return FurnitureSpec("header", texts[form], False, form)


def _footer(form: str, rng: random.Random) -> FurnitureSpec:
    """A footer line of ``form``."""
    a, b, c, d = (rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN) for _ in range(4))
    if form == "furniture: 责任编辑：X 美术编辑：X 校对：X":
        return FurnitureSpec("editors", f"责任编辑：{a} 美术编辑：{b} 校对：{c}", True, form)
    if form == "furniture: 值班编委/X 本版编辑/X 美编/X 文检/X":
        return FurnitureSpec("editors", f"值班编委/{a} 本版编辑/{b} 美编/{c} 文检/{d}", True, form)
    return FurnitureSpec("other", f"国内统一刊号：CN{rng.randint(11, 65)}-{rng.randint(1, 99):04d}", True, form)


@st.composite
def bylines(
    draw: st.DrawFn, position: str, reporters: Sequence[str], topic: Topic, rates: Rates = Rates()
) -> BylineSpec:
    """A byline of a surveyed form, at ``position`` ("lead", "heading", "trailing"), at the surveyed rates."""
    table = {"lead": LEAD_FORMS, "heading": HEADING_FORMS, "trailing": TRAILING_FORMS}[position]
    form = _choose(draw, table, rates, f"{position} form")
    rng = random.Random(draw(st.integers(0, 2**32 - 1), label="byline seed"))
    if position == "lead":
        if form in ("lead: 本报讯（记者 X）", "lead: 本报地讯（记者 X）", "lead: <X>日报讯（记者 X）"):
            role = draw(pick(("记者", "记者", "特约记者", "通讯员")))
            ps = draw(people(reporters, role))
            inner = _people_text(ps)
            if form == "lead: 本报讯（记者 X）":
                return BylineSpec(f"本报讯（{inner}）", "lead", None, "本报", None, ps, form=form)
            if form == "lead: 本报地讯（记者 X）":
                return BylineSpec(f"本报{topic.city}讯（{inner}）", "lead", None, "本报", topic.city, ps, form=form)
            outlet = topic.city + "日报"
            return BylineSpec(f"{outlet}讯（{inner}）", "lead", None, outlet, None, ps, form=form)
        return _lead(form, rng, reporters, topic)
    if position == "heading":
        if form in ("heading: 文/图 本报记者 X", "heading: 本报记者 X X"):
            credit = draw(st.sampled_from(("文/图", "文", "图"))) if form == "heading: 文/图 本报记者 X" else None
            ps = draw(people(reporters, "记者"))
            inner = _people_text(ps, house=True)
            text = f"{credit} {inner}" if credit else inner
            return BylineSpec(text, "heading", credit, "本报", None, ps, form=form)
        return _heading(form, rng, reporters, topic)
    if form == "trailing: （记者 X）":
        role = draw(pick(("记者", "记者", "通讯员", "特约记者")))
        ps = draw(people(reporters, role))
        house = draw(st.booleans()) and role == "记者"
        text = f"（{_people_text(ps, house)}）"
        return BylineSpec(text, "trailing", None, "本报" if house else None, None, ps, form=form)
    return _trailing(form, rng, reporters)


# --------------------------------------------------------------------------- articles


#: The kinds of article, news reports twice as often as the others.
KINDS = ("news", "news", "feature", "interview", "plain")


#: The commentary labels and series numbers the press prints over a title (a section label).
COMMENTARY_LABELS = words("社论 本报评论员 评论员文章 短评 时评")


@st.composite
def headline_parts(
    draw: st.DrawFn, topic: Topic, rates: Rates, title: str
) -> tuple[str | None, str | None, tuple[str, ...]]:
    """Section label, kicker and subtitles of one of the surveyed headline shapes (``SHAPES``) over ``title``."""
    shape = _choose(draw, SHAPES, rates, "headline shape")
    section = kicker = None
    subs: tuple[str, ...] = ()
    if shape in (
        "shape: kicker and title",
        "shape: kicker, title and subtitle",
        "shape: kicker, title and two subtitles",
    ):
        kicker = draw(kickers(topic))
    if shape == "shape: title and a plain second line":
        subs = (draw(plain_second_lines(topic, title)),)
    elif shape == "shape: title over two plain lines":  # a report's short title over the lines that say more
        first = _longer(draw(plain_second_lines(topic, title)), title)
        second = _longer(draw(plain_second_lines(topic, title)), title)
        subs = (first, second if second != first else second + "工作")
    elif shape in ("shape: title and subtitle", "shape: kicker, title and subtitle"):
        subs = (draw(subtitles(topic, rates)),)
    elif shape == "shape: kicker, title and two subtitles":
        subs = (
            f"——{topic.place}{draw(pick(VERBS))}{topic.theme}{draw(pick(NOUNS))}工作综述",
            f"——记{topic.office}{topic.person}",
        )
    elif shape == "shape: section label (A·B) over the title":
        section = draw(sections())
    elif shape == "shape: commentary label (社论) over the title":
        section = draw(pick(COMMENTARY_LABELS))
    elif shape == "shape: series number (…之N) over the title":
        section = f"{topic.theme}观察之{chinese_number(draw(st.integers(1, 9)))}"
    return section, kicker, subs


def _bare(rates: Rates) -> float:
    """The chance of no byline at all: none where the stratum is a trailing byline's form."""
    return 0.0 if rates.only.startswith("trailing: ") else rates.bare


def _kind_for(only: str) -> str | None:
    """The kind of article that carries the form ``only`` names, when one must (a stratum)."""
    for family, kind in (("lead: ", "news"), ("heading: ", "feature"), ("trailing: ", "plain")):
        if only.startswith(family):
            return kind
    return None


def _bodies(draw: st.DrawFn, topic: Topic, kind: str, rates: Rates) -> list[BlockSpec]:
    """Paragraphs, maybe numbered, maybe under an editor's note, maybe with a subheading."""
    n_paras = draw(st.integers(1, 6))
    if rates.only.startswith(("subheading: ", "paragraphs: ")):
        n_paras = max(n_paras, 3)  # room for the form the stratum draws
    paras = [draw(paragraphs(topic, lead=k == 0, news=kind == "news")) for k in range(n_paras)]
    if kind == "news" and draw(st.integers(0, 3)) == 0:
        paras.append(draw(closings(topic)))
    if len(paras) >= 3 and chance(draw, rates.of("numbered", "paragraphs: "), "numbered paragraphs"):
        paras[1:] = [f"{chinese_number(k)}、{p}" for k, p in enumerate(paras[1:], 1)]
    blocks = [BlockSpec("paragraph", p, form="paragraphs: 一、二、 numbered" if p[1:2] == "、" else "") for p in paras]
    if n_paras >= 3 and (draw(st.integers(0, 2)) == 0 or rates.only.startswith("subheading: ")):
        at = draw(st.integers(1, n_paras - 1))
        blocks.insert(at, _subheading_form(draw, topic, rates))
    if kind != "interview" and chance(draw, rates.of("editors_note", "note: "), "editor's note"):
        blocks.insert(0, _note(draw, topic, rates))
    return blocks


def _caption_after(blocks: Sequence[BlockSpec], closed: bool) -> list[int]:
    """The paragraphs a caption may follow: after the lead's, and before the last when a mark closes it."""
    paras = [b for b, block in enumerate(blocks) if block.kind == "paragraph" and not block.text.startswith("编者按")]
    return [b for b in paras if not (closed and b == len(blocks) - 1)]


@st.composite
def articles(
    draw: st.DrawFn,
    topic: Topic | None = None,
    reporters: Sequence[str] | None = None,
    kinds: Sequence[str] = KINDS,
    rates: Rates = Rates(),
) -> ArticleSpec:
    """One article: headline parts, bylines, paragraphs and subheadings, captions, maybe a jump.

    Kinds, as the seed pages show them: a news report (lead byline, dated
    lead), a feature (heading byline under its headline), an interview or
    speech piece (profile line over the title, trailing byline), and a plain
    piece (trailing byline or none); and, at ``Rates.picture_story``, a
    picture story (a headline over a caption and its credit).
    """
    topic = topic or draw(topics())
    reporters = reporters or draw(st.lists(names(), min_size=1, max_size=4, unique=True))
    if chance(draw, rates.of("picture_story", "article: picture story"), "picture story"):
        return draw(picture_stories(topic, reporters, rates))
    kind = _kind_for(rates.only) or draw(pick(kinds))
    blocks = _bodies(draw, topic, kind, rates)
    title = draw(titles(topic))
    section, kicker, subs = draw(headline_parts(topic, rates, title))
    speaker = None
    if kind == "interview":
        speaker = draw(speakers(topic))
        section, kicker, subs = None, None, ()
    found: list[BylineSpec] = []
    if kind == "news":
        found.append(draw(bylines("lead", reporters, topic, rates)))
    elif kind == "feature":
        found.append(draw(bylines("heading", reporters, topic, rates)))
    jump = None
    if kind in ("news", "feature") and draw(st.integers(0, 5)) == 0:
        page = draw(st.sampled_from(CN_DIGITS[1:])) + "版"
        jump = draw(st.sampled_from((f"（下转{page}）", f"（转{page}）", f"（下转第{draw(st.integers(2, 16))}版）")))
    elif kind in ("interview", "plain") and not chance(draw, _bare(rates), "no byline"):
        found.append(draw(bylines("trailing", reporters, topic, rates)))
    continued = None
    if jump is not None:
        continued = jump[jump.index("转") + 1 : -1]
    captions: tuple[CaptionSpec, ...] = ()
    spots = _caption_after(blocks, jump is not None or any(b.position == "trailing" for b in found))
    if spots and chance(draw, rates.of("caption", "caption: "), "caption"):
        rng = random.Random(draw(st.integers(0, 2**32 - 1), label="caption seed"))
        form = _choose(draw, CAPTION_FORMS, rates, "caption form")
        captions = _captions(form, rng, reporters, topic, rng.choice(spots))
    return ArticleSpec(
        title=title,
        kicker=kicker,
        subtitles=subs,
        section=section,
        bylines=tuple(found),
        speaker=speaker,
        blocks=tuple(blocks),
        jump=jump,
        continued_to=continued,
        captions=captions,
    )


@st.composite
def picture_stories(draw: st.DrawFn, topic: Topic, reporters: Sequence[str], rates: Rates) -> ArticleSpec:
    """A picture story: a title over a caption and its credit, no byline, no text."""
    rng = random.Random(draw(st.integers(0, 2**32 - 1), label="picture seed"))
    form = _choose(draw, CAPTION_FORMS[:8], rates, "picture story credit")  # a picture story names its photographer
    return ArticleSpec(title=draw(titles(topic)), captions=_captions(form, rng, reporters, topic, -1))


# --------------------------------------------------------------------------- layouts and pages


@st.composite
def article_layouts(
    draw: st.DrawFn,
    width: int | None = None,
    rates: Rates = Rates(),
) -> ArticleLayout:
    """How one article is printed: column width, headline position, OCR noise, column breaks."""
    return ArticleLayout(
        width=draw(st.sampled_from(range(26, 47, 2))) if width is None else width,
        head_after=draw(st.sampled_from((0, 0, 0, 1, 1, 2, 3))),
        halfwidth=draw(st.booleans()),
        digit_spaces=draw(st.booleans()),
        edge_spaces=draw(st.booleans()),
        para_gaps=draw(st.booleans()),
        headline_gaps=draw(st.booleans()),
        group_gap=draw(st.integers(0, 3)) > 0,
        breaks=tuple(draw(st.lists(st.integers(0, 60), max_size=4))),
        trailing_alone=draw(st.booleans()),
        subheading_gaps=draw(st.integers(0, 3)) > 0,
        seed=draw(st.integers(0, 2**16)),
        title_break=chance(draw, rates.title_break, "title over two lines"),
        byline_group_after=chance(draw, rates.byline_group_after, "heading-byline group after"),
        tight=chance(draw, rates.tight, "no blank line before"),
    )


@st.composite
def widths(draw: st.DrawFn, n: int, *, mixed: bool = True) -> tuple[int, ...]:
    """Column widths of a page's articles: most share the page's width, some differ (as on the seed pages)."""
    base = draw(st.sampled_from(range(26, 47, 2)))
    out = []
    for _ in range(n):
        delta = draw(st.sampled_from((0, 0, 0, 0, 2, -2, 4, -4, 8, -8, 16, -16))) if mixed else 0
        out.append(min(46, max(26, base + delta)))
    return tuple(out)


def _ends(a: ArticleSpec) -> bool:
    return a.jump is not None or a.byline("trailing") is not None


#: How the first paragraph of an article that its own headline heads may open: an editor's note, an item mark.
HEADS = ("编者按", "◆", "△")


def heads_itself(a: ArticleSpec) -> bool:
    """The article shows its start under any headline: a picture story, a column's item, an editor's note."""
    if not a.blocks:
        return bool(a.captions)
    return a.blocks[0].kind == "paragraph" and a.blocks[0].text.startswith(HEADS) and a.title is not None


def _continued(a: ArticleSpec, page: str) -> ArticleSpec:
    """The rest of an article continued from another page: a mark over its text, no headline, no lead."""
    blocks = tuple(b for b in a.blocks if not b.text.startswith(HEADS))
    return ArticleSpec(
        bylines=tuple(b for b in a.bylines if b.position == "trailing"),
        blocks=blocks or a.blocks,
        jump=a.jump,
        continued_to=a.continued_to,
        captions=tuple(c for c in a.captions if c.after < len(blocks)) if blocks else (),
        jump_from=f"（上接{page}）",
        continued_from=page,
    )


def _opens(a: ArticleSpec) -> bool:
    return a.byline("lead") is not None or a.byline("heading") is not None


def _news_lead(a: ArticleSpec) -> bool:
    first = next((b.text for b in a.blocks if b.kind == "paragraph"), "")
    return first[:1].isdigit() or first.startswith("记者")


def boundary_shown(page: PageSpec, i: int, slots: Sequence[int]) -> bool:
    """Whether the page shows that article ``i`` is not the article before it going on.

    A reader sees a new article start where its body opens with a lead byline
    or stands under a heading byline, where the previous article closed with
    a trailing byline or a jump, or where a headline cluster stands between
    the two bodies that cannot be an in-body subheading (two headline groups,
    a group of two or more lines, a profile line) or is followed by a dated
    news lead. A lone one-line headline between two bodies that show none of
    this reads exactly like an in-body subheading: that page is ambiguous.
    """
    a, prev = page.articles[i], page.articles[i - 1]
    if _opens(a) or _ends(prev):
        return True
    cluster = [j for j, s in enumerate(slots) if s == i]
    if not cluster:
        return False
    if len(cluster) >= 2 or heads_itself(a):
        return True
    if a.speaker is not None and slots[i] == i + 1:
        # an interview piece whose profile line and title follow its body: the
        # page prints headlines after their bodies, so the headline above is the
        # previous article's (issue 14: an article with no lead byline)
        return True
    head = page.articles[cluster[0]]
    return len(head.headline_lines) >= 2 or head.speaker is not None or _news_lead(a)


def _leadable(a: ArticleSpec) -> bool:
    """The article has no lead byline and has a paragraph one could open (not an item of a column)."""
    return (
        a.byline("lead") is None
        and a.jump_from is None
        and any(b.kind == "paragraph" and not b.text.startswith(HEADS[1:]) for b in a.blocks)
    )


def repaired(page: PageSpec, fallbacks: Sequence[BylineSpec]) -> PageSpec:
    """Give a lead byline to every article whose start the page would not show."""
    arts = list(page.articles)
    slots = headline_slots(page)
    for i, a in enumerate(arts):
        # A headline group with a heading byline after its body stands over the
        # next body: that body must open with a lead byline, or the group would
        # read as its headline (issue 14: the group stands before 本报讯（记者 X）).
        s = slots[i]
        if a.byline("heading") is not None and i < s < len(arts) and _leadable(arts[s]):
            # In reading order (the JSON contract's): a heading byline under its headline, then the lead.
            heading = tuple(b for b in arts[s].bylines if b.position == "heading")
            rest = tuple(b for b in arts[s].bylines if b.position != "heading")
            arts[s] = attrs.evolve(arts[s], bylines=(*heading, fallbacks[s], *rest))
    for i in range(1, len(arts)):
        cur = attrs.evolve(page, articles=tuple(arts))
        if not boundary_shown(cur, i, headline_slots(cur)) and _leadable(arts[i]):
            arts[i] = attrs.evolve(arts[i], bylines=(_credited_once(fallbacks[i], arts[i]), *arts[i].bylines))
    return attrs.evolve(page, articles=tuple(arts))


def _credited_once(lead: BylineSpec, a: ArticleSpec) -> BylineSpec:
    """The lead byline an article gets: one that names no one where its end credits people (本报讯 … （记者 X）).

    The press credits an article once: a dateline naming reporters and a
    closing credit naming others would be two articles.
    """
    trailing = a.byline("trailing")
    if trailing is None or not trailing.people or not lead.people:
        return lead
    return BylineSpec("本报讯", "lead", None, "本报", None, (), form="lead: 本报讯", gap=" ", printed="本报讯")


def settled(page: PageSpec) -> PageSpec | None:
    """Move each article to the nearest column width at which its body reads one way.

    A compositor who sees a paragraph break fall where the page would not
    show it reflows the column; here the article's width moves by a character
    or two. None when no width from 13 to 23 characters does.
    """
    layouts = []
    for article, layout in zip(page.articles, page.layouts, strict=True):
        near = sorted(range(26, 47, 2), key=lambda w: (abs(w - layout.width), w))
        found = None
        for lay in (layout, attrs.evolve(layout, subheading_gaps=True)):
            for w in near:
                cand = attrs.evolve(lay, width=w)
                if undecidable(article, cand, unwrapped=page.unwrapped) is None:
                    found = cand
                    break
            if found is not None:
                break
        if found is None:
            return None
        layouts.append(found)
    return attrs.evolve(page, layouts=tuple(layouts))


COLUMN_LABELS = ("{city}简讯", "要闻简报", "{city}短波", "{place}快讯")


@st.composite
def columns(draw: st.DrawFn, topic: Topic, reporters: Sequence[str], rates: Rates) -> list[ArticleSpec]:
    """A short-news column: a label over items that open with ◆ (one article), or items that open with △
    and each close with their own credit (（X）: each item an article, the label the first one's title)."""
    form = _choose(draw, COLUMN_FORMS, rates, "column form")
    label = draw(pick(COLUMN_LABELS)).format(city=topic.city, place=topic.place[:2])
    items = [draw(paragraphs(topic)) for _ in range(draw(st.integers(2, 3)))]
    if form == "column: ◆ items under a label":
        return [ArticleSpec(title=label, blocks=tuple(BlockSpec("paragraph", "◆" + t, form=form) for t in items))]
    rng = random.Random(draw(st.integers(0, 2**32 - 1), label="column seed"))
    out = []
    for k, text in enumerate(items):
        credit = _trailing("trailing: （X）", rng, reporters)
        block = BlockSpec("paragraph", "△" + text, form=form)
        out.append(ArticleSpec(title=label if k == 0 else None, bylines=(credit,), blocks=(block,)))
    return out


@st.composite
def furniture(draw: st.DrawFn, topic: Topic, rates: Rates) -> tuple[FurnitureSpec, ...]:
    """Page furniture the OCR kept: header lines at the top, an editors' or registration line at the bottom."""
    rng = random.Random(draw(st.integers(0, 2**32 - 1), label="furniture seed"))
    out: list[FurnitureSpec] = []
    if chance(draw, rates.of("header", "furniture: "), "header"):
        out.append(_header(_choose(draw, HEADER_FORMS, rates, "header form"), rng, topic))
    if chance(draw, rates.of("footer", "furniture: "), "footer"):
        out.append(_footer(_choose(draw, FOOTER_FORMS, rates, "footer form"), rng))
    return tuple(out)


@st.composite
def pages(
    draw: st.DrawFn,
    min_articles: int = 1,
    max_articles: int = 5,
    *,
    mixed_widths: bool = True,
    kinds: Sequence[str] = KINDS,
    rates: Rates = Rates(),
) -> PageSpec:
    """A page of articles with distinct topics, each with its own layout.

    Where a draw leaves the start of an article invisible (see
    [`boundary_shown`][strategies.boundary_shown]), the article gets a lead
    byline: two articles run together without any mark are ambiguous on
    paper too.
    """
    n = draw(st.integers(min_articles, max_articles))
    tops = draw(
        st.lists(
            topics(),
            min_size=n,
            max_size=n,
            unique_by=(
                lambda t: t.person,
                lambda t: t.place[:2],
                lambda t: t.theme,
                lambda t: t.city,
            ),
        )
    )
    reporters = draw(st.lists(names(), min_size=2, max_size=5, unique=True))
    interviews = chance(draw, rates.interview_page, "interview page")
    if interviews:
        kinds = ("interview", "interview", "plain")
    arts = [draw(articles(t, reporters, kinds, rates)) for t in tops]
    fallbacks = [draw(bylines("lead", reporters, t, rates)) for t in tops]
    layouts = [draw(article_layouts(w, rates)) for w in draw(widths(n, mixed=mixed_widths))]
    if interviews:
        layouts = [attrs.evolve(lay, head_after=1) for lay in layouts]
    if chance(draw, rates.of("column", "column: "), "short-news column"):
        at = draw(st.integers(0, n - 1))
        column = draw(columns(tops[at], reporters, rates))
        arts[at : at + 1] = column
        fallbacks[at : at + 1] = [fallbacks[at]] * len(column)
        layouts[at : at + 1] = [layouts[at]] * len(column)
    if chance(draw, rates.of("continued", "continued: "), "continued from another page"):
        arts[0] = _continued(arts[0], draw(st.sampled_from(("第一版", "第1版", "一版", "第2版"))))
    # a headline's own article, under it: a picture story, a column's items, an editor's note
    layouts = [
        attrs.evolve(lay, head_after=0) if heads_itself(a) else lay for a, lay in zip(arts, layouts, strict=True)
    ]
    page = PageSpec(
        articles=tuple(arts),
        layouts=tuple(layouts),
        unwrapped=chance(draw, rates.unwrapped, "unwrapped"),
        top_blank_lines=draw(st.sampled_from((0, 0, 0, 1, 3))),
        furniture=draw(furniture(tops[0], rates)),
    )
    laid_out = settled(repaired(page, fallbacks))
    assume(laid_out is not None)
    assert laid_out is not None
    return laid_out


# --------------------------------------------------------------------------- fixed draws

T = TypeVar("T")


@contextmanager
def source_blind() -> Iterator[None]:
    """Hypothesis draws, inside this block, without the literals of the source code it has seen.

    Hypothesis (6.131 on) now and then (p = 0.05 a choice) draws a constant
    instead of a random value: one of its own fixed list, or one of the
    literals it reads off the source of every non-test module imported so far
    (integers from 100 on, floats, strings of at most 20 characters). The
    seed of each page's text is such a choice (``st.integers(0, 2**32 - 1)``),
    so the pages of a fixed seed depended on which modules were imported (a
    script and pytest import different ones, and a draw later in a process
    sees more) and on every literal of the parser's source: a change of
    ``qhnews`` that parses every page the same changed the pages drawn.
    Inside the block that pool is empty: a draw depends on its seed and the
    strategies alone. Hypothesis's own list stays (it changes only with
    Hypothesis's version, as its generator does).
    """
    try:
        from hypothesis.internal.conjecture import providers
        from hypothesis.internal.constants_ast import Constants
    except ImportError:  # a Hypothesis older than the local constants
        yield
        return
    pool = providers._get_local_constants
    providers._get_local_constants = Constants
    providers.CONSTANTS_CACHE.cache.clear()  # the permitted constants of each kind of choice, cached with the pool
    try:
        yield
    finally:
        providers._get_local_constants = pool
        providers.CONSTANTS_CACHE.cache.clear()


def fixed_draw(strategy: st.SearchStrategy[T], count: int, draw_seed: int | None = None) -> list[T]:
    """``count`` examples of ``strategy``, the same ones in any process: derandomized, or the draw of ``draw_seed``.

    The settings start from Hypothesis's defaults, not the profile loaded
    (``conftest.py`` loads one under pytest), and the draw is
    [`source_blind`][strategies.source_blind]. The examples may repeat.
    """
    out: list[T] = []

    @settings(
        settings.get_profile("default"),
        max_examples=count,
        derandomize=draw_seed is None,
        database=None,
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(strategy)
    def collect(example: T) -> None:
        out.append(example)

    if draw_seed is not None:
        collect = seed(draw_seed)(collect)
    with source_blind():
        collect()
    return out
