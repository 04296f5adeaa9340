"""The pipeline: the stage order, written down once.

    decode → lines (normalized) → cues → blocks → classify → assemble → export

[`parse`][qhnews.parse] decodes the page and runs the stages of
[`STAGES`][qhnews.STAGES] in order, each a pure function of the stage before
it and the options; [`Page`][qhnews.Page] keeps the decoded text all spans
point into. Export (JSON, Markdown, Parquet) reads the ``Page``.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from typing import Any

import attrs

from qhnews._assemble import Assembled, AssembleOptions, assemble
from qhnews._blocks import ReflowOptions, blocks
from qhnews._classify import classify
from qhnews._cues import analyse
from qhnews._decode import decode, unify_newlines
from qhnews._forms import Forms
from qhnews._lines import split_lines
from qhnews._normalize import NormalizeOptions
from qhnews._records import Page

__all__ = ["STAGES", "ParseOptions", "Stage", "page_of", "parse"]


@attrs.frozen
class ParseOptions:
    r"""Every setting of the parser, in one immutable record.

    Attributes:
        normalize: Which text rules run on every string.
        reflow: Thresholds of the text layer.
        assemble: Weights of the headline attachment.
        forms: The words bylines and datelines are read with: roles, outlets,
            credits (extend them for a paper that prints others).

    Examples:
        >>> ParseOptions(normalize=NormalizeOptions(fullwidth_punctuation=False)).normalize.strip
        True
        >>> opts = ParseOptions(forms=Forms().extend(roles=("主笔",)))
        >>> [(p.role, p.name) for p in parse("本报讯（主笔 王五）开会。", options=opts).articles[0].bylines[0].people]
        [('主笔', '王五')]
    """

    normalize: NormalizeOptions = attrs.field(factory=NormalizeOptions)
    reflow: ReflowOptions = attrs.field(factory=ReflowOptions)
    assemble: AssembleOptions = attrs.field(factory=AssembleOptions)
    forms: Forms = attrs.field(factory=Forms)


_DEFAULT = ParseOptions()


@attrs.frozen
class Stage:
    """One stage of the pipeline: a name and a pure function of the stage before and the options.

    Attributes:
        name: The stage's name, as the docs and ``qhnews parse --explain`` call it.
        run: The stage function.
        doc: What the stage does, in one line.
    """

    name: str
    run: Callable[[Any, ParseOptions], Any] = attrs.field(repr=False)
    doc: str = attrs.field(repr=False)


STAGES: tuple[Stage, ...] = (
    Stage("lines", lambda text, o: split_lines(text, o.normalize), "split the text into lines, each normalized"),
    Stage("cues", lambda lines, o: analyse(lines, o.reflow, o.forms), "read every line's cues: column, ending, form"),
    Stage("blocks", lambda infos, o: blocks(infos, o.reflow, o.normalize, o.forms), "reflow lines into paragraphs"),
    Stage("classify", lambda bs, o: classify(bs, o.forms, o.reflow), "say what each block is"),
    Stage("assemble", lambda units, o: assemble(units, o.assemble), "cut the page into articles"),
)
"""The stages ``parse`` runs on the decoded text, in the order the data flows."""


def parse(page: str | bytes, *, source: str | None = None, options: ParseOptions | None = None) -> Page:
    r"""Parse the OCR text of one newspaper page into articles.

    Args:
        page: The page text, or its raw bytes (decoded by a byte-order mark, else as UTF-8, else GB18030).
        source: A name for the page (its file name), kept in the result.
        options: Parser settings (the defaults, when None).

    Returns:
        The page's articles, banners and leftovers. Every non-blank line of the
        input is in an article, a page heading or a leftover.

    Raises:
        TypeError: ``page`` is neither str nor bytes.
        DecodeError: ``page`` is bytes that no supported encoding reads.

    Note:
        The cyclic garbage collector is paused while a page is parsed and
        switched back on afterwards: a process-wide effect that threads share
        (see "Threads and the garbage collector" in the parsing guide).

    Examples:
        >>> page = parse("本报讯（记者 王五）7 月 10 日，开会。\n\n会议召开")
        >>> a = page.articles[0]
        >>> a.title, a.bylines[0].people[0].name, a.blocks[0].text
        ('会议召开', '王五', '7月10日，开会。')
    """
    if isinstance(page, (bytes, bytearray, memoryview)):
        text = decode(bytes(page), source).text
    elif isinstance(page, str):
        text = unify_newlines(page)
    else:
        raise TypeError(f"parse() takes str or bytes, not {type(page).__name__}")
    opts = options or _DEFAULT
    # The pipeline makes no reference cycles (tests/test_cycles.py), only many small records; the
    # cyclic collector would walk all of them again and again on a large page.
    collecting = gc.isenabled()
    gc.disable()
    try:
        value: Any = text
        for stage in STAGES:
            value = stage.run(value, opts)
        result = value
    finally:
        if collecting:
            gc.enable()
    return page_of(result, text, source)


def page_of(result: Assembled, text: str, source: str | None = None) -> Page:
    """The ``Page`` of an assembled page and the text it was parsed from."""
    return Page(
        articles=result.articles,
        page_headings=result.page_headings,
        leftovers=result.leftovers,
        diagnostics=result.diagnostics,
        source=source,
        text=text,
        furniture=result.furniture,
    )
