"""The mutants of a stage module: an AST walk that names every small edit a test should notice.

Each mutant is a splice of the module's source (a node's text replaced by the
text of the mutated node, in parentheses where it is an expression), so that
its diff is one line or a few and the rest of the file keeps its bytes.

Kinds:

* ``default``: an options field's default moved one step either way (the
  ``metadata={"step": …}`` of ``attrs.field`` or ``step(…)``; a float without
  a step by 10%; a boolean flipped). Every one of them runs.
* ``constant``: a number in a module-level assignment (``_WIDE = 6``) moved by
  one (an int) or 10% (a float). Every one of them runs.
* ``compare``: ``<`` ↔ ``<=``, ``>`` ↔ ``>=``, ``==`` ↔ ``!=``, ``is`` ↔ ``is not``.
* ``boolop``: ``and`` ↔ ``or``.
* ``not``: ``not x`` → ``x``.
* ``arith``: ``+`` ↔ ``-`` (also ``+=`` ↔ ``-=``).
* ``number``: a number inside a function moved by one or 10%.
* ``member``: one string dropped from a tuple, set, list or ``frozenset("…")`` of marks.
* ``return``: in a rule function, ``return None`` → the value its other
  returns give, and ``x if c else None`` → ``x``.

Sampled kinds are all but ``default`` and ``constant``.
"""

from __future__ import annotations

import ast
import copy
import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, field

ALWAYS = ("default", "constant")


@dataclass(frozen=True)
class Mutant:
    """One edit of one module."""

    path: str  # relative to the repository, e.g. src/qhnews/_blocks.py
    kind: str
    line: int
    col: int  # byte offset in the line
    end_line: int
    end_col: int
    before: str
    after: str
    scope: str  # the enclosing function or class (dotted), or <module>
    toplevel: str  # the top-level statement's name(s): the function, class or assigned names
    detail: str = ""

    @property
    def key(self) -> str:
        """A name that survives edits elsewhere in the file (no line number)."""
        raw = f"{self.path}|{self.scope}|{self.kind}|{self.before}|{self.after}|{self.detail}"
        return f"{self.path.rsplit('/', 1)[-1]}:{self.scope}:{self.kind}:{hashlib.sha1(raw.encode()).hexdigest()[:10]}"

    @property
    def where(self) -> str:
        return f"{self.path}:{self.line}"


def apply(source: str, m: Mutant) -> str:
    """The module's source with the mutant spliced in."""
    data = source.encode("utf-8")
    starts = [0]
    for i, b in enumerate(data):
        if b == 0x0A:
            starts.append(i + 1)
    a = starts[m.line - 1] + m.col
    b = starts[m.end_line - 1] + m.end_col
    assert data[a:b].decode("utf-8") == m.before, (m.where, data[a:b], m.before)
    return (data[:a] + m.after.encode("utf-8") + data[b:]).decode("utf-8")


def _is_number(node: ast.AST) -> bool:
    """A number literal: ``3``, ``0.5``, or ``-1.0`` (a minus on a literal)."""
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        node = node.operand
    return isinstance(node, ast.Constant) and type(node.value) in (int, float)


def _value(node: ast.AST) -> int | float:
    if isinstance(node, ast.UnaryOp):
        return -_value(node.operand)
    assert isinstance(node, ast.Constant)
    return node.value  # type: ignore[no-any-return]


def _moved(value: int | float, step: float | None) -> list[int | float]:
    if isinstance(value, int):
        by = int(step) if step else 1
        return [value - by, value + by]
    by = step if step else (abs(value) * 0.1 or 0.1)
    return [round(value - by, 6), round(value + by, 6)]


def _call_name(node: ast.AST) -> str:
    if isinstance(node, ast.Call):
        f = node.func
        if isinstance(f, ast.Name):
            return f.id
        if isinstance(f, ast.Attribute):
            return f.attr
    return ""


_COMPARE = {
    ast.Lt: ast.LtE,
    ast.LtE: ast.Lt,
    ast.Gt: ast.GtE,
    ast.GtE: ast.Gt,
    ast.Eq: ast.NotEq,
    ast.NotEq: ast.Eq,
    ast.Is: ast.IsNot,
    ast.IsNot: ast.Is,
}


