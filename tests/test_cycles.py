"""The parser makes no reference cycles: what a parse leaves behind is freed as soon as it is dropped.

``parse`` pauses the cyclic garbage collector while it runs (see "Threads and
the garbage collector" in the parsing guide). That pays only if nothing it
makes needs the collector: a cycle among its records (a walk that keeps a
bound method of itself, say) would keep every line and block of the page alive
until the next collection, and that collection would walk them all.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings

import qhnews
from render import RenderedPage, render
from strategies import pages

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def collector_paused() -> Iterator[None]:
    was = gc.isenabled()
    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _garbage_after_parsing(text: str) -> int:
    page = qhnews.parse(text)
    qhnews.page_to_dict(page)
    del page
    return gc.collect()


@pytest.mark.parametrize("path", sorted((ROOT / "seeds").glob("*.txt")), ids=lambda p: p.stem)
def test_a_sample_page_leaves_no_cycle(path: Path, collector_paused: None) -> None:
    assert _garbage_after_parsing(path.read_text(encoding="utf-8")) == 0


@settings(max_examples=30)
@given(pages().map(render))
def test_a_generated_page_leaves_no_cycle(page: RenderedPage) -> None:
    gc.collect()
    was = gc.isenabled()
    gc.disable()
    try:
        assert _garbage_after_parsing(page.text) == 0
    finally:
        if was:
            gc.enable()
