"""A Jinja2 sandbox that also stops a runaway template: one that runs too long or makes too much text.

SandboxedEnvironment keeps a template away from anything but the values it is
given; it does not stop two nested `range(100000)` loops, or `{{ 'x' * 200000000 }}`.
This one checks at every loop turn, call, filter, `~` and arithmetic operator:
the time since the render began, the loop turns so far, and the size of each
value, before it is made where that is cheap to know (`*`, `**`, padding widths,
`replace`, `join`) and just after otherwise. No signals and no threads: `watch`
renders in a worker thread. Only the user's templates are rendered here; the
built-in ones run in the plain sandbox, at full speed.
"""
from __future__ import annotations

import functools
import math
import re
import string
import time

from jinja2 import nodes
from jinja2.compiler import CodeGenerator
from jinja2.sandbox import SandboxedEnvironment
from jinja2.visitor import NodeTransformer

TIME_LIMIT = 2.0  # seconds for one render
SIZE_LIMIT = 1_000_000  # characters written, or in any one value (items, for a list)
MADE_LIMIT = 20 * SIZE_LIMIT  # characters of values made in one render, kept or not
LOOP_LIMIT = 1_000_000  # loop turns in one render
_INT_BITS = 4 * SIZE_LIMIT  # about a million decimal digits

# Filters added around every loop and `~`; their names have a space, so no template can write them.
_LOOP, _SIZED = "vaultkit loop", "vaultkit sized"
_PADDING_FILTERS = frozenset({"center", "indent", "batch", "slice"})  # an int argument is a size to fill
_PERCENT = re.compile(r"%(?:\([^)]*\))?[-#0 +]*(\*|\d+)?(?:\.(\*|\d+))?")


class TemplateLimit(Exception):
    """A limit a template went past; the message says which, e.g. `took longer than 2 s`."""


def _too_big() -> TemplateLimit:
    return TemplateLimit(f"makes a value of more than {SIZE_LIMIT:,} characters")


def _ints(args, kwargs) -> list[int]:
    return [v for v in (*args, *kwargs.values()) if isinstance(v, int)]


def _refuse_big_ints(args, kwargs) -> None:
    if any(abs(n) > SIZE_LIMIT for n in _ints(args, kwargs)):
        raise _too_big()


def _check_product(left, right) -> None:
    for seq, n in ((left, right), (right, left)):
        if isinstance(n, int) and isinstance(seq, (str, list, tuple)) and len(seq) * n > SIZE_LIMIT:
            raise _too_big()
    if isinstance(left, int) and isinstance(right, int) and left.bit_length() + right.bit_length() > _INT_BITS:
        raise _too_big()


def _check_power(base, exponent) -> None:
    if isinstance(base, int) and isinstance(exponent, int) and abs(base) > 1 and exponent > 0 \
            and exponent * math.log2(abs(base)) > _INT_BITS:
        raise _too_big()


def _check_percent(fmt: str, values) -> None:
    """`'%0999999999d' % 1` would make a billion characters before anything could look at them."""
    specs = [n for spec in _PERCENT.findall(fmt) for n in spec]
    if any(n.isdigit() and int(n) > SIZE_LIMIT for n in specs):
        raise _too_big()
    if "*" in specs:
        _refuse_big_ints(values if isinstance(values, tuple) else (values,), {})


def _check_brace_format(fmt: str, args, kwargs) -> None:
    """The same for `'{:>999999999}'.format(1)`, and for widths given as arguments (`{:{}}`)."""
    try:
        specs = [spec for _, _, spec, _ in string.Formatter().parse(fmt) if spec]
    except ValueError:
        return  # str.format reports the bad format itself
    if any(int(n) > SIZE_LIMIT for spec in specs for n in re.findall(r"\d+", spec)):
        raise _too_big()
    if any("{" in spec for spec in specs):
        _refuse_big_ints(args, kwargs)


def _replaced_size(text, old, new, count=None) -> int:
    if not (isinstance(text, str) and isinstance(old, str) and isinstance(new, str)):
        return 0
    times = text.count(old) if old else len(text) + 1
    if isinstance(count, int) and count >= 0:
        times = min(times, count)
    return len(text) + times * (len(new) - len(old))


def _joined_size(separator, items) -> int:
    if not isinstance(items, (list, tuple)) or not items:
        return 0
    return len(str(separator)) * (len(items) - 1) + sum(len(i) for i in items if isinstance(i, str))


def _filter_size(name: str, args, kwargs) -> int:
    """The size the `replace`, `join` or `indent` filter will make, known from its arguments."""
    if name == "replace" and len(args) >= 3:
        return _replaced_size(*args[:3], kwargs.get("count", args[3] if len(args) > 3 else None))
    if name == "join" and args:
        return _joined_size(args[1] if len(args) > 1 else kwargs.get("d", ""), args[0])
    if name == "indent" and args and isinstance(args[0], str):
        width = args[1] if len(args) > 1 else kwargs.get("width", 4)
        return len(args[0]) + (args[0].count("\n") + 1) * len(width if isinstance(width, str) else " ")
    return 0


def _method_size(text: str, name: str, args, kwargs) -> int:
    """The same for the str methods `replace` and `join`."""
    if name == "replace" and len(args) >= 2:
        return _replaced_size(text, *args[:2], kwargs.get("count", args[2] if len(args) > 2 else None))
    if name == "join" and args:
        return _joined_size(text, args[0])
    return 0


