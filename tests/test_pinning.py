"""Every stepped options field is pinned: moved one step either way, it changes a fixture.

``fixtures/pinning/fields.list`` names, for each field of ReflowOptions,
AssembleOptions and RoleWeights that has a step (``metadata["step"]``) and
each direction, the fixture that comes out different when the field moves
(what the fixture's own test compares, see ``tests/pinning.py``). A threshold or weight
that can move without any fixture noticing is unpinned: a mutation of its
default would survive the suite. ``fixtures/pinning/pages.txt`` holds the
small pages (invented text) made for fields no other fixture pins; each
title names the fields it pins. ``scripts/mutation_pins.py map`` rewrites
the list; ``scripts/mutation_pins.py search`` looks for pages for the rest.
"""

from __future__ import annotations

import pytest

import qhnews
from fixtures import Case, cases
from pinning import Move, fields_file, fixtures, moves, pins, rendered

#: Moves no fixture pins, with the reason: a move that changes nothing anyone could see (equivalent)
#: says why beside it; any other is an expected failure until a page pins it. Every move is pinned now:
#: the assemble and role moves by the pages at the end of fixtures/pinning/pages.txt.
UNPINNED: dict[str, str] = {}

NAMED = dict(fields_file())
BY_ID = {f.id: f for f in fixtures()}


@pytest.mark.parametrize("case", cases("pinning"), ids=lambda c: c.id)
def test_a_pinning_page_reads_as_its_fixture_says(case: Case) -> None:
    assert rendered(qhnews.parse(case.input)) == case.expected, case.title


@pytest.mark.parametrize("move", moves(), ids=lambda m: f"{m.field}{m.direction:+d}")
def test_a_field_moved_one_step_changes_its_fixture(move: Move) -> None:
    key = f"{move.field}{move.direction:+d}"
    if key in UNPINNED:
        pytest.xfail(UNPINNED[key])
    assert move in NAMED, f"fixtures/pinning/fields.list names no fixture for {key}"
    fid = NAMED[move]
    assert fid in BY_ID, f"{key}: no fixture {fid!r} (renamed? run scripts/mutation_pins.py map)"
    assert pins(BY_ID[fid], move), f"{key} changes nothing in {fid}"


def test_the_list_names_only_fields_that_exist_and_unpinned_ones_are_not_named() -> None:
    known = set(moves())
    assert set(NAMED) <= known, sorted(m.field for m in set(NAMED) - known)
    named = {f"{m.field}{m.direction:+d}" for m in NAMED}
    assert not (named & set(UNPINNED)), sorted(named & set(UNPINNED))


def test_every_pinning_page_names_the_fields_it_pins() -> None:
    for case in cases("pinning"):
        words = case.title.split()
        assert words[0] == "Pins", f"{case.id}: a pinning page's title starts 'Pins' and names its fields"
        item = BY_ID[f"{case.file}: {case.title}"]
        for word in words[1:]:
            if word[-2:] in ("-1", "+1"):
                move = Move(word[:-2], int(word[-2:]))
                assert pins(item, move), f"{case.id} does not pin {word}"
