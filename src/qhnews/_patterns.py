"""Every compiled pattern of qhnews, in one place.

Each pattern is linear-time on any input: no nested quantifiers, no
alternations that overlap under a quantifier, and every open-ended repeat is
bounded by a character class that its neighbour cannot also match. The
adversarial tests in ``tests/test_robustness.py`` hold them to that.
"""

from __future__ import annotations

import re

import regex

from qhnews._forms import DEFAULT as DEFAULT_FORMS
from qhnews._forms import NUMBER as _NUM
from qhnews._forms import OCR_CONFUSIONS, Forms, surname_pattern
from qhnews._script import either, forms

__all__ = [
    "ANNOUNCES",
    "ARTICLE_HEAD",
    "BYLINE_HEADING",
    "BYLINE_LEAD",
    "BYLINE_TRAILING",
    "CAPTION_LIKE",
    "CAPTION_OPEN",
    "CJK_CHAR",
    "CLAUSE_MARK",
    "CLOSERS",
    "DATE_LEAD",
    "FURNITURE",
    "FURNITURE_CHAR",
    "FURNITURE_EDITORS",
    "FURNITURE_HEADER",
    "FURNITURE_OTHER",
    "GOES_ON",
    "HAN",
    "HAN_SPACE",
    "JUMP_ENDS",
    "JUMP_FROM",
    "JUMP_TO",
    "KICKER_END",
    "KICKER_ONLY",
    "KICKER_TIME",
    "LEAD_MARK_LETTERS",
    "NOTE_LABEL",
    "NOTE_LINE",
    "NOT_ALNUM",
    "PARAGRAPH_OPENER",
    "PICTURE_MARK",
    "PLAIN_SUBTITLE",
    "QUOTED",
    "ROLE",
    "ROLE_CHAR",
    "SPACES",
    "SPEAKER",
    "STOPS",
    "SUBTITLE_WHO",
    "TURN_LABEL",
    "WHOLE_WORD_END",
    "WHO_DID_BARE",
    "WIDE",
    "WORD_TAIL",
    "clause_open",
    "dash_end",
    "goes_on",
    "kicker_only",
    "may_be_furniture",
    "opens_note",
    "opens_paragraph",
    "opens_turn",
    "sentence_end",
]

#: Chinese punctuation: the CJK symbols block, full-width forms, curly quotes,
#: ellipsis, em dash and the middle dot used in names and section labels.
_CJK_PUNCT = (
    "\u3001-\u303f"  # 、。〈〉《》「」『』【】〔〕…
    "\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65"  # ！（），：；？ …
    "\u2018\u2019\u201c\u201d"  # ‘ ’ “ ”
    "\u2026\u2014\u2015\u00b7\u2027\u30fb"  # … — ― · ‧ ・
)

#: A Han character.
HAN = regex.compile(r"\p{Han}")
#: A character of Chinese text: Han or Chinese punctuation.
CJK_CHAR = regex.compile(rf"[\p{{Han}}{_CJK_PUNCT}]")
#: The common Han characters, all of East Asian width W: tried first, before the width lookups, as most
#: characters of a page are among them.
_COMMON_HAN = r"\u4e00-\u9fff"  # escapes: no Han character in the source (the script table checks those)
#: A character that takes two display cells in a Chinese column.
WIDE = regex.compile(rf"[{_COMMON_HAN}{_CJK_PUNCT}\p{{ea=W}}\p{{ea=F}}]")
#: A run of wide characters (one match per run, not per character).
WIDE_RUN = regex.compile(rf"[{_COMMON_HAN}{_CJK_PUNCT}\p{{ea=W}}\p{{ea=F}}]+")
#: What counts as a space in OCR output.
SPACES = regex.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")

# --- cheap prefilters ---------------------------------------------------------
# Plain character classes run before (or instead of) the patterns they guard;
# the standard library's ``re`` scans a line of Chinese for one several times
# faster than ``regex`` or a set of characters does.
#: The cheap test before the heading-byline pattern, derived from the forms: a character every role
#: word holds one of, a credit's slash (X/文), or a mark opening the line (■X).
ROLE_CHAR = DEFAULT_FORMS.role_start
#: Page furniture has a colon or a slash, a weekday or a page number (or it is a letter-spaced
#: page name: ``spaced_name``): the first test before ``FURNITURE``.
FURNITURE_CHAR = re.compile(either("[：:/／星周版]"))


