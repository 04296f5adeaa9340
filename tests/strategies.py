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
from collections.abc import Sequence

import attrs
from hypothesis import assume
from hypothesis import strategies as st

from render import (
    ArticleLayout,
    ArticleSpec,
    BlockSpec,
    BylineSpec,
    PageSpec,
    PersonSpec,
    SpeakerSpec,
    headline_slots,
    undecidable,
)

__all__ = [
    "Rates",
    "article_layouts",
    "articles",
    "bylines",
    "names",
    "pages",
    "paragraphs",
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
    """

    unwrapped: float = 1 / 6
    bare: float = 1 / 4
    interview_page: float = 1 / 12
    byline_group_after: float = 1 / 2
    title_break: float = 1 / 2
    tight: float = 1 / 8
    undashed: float = 1 / 2

    def __attrs_post_init__(self) -> None:
        for name, value in attrs.asdict(self).items():
            if not 0.0 <= value <= 1.0:
                raise ValueError(f"Rates.{name} is a chance from 0 to 1, not {value}")


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
    if kind == 1:
        return f"{topic.person}{draw(pick(('主持并讲话', '出席', '讲话')))}"
    dash = "" if chance(draw, (rates or Rates()).undashed, "subtitle without ——") else "——"
    if kind == 2:
        return f"{dash}记{topic.place}{topic.office}{topic.person}"
    if kind == 3:
        return f"{dash}访{topic.agency}负责人{topic.person}"
    return f"{dash}{topic.place}{draw(pick(VERBS))}{topic.theme}建设综述"


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


@st.composite
def bylines(draw: st.DrawFn, position: str, reporters: Sequence[str], topic: Topic) -> BylineSpec:
    """A byline of any form the parser knows, at ``position`` ("lead", "heading", "trailing")."""
    if position == "lead":
        form = draw(st.integers(0, 3))
        role = draw(pick(("记者", "记者", "特约记者", "通讯员")))
        ps = draw(people(reporters, role))
        inner = _people_text(ps)
        if form == 0:
            return BylineSpec(f"本报讯（{inner}）", "lead", None, "本报", None, ps)
        if form == 1:
            return BylineSpec(f"本报{topic.city}讯（{inner}）", "lead", None, "本报", topic.city, ps)
        if form == 2:
            outlet = topic.city + "日报"
            return BylineSpec(f"{outlet}讯（{inner}）", "lead", None, outlet, None, ps)
        return BylineSpec(f"本报讯（{inner}）", "lead", None, "本报", None, ps)
    if position == "heading":
        credit = draw(st.sampled_from(("文/图", "文", "图", None)))
        ps = draw(people(reporters, "记者"))
        inner = _people_text(ps, house=True)
        text = f"{credit} {inner}" if credit else inner
        return BylineSpec(text, "heading", credit, "本报", None, ps)
    role = draw(pick(("记者", "记者", "通讯员", "特约记者")))
    ps = draw(people(reporters, role))
    house = draw(st.booleans()) and role == "记者"
    return BylineSpec(f"（{_people_text(ps, house)}）", "trailing", None, "本报" if house else None, None, ps)


# --------------------------------------------------------------------------- articles


#: The kinds of article, news reports twice as often as the others.
KINDS = ("news", "news", "feature", "interview", "plain")


@st.composite
def articles(
    draw: st.DrawFn,
    topic: Topic | None = None,
    reporters: Sequence[str] | None = None,
    kinds: Sequence[str] = KINDS,
    rates: Rates = Rates(),
) -> ArticleSpec:
    """One article: headline parts, bylines, paragraphs and subheadings, maybe a jump.

    Kinds, as the seed pages show them: a news report (lead byline, dated
    lead), a feature (heading byline under its headline), an interview or
    speech piece (profile line over the title, trailing byline), and a plain
    piece (trailing byline or none).
    """
    topic = topic or draw(topics())
    reporters = reporters or draw(st.lists(names(), min_size=1, max_size=4, unique=True))
    kind = draw(pick(kinds))
    n_paras = draw(st.integers(1, 6))
    paras = [draw(paragraphs(topic, lead=k == 0, news=kind == "news")) for k in range(n_paras)]
    if kind == "news" and draw(st.integers(0, 3)) == 0:
        paras.append(draw(closings(topic)))
    blocks = [BlockSpec("paragraph", p) for p in paras]
    if n_paras >= 3 and draw(st.integers(0, 2)) == 0:
        at = draw(st.integers(1, n_paras - 1))
        blocks.insert(at, BlockSpec("subheading", draw(subheadings(topic))))
    title = draw(titles(topic))
    kicker = section = speaker = None
    subs: tuple[str, ...] = ()
    shape = draw(st.integers(0, 5))
    if kind == "interview":
        speaker = draw(speakers(topic))
    elif shape == 1:
        kicker = draw(kickers(topic))
    elif shape == 2:
        subs = (draw(subtitles(topic, rates)),)
    elif shape == 3:
        kicker = draw(kickers(topic))
        subs = (draw(subtitles(topic, rates)),)
    elif shape == 4 and kind == "feature":
        section = draw(sections())
    found: list[BylineSpec] = []
    if kind == "news":
        found.append(draw(bylines("lead", reporters, topic)))
    elif kind == "feature":
        found.append(draw(bylines("heading", reporters, topic)))
    jump = None
    if kind in ("news", "feature") and draw(st.integers(0, 5)) == 0:
        page = draw(st.sampled_from(CN_DIGITS[1:])) + "版"
        jump = draw(st.sampled_from((f"（下转{page}）", f"（转{page}）", f"（下转第{draw(st.integers(2, 16))}版）")))
    elif kind in ("interview", "plain") and not chance(draw, rates.bare, "no byline"):
        found.append(draw(bylines("trailing", reporters, topic)))
    continued = None
    if jump is not None:
        continued = jump[jump.index("转") + 1 : -1]
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
    )


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
    if len(cluster) >= 2:
        return True
    if a.speaker is not None and slots[i] == i + 1:
        # an interview piece whose profile line and title follow its body: the
        # page prints headlines after their bodies, so the headline above is the
        # previous article's (issue 14: an article with no lead byline)
        return True
    head = page.articles[cluster[0]]
    return len(head.headline_lines) >= 2 or head.speaker is not None or _news_lead(a)


def repaired(page: PageSpec, fallbacks: Sequence[BylineSpec]) -> PageSpec:
    """Give a lead byline to every article whose start the page would not show."""
    arts = list(page.articles)
    slots = headline_slots(page)
    for i, a in enumerate(arts):
        # A headline group with a heading byline after its body stands over the
        # next body: that body must open with a lead byline, or the group would
        # read as its headline (issue 14: the group stands before 本报讯（记者 X）).
        s = slots[i]
        if a.byline("heading") is not None and i < s < len(arts) and arts[s].byline("lead") is None:
            # In reading order (the JSON contract's): a heading byline under its headline, then the lead.
            heading = tuple(b for b in arts[s].bylines if b.position == "heading")
            rest = tuple(b for b in arts[s].bylines if b.position != "heading")
            arts[s] = attrs.evolve(arts[s], bylines=(*heading, fallbacks[s], *rest))
    for i in range(1, len(arts)):
        cur = attrs.evolve(page, articles=tuple(arts))
        if not boundary_shown(cur, i, headline_slots(cur)):
            arts[i] = attrs.evolve(arts[i], bylines=(fallbacks[i], *arts[i].bylines))
    return attrs.evolve(page, articles=tuple(arts))


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
    fallbacks = [draw(bylines("lead", reporters, t)) for t in tops]
    layouts = tuple(draw(article_layouts(w, rates)) for w in draw(widths(n, mixed=mixed_widths)))
    if interviews:
        layouts = tuple(attrs.evolve(lay, head_after=1) for lay in layouts)
    page = PageSpec(
        articles=tuple(arts),
        layouts=layouts,
        unwrapped=chance(draw, rates.unwrapped, "unwrapped"),
        top_blank_lines=draw(st.sampled_from((0, 0, 0, 1, 3))),
    )
    laid_out = settled(repaired(page, fallbacks))
    assume(laid_out is not None)
    assert laid_out is not None
    return laid_out