@dataclass
class _Walker:
    path: str
    source: str
    lines: list[bytes] = field(init=False)
    out: list[Mutant] = field(default_factory=list)
    scope: list[str] = field(default_factory=list)
    toplevel: str = "<module>"
    skip: set[int] = field(default_factory=set)  # id() of nodes not to mutate

    def __post_init__(self) -> None:
        self.lines = self.source.encode("utf-8").split(b"\n")

    # -- helpers
    def text(self, node: ast.AST) -> str:
        l0, c0, l1, c1 = node.lineno, node.col_offset, node.end_lineno, node.end_col_offset  # type: ignore[attr-defined]
        if l0 == l1:
            return self.lines[l0 - 1][c0:c1].decode("utf-8")
        parts = [self.lines[l0 - 1][c0:], *self.lines[l0 : l1 - 1], self.lines[l1 - 1][:c1]]
        return b"\n".join(parts).decode("utf-8")

    def add(self, node: ast.AST, kind: str, after: str, detail: str = "", *, wrap: bool = True) -> None:
        before = self.text(node)
        if wrap:
            after = f"({after})"
        if after == before:
            return
        self.out.append(
            Mutant(
                self.path,
                kind,
                node.lineno,  # type: ignore[attr-defined]
                node.col_offset,  # type: ignore[attr-defined]
                node.end_lineno,  # type: ignore[attr-defined]
                node.end_col_offset,  # type: ignore[attr-defined]
                before,
                after,
                ".".join(self.scope) or "<module>",
                self.toplevel,
                detail,
            )
        )

    def number(self, node: ast.expr, kind: str, step: float | None = None) -> None:
        for v in _moved(_value(node), step):
            self.add(node, kind, repr(v), wrap=False)

    # -- the walk
    def module(self, tree: ast.Module) -> None:
        for stmt in tree.body:
            if _docstring(stmt):
                continue
            if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                self.toplevel = stmt.name
            elif isinstance(stmt, (ast.Assign, ast.AnnAssign)):
                targets = stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target]
                self.toplevel = ",".join(ast.unparse(t) for t in targets)
                if self.toplevel == "__all__":
                    continue
            elif isinstance(stmt, (ast.Import, ast.ImportFrom)):
                continue
            elif isinstance(stmt, ast.If) and "TYPE_CHECKING" in ast.unparse(stmt.test):
                continue
            else:
                self.toplevel = "<module>"
            self.stmt(stmt, top=True)

    def stmt(self, node: ast.stmt, *, top: bool = False) -> None:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            self.function(node)
            return
        if isinstance(node, ast.ClassDef):
            self.scope.append(node.name)
            for d in node.decorator_list:
                self.expr(d, "number")
            options = node.name.endswith(("Options", "Weights")) or "step" in ast.unparse(node)
            for s in node.body:
                if _docstring(s):
                    continue
                if isinstance(s, ast.AnnAssign) and s.value is not None:
                    self.class_field(s, options)
                else:
                    self.stmt(s)
            self.scope.pop()
            return
        if isinstance(node, ast.AugAssign) and isinstance(node.op, (ast.Add, ast.Sub)):
            other = copy.deepcopy(node)
            other.op = ast.Sub() if isinstance(node.op, ast.Add) else ast.Add()
            self.add(node, "arith", ast.unparse(other), wrap=False)
        kind = "constant" if top and isinstance(node, (ast.Assign, ast.AnnAssign)) else "number"
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.stmt):
                self.stmt(child)
            elif isinstance(child, ast.expr):
                if isinstance(node, ast.AnnAssign) and child is node.annotation:
                    continue
                if isinstance(node, (ast.Assign, ast.AnnAssign, ast.AugAssign)) and (
                    child in getattr(node, "targets", []) or child is getattr(node, "target", None)
                ):
                    continue
                self.expr(child, kind)
            elif isinstance(child, ast.excepthandler):
                for s in child.body:
                    self.stmt(s)
            elif isinstance(child, ast.match_case):
                for s in child.body:
                    self.stmt(s)

    def function(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        is_rule = any(_call_name(d) == "rule" for d in node.decorator_list)
        self.scope.append(node.name)
        for d in node.decorator_list:
            if _call_name(d) not in ("rule", "reason"):
                self.expr(d, "number")
        for default in [*node.args.defaults, *[d for d in node.args.kw_defaults if d is not None]]:
            self.expr(default, "number")
        body = node.body[1:] if node.body and _docstring(node.body[0]) else node.body
        if is_rule:
            self.rule_returns(node)
        for s in body:
            self.stmt(s)
        self.scope.pop()

    def rule_returns(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        returns = [
            r
            for r in ast.walk(node)
            if isinstance(r, ast.Return) and not _inner_def(node, r)  # the rule's own returns
        ]
        values = [r.value for r in returns if r.value is not None and not _is_none(r.value)]
        for r in returns:
            if (r.value is None or _is_none(r.value)) and values:
                self.add(r, "return", f"return {ast.unparse(values[0])}", wrap=False)
            elif isinstance(r.value, ast.IfExp):
                if _is_none(r.value.orelse):
                    self.add(r.value, "return", ast.unparse(r.value.body))
                elif _is_none(r.value.body):
                    self.add(r.value, "return", ast.unparse(r.value.orelse))

    def class_field(self, s: ast.AnnAssign, options: bool) -> None:
        v = s.value
        assert v is not None
        if isinstance(v, ast.Constant) and isinstance(v.value, bool):
            if options:  # a rule switched on or off by default
                self.add(v, "default", repr(not v.value), wrap=False)
            return
        if _is_number(v):
            self.number(v, "default" if options else "number")
            return
        if isinstance(v, ast.Call):
            name = _call_name(v)
            kw = {k.arg: k.value for k in v.keywords if k.arg}
            if name == "step" and v.args and _is_number(v.args[0]):
                by = v.args[1] if len(v.args) > 1 else kw.get("by")
                self.number(v.args[0], "default", _value(by) if by is not None and _is_number(by) else 1)
                return
            if name == "field" and "default" in kw and _is_number(kw["default"]):
                meta = kw.get("metadata")
                step = None
                if isinstance(meta, ast.Dict):
                    for k, val in zip(meta.keys, meta.values, strict=True):
                        if isinstance(k, ast.Constant) and k.value == "step" and _is_number(val):
                            step = _value(val)
                self.number(kw["default"], "default" if options else "number", step)
                for other in v.args:
                    self.expr(other, "number")
                return
            if name == "field":  # a tuple of words, a factory: its members
                for k in v.keywords:
                    if k.arg == "default":
                        self.expr(k.value, "number")
                return
        self.expr(v, "number")

    def expr(self, node: ast.expr, kind: str) -> None:  # noqa: C901, PLR0912
        if isinstance(node, ast.JoinedStr):
            return
        if _is_number(node):
            self.number(node, kind)
            return
        if isinstance(node, ast.Compare):
            for i, op in enumerate(node.ops):
                swap = _COMPARE.get(type(op))
                if swap is not None:
                    other = copy.deepcopy(node)
                    other.ops[i] = swap()
                    self.add(node, "compare", ast.unparse(other), detail=str(i))
        elif isinstance(node, ast.BoolOp):
            other = copy.deepcopy(node)
            other.op = ast.Or() if isinstance(node.op, ast.And) else ast.And()
            self.add(node, "boolop", ast.unparse(other))
        elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
            self.add(node, "not", ast.unparse(node.operand))
        elif isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Sub)):
            if not (_is_str(node.left) or _is_str(node.right)):
                other = copy.deepcopy(node)
                other.op = ast.Sub() if isinstance(node.op, ast.Add) else ast.Add()
                self.add(node, "arith", ast.unparse(other))
        elif isinstance(node, (ast.Tuple, ast.Set, ast.List)) and len(node.elts) > 1 and all(map(_is_str, node.elts)):
            for i, elt in enumerate(node.elts):
                other = copy.deepcopy(node)
                del other.elts[i]
                self.add(node, "member", ast.unparse(other), detail=repr(elt.value))  # type: ignore[attr-defined]
            return
        elif (
            isinstance(node, ast.Call)
            and _call_name(node) in ("frozenset", "set")
            and len(node.args) == 1
            and _is_str(node.args[0])
        ):
            marks = node.args[0].value  # type: ignore[attr-defined]
            for i, ch in enumerate(dict.fromkeys(marks)):
                self.add(node.args[0], "member", repr(marks.replace(ch, "")), detail=f"{i}:{ch}", wrap=False)
            return
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.expr):
                if isinstance(node, ast.Call) and _call_name(node) in ("reason", "rule"):
                    continue
                self.expr(child, kind)
            elif isinstance(child, ast.keyword):
                if child.arg == "metadata":
                    continue
                self.expr(child.value, kind)
            elif isinstance(child, ast.comprehension):
                self.expr(child.iter, kind)
                for cond in child.ifs:
                    self.expr(cond, kind)
            elif isinstance(child, ast.arguments):
                continue  # a lambda's defaults: none in the stage modules


def _docstring(node: ast.stmt) -> bool:
    return isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str)


def _is_str(node: ast.AST) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


def _is_none(node: ast.AST) -> bool:
    return isinstance(node, ast.Constant) and node.value is None


def _inner_def(outer: ast.AST, target: ast.AST) -> bool:
    for n in ast.walk(outer):
        if n is not outer and isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            if any(c is target for c in ast.walk(n)):
                return True
    return False


def mutants(path: str, source: str) -> Iterator[Mutant]:
    """Every mutant of one module, in source order."""
    w = _Walker(path, source)
    w.module(ast.parse(source))
    seen: set[tuple[int, int, str]] = set()
    for m in w.out:
        k = (m.line, m.col, m.after)
        if k not in seen:
            seen.add(k)
            yield m