def spaced_name(text: str) -> bool:
    """A short line with a space after its first character (要 闻): maybe a letter-spaced page name."""
    return len(text) <= _SPACED_NAME_CHARS and text[1:2] == " "


#: A mark that ends a sentence or a clause of one: no heading holds one.
STOPS = re.compile("[。！？；]")
#: A clause mark of running text.
CLAUSE_MARK = re.compile("[，、；。,]")
#: A line that opens with one character and a clause mark: the tail of a word cut at the end of the line above.
WORD_TAIL = re.compile(f"[{_COMMON_HAN}][，、；。]")
#: Two phrases set apart by a space: headline idiom ("全面推进 着力打造…").
HAN_SPACE = regex.compile(r"\p{Han} \p{Han}")
#: A headline line that ends in one of these completes no phrase: the next line goes on with it
#: (a particle, a preposition or a conjunction, a comma, a dash).
GOES_ON = (*"的之与和及并或为对在把向从将被让给以于、，", *"與並為爲對從將讓給於", "——")  # both scripts
#: Words that end in a ``GOES_ON`` character but are no particle or preposition: nouns and verbs
#: that complete a phrase (大有作为, 全民参与, 无处不在, 正确方向).
_WHOLE_WORDS = (
    "作为行为有为无为目的参与平和温和祥和总和缓和普及存在现在所在实在自在潜在内在外在方向导向"
    "取向动向倾向志向意向风向转向服从老将名将主将转让礼让供给补给合并兼并相对绝对反对应对总之"
)
WHOLE_WORD_END = frozenset(_WHOLE_WORDS[i : i + 2] for i in range(0, len(_WHOLE_WORDS), 2))


def goes_on(text: str) -> bool:
    """A headline line that completes no phrase: it ends in a ``GOES_ON`` word or leaves a quote or 《 open.

    Examples:
        >>> goes_on("关于推进全民阅读的"), goes_on("在新征程上展现新作为")
        (True, False)
    """
    if text.endswith(GOES_ON):
        return text[-2:] not in WHOLE_WORD_END
    return text.count("“") > text.count("”") or text.count("《") > text.count("》")


#: A quoted stretch of a line (“…”), closed on that line.
QUOTED = regex.compile(r"“[^“”]*”")
#: Everything but letters and digits (the character bigrams of the headline attachment skip it).
NOT_ALNUM = regex.compile(r"[^\p{L}\p{N}]+")

