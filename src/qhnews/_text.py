"""The text layer as one call: a page's text to its normalized, reflowed blocks."""

from __future__ import annotations

from qhnews._blocks import ReflowOptions, reflow
from qhnews._decode import decode, unify_newlines
from qhnews._lines import split_lines
from qhnews._normalize import NormalizeOptions
from qhnews._records import TextBlock

__all__ = ["normalize_page"]


def normalize_page(
    page: str | bytes,
    *,
    options: NormalizeOptions | None = None,
    reflow_options: ReflowOptions | None = None,
) -> tuple[TextBlock, ...]:
    r"""Decode, normalize and reflow a page into blocks: paragraphs and standalone lines.

    This is what ``qhnews normalize`` prints, one block per line.

    Args:
        page: Page text, or raw bytes to decode.
        options: Normalization rules.
        reflow_options: Reflow thresholds.

    Raises:
        TypeError: ``page`` is neither str nor bytes.
        DecodeError: ``page`` is bytes no supported encoding reads.

    Examples:
        >>> [b.text for b in normalize_page("浙江应邀作为主宾省组团\n参会 ,共话发展。")]
        ['浙江应邀作为主宾省组团参会，共话发展。']
    """
    if isinstance(page, (bytes, bytearray, memoryview)):
        text = decode(bytes(page)).text
    elif isinstance(page, str):
        text = unify_newlines(page)
    else:
        raise TypeError(f"normalize_page() takes str or bytes, not {type(page).__name__}")
    opts = options or NormalizeOptions()
    return reflow(split_lines(text, opts), reflow_options, opts)
