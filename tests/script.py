"""Generated pages in traditional characters, and in both scripts at once.

[`in_script`][script.in_script] rewrites a rendered page character by
character, its text and the articles the parser must return alike, so that
every property of ``test_properties.py`` holds for the page in the other
script too. A character is converted on its own (OpenCC's ``s2t`` table for
one character when the ``opencc`` package is there, else qhnews's own table
of cue characters), so the page keeps its layout: every line the same
length, every line the same width.

A *mixed* page converts the characters of one half of the code points and
keeps the rest: 本報讯（记者 X）, as pages set in both scripts, or OCR that
mixes them, give.
"""

from __future__ import annotations

import functools
from typing import Any

import attrs
from hypothesis import strategies as st

from qhnews._script import VARIANTS
from render import RenderedPage

__all__ = ["SCRIPTS", "in_script", "scripts", "traditional_char"]

#: The scripts a generated page is drawn in; simplified most often.
SCRIPTS = ("simplified", "simplified", "simplified", "traditional", "mixed")


@functools.cache
def _opencc() -> Any:
    try:
        import opencc
    except ImportError:
        return None
    return opencc.OpenCC("s2t")


#: Surnames that print the same in both scripts (``qhnews._script.SAME``): OpenCC's table for one
#: character gives 於, 餘, 範, 嶽, 塗, which a name does not take, and the generator cannot tell a name.
_KEPT = frozenset("于余范岳涂")


@functools.cache
def traditional_char(ch: str) -> str:
    """The traditional form of one character, or the character itself."""
    if ch in _KEPT:
        return ch
    cc = _opencc()
    if cc is not None and not ch.isspace():
        out = str(cc.convert(ch))
        if len(out) == 1:
            return out
    forms = VARIANTS.get(ch)
    return forms[1] if forms else ch


def _convert(text: str, mixed: bool) -> str:
    return "".join(traditional_char(c) if not mixed or ord(c) % 2 else c for c in text)


def _walk(value: Any, mixed: bool) -> Any:
    if isinstance(value, str):
        return _convert(value, mixed)
    if isinstance(value, tuple):
        return tuple(_walk(v, mixed) for v in value)
    if attrs.has(type(value)):
        return attrs.evolve(
            value, **{f.name: _walk(getattr(value, f.name), mixed) for f in attrs.fields(type(value)) if f.init}
        )
    return value


def in_script(r: RenderedPage, script: str) -> RenderedPage:
    """The rendered page in ``script`` ("simplified" leaves it as it is)."""
    if script == "simplified":
        return r
    mixed = script == "mixed"
    return attrs.evolve(r, text=_convert(r.text, mixed), expected=_walk(r.expected, mixed))


def scripts() -> st.SearchStrategy[str]:
    """The script a page is drawn in."""
    return st.sampled_from(SCRIPTS)
