"""Static checks of a template (load time): expressions, symbols, index sets, units, cycles,
unused parameters and provenance. On success the parsed equations are kept on the template
(``Analysis``) so the engine never parses text again.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from fractions import Fraction

from jcm_pdd.methodology import expr as ex
from jcm_pdd.methodology.errors import Problem
from jcm_pdd.methodology.loader import LazyLines, LinePath, find_line
from jcm_pdd.methodology.schema import Provenance, Template
from jcm_pdd.methodology.status import overclaim
from jcm_pdd.methodology.units import Unit, UnitError, conversion_factor, parse_unit

_OUTPUTS = ("RE", "PE", "ER")


@dataclass
class Analysis:
    """What the engine needs: parsed equations and checks, units, evaluation order."""

    units: dict[str, Unit]
    table_units: dict[str, tuple[Unit, Unit]]  # key unit, value unit
    equations: dict[str, ex.Node]
    checks: dict[int, ex.Node]
    deps: dict[str, set[str]]
    order: list[str]  # calculated keys, dependencies first
    factors: dict[ex.Convert, Fraction] = field(default_factory=dict)  # convert() scale factors
    cache: dict[str, object] = field(default_factory=dict)  # engine's compiled closures
    # Inputs that feed only eligibility checks (not RE, PE or ER): a project may leave them
    # empty and still calculate; the checks that read them are then "unknown" (request R6).
    check_only: frozenset[str] = frozenset()
    # check-only and record-only inputs: the calculation proceeds without them
    optional: frozenset[str] = frozenset()
    # index sets RE, PE and ER need (a parameter they read is indexed by it, or they sum over
    # it); another set may be left without members when only optional inputs use it
    needed_sets: frozenset[str] = frozenset()
    # every calculated key and check (by criterion number) -> the input keys it reads, transitively
    inputs_of: dict[str, frozenset[str]] = field(default_factory=dict)
    check_inputs: dict[int, frozenset[str]] = field(default_factory=dict)


class _LintError(Exception):
    def __init__(self, message: str, node: ex.Node | None = None, code: str = "expression") -> None:
        super().__init__(message)
        self.message = message
        self.column = (node.pos + 1) if node is not None else 0
        self.code = code


# The unit of literal 0 is "any": ``PE_p = 0`` needs no unit.
_ANY: Unit | None = None
Typed = tuple[str, Unit | None]  # ("num" | "bool", unit)


class _Checker:
    def __init__(
        self, template: Template, units: dict[str, Unit], tables: dict[str, tuple[Unit, Unit]]
    ):
        self.t = template
        self.units = units
        self.tables = tables
        self.refs: set[str] = set()
        self.tables_used: set[str] = set()
        self.factors: dict[ex.Convert, Fraction] = {}

    def same(self, a: Unit | None, b: Unit | None, node: ex.Node, what: str) -> Unit | None:
        if a is None:
            return b
        if b is None or a == b:
            return a
        raise _LintError(
            f"unit mismatch: {what} {a.describe()} and {b.describe()}"
            + (" (use convert())" if a.same_dimension(b) else ""),
            node,
            "unit",
        )

    def num(self, node: ex.Node, scope: frozenset[str]) -> Unit | None:
        kind, unit = self.check(node, scope)
        if kind != "num":
            raise _LintError("expected a number here, found a condition", node)
        return unit

    def boolean(self, node: ex.Node, scope: frozenset[str]) -> None:
        if self.check(node, scope)[0] != "bool":
            raise _LintError("expected a condition (comparison) here, found a number", node)

    def check(self, node: ex.Node, scope: frozenset[str]) -> Typed:
        if isinstance(node, ex.Num):
            return "num", (_ANY if node.value == 0 else parse_unit("-"))
        if isinstance(node, ex.Ref):
            return "num", self.ref(node, scope)
        if isinstance(node, ex.Unary):
            if node.op == "not":
                self.boolean(node.operand, scope)
                return "bool", None
            return "num", self.num(node.operand, scope)
        if isinstance(node, ex.Binary):
            op = node.op
            if op in ("and", "or"):
                self.boolean(node.left, scope)
                self.boolean(node.right, scope)
                return "bool", None
            left = self.num(node.left, scope)
            if op == "^":
                assert isinstance(node.right, ex.Num)
                return "num", None if left is None else left ** int(node.right.value)
            right = self.num(node.right, scope)
            if op in "+-":
                return "num", self.same(
                    left, right, node, f"cannot {'add' if op == '+' else 'subtract'}"
                )
            if op in ("*", "/"):
                if left is None or (right is None and op == "*"):
                    return "num", None
                if right is None:
                    raise _LintError("division by zero", node, "expression")
                return "num", left * right if op == "*" else left / right
            self.same(left, right, node, "cannot compare")
            return "bool", None
        if isinstance(node, ex.Call):
            if node.fn == "if":
                self.boolean(node.args[0], scope)
                a = self.num(node.args[1], scope)
                return "num", self.same(
                    a, self.num(node.args[2], scope), node, "if() branches have units"
                )
            unit = self.num(node.args[0], scope)
            for arg in node.args[1:]:
                unit = self.same(
                    unit, self.num(arg, scope), node, f"{node.fn}() arguments have units"
                )
            return "num", unit
        if isinstance(node, ex.Reduce):
            if node.var not in self.t.index_sets:
                raise _LintError(
                    f"{node.fn}() over undefined index set '{node.var}'", node, "index"
                )
            if node.var in scope:
                raise _LintError(f"index '{node.var}' is already bound here", node, "index")
            inner = scope | {node.var}
            if node.fn == "count":
                return "num", parse_unit("-")
            assert node.body is not None
            if node.fn == "sum":
                return "num", self.num(node.body, inner)
            self.boolean(node.body, inner)
            return "bool", None
        if isinstance(node, ex.BandLookup):
            if node.table not in self.tables:
                raise _LintError(f"undefined table '{node.table}'", node, "undefined-symbol")
            self.tables_used.add(node.table)
            key_unit, value_unit = self.tables[node.table]
            self.same(
                self.num(node.arg, scope), key_unit, node, f"band({node.table}) key has units"
            )
            return "num", value_unit
        assert isinstance(node, ex.Convert)
        try:
            target = parse_unit(node.unit)
        except UnitError as exc:
            raise _LintError(str(exc), node, "unit") from None
        source = self.num(node.arg, scope)
        if source is not None and not source.same_dimension(target):
            raise _LintError(
                f"cannot convert {source.describe()} to {node.unit} (different dimensions)",
                node,
                "unit",
            )
        self.factors[node] = Fraction(1) if source is None else conversion_factor(source, target)
        return "num", target

    def ref(self, node: ex.Ref, scope: frozenset[str]) -> Unit:
        name = node.name
        param = self.t.parameters.get(name)
        if param is None:
            if name in self.tables:
                raise _LintError(f"table '{name}' can only be used as band({name}, x)", node)
            if name in self.t.index_sets:
                raise _LintError(
                    f"index '{name}' can only be used inside [] or sum({name}, ...)", node
                )
            if name in ex.FUNCTIONS:
                raise _LintError(f"'{name}' is a function; call it with ()", node)
            raise _LintError(f"undefined symbol '{name}'", node, "undefined-symbol")
        self.refs.add(name)
        wanted = tuple(param.index)
        if node.indices != wanted:
            if wanted and not node.indices:
                hint = ", ".join(wanted)
                raise _LintError(
                    f"'{name}' is indexed by {hint}; write {name}[{hint}]", node, "index"
                )
            raise _LintError(
                f"'{name}' takes index [{', '.join(wanted)}], not [{', '.join(node.indices)}]",
                node,
                "index",
            )
        for var in node.indices:
            if var not in scope:
                raise _LintError(
                    f"index '{var}' is not bound here; use sum({var}, ...)", node, "index"
                )
        return self.units[name]


def _provenance_problems(prov: Provenance, where: str) -> str | None:
    if prov.status == "verified" and not prov.url:
        return f"{where}: a verified value needs the url of its source"
    return None


def lint(template: Template, lines: dict[LinePath, int] | LazyLines, path: str) -> list[Problem]:
    problems: list[Problem] = []

    def add(loc: LinePath, symbol: str, message: str, code: str) -> None:
        problems.append(Problem(path, find_line(lines, loc), symbol, message, code))

    for name in template.index_sets:
        if name in template.parameters or name in template.tables:
            add(
                ("index_sets", name),
                name,
                "an index set cannot share its name with a parameter or table",
                "index",
            )
    for name in template.tables:
        if name in template.parameters:
            add(("tables", name), name, "a table cannot share its name with a parameter", "schema")
    units: dict[str, Unit] = {}
    for key, param in template.parameters.items():
        try:
            units[key] = parse_unit(param.unit)
        except UnitError as exc:
            add(("parameters", key, "unit"), key, str(exc), "unit")
        for set_name in param.index:
            if set_name not in template.index_sets:
                add(("parameters", key, "index"), key, f"undefined index set '{set_name}'", "index")
    tables: dict[str, tuple[Unit, Unit]] = {}
    for name, table in template.tables.items():
        try:
            tables[name] = (parse_unit(table.key_unit), parse_unit(table.unit))
        except UnitError as exc:
            add(("tables", name), name, str(exc), "unit")
    if problems:
        return problems

    claim = overclaim(template)
    if claim:
        add(("identity", "methodology_status"), "methodology_status", claim, "provenance")

    # provenance: verified values must be checkable
    provs: list[tuple[LinePath, str, Provenance]] = [
        (("identity", "provenance"), "identity", template.identity.provenance),
        (("summary", "provenance"), "summary", template.summary.provenance),
    ]
    for name, prov in template.identity.field_provenance.items():
        provs.append((("identity", "field_provenance", name), f"identity.{name}", prov))
    if template.equations_provenance is not None:
        provs.append((("equations_provenance",), "equations", template.equations_provenance))
    for key, param in template.parameters.items():
        if param.provenance is not None:
            provs.append((("parameters", key, "provenance"), key, param.provenance))
        for n, choice in enumerate(param.choices):
            provs.append(
                (("parameters", key, "choices", n), f"{key}:{choice.name}", choice.provenance)
            )
    for name, table in template.tables.items():
        provs.append((("tables", name, "provenance"), name, table.provenance))
    for loc, symbol, prov in provs:
        message = _provenance_problems(prov, "provenance")
        if message:
            add(loc, symbol, message, "provenance")

    checker = _Checker(template, units, tables)
    equations: dict[str, ex.Node] = {}
    deps: dict[str, set[str]] = {}
    for key, param in template.equations.items():
        assert param.equation is not None
        checker.refs = set()
        try:
            node = ex.parse(param.equation)
            unit = checker.num(node, frozenset(param.index))
            if unit is not None and unit != units[key]:
                raise _LintError(
                    f"unit mismatch: the equation gives {unit.describe()}, declared {param.unit}"
                    + (" (use convert())" if unit.same_dimension(units[key]) else ""),
                    None,
                    "unit",
                )
        except (ex.ExprError, _LintError) as exc:
            column = getattr(exc, "column", 0)
            code = getattr(exc, "code", "expression")
            at = f" (column {column})" if column else ""
            add(("parameters", key, "equation"), key, f"{exc.message}{at}", code)
            continue
        except UnitError as exc:  # the equation's unit outgrows every real unit
            add(("parameters", key, "equation"), key, str(exc), "unit")
            continue
        equations[key] = node
        deps[key] = set(checker.refs)

    checks: dict[int, ex.Node] = {}
    check_refs: set[str] = set()
    refs_of_check: dict[int, set[str]] = {}
    for n, criterion in enumerate(template.eligibility):
        if criterion.check is None:
            continue
        checker.refs = set()
        try:
            node = ex.parse(criterion.check)
            checker.boolean(node, frozenset())
        except (ex.ExprError, _LintError) as exc:
            column = getattr(exc, "column", 0)
            at = f" (column {column})" if column else ""
            add(
                ("eligibility", n, "check"),
                f"criterion {criterion.number}",
                f"{exc.message}{at}",
                getattr(exc, "code", "expression"),
            )
            continue
        except UnitError as exc:
            add(("eligibility", n, "check"), f"criterion {criterion.number}", str(exc), "unit")
            continue
        checks[criterion.number] = node
        check_refs |= checker.refs
        refs_of_check[criterion.number] = set(checker.refs)
    if problems:
        return problems

    # cycles (depth-first, reporting the loop)
    order: list[str] = []
    state: dict[str, int] = {}

    def visit(key: str, stack: list[str]) -> bool:
        if state.get(key) == 2:
            return True
        if state.get(key) == 1:
            loop = stack[stack.index(key) :] + [key]
            add(("parameters", key, "equation"), key, "cycle: " + " -> ".join(loop), "cycle")
            return False
        state[key] = 1
        wanted = deps.get(key, ())
        # Declaration order (the order the methodology presents its equations, RE before PE),
        # so traces and the calculation sheet read like the methodology; still deterministic.
        for dep in (k for k in equations if k in wanted):
            if not visit(dep, [*stack, key]):
                return False
        state[key] = 2
        order.append(key)
        return True

    for key in equations:
        if not visit(key, []):
            return problems

    # unused: everything must feed RE, PE, ER or an eligibility check
    needed = _reach(_OUTPUTS, deps)
    used = needed | _reach(check_refs, deps)
    for key, param in template.parameters.items():
        if param.record_only and key in used:
            add(
                ("parameters", key, "record_only"),
                key,
                "record_only parameter is used by an equation or check: remove record_only",
                "unused",
            )
        elif key not in used and key not in _OUTPUTS and not param.record_only:
            add(
                ("parameters", key), key, "unused parameter: no equation or check uses it", "unused"
            )
    for name in template.tables:
        if name not in checker.tables_used:
            add(("tables", name), name, "unused table: no band() uses it", "unused")
    if problems:
        return problems

    inputs = {k for k, p in template.parameters.items() if p.is_input}
    inputs_of = {k: frozenset(_reach([k], deps) & inputs) for k in equations}
    check_inputs = {n: frozenset(_reach(refs, deps) & inputs) for n, refs in refs_of_check.items()}
    template._compiled = Analysis(
        units,
        tables,
        equations,
        checks,
        deps,
        order,
        checker.factors,
        check_only=frozenset((used - needed) & inputs),
        optional=frozenset((used - needed) & inputs) | set(template.record_only),
        needed_sets=frozenset(_sets_of(template, needed, equations)),
        inputs_of=inputs_of,
        check_inputs=check_inputs,
    )
    return []


def _sets_of(template: Template, keys: set[str], equations: dict[str, ex.Node]) -> set[str]:
    """Index sets that the parameters ``keys`` are indexed by or whose equations sum over."""
    found: set[str] = set()
    pending = [equations[k] for k in keys if k in equations]
    for key in keys:
        found.update(template.parameters[key].index)
    while pending:
        node = pending.pop()
        if isinstance(node, ex.Reduce):
            found.add(node.var)
            if node.body is not None:
                pending.append(node.body)
        else:
            pending.extend(ex.children(node))
    return found


def _reach(start: Iterable[str], deps: dict[str, set[str]]) -> set[str]:
    """Keys reachable from ``start`` through equation dependencies (``start`` included)."""
    seen: set[str] = set()
    pending = list(start)
    while pending:
        key = pending.pop()
        if key not in seen:
            seen.add(key)
            pending.extend(deps.get(key, ()))
    return seen
