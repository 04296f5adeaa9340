"""What pinning an options field means: a fixture that changes when the field moves one step.

Every field of ReflowOptions, AssembleOptions and RoleWeights with a step
(``metadata["step"]``) moves one step down and one step up; a fixture pins
the move when what qhnews makes of it changes: a page (``qhnews.parse``, its
JSON: articles, spans, reason codes, confidences), a headline group
(``read_headline``: roles, shape and terms, as ``fixtures/headline`` prints
them) or a body text (its kind and rule, as ``fixtures/body`` prints them).
``fixtures/pinning/fields.list`` names the fixture that pins each move.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs

import qhnews
from fixtures import FIXTURES, cases, page_outline
from qhnews import AssembleOptions, ParseOptions, ReflowOptions, RoleWeights
from qhnews._boundary import BODY_KIND, PARAGRAPH, Text
from qhnews._headline import read_headline
from qhnews._rules import first_verdict
from qhnews.stages import normalize_page
from test_assemble_rules import headline_group, rendered_page, rendered_reading
from test_layouts import contract

FIELDS_FILE = FIXTURES / "pinning" / "fields.list"
RECORDS: dict[str, type] = {"reflow": ReflowOptions, "assemble": AssembleOptions, "roles": RoleWeights}
#: The fixture kinds read as whole pages.
PAGE_KINDS = ("pinning", "boundary", "pages", "reflow", "layouts")


@attrs.frozen
class Move:
    """One stepped field moved one step: ``field`` is ``record.name``, ``direction`` -1 or +1."""

    field: str
    direction: int

    @property
    def value(self) -> Any:
        record, name = self.field.split(".")
        f = attrs.fields_dict(RECORDS[record])[name]
        value = f.default + self.direction * f.metadata["step"]
        return round(value, 6) if isinstance(value, float) else value

    def options(self) -> ParseOptions:
        record, name = self.field.split(".")
        if record == "reflow":
            return ParseOptions(reflow=attrs.evolve(ReflowOptions(), **{name: self.value}))
        return ParseOptions(assemble=self.assemble())

    def assemble(self) -> AssembleOptions:
        record, name = self.field.split(".")
        if record == "assemble":
            return attrs.evolve(AssembleOptions(), **{name: self.value})
        if record == "roles":
            return AssembleOptions(roles=attrs.evolve(RoleWeights(), **{name: self.value}))
        return AssembleOptions()


@attrs.frozen
class Pinnable:
    """A fixture's input and its kind: how its test reads it (a page kind, ``headline`` or ``body``)."""

    kind: str
    id: str
    text: str

    def with_text(self, text: str) -> Pinnable:
        return attrs.evolve(self, text=text)

    def with_kind(self, kind: str) -> Pinnable:
        return attrs.evolve(self, kind=kind)


def moves() -> list[Move]:
    out = []
    for record, cls in RECORDS.items():
        for f in attrs.fields(cls):
            if "step" in f.metadata:
                out += [Move(f"{record}.{f.name}", -1), Move(f"{record}.{f.name}", 1)]
    return out


def fixtures() -> list[Pinnable]:
    """Every fixture input that can pin a field, the handmade pinning pages first."""
    out = [Pinnable(kind, f"{c.file}: {c.title}", c.input) for kind in PAGE_KINDS[:-1] for c in cases(kind)]
    for path in sorted((FIXTURES / "layouts").glob("*.txt")):
        out.append(Pinnable("layouts", f"layouts/{path.name}", path.read_text("utf-8")))
    out += [Pinnable("headline", f"{c.file}: {c.title}", c.input) for c in cases("headline")]
    out += [Pinnable("body", f"{c.file}: {c.title}", c.input) for c in cases("body")]
    return out


def rendered(page: qhnews.Page) -> str:
    """A pinning page as its fixture shows it: the outline, then each article's rules and confidence."""
    return page_outline(page) + "\n\n" + rendered_page(page)


def _page(kind: str, text: str, options: ParseOptions | None) -> str:
    opts = options or ParseOptions()
    if kind == "reflow":
        blocks = normalize_page(text, options=opts.normalize, reflow_options=opts.reflow)
        return "\n".join(b.text for b in blocks)
    page = qhnews.parse(text, options=opts)
    if kind == "boundary":
        return rendered_page(page)
    if kind == "pages":
        return page_outline(page)
    if kind == "layouts":
        return json.dumps(contract(qhnews.page_to_dict(page)), ensure_ascii=False, sort_keys=True)
    return rendered(page)


def _headline(text: str, options: AssembleOptions) -> str:
    return rendered_reading(read_headline(headline_group(text), options.roles))


def _body(text: str, options: AssembleOptions) -> str:
    return repr(first_verdict(BODY_KIND, Text(text, options), ("paragraph", PARAGRAPH)))


@functools.lru_cache(maxsize=4096)
def _default(kind: str, text: str) -> str:
    return _read(kind, text, None)


def _read(kind: str, text: str, move: Move | None) -> str:
    readers: dict[str, Callable[[str, Any], str]] = {"headline": _headline, "body": _body}
    if kind in PAGE_KINDS:
        return _page(kind, text, move.options() if move else None)
    return readers[kind](text, move.assemble() if move else AssembleOptions())


def pins(item: Pinnable, move: Move) -> bool:
    """Whether the fixture comes out different with the field moved."""
    if item.kind in ("headline", "body") and move.field.startswith("reflow."):
        return False  # a headline group or body text is read past the reflow
    return _read(item.kind, item.text, move) != _default(item.kind, item.text)


def fields_file() -> list[tuple[Move, str]]:
    """The lines of ``fixtures/pinning/fields.list``: a move and the id of the fixture that pins it."""
    out = []
    for line in Path(FIELDS_FILE).read_text("utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            field, direction, fid = line.split(" ", 2)
            out.append((Move(field, int(direction)), fid))
    return out