class _Guards(NodeTransformer):
    """Puts the checks where no hook reaches: around each loop's iterable and each `~`."""

    def __init__(self, environment):
        self.environment = environment

    def _wrap(self, expr: nodes.Expr, name: str) -> nodes.Filter:
        wrapped = nodes.Filter(expr, name, [], [], None, None, lineno=expr.lineno)
        wrapped.set_environment(self.environment)
        return wrapped

    def visit_For(self, node: nodes.For) -> nodes.For:
        node = self.generic_visit(node)
        node.iter = self._wrap(node.iter, _LOOP)
        return node

    def visit_Concat(self, node: nodes.Concat) -> nodes.Filter:
        return self._wrap(self.generic_visit(node), _SIZED)


class _GuardedCode(CodeGenerator):
    def visit_Template(self, node, frame=None):
        _Guards(self.environment).visit(node)
        return super().visit_Template(node, frame)


class LimitedSandbox(SandboxedEnvironment):
    """A sandbox whose `render` stops a template at TIME_LIMIT, SIZE_LIMIT, MADE_LIMIT or LOOP_LIMIT."""

    code_generator_class = _GuardedCode
    intercepted_binops = frozenset({"*", "**", "+", "%"})

    def __init__(self, **options):
        super().__init__(**options)
        self.filters = {name: self._limited_filter(name, f) for name, f in self.filters.items()}
        self.filters[_LOOP] = self._loop
        self.filters[_SIZED] = self._sized
        self._deadline, self._turns, self._made = math.inf, 0, 0

    def render(self, template, context: dict) -> str:
        self._deadline, self._turns, self._made = time.thread_time() + TIME_LIMIT, 0, 0
        try:
            parts, size = [], 0
            chunks = template.generate(context)
            for chunk in chunks:
                size += len(chunk)
                if size > SIZE_LIMIT:  # thrown in, so the error points at the template's line
                    chunks.throw(TemplateLimit(f"writes more than {SIZE_LIMIT:,} characters"))
                parts.append(chunk)
            return "".join(parts)
        finally:
            self._deadline = math.inf

    def _tick(self) -> None:
        if time.thread_time() > self._deadline:
            raise TemplateLimit(f"took longer than {TIME_LIMIT:g} s")

    def _loop(self, iterable):
        for item in iterable:
            self._turns += 1
            if self._turns > LOOP_LIMIT:
                raise TemplateLimit(f"loops more than {LOOP_LIMIT:,} times")
            self._tick()
            yield item

    def _sized(self, value):
        if isinstance(value, (str, list, tuple, dict, set)):
            if len(value) > SIZE_LIMIT:
                raise _too_big()
            if isinstance(value, str):
                self._made += len(value)
                if self._made > MADE_LIMIT:
                    raise TemplateLimit(f"makes more than {MADE_LIMIT:,} characters along the way")
        elif isinstance(value, int) and value.bit_length() > _INT_BITS:
            raise _too_big()
        return value

    def _limited_filter(self, name: str, func):
        skip = 1 if getattr(func, "jinja_pass_arg", None) is not None else 0  # the context it is passed

        @functools.wraps(func)  # keeps jinja_pass_arg
        def limited(*args, **kwargs):
            self._tick()
            values = args[skip:]
            if name in _PADDING_FILTERS:
                _refuse_big_ints(values[1:], kwargs)
            if name == "format" and values and isinstance(values[0], str):
                _check_percent(values[0], tuple(values[1:]) or kwargs)
            if _filter_size(name, values, kwargs) > SIZE_LIMIT:
                raise _too_big()
            return self._sized(func(*args, **kwargs))

        return limited

    def call_binop(self, context, operator, left, right):
        self._tick()
        if operator == "*":
            _check_product(left, right)
        elif operator == "**":
            _check_power(left, right)
        elif operator == "%" and isinstance(left, str):
            _check_percent(left, right)
        return self._sized(self.binop_table[operator](left, right))

    def call(__self, __context, __obj, *args, **kwargs):  # noqa: N805 (Jinja's own spelling, for kwargs)
        __self._tick()
        owner = getattr(__obj, "__self__", None)
        if isinstance(owner, str):  # a str method: ljust(10**9), replace, join
            _refuse_big_ints(args, kwargs)
            if _method_size(owner, __obj.__name__, args, kwargs) > SIZE_LIMIT:
                raise _too_big()
        elif __obj is __self.globals.get("lipsum"):  # n paragraphs of up to `max` words
            paragraphs = kwargs.get("n", args[0] if args else 5)
            words = kwargs.get("max", args[3] if len(args) > 3 else 100)
            if isinstance(paragraphs, int) and isinstance(words, int) and paragraphs * words * 12 > SIZE_LIMIT:
                raise _too_big()
        return __self._sized(super().call(__context, __obj, *args, **kwargs))

    def wrap_str_format(self, value):
        wrapped = super().wrap_str_format(value)
        if wrapped is None:
            return None
        fmt = value.__self__

        @functools.wraps(wrapped)
        def checked(*args, **kwargs):
            _check_brace_format(fmt, args, kwargs)
            return self._sized(wrapped(*args, **kwargs))

        return checked
