"""The template expression language: a hand-written tokenizer and parser producing a small AST.

Nothing here executes text. The grammar (FORMAT.md "Expression language") allows numbers,
parameter names with ``[index]``, ``+ - * /``, unary minus, parentheses, small integer powers,
comparisons and ``and/or/not``, and the functions ``sum min max if band convert all any count``.
Anything else — attribute access, names starting with ``_``, other calls, ``lambda``,
comprehensions, big or non-literal exponents — is a :class:`ExprError` with the column.
Names are resolved and units checked later, in ``jcm_pdd.methodology.lint``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

MAX_LENGTH = 4000
MAX_DEPTH = 60
# Operations in a row (``a + b + c ...``) nest the tree as parentheses do; every later step
# (units, evaluation, rendering) walks it recursively, so its height is bounded as well.
MAX_TREE_HEIGHT = 120
MAX_DIGITS = 40  # significant digits of one number literal: exact arithmetic stays small
MAX_EXPONENT = 4
MAX_MAGNITUDE = 30  # 1e30: bounded exact arithmetic
FUNCTIONS = ("sum", "min", "max", "if", "band", "convert", "all", "any", "count")
_FORBIDDEN_WORDS = {
    "lambda": "lambda is not allowed",
    "for": "comprehensions are not allowed",
    "in": "comprehensions are not allowed",
    "import": "import is not allowed",
}


class ExprError(ValueError):
    """A malformed or forbidden expression; ``column`` is 1-based within the expression."""

    def __init__(self, message: str, column: int = 0, symbol: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.column = column
        self.symbol = symbol


# ---- AST -------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Num:
    value: Fraction
    text: str
    pos: int


@dataclass(frozen=True, slots=True)
class Ref:
    name: str
    indices: tuple[str, ...]
    pos: int


@dataclass(frozen=True, slots=True)
class Unary:
    op: str  # "-" or "not"
    operand: Node
    pos: int


@dataclass(frozen=True, slots=True)
class Binary:
    op: str  # + - * / ^ < <= > >= == != and or
    left: Node
    right: Node
    pos: int


@dataclass(frozen=True, slots=True)
class Call:
    fn: str  # min, max, if
    args: tuple[Node, ...]
    pos: int


@dataclass(frozen=True, slots=True)
class Reduce:
    fn: str  # sum, all, any, count
    var: str
    body: Node | None
    pos: int


@dataclass(frozen=True, slots=True)
class BandLookup:
    table: str
    arg: Node
    pos: int


@dataclass(frozen=True, slots=True)
class Convert:
    arg: Node
    unit: str
    pos: int


Node = Num | Ref | Unary | Binary | Call | Reduce | BandLookup | Convert

# ---- tokenizer -------------------------------------------------------------------------------

_TOKEN = re.compile(
    r"(?P<ws>\s+)"
    # [0-9], not \d: Decimal would read Arabic-Indic or full-width digits as 0-9 unseen
    r"|(?P<num>(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?)"
    r"|(?P<name>[A-Za-z_][A-Za-z0-9_]*)"
    r"|(?P<str>\"[^\"\n]*\")"
    r"|(?P<op>\*\*|<=|>=|==|!=|[-+*/^()\[\],<>])"
)


@dataclass(frozen=True, slots=True)
class _Tok:
    kind: str
    text: str
    pos: int  # 0-based offset


def tokenize(text: str) -> list[_Tok]:
    if len(text) > MAX_LENGTH:
        raise ExprError(f"expression is longer than {MAX_LENGTH} characters", 1)
    tokens: list[_Tok] = []
    pos = 0
    while pos < len(text):
        match = _TOKEN.match(text, pos)
        if match is None:
            char = text[pos]
            if char == ".":
                raise ExprError("attribute access ('.') is not allowed", pos + 1)
            if char in "'":
                raise ExprError("strings use double quotes and only in convert()", pos + 1)
            raise ExprError(f"unexpected character '{char}'", pos + 1)
        kind = match.lastgroup or ""
        if kind != "ws":
            word = match.group()
            if kind == "name":
                if word.startswith("_"):
                    raise ExprError(f"names starting with '_' are not allowed ({word})", pos + 1)
                if word in _FORBIDDEN_WORDS:
                    raise ExprError(_FORBIDDEN_WORDS[word], pos + 1, word)
            tokens.append(_Tok(kind, word, pos))
        pos = match.end()
        if kind == "name" and pos < len(text) and text[pos] == ".":
            raise ExprError("attribute access ('.') is not allowed", pos + 1)
    tokens.append(_Tok("end", "", len(text)))
    return tokens


# ---- parser ----------------------------------------------------------------------------------

_COMPARE = ("<", "<=", ">", ">=", "==", "!=")


class _Parser:
    def __init__(self, text: str) -> None:
        self.text = text
        self.tokens = tokenize(text)
        self.i = 0
        self.depth = 0

    @property
    def tok(self) -> _Tok:
        return self.tokens[self.i]

    def take(self) -> _Tok:
        tok = self.tokens[self.i]
        self.i += 1
        return tok

    def expect(self, text: str) -> _Tok:
        if self.tok.text != text or self.tok.kind in ("str", "end"):
            found = self.tok.text or "end of expression"
            raise ExprError(f"expected '{text}', found '{found}'", self.tok.pos + 1)
        return self.take()

    def parse(self) -> Node:
        node = self.or_expr()
        if self.tok.kind != "end":
            raise ExprError(f"unexpected '{self.tok.text}'", self.tok.pos + 1)
        return node

    def nested(self) -> None:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise ExprError(f"expression nests deeper than {MAX_DEPTH} levels", self.tok.pos + 1)

    def or_expr(self) -> Node:
        node = self.and_expr()
        while self.tok.kind == "name" and self.tok.text == "or":
            pos = self.take().pos
            node = Binary("or", node, self.and_expr(), pos)
        return node

    def and_expr(self) -> Node:
        node = self.not_expr()
        while self.tok.kind == "name" and self.tok.text == "and":
            pos = self.take().pos
            node = Binary("and", node, self.not_expr(), pos)
        return node

    def not_expr(self) -> Node:
        if self.tok.kind == "name" and self.tok.text == "not":
            pos = self.take().pos
            self.nested()
            node: Node = Unary("not", self.not_expr(), pos)
            self.depth -= 1
            return node
        return self.comparison()

    def comparison(self) -> Node:
        node = self.additive()
        if self.tok.kind == "op" and self.tok.text in _COMPARE:
            tok = self.take()
            node = Binary(tok.text, node, self.additive(), tok.pos)
            if self.tok.kind == "op" and self.tok.text in _COMPARE:
                raise ExprError("chained comparisons are not allowed; use 'and'", self.tok.pos + 1)
        return node

    def additive(self) -> Node:
        node = self.term()
        while self.tok.kind == "op" and self.tok.text in "+-":
            tok = self.take()
            node = Binary(tok.text, node, self.term(), tok.pos)
        return node

    def term(self) -> Node:
        node = self.unary()
        while self.tok.kind == "op" and self.tok.text in "*/":
            tok = self.take()
            node = Binary(tok.text, node, self.unary(), tok.pos)
        return node

    def unary(self) -> Node:
        if self.tok.kind == "op" and self.tok.text in "+-":
            tok = self.take()
            self.nested()
            operand = self.unary()
            self.depth -= 1
            return operand if tok.text == "+" else Unary("-", operand, tok.pos)
        return self.power()

    def power(self) -> Node:
        node = self.atom()
        if self.tok.kind == "op" and self.tok.text in ("^", "**"):
            tok = self.take()
            sign = 1
            if self.tok.kind == "op" and self.tok.text == "-":
                self.take()
                sign = -1
            exp = self.tok
            if exp.kind != "num" or not exp.text.isdigit():
                raise ExprError("the exponent must be a small integer literal", exp.pos + 1)
            if int(exp.text) > MAX_EXPONENT:
                raise ExprError(
                    f"exponent {exp.text} is too large (max {MAX_EXPONENT})", exp.pos + 1
                )
            self.take()
            value = sign * int(exp.text)
            node = Binary("^", node, Num(Fraction(value), str(value), exp.pos), tok.pos)
        return node

    def atom(self) -> Node:
        tok = self.tok
        if tok.kind == "num":
            self.take()
            number = Decimal(tok.text)
            if number and abs(number.adjusted()) > MAX_MAGNITUDE:
                raise ExprError(f"number {tok.text[:40]} is out of range", tok.pos + 1)
            if len(number.as_tuple().digits) > MAX_DIGITS:
                raise ExprError(
                    f"number {tok.text[:20]}... has more than {MAX_DIGITS} digits", tok.pos + 1
                )
            return Num(Fraction(number), tok.text, tok.pos)
        if tok.kind == "op" and tok.text == "(":
            self.take()
            self.nested()
            node = self.or_expr()
            self.depth -= 1
            self.expect(")")
            return node
        if tok.kind == "name":
            if tok.text in ("and", "or", "not"):
                raise ExprError(f"unexpected '{tok.text}'", tok.pos + 1)
            self.take()
            if self.tok.kind == "op" and self.tok.text == "(":
                return self.call(tok)
            indices: tuple[str, ...] = ()
            if self.tok.kind == "op" and self.tok.text == "[":
                self.take()
                names = [self.index_name()]
                while self.tok.text == ",":
                    self.take()
                    names.append(self.index_name())
                self.expect("]")
                indices = tuple(names)
            return Ref(tok.text, indices, tok.pos)
        if tok.kind == "str":
            raise ExprError("strings are only allowed as the unit in convert()", tok.pos + 1)
        found = tok.text or "end of expression"
        raise ExprError(f"unexpected '{found}'", tok.pos + 1)

    def index_name(self) -> str:
        tok = self.take()
        if tok.kind != "name":
            raise ExprError("an index must be an index-set name such as i", tok.pos + 1)
        return tok.text

    def call(self, name: _Tok) -> Node:
        fn = name.text
        if fn not in FUNCTIONS:
            raise ExprError(
                f"'{fn}' is not an allowed function (allowed: {', '.join(FUNCTIONS)})",
                name.pos + 1,
                fn,
            )
        self.expect("(")
        self.nested()
        node: Node
        if fn in ("sum", "all", "any", "count"):
            var = self.index_name()
            body: Node | None = None
            if fn != "count":
                self.expect(",")
                body = self.or_expr()
            node = Reduce(fn, var, body, name.pos)
        elif fn == "band":
            table = self.take()
            if table.kind != "name":
                raise ExprError("band() needs a table name first", table.pos + 1)
            self.expect(",")
            node = BandLookup(table.text, self.or_expr(), name.pos)
        elif fn == "convert":
            arg = self.or_expr()
            self.expect(",")
            unit = self.take()
            if unit.kind != "str":
                raise ExprError('convert() needs a unit string, e.g. "MWh"', unit.pos + 1)
            node = Convert(arg, unit.text[1:-1], name.pos)
        else:
            args = [self.or_expr()]
            while self.tok.text == "," and self.tok.kind == "op":
                self.take()
                args.append(self.or_expr())
            if fn == "if" and len(args) != 3:
                raise ExprError("if() takes exactly 3 arguments: if(cond, a, b)", name.pos + 1)
            if fn in ("min", "max") and len(args) < 2:
                raise ExprError(f"{fn}() needs at least 2 arguments", name.pos + 1)
            node = Call(fn, tuple(args), name.pos)
        self.depth -= 1
        self.expect(")")
        return node


def parse(text: str) -> Node:
    """Parse an expression; raises :class:`ExprError` naming the column of the problem."""
    if not text.strip():
        raise ExprError("empty expression", 1)
    node = _Parser(text).parse()
    _check_height(node)
    return node


def _check_height(root: Node) -> None:
    stack: list[tuple[Node, int]] = [(root, 1)]
    while stack:
        node, height = stack.pop()
        if height > MAX_TREE_HEIGHT:
            raise ExprError(
                f"expression is too long a chain of operations (more than {MAX_TREE_HEIGHT} "
                "in a row); split it into intermediate parameters",
                node.pos + 1,
            )
        stack.extend((child, height + 1) for child in children(node))


def children(node: Node) -> tuple[Node, ...]:
    """The direct sub-expressions of ``node``."""
    if isinstance(node, Unary):
        return (node.operand,)
    if isinstance(node, Binary):
        return (node.left, node.right)
    if isinstance(node, Call):
        return node.args
    if isinstance(node, Reduce):
        return () if node.body is None else (node.body,)
    if isinstance(node, BandLookup | Convert):
        return (node.arg,)
    return ()


def walk(node: Node) -> list[Node]:
    """Every node of the tree, parents first."""
    out: list[Node] = []
    stack: list[Node] = [node]
    while stack:
        current = stack.pop()
        out.append(current)
        stack.extend(reversed(children(current)))
    return out


_PRECEDENCE = {
    "or": 1,
    "and": 2,
    "<": 4,
    "<=": 4,
    ">": 4,
    ">=": 4,
    "==": 4,
    "!=": 4,
    "+": 5,
    "-": 5,
    "*": 6,
    "/": 6,
    "^": 8,
}


def _prec(node: Node) -> int:
    if isinstance(node, Binary):
        return _PRECEDENCE[node.op]
    if isinstance(node, Unary):
        return 3 if node.op == "not" else 7
    return 9


def _paren(node: Node, wrap: bool) -> str:
    text = render(node)
    return f"({text})" if wrap else text


def render(node: Node) -> str:
    """Canonical text of an expression (used in traces); re-parsing it gives the same tree."""
    if isinstance(node, Num):
        return node.text
    if isinstance(node, Ref):
        return node.name + (f"[{', '.join(node.indices)}]" if node.indices else "")
    if isinstance(node, Unary):
        if node.op == "not":
            return f"not {_paren(node.operand, _prec(node.operand) < 3)}"
        return f"-{_paren(node.operand, _prec(node.operand) <= 7)}"
    if isinstance(node, Binary):
        p = _PRECEDENCE[node.op]
        if node.op == "^":
            return f"{_paren(node.left, _prec(node.left) < 9)} ^ {render(node.right)}"
        left_wrap = _prec(node.left) <= p if p == 4 else _prec(node.left) < p
        return (
            f"{_paren(node.left, left_wrap)} {node.op} {_paren(node.right, _prec(node.right) <= p)}"
        )
    if isinstance(node, Call):
        return f"{node.fn}({', '.join(render(a) for a in node.args)})"
    if isinstance(node, Reduce):
        body = "" if node.body is None else f", {render(node.body)}"
        return f"{node.fn}({node.var}{body})"
    if isinstance(node, BandLookup):
        return f"band({node.table}, {render(node.arg)})"
    return f'convert({render(node.arg)}, "{node.unit}")'