# --- normalization ---------------------------------------------------------
#: Any space character other than U+0020.
OTHER_SPACE = re.compile(r"[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
#: A vertical-text presentation form (︵ ︶ ﹁ ﹂ ︰ …) that has a horizontal form.
VERTICAL_FORM = re.compile(r"[\ufe10-\ufe19\ufe30-\ufe44\ufe47\ufe48]")
#: A vertical form or a space other than U+0020: all that ``vertical_forms`` and ``unify_spaces`` change.
#: Most texts hold neither, which one search tells both rules.
VERTICAL_OR_OTHER_SPACE = re.compile(VERTICAL_FORM.pattern[:-1] + OTHER_SPACE.pattern[1:])
#: Text no rule changes: no space of any kind, no half-width , : ; ? ! ( ) and no vertical form.
NOTHING_TO_NORMALIZE = regex.compile(
    r"[^ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000,:;?!()\ufe10-\ufe19\ufe30-\ufe44\ufe47\ufe48]*+\Z"
)
#: A run of half-width punctuation marks (that may need to become full-width),
#: with the spaces between them; it starts and ends with a mark.
MARK_RUN = re.compile(r"[,:;?!()](?:[,:;?!() ]*[,:;?!()])?")
#: A bracketed run without nested brackets or line breaks.
PAREN_PAIR = regex.compile(r"\((?P<inner>[^()（）\n]*)\)")
#: Spaces between Chinese and a digit or Latin letter, in either order.
SPACE_HAN_ALNUM = regex.compile(r"(?<=\p{Han}) +(?=[0-9A-Za-z])|(?<=[0-9A-Za-z]) +(?=\p{Han})")
#: Spaces next to Chinese punctuation.
SPACE_PUNCT = regex.compile(rf"(?<=[{_CJK_PUNCT}]) +| +(?=[{_CJK_PUNCT}])")
#: Spaces at the start or end of a line.
LINE_EDGE_SPACES = regex.compile(r"^ +| +$", regex.MULTILINE)
#: A run of two or more spaces.
SPACE_RUN = regex.compile(r"  +")

# --- line ends ---------------------------------------------------------------
#: Closing marks that may follow a sentence end.
CLOSERS = "”’」』）》】〕\"')"
#: A line that ends a sentence: 。！？… possibly followed by closing marks, or
#: a colon or semicolon.
SENTENCE_END = regex.compile(r"(?:[。！？!?…]+[”’」』）》】〕\"')]*|[：；:;])$")
#: A line that ends in the middle of a clause (comma, enumeration comma, opener).
CLAUSE_OPEN = regex.compile(r"[，、,“‘「『（《【(]$")
#: A line ending with an em-dash pair, the mark of an in-body subheading.
DASH_END = regex.compile(r"(?:——|--|—)$")

_CLAUSE_OPENERS = frozenset("，、,“‘「『（《【(")


def _last(text: str) -> str:
    """The last character before an optional final newline (where ``$`` matches), or ''."""
    return text[-2:-1] if text.endswith("\n") else text[-1:]


_SENTENCE_ENDERS = tuple("。！？!?…")
_CLAUSE_STOPS = tuple("：；:;")


def sentence_end(text: str) -> bool:
    r"""``SENTENCE_END.search(text) is not None``, without running a search over a paragraph.

    Examples:
        >>> sentence_end("会议召开。”\n"), sentence_end("会议召开：\n"), sentence_end("会议召开，")
        (True, True, False)
    """
    line = text.removesuffix("\n")  # where ``$`` matches too
    return line.endswith(_CLAUSE_STOPS) or line.rstrip(CLOSERS).endswith(_SENTENCE_ENDERS)


def clause_open(text: str) -> bool:
    """``CLAUSE_OPEN.search(text) is not None``, without running a search over the line."""
    return _last(text) in _CLAUSE_OPENERS


_KICKER_ONLY_ENDS = forms("强调", "指出", "时要求", "之际", "前夕")


def kicker_only(text: str) -> bool:
    """``KICKER_ONLY.search(text) is not None``; the cheap end test first keeps long lines linear."""
    return text.removesuffix("\n").endswith(_KICKER_ONLY_ENDS) and KICKER_ONLY.search(text) is not None


#: 讯 and 电, in either script (and 讯 as OCR misreads it): a lead byline says one near its start.
LEAD_MARKS = forms("讯", "电", OCR_CONFUSIONS["讯"])


#: The letters a dateline's mark opens with, as a class: 讯 or 电, 消 (<X>日报消息), 】 (【…报道】), 报 (报道：).
LEAD_MARK_LETTERS = either("[" + "".join(LEAD_MARKS) + "消】报]")
#: 讯 or 电; or 消 (<X>日报消息) or 】 (【<country>《X报》N月N日报道】), the rarer datelines; or 报道：.
#: One class of first letters, 报 let through only before 道：: ``re`` skips in C to where a pattern that
#: opens with a class can match, where it tries an alternation (…]|报道) at every character (3x slower).
_LEAD_MARK = re.compile(LEAD_MARK_LETTERS + either("(?:(?<!报)|道[：:])"))


def says_lead_mark(head: str) -> bool:
    """The cheap test before ``BYLINE_LEAD``.

    True when ``head`` holds 讯 or 电 (or 訊, 電), 消, 】 or 报道：, or opens with a bracket (（记者 X）…).
    """
    return head.startswith(_BRACKETS) or _LEAD_MARK.search(head) is not None


#: A bracket that opens a lead byline with no outlet: （记者 X 通讯员 Y）….
_BRACKETS = ("（", "(")


def dash_end(text: str) -> bool:
    """``DASH_END.search(text) is not None``, without running a search over the line."""
    return text.removesuffix("\n").endswith(("—", "--"))


# --- bylines ------------------------------------------------------------------
# Built from the words of ``_forms.Forms`` (the defaults here; ParseOptions.forms
# for a paper that prints others).
#: A role word printed before names: 记者, 特约通讯员, 全媒体记者 …
ROLE = DEFAULT_FORMS.role
#: A lead byline at the start of a paragraph: 本报讯（记者 X）, 本报上海讯(记者 X Y),
#: 青海日报讯（记者 X）, 新华社北京7月10日电（记者 X）, 本报讯 通讯员X、记者Y报道：,
#: 【新华社北京十四日电】 in the square brackets of older pages.
BYLINE_LEAD = DEFAULT_FORMS.lead
#: A byline printed as a line of its own under a headline:
#: 文/图 本报记者 X, 本报记者 X Y, 图/文 X, 本报通讯员 X, ■解放军报记者 X.
BYLINE_HEADING = DEFAULT_FORMS.heading
#: A byline at the end of an article: （记者 X）, (通讯员 X Y), （本报记者 X、Y整理）.
BYLINE_TRAILING = DEFAULT_FORMS.trailing
#: One token inside a byline's people part: an outlet and role, a closer, a name.
PEOPLE_TOKEN = DEFAULT_FORMS.people_token

# --- jumps ----------------------------------------------------------------------
#: The page a jump names (第二版, 三版, A3版), and the number of the piece on it some papers print after it (第二版①).
_JUMP_PAGE = r"(?P<page>[^（）()\s]{1,8}?版)(?:[①-⑳]|\d{1,2})?"
#: The arrows a jump printed without brackets opens with: ▶下转第2版, >>>下转第2版; ◀上接第1版.
_JUMP_ARROW = r"(?:[▶►→]|>{1,3})"
_JUMP_BACK = r"(?:[◀◄←]|<{1,3})"
#: A continuation jump at the end of a paragraph: (下转三版), （转第2版）, （紧转第2版）, （下转第二版①）, ▶下转第2版,
#: 下转第2版 on a line of its own; and （全文见第五版）, the front page's pointer to the rest of the piece.
JUMP_TO = regex.compile(
    either(
        rf"\s*(?:[（(]\s*(?:(?:下|接|紧)?转(?:至)?|全文见)\s*{_JUMP_PAGE}\s*[)）]"
        rf"|{_JUMP_ARROW}\s*(?:下|紧)?转(?:至)?\s*{_JUMP_PAGE}"
        rf"|^下转\s*{_JUMP_PAGE})$"
    )
)
#: A continuation mark at the start of a paragraph: (上接一版), （紧接第2版）, ◀上接第2版, 上接第2版 on a line alone.
JUMP_FROM = regex.compile(
    either(
        rf"^(?:[（(]\s*(?:上|紧)?接(?:自)?\s*{_JUMP_PAGE}\s*[)）]"
        rf"|{_JUMP_BACK}\s*(?:上|紧)?接(?:自)?\s*{_JUMP_PAGE}"
        rf"|上接\s*{_JUMP_PAGE}(?=\s|$))\s*"
    )
)
#: How a jump printed without brackets ends (▶下转第2版), beside the closing bracket of the others.
JUMP_ENDS = ("版", "版\n")

# --- captions -----------------------------------------------------------------
#: How a photo caption opens: 图为…, 图：…, 上图…, 图1：…, ①….
_CAPTION_OPENS = r"(?:图为|图中|图[：:]|[上下左右]图[：:为]?|图\s*\d{1,2}\s*[：:、]|图?[①-⑩])"
CAPTION_OPEN = regex.compile(either("^" + _CAPTION_OPENS))

#: A picture's mark where the archive dropped the picture: （附图片）, （附图）, （图片）.
PICTURE_MARK = regex.compile(either(r"^[（(]附?图片?[)）]$"))
#: A caption that opens like one: 图为…, or under its picture's mark (（附图片）…).
CAPTION_LIKE = regex.compile(either(rf"^(?:{_CAPTION_OPENS}|[（(]附?图片?[)）])"))

# --- editor's notes and short items ------------------------------------------------
#: The label of an editor's note, printed on a line of its own over the note: 编者按：, 编者的话.
NOTE_LABEL = regex.compile(either(r"^(?:编者按语?|编者的话)[：:]?$"))
#: How an editor's note opens, in either script: 编者按, or 编者的话 (the editor's words), which many papers print.
NOTE_OPENS = forms("编者按", "编者的话")
#: A name printed alone, told by its surname (the default ``Forms.surnames``): a surname and one or two characters.
_NAME_BY_SURNAME = rf"{surname_pattern(Forms())}\p{{Han}}{{1,2}}"
#: A turn's label in a question-and-answer piece (问答): 问：, 答：, 记者：, 主持人：, or the speaker's name (张华：).
#: A name that says (张华说：, 李红称：) opens a quote in running text, no turn.
_SPEAKER_NAME = rf"{_NAME_BY_SURNAME}(?<![说称道讲])"
TURN_LABEL = regex.compile(either(rf"^(?:问|答|记者|主持人|{_SPEAKER_NAME})[：:]"))


def opens_turn(text: str) -> bool:
    """The line opens a turn of a question-and-answer piece with its speaker's label (记者：…, 张华：…)."""
    return ("：" in text[:5] or ":" in text[:5]) and TURN_LABEL.match(text) is not None


#: A line that opens an editor's note: 编者按…, or 编者的话 alone or before its colon or a space (a line of running text
#: wrapped there goes on: 编者的话所说，…).
NOTE_LINE = regex.compile(either(r"^(?:编者按|编者的话(?:$|[\s：:]))"))


def opens_note(text: str) -> bool:
    """The text opens an editor's note (``NOTE_LINE``), its label tested first: most lines open no note.

    Examples:
        >>> opens_note("编者按：本报今起推出系列报道。"), opens_note("编者的话所说，"), opens_note("会议指出，")
        (True, False, False)
    """
    return text.startswith(NOTE_OPENS) and NOTE_LINE.match(text) is not None


#: How only an article's head opens: an editor's note (编者按：…, 编者的话), an item of a short-news column (◆…, △…).
ARTICLE_HEAD = regex.compile(either(r"^(?:编者按|编者的话|[◆◇△▲])"))

# --- headline parts ---------------------------------------------------------------
#: A kicker's typical end: "X在Y调研时强调", "X指出".
KICKER_END = regex.compile(
    either(
        r"(?:强调|指出|表示|要求|提出|希望|寄语|说|时|之际|期间|前夕|侧记|纪实|综述|巡礼|速写|手记)"
        r"(?:\s|$)"
    )
)
#: A kicker that sets the time frame of the figures its title gives (地前三季度 / 地N项目到位资金N亿元;
#: …上半年, …今年以来, …五年来): no title ends so. Read only in headline groups (``LineShape.kicker_like``).
KICKER_TIME = regex.compile(either(r"\p{Han}(?:季度|半年|以来|年来)$"))
#: A line that can only be a kicker: it ends announcing what someone said, or it sets the occasion
#: of what its title says (…召开之际, …前夕): no title ends so.
KICKER_ONLY = regex.compile(either(r"\p{Han}{4,}(?:时|上|中)?(?:强调|指出)$|\p{Han}{4,}(?:时要求|之际|前夕)$"))
#: A subtitle printed without its dash that says whom a feature is about (记某村第一书记X, 访X)
#: or what kind of piece it is (…建设综述, …侧记).
PLAIN_SUBTITLE = regex.compile(either(r"^(?:记(?!者)|访)\p{Han}{2}|\p{Han}{2}(?:综述|侧记|纪实|巡礼|速写|手记|札记)$"))
#: A subtitle that says who did what: "陈刚主持并讲话", "X出席".
SUBTITLE_WHO = regex.compile(either(r"(?:主持|讲话|出席|致辞|会见|会谈|作报告|参加|发言|宣讲)\p{Han}{0,6}$"))
#: A line that says someone issued a notice or a statement (国务院办公厅发出通知, X发表声明): over a stack of
#: lines it frames what the notice says, the title under it; it is their kicker.
ANNOUNCES = regex.compile(either(r"(?:发出|发布|发表|印发|下发)(?:通知|公告|通告|声明|倡议书?|决定)$"))
#: A who-did line that ends on its verb, with no object (X主持并讲话, X出席): the press sets it under its
#: title; one with an object (X主持召开Y会议) may head the title as its kicker.
WHO_DID_BARE = regex.compile(either(r"(?:主持|讲话|出席|致辞|会见|会谈|作报告|参加|发言|宣讲)$"))
#: A profile line over an interview piece: "省人大代表、西宁市大通县委副书记、县长 周九".
SPEAKER = regex.compile(
    either(
        # The lookahead is a cheap necessary condition: 4 to 63 characters of titles
        # and role, spaces, a name, the end. It fails most lines within 64 characters
        # instead of trying every title length against every role.
        r"^(?=\S{4,63}\s+\p{Han}[\p{Han}·]{1,5}$)"
        r"(?P<titles>[\p{Han}A-Za-z0-9“”、·（）()]{2,60}?"
        r"(?:代表|委员|书记|县长|区长|市长|省长|州长|镇长|乡长|村长|主任|局长|厅长|部长|处长|科长|"
        r"经理|董事长|总裁|院长|校长|所长|站长|馆长|社长|会长|主席|教授|研究员|专家|负责人|"
        r"队长|班长|组长|行长|总监|总工|工程师|医生|教师|老师|党员|干部|居民|村民|群众|学生))"
        r"\s+(?P<name>\p{Han}[\p{Han}·]{1,5})$"
    )
)
#: The words of an editors' credit in the page's footer (责任编辑, 美编, 校对, 版式设计 …), longest first; a
#: paper may put 本版 before them (本版责编, 本版统筹).
_EDITOR_WORDS = (
    "责任编辑|值班编辑|值班编委|本版编辑|首席编辑|美术编辑|图片编辑|文字编辑|初审编辑|复审编辑|终审编辑"
    "|版式设计|版面设计|美术设计|图表制作|总值班|值班主任"
    "|责编|编辑|校对|版式|美编|组版|制图|审读|主编|排版|终审|复审|初审|三审|二审|一审|文检|编审|检校|视觉|设计|统筹"
)
_EDITOR = rf"(?:本版)?(?:{_EDITOR_WORDS})"
#: A name in an editors' credit printed without a colon, told by its surname: two to four Han characters.
_EDITOR_NAME = rf"(?!{_EDITOR_WORDS}){_NAME_BY_SURNAME}(?!\p{{Han}})"
_EDITOR_NAMES = rf"{_EDITOR_NAME}(?:[ \u3000、]+{_EDITOR_NAME}){{0,5}}"
#: Editors' credits: 责任编辑：X, 美术编辑：X 校对：X, 值班编委/X 本版编辑/X, 本版责编：X Y Z; without a colon,
#: each word a space before its names (责任编辑 X, 编辑 X 校对 Y): 编辑 alone before names is a byline's role
#: too (a closing （编辑 X）), so with no colon it needs a second credit after it.
FURNITURE_EDITORS = regex.compile(
    either(
        rf"^(?:{_EDITOR}\s*[：:/／]\s*\S.{{0,60}}"
        rf"|(?!编辑[ \u3000]){_EDITOR}[ \u3000]+{_EDITOR_NAMES}(?:[ \u3000]+{_EDITOR}[ \u3000]+{_EDITOR_NAMES}){{0,5}}"
        rf"|编辑[ \u3000]+{_EDITOR_NAMES}(?:[ \u3000]+{_EDITOR}[ \u3000]+{_EDITOR_NAMES}){{1,5}})$"
    )
)
_WEEKDAY = r"(?:星期|周)[一二三四五六日天]"
#: The weekday of the date of issue, bare or in closed brackets: a bracket left open (…5月1日（星期日)
#: is a sentence wrapped at the column edge, which the header never is.
_DAY_OF_ISSUE = rf"(?:[（(]{_WEEKDAY}[)）]|{_WEEKDAY})"
#: What the header prints after the date (the lunar date, the folio, the page name, the weather):
#: never a sentence mark, which a date in running text (…（星期日）起，每天…) is followed by.
_HEADER_REST = r"[^，。；！？,;!?]"
#: The names of the pages (版名) the header prints, letter-spaced there (要 闻): other two-character
#: lines with a space between are words (a credit's end, 逸 摄), not a page name.
PAGE_NAMES = (
    "要闻",
    "综合",
    "国内",
    "国际",
    "经济",
    "财经",
    "文化",
    "体育",
    "副刊",
    "评论",
    "理论",
    "时政",
    "城事",
    "社会",
    "民生",
    "法治",
    "专版",
    "专题",
    "教育",
    "科技",
    "健康",
    "旅游",
    "视点",
    "地方",
    "新闻",
    "国际新闻",
    "国内新闻",
    "综合新闻",
    "本地新闻",
)
_SPACED_PAGE_NAMES = "|".join(" ".join(name) for name in PAGE_NAMES)
#: The longest letter-spaced page name: the longest of ``PAGE_NAMES`` and a space after each of its
#: characters but the last (国 际 新 闻: seven characters).
_SPACED_NAME_CHARS = max(len(" ".join(name)) for name in PAGE_NAMES)
#: The page header or footer: a date line with its weekday, a folio (第3版, A3版,
#: 第03版：要闻, 第3版(要闻), 版次：03), a paper's name with its date, the masthead band
#: (今日16版 总第8123期 …), a letter-spaced page name (要 闻).
FURNITURE_HEADER = regex.compile(
    either(
        rf"^(?:(?:\S{{1,12}}\s*)?(?:{_NUM}年)?{_NUM}月{_NUM}日\s*(?:农历\S{{1,12}}\s*)?{_DAY_OF_ISSUE}{_HEADER_REST}{{0,30}}"
        rf"|(?:\S{{1,12}}\s*)?\d{{4}}[.\uff0e]\d{{1,2}}[.\uff0e]\d{{1,2}}\s*{_DAY_OF_ISSUE}{_HEADER_REST}{{0,20}}"
        rf"|[（(]{_WEEKDAY}[)）]"
        r"|第?\s*[A-Z]?\d{1,3}\s*版(?:(?:\s*[：:]\s*|\s+).{1,20}|[（(][^（）()]{1,12}[)）])?"
        r"|第[一二三四五六七八九十]{1,3}版(?:(?:\s*[：:]\s*|\s+).{1,20}|[（(][^（）()]{1,12}[)）])?"
        # the masthead band: 今日16版 总第8123期 星期二 …
        r"|(?:今日\s*\d{1,3}\s*版|总第\s*\d{1,6}\s*期)(?:\s.{0,60})?"
        # a page name letter-spaced in the header: 要 闻, 国 际 新 闻
        rf"|(?:{_SPACED_PAGE_NAMES})"
        r"|(?:版次|当前版|版名)\s*[：:]\s*\S{1,8}(?:\s.{0,20})?)$"
    )
)
#: Other furniture: the paper's registration numbers, hotlines, address, price.
FURNITURE_OTHER = regex.compile(
    either(
        r"^(?:国内统一刊号|国内统一连续出版物号|邮发代号|新闻热线|广告热线|订阅热线|发行热线|社址|本报地址|定价|零售价)"
        r"\s*[：:].{0,60}$"
    )
)
#: The letters an editors' credit opens with, in either script: with a space, the first test before ``FURNITURE``
#: of a credit printed without a colon (责任编辑 X).
_EDITOR_FIRSTS = frozenset(forms(*(word[0] for word in ("本版", *_EDITOR_WORDS.split("|")))))


def may_be_furniture(text: str) -> bool:
    """The cheap test before ``FURNITURE``.

    A colon, slash, weekday or 版 (``FURNITURE_CHAR``), a letter-spaced page
    name, or an editors' credit without a colon (its first letter and a space).

    Examples:
        >>> may_be_furniture("责任编辑 李东"), may_be_furniture("会议召开")
        (True, False)
    """
    return FURNITURE_CHAR.search(text) is not None or spaced_name(text) or (text[:1] in _EDITOR_FIRSTS and " " in text)


#: Page furniture that belongs to no article: editors' credits, the header, registration lines.
FURNITURE = regex.compile(
    f"(?:{FURNITURE_EDITORS.pattern})|(?:{FURNITURE_HEADER.pattern})|(?:{FURNITURE_OTHER.pattern})"
)
#: A news lead: the first sentence of a news article often opens with its date.
DATE_LEAD = regex.compile(
    either(
        r"^(?:\d{1,4}年)?\d{1,2}月\d{1,2}日(?:[至到—-]\d{1,2}日)?[，,、]"
        r"|^(?:[一二三四五六七八九十]{1,3}月)?(?:\d{1,2}|[一二三四五六七八九十]{1,3})日，"
        r"|^记者\S{0,12}?(?:获悉|了解到|从)"
    )
)
#: The words that open a news paragraph (see ``PARAGRAPH_OPENER``).
_OPENERS = (
    "此外|同时|与此同时|另外|随后|其间|目前|当前|近年来|今年以来|近日|日前|会上|会后|"
    "据了解|据悉|据介绍|据统计|据报道|记者了解到|会议强调|会议指出|会议要求|会议认为|会议决定"
)
#: The openers of a news paragraph: a connective that ties it to the paragraph before (此外，同时，), an
#: attribution (据了解，会议强调，) or a time frame (近年来，今年以来，), each set off by its comma. A paragraph
#: opens with them; a headline, a statement of its own, does not, and a column break seldom falls just before one.
PARAGRAPH_OPENER = regex.compile(either(f"^(?:{_OPENERS})[，,]"))
#: The letters a paragraph opener starts with, in either script.
_OPENER_FIRSTS = frozenset(forms(*(word[0] for word in _OPENERS.split("|"))))


def opens_paragraph(text: str) -> bool:
    """``PARAGRAPH_OPENER.match(text) is not None``, the first letter tested first (it runs on every seam)."""
    return text[:1] in _OPENER_FIRSTS and PARAGRAPH_OPENER.match(text) is not None


#: The labels the press prints over a commentary's or a feature's title (社论 over the title of an
#: editorial): the kind of piece, not its subject.
COLUMN_LABELS = (
    "社论",
    "本报评论员",
    "本报特约评论员",
    "特约评论员",
    "评论员文章",
    "编辑部文章",
    "短评",
    "时评",
    "述评",
    "快评",
    "新闻述评",
    "新闻分析",
    "编者的话",
    "记者专访",
    "专题特写",
    "年终专稿",
)
_LETTER_SPACE = "[ \u3000]*"
#: A section (column) label: short, often two phrases joined by a middle dot (尊师重教·感念师恩); a
#: commentary's label (社论, 本报评论员, letter-spaced or not); a series' number (…观察之三, 来自X的报道之二);
#: a label in brackets (【民生关注】).
SECTION_DOT = regex.compile(
    either(
        r"^[\p{Han}“”]{2,10}[·•・][\p{Han}“”]{2,10}$"
        # a short label is often letter-spaced (社 论, 短 评)
        rf"|^(?:{'|'.join(_LETTER_SPACE.join(label) for label in COLUMN_LABELS)})$"
        r"|^[\p{Han}“”]{2,14}之[一二三四五六七八九十\d]{1,3}$"
        # a label set in lenticular or square brackets (【民生关注】, ［X］), as metro papers print their columns
        r"|^[【［][\p{Han}·“”]{2,12}[】］]$"
    )
)
