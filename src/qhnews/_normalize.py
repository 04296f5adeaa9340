"""Stage 2, normalize: the text rules every string of the output goes through.

Each rule is a small function from text to a list of edits; the rules run in
the order of ``RULES``. ``normalize`` applies them; ``explain`` also records
every change and maps each output offset back to the source.

| rule | what it does |
|---|---|
| ``vertical_forms`` | vertical presentation forms (︵ ︶ ﹁ ﹂ ︰ …) become horizontal ones (（ ） 「 」 ： …) |
| ``unify_spaces`` | tabs, no-break spaces, U+3000 and other spaces become U+0020 |
| ``collapse_spaces`` | runs of spaces become one |
| ``fullwidth_punctuation`` | half-width ``, ( ) : ; ? !`` in Chinese text become full-width |
|  | (a comma or colon between two digits stays) |
| ``cjk_alnum_spaces`` | spaces between a Chinese character and a digit or Latin letter go |
| ``cjk_punct_spaces`` | spaces next to Chinese punctuation go |
| ``strip`` | spaces at the start and end of every line go |

A single space between two Chinese characters is kept; nothing else is
rewritten: characters stay in the page's own script, and 「」『』 stay.
Normalization is idempotent: ``normalize(normalize(s)) == normalize(s)``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

import attrs
import regex

from qhnews import _patterns as pat

__all__ = [
    "RULES",
    "VERTICAL_FORMS",
    "Change",
    "NormalizeOptions",
    "Normalized",
    "explain",
    "normalize",
]

#: Each vertical-text presentation form and the horizontal form it becomes. Unicode's
#: compatibility decomposition (NFKC) gives the half-width mark for some (︵ → "("), the
#: horizontal Chinese text uses the full-width one (（); each was checked by hand.
#: The rest of U+FE30–FE4F (sesame dots ﹅﹆, overlines ﹉–﹌, low lines ﹍–﹏) are
#: horizontal marks already and stay.
VERTICAL_FORMS: dict[str, str] = {
    "\ufe10": "，",  # ︐ vertical comma
    "\ufe11": "、",  # ︑ vertical ideographic comma
    "\ufe12": "。",  # ︒ vertical ideographic full stop
    "\ufe13": "：",  # ︓ vertical colon
    "\ufe14": "；",  # ︔ vertical semicolon
    "\ufe15": "！",  # ︕ vertical exclamation mark
    "\ufe16": "？",  # ︖ vertical question mark
    "\ufe17": "〖",  # ︗ vertical left white lenticular bracket
    "\ufe18": "〗",  # ︘ vertical right white lenticular bracket
    "\ufe19": "…",  # ︙ vertical horizontal ellipsis
    "\ufe30": "：",  # ︰ vertical two dot leader: the colon of vertical text
    "\ufe31": "—",  # ︱ vertical em dash
    "\ufe32": "–",  # ︲ vertical en dash
    "\ufe33": "＿",  # ︳ vertical low line
    "\ufe34": "﹏",  # ︴ vertical wavy low line
    "\ufe35": "（",  # ︵ vertical left parenthesis
    "\ufe36": "）",  # ︶ vertical right parenthesis
    "\ufe37": "｛",  # ︷ vertical left curly bracket
    "\ufe38": "｝",  # ︸ vertical right curly bracket
    "\ufe39": "〔",  # ︹ vertical left tortoise shell bracket
    "\ufe3a": "〕",  # ︺ vertical right tortoise shell bracket
    "\ufe3b": "【",  # ︻ vertical left black lenticular bracket
    "\ufe3c": "】",  # ︼ vertical right black lenticular bracket
    "\ufe3d": "《",  # ︽ vertical left double angle bracket
    "\ufe3e": "》",  # ︾ vertical right double angle bracket
    "\ufe3f": "〈",  # ︿ vertical left angle bracket
    "\ufe40": "〉",  # ﹀ vertical right angle bracket
    "\ufe41": "「",  # ﹁ vertical left corner bracket
    "\ufe42": "」",  # ﹂ vertical right corner bracket
    "\ufe43": "『",  # ﹃ vertical left white corner bracket
    "\ufe44": "』",  # ﹄ vertical right white corner bracket
    "\ufe47": "［",  # ﹇ vertical left square bracket
    "\ufe48": "］",  # ﹈ vertical right square bracket
}

_FULL = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！", "(": "（", ")": "）"}


@attrs.frozen
class NormalizeOptions:
    """Which normalization rules run. Every rule is on by default.

    Attributes:
        vertical_forms: Vertical presentation forms (︵ ﹁ ︰ …) become horizontal ones (（ 「 ： …).
        unify_spaces: Tabs, no-break spaces and U+3000 become plain spaces.
        collapse_spaces: Runs of spaces become one.
        fullwidth_punctuation: Half-width ``, ( ) : ; ? !`` in Chinese text become full-width.
        cjk_alnum_spaces: Spaces between Chinese and digits or Latin letters go.
        cjk_punct_spaces: Spaces next to Chinese punctuation go.
        strip: Spaces at the start and end of every line go.

    Examples:
        >>> normalize("7 月 10 日", NormalizeOptions(cjk_alnum_spaces=False))
        '7 月 10 日'
    """

    vertical_forms: bool = True
    unify_spaces: bool = True
    collapse_spaces: bool = True
    fullwidth_punctuation: bool = True
    cjk_alnum_spaces: bool = True
    cjk_punct_spaces: bool = True
    strip: bool = True


@attrs.frozen
class Change:
    """One edit a rule made.

    Attributes:
        rule: The rule's name.
        start: Offset in the source text where the replaced text began.
        end: Offset in the source text where it ended.
        before: The text replaced.
        after: What replaced it.
    """

    rule: str
    start: int
    end: int
    before: str
    after: str


@attrs.frozen
class Normalized:
    """The result of ``qhnews.explain``.

    Attributes:
        text: The normalized text.
        source: The text before normalization.
        changes: Every edit, in the order the rules made them; offsets point into ``source``.
        origins: For each offset of ``text`` (and one past its end), the offset of
            ``source`` it came from.
    """

    text: str
    source: str
    changes: tuple[Change, ...]
    origins: tuple[int, ...] = attrs.field(repr=False)

    def source_offset(self, offset: int) -> int:
        """Map an offset of the normalized text back to the source text.

        Examples:
            >>> n = explain("7 月")
            >>> n.text, n.source_offset(1)
            ('7月', 2)
        """
        if not 0 <= offset <= len(self.text):
            raise IndexError(f"offset {offset} outside 0..{len(self.text)}")
        return self.origins[offset]


# An edit in the coordinates of the text a rule sees: (start, end, replacement).
Edit = tuple[int, int, str]


def _regex_rule(
    pattern: regex.Pattern[str] | re.Pattern[str], repl: str, *, needs: str = ""
) -> Callable[[str], list[Edit]]:
    """The rule that replaces every match of ``pattern`` with ``repl``.

    ``needs``: a character every match holds (a space): a text without it is
    left without running the pattern, which the ``regex`` engine would try at
    every character.
    """

    def rule(text: str) -> list[Edit]:
        if needs and needs not in text:
            return []
        return [(m.start(), m.end(), repl) for m in pattern.finditer(text)]

    return rule


def _vertical_forms(text: str) -> list[Edit]:
    """Vertical presentation forms become the horizontal forms of ``VERTICAL_FORMS``."""
    return [(m.start(), m.end(), VERTICAL_FORMS[m.group()]) for m in pat.VERTICAL_FORM.finditer(text)]


@functools.lru_cache(maxsize=1 << 12)  # a page uses a few thousand characters; a pattern match costs more
def _is_cjk(ch: str) -> bool:
    return bool(ch) and pat.CJK_CHAR.match(ch) is not None


def _beside(text: str, i: int, step: int) -> str:
    """The first character from ``i`` on, in direction ``step``, that is not a space."""
    while 0 <= i < len(text) and text[i] == " ":
        i += step
    return text[i] if 0 <= i < len(text) else ""


def _fullwidth_punctuation(text: str) -> list[Edit]:
    """Half-width marks in Chinese text become full-width.

    Marks are taken in *runs*: maximal stretches of half-width marks and
    spaces. A run is in Chinese text when the character before or after it is
    Chinese; a bracket pair joins the runs its two brackets stand in (and is
    Chinese when it holds a Han character). Every mark of a Chinese run
    converts, so that the result is a fixed point: normalizing again changes
    nothing. A lone comma or colon between two digits (1,000 and 10:30) stays:
    a digit is no Chinese, and a run without a bracket joins no pair.
    """
    runs = [(m.start(), m.end()) for m in pat.MARK_RUN.finditer(text)]
    if not runs:
        return []
    chinese = [_is_cjk(_beside(text, s - 1, -1)) or _is_cjk(_beside(text, e, 1)) for s, e in runs]
    if "(" in text:
        chinese = _bracket_pairs_join(text, runs, chinese)
    edits: list[Edit] = []
    for (s, e), hot in zip(runs, chinese, strict=True):
        if hot:
            edits.extend((i, i + 1, _FULL[text[i]]) for i in range(s, e) if text[i] != " ")
    return edits


def _bracket_pairs_join(text: str, runs: list[tuple[int, int]], chinese: list[bool]) -> list[bool]:
    """Whether each run is Chinese once every bracket pair has joined the runs its two brackets stand in.

    The runs a pair joins are one group (a union-find over the runs); a group
    is Chinese when any of its runs stands beside Chinese or any of its pairs
    holds a Han character.
    """
    run_of = {i: r for r, (s, e) in enumerate(runs) for i in range(s, e) if text[i] != " "}
    parent = list(range(len(runs)))
    group = list(chinese)
    for m in pat.PAREN_PAIR.finditer(text):
        a, b = _root(parent, run_of[m.start()]), _root(parent, run_of[m.end() - 1])
        han = pat.HAN.search(m.group("inner")) is not None
        parent[a] = b
        group[b] = group[a] or group[b] or han
    roots = [_root(parent, r) for r in range(len(runs))]
    hot = [False] * len(runs)
    for r, root in enumerate(roots):
        hot[root] = hot[root] or group[r]
    return [hot[root] for root in roots]


def _root(parent: list[int], r: int) -> int:
    """The group of run ``r``: the root of its union-find tree, the path halved on the way."""
    while parent[r] != r:
        parent[r] = parent[parent[r]]
        r = parent[r]
    return r


#: The rules in the order they run: (name, function from text to edits).
RULES: tuple[tuple[str, Callable[[str], list[Edit]]], ...] = (
    ("vertical_forms", _vertical_forms),
    ("unify_spaces", _regex_rule(pat.OTHER_SPACE, " ")),
    ("collapse_spaces", _regex_rule(pat.SPACE_RUN, " ", needs=" ")),
    ("fullwidth_punctuation", _fullwidth_punctuation),
    ("cjk_alnum_spaces", _regex_rule(pat.SPACE_HAN_ALNUM, "", needs=" ")),
    ("cjk_punct_spaces", _regex_rule(pat.SPACE_PUNCT, "", needs=" ")),
    ("strip", _regex_rule(pat.LINE_EDGE_SPACES, "", needs=" ")),
)

_DEFAULT = NormalizeOptions()
#: The rules that change only what ``VERTICAL_OR_OTHER_SPACE`` finds: ``normalize`` runs neither on a text
#: it finds nothing in (most texts), one search where each rule would have searched the text.
_RARE_RULES = frozenset({"vertical_forms", "unify_spaces"})


def _apply(text: str, edits: list[Edit]) -> str:
    parts: list[str] = []
    pos = 0
    for s, e, r in edits:
        parts.append(text[pos:s])
        parts.append(r)
        pos = e
    parts.append(text[pos:])
    return "".join(parts)


def _check(text: object, fn: str) -> str:
    if not isinstance(text, str):
        raise TypeError(f"{fn}() takes str, not {type(text).__name__}")
    return text


def normalize(text: str, options: NormalizeOptions | None = None) -> str:
    """Apply the text rules to ``text``: half-width punctuation in Chinese text made full-width, stray spaces removed.

    The rules are listed, with examples, under "Normalization rules" in the
    documentation. Line breaks are kept; use ``qhnews.stages.reflow`` to join
    wrapped lines.

    Args:
        text: Any text.
        options: Which rules run (all, when None).

    Returns:
        The normalized text.

    Raises:
        TypeError: ``text`` is not a str.

    Examples:
        >>> normalize("第24 届青洽会将于7月20 日在西宁,浙江(主宾省)参会")
        '第24届青洽会将于7月20日在西宁，浙江（主宾省）参会'
        >>> normalize("团结奋斗  开拓进取 。1,000 人 10:30")
        '团结奋斗 开拓进取。1,000人10:30'
    """
    text = _check(text, "normalize")
    if pat.NOTHING_TO_NORMALIZE.match(text):
        return text
    opts = options or _DEFAULT
    rare = pat.VERTICAL_OR_OTHER_SPACE.search(text) is not None
    for name, rule in RULES:
        if getattr(opts, name) and (rare or name not in _RARE_RULES):
            edits = rule(text)
            if edits:
                text = _apply(text, edits)
    return text


def explain(text: str, options: NormalizeOptions | None = None) -> Normalized:
    """Normalize ``text`` and say what changed, where, and by which rule.

    Args:
        text: Any text.
        options: Which rules run (all, when None).

    Returns:
        The normalized text with its changes and an offset map to the source.

    Raises:
        TypeError: ``text`` is not a str.

    Examples:
        >>> for c in explain("好 , 7 月").changes:
        ...     print(c.rule, c.start, repr(c.before), repr(c.after))
        fullwidth_punctuation 2 ',' '，'
        cjk_alnum_spaces 5 ' ' ''
        cjk_punct_spaces 1 ' ' ''
        cjk_punct_spaces 3 ' ' ''
    """
    source = _check(text, "explain")
    opts = options or _DEFAULT
    origins = list(range(len(source) + 1))
    changes: list[Change] = []
    for name, rule in RULES:
        if not getattr(opts, name):
            continue
        edits = rule(text)
        if not edits:
            continue
        new_origins: list[int] = []
        pos = 0
        for s, e, r in edits:
            new_origins.extend(origins[pos:s])
            new_origins.extend([origins[s]] * len(r))
            changes.append(Change(name, origins[s], origins[e], source[origins[s] : origins[e]], r))
            pos = e
        new_origins.extend(origins[pos:])
        origins = new_origins
        text = _apply(text, edits)
    return Normalized(text, source, tuple(changes), tuple(origins))
