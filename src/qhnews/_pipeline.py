"""The pipeline: the stage order, written down once.

    decode → normalize → lines → blocks → classify → assemble → export

Each stage is a pure function of the stage before it; [`parse`][qhnews.parse]
runs them in this order and [`Page`][qhnews.Page] keeps the decoded text all
spans point into.
"""

from __future__ import annotations

import gc

import attrs

from qhnews._assemble import AssembleOptions, assemble
from qhnews._blocks import ReflowOptions, analyse, reflow_analysed
from qhnews._classify import classify
from qhnews._decode import decode, unify_newlines
from qhnews._lines import split_lines
from qhnews._normalize import NormalizeOptions
from qhnews._records import Page

__all__ = ["STAGES", "ParseOptions", "parse"]

STAGES: tuple[str, ...] = ("decode", "normalize", "lines", "blocks", "classify", "assemble", "export")
"""The pipeline's stages in the order the data flows, one private module each."""


@attrs.frozen
class ParseOptions:
    """Every setting of the parser, in one immutable record.

    Attributes:
        normalize: Which text rules run on every string.
        reflow: Thresholds of the text layer.
        assemble: Weights of the headline attachment.

    Examples:
        >>> ParseOptions(normalize=NormalizeOptions(fullwidth_punctuation=False)).normalize.strip
        True
    """

    normalize: NormalizeOptions = attrs.field(factory=NormalizeOptions)
    reflow: ReflowOptions = attrs.field(factory=ReflowOptions)
    assemble: AssembleOptions = attrs.field(factory=AssembleOptions)


_DEFAULT = ParseOptions()


def parse(page: str | bytes, *, source: str | None = None, options: ParseOptions | None = None) -> Page:
    r"""Parse the OCR text of one newspaper page into articles.

    Args:
        page: The page text, or its raw bytes (decoded as [`decode`][qhnews.decode] says).
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
    # The pipeline makes no reference cycles, only many small records; the
    # cyclic collector would walk all of them again and again on a large page.
    collecting = gc.isenabled()
    gc.disable()
    try:
        lines = split_lines(text, opts.normalize)
        infos = analyse(lines, opts.reflow)
        columns = {i.line.number: i.column for i in infos}
        blocks = reflow_analysed(infos, opts.reflow, opts.normalize)
        units = classify(blocks, columns)
        result = assemble(units, opts.assemble)
    finally:
        if collecting:
            gc.enable()
    return Page(
        articles=result.articles,
        page_headings=result.page_headings,
        leftovers=result.leftovers,
        diagnostics=result.diagnostics,
        source=source,
        text=text,
    )
