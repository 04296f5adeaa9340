"""The built documentation site, as the README builds it: signatures formatted over several lines.

``bash scripts/test`` builds the site with ``mkdocs build --strict`` and
points ``QHNEWS_SITE`` at it; without that variable (a quick ``pytest`` while
editing) these tests are skipped, since building the site takes a while.
"""

from __future__ import annotations

import html
import os
import re
from pathlib import Path

import pytest

SITE = os.environ.get("QHNEWS_SITE")
needs_site = pytest.mark.skipif(not SITE, reason="QHNEWS_SITE is not set: scripts/test sets it after the docs build")

_SIGNATURE = re.compile(r'<div class="doc-signature highlight"><pre>(.*?)</pre></div>', re.DOTALL)
_LINE_LENGTH = 60  # mkdocs.yml: line_length


def _signatures(page: str) -> list[str]:
    """The text of every separate signature block on a reference page of the built site."""
    assert SITE is not None
    path = Path(SITE) / "reference" / page / "index.html"
    assert path.is_file(), f"{path} was not built"
    blocks = _SIGNATURE.findall(path.read_text("utf-8"))
    return [html.unescape(re.sub(r"<[^>]+>", "", b)).strip("\n") for b in blocks]


@needs_site
def test_parse_signature_is_formatted_over_several_lines() -> None:
    (parse,) = [s for s in _signatures("parsing") if s.startswith("parse(")]
    lines = parse.splitlines()
    assert lines[0] == "parse("
    assert lines[-1].startswith(") -> ")
    assert "    options: ParseOptions | None = None," in lines
    assert "…" not in parse


@needs_site
@pytest.mark.parametrize("page", ["parsing", "records", "text", "output", "stages", "scaleout", "evaluation"])
def test_no_signature_line_is_cut_or_overlong(page: str) -> None:
    signatures = _signatures(page)
    assert signatures, f"reference/{page}: no signature blocks found"
    for signature in signatures:
        assert "…" not in signature
        for line in signature.splitlines():
            # a formatter keeps lines within line_length unless one name or annotation is longer
            assert len(line) <= _LINE_LENGTH or " " not in line.strip(), (page, line)
