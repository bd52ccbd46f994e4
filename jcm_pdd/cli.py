"""The ``jcm-pdd`` command line: no arguments opens the desktop app; subcommands work headless.

``jcm-pdd FILE`` (how a desktop starts it for a double-clicked file) is ``jcm-pdd open FILE``.
Subcommands live one module each in ``jcm_pdd.commands``; every such module exposes
``register(subparsers)`` which adds its parser and sets ``handler`` (a function taking the
parsed namespace and returning an exit code). Exit codes: 0 success, 1 a user error (one line
on stderr), 2 usage. Nothing here imports PySide6 unless the desktop app is asked for.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import os
import pkgutil
import sys
from collections.abc import Sequence
from typing import NoReturn

from jcm_pdd import __version__
from jcm_pdd.errors import UserError
from jcm_pdd.terminal import guard_streams, printable, safe_stdout

COMMAND_MODULES = (
    "open",
    "info",
    "dump",
    "templates",
    "calc",
    "new",
    "export",
    "package",
    "verify",
    "diff",
    "check",
    "monitoring",
    "forms",
    "review",
    "selftest",
)


def _command_modules() -> list[str]:
    import jcm_pdd.commands as commands

    found = {m.name for m in pkgutil.iter_modules(commands.__path__) if not m.name.startswith("_")}
    # Known commands first in a stable order (a frozen app may not list modules), then any others.
    ordered = [name for name in COMMAND_MODULES if name in found or getattr(sys, "frozen", False)]
    ordered += sorted(found - set(COMMAND_MODULES))
    return ordered


def build_parser() -> argparse.ArgumentParser:
    return _parser(_command_modules())


def _parser(names: Sequence[str]) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="jcm-pdd",
        description="JCM PDD Studio: draft, calculate, export and package JCM PDDs.",
    )
    parser.add_argument("--version", action="version", version=f"jcm-pdd {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in names:
        try:
            module = importlib.import_module(f"jcm_pdd.commands.{name}")
        except ModuleNotFoundError:
            continue
        module.register(subparsers)
    return parser


def entry() -> NoReturn:
    """The ``jcm-pdd`` command (and ``python -m jcm_pdd``): ``main``, then the process ends."""
    # The windowed Windows app (and macOS Finder launches) have no console: no stdout/stderr.
    # A one-line error must then go nowhere rather than crash the start.
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))
    code = main(ends_process=True)
    # Python's shutdown runs one last cyclic garbage collection over every object still alive
    # (the document model, the renderers' modules): about 0.1 s after an export, for nothing.
    # Frozen objects are left out of it; files are closed and atexit handlers run as usual.
    gc.freeze()
    sys.exit(code)


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):  # no real stdout (embedded, captured): nothing to silence
        pass


OPENABLE_SUFFIXES = (".jcmpdd", ".jcmpkg", ".jcmreview")


def _opens_a_file(first: str) -> bool:
    """``jcm-pdd FILE``, as a double-click or a file manager's "Open with" runs it: the first
    argument is no command and no option but a file (or at least named like one of ours).
    (Each command module registers the command of its own name.)"""
    if first.startswith("-") or first in _command_modules():
        return False
    return os.path.exists(first) or first.lower().endswith(OPENABLE_SUFFIXES)


def main(argv: Sequence[str] | None = None, *, ends_process: bool = False) -> int:
    """Run one command; its exit code. ``ends_process``: the process ends right after (the
    ``jcm-pdd`` command, ``entry``), so a command may leave process-wide state as it is
    (``export`` leaves the garbage collector off); in-process callers (tests) get it back."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    # macOS Finder adds a process serial number to apps it starts on some versions; not ours.
    args_list = [a for a in args_list if not a.startswith("-psn_")]
    if not args_list:
        args_list = ["open"]
    elif _opens_a_file(args_list[0]):
        args_list = ["open", *args_list]
    # A known command reads only its own module and options (the desktop app: ``open``):
    # building all fifteen commands' parsers and importing their modules cost every start
    # 10-25 ms of CPU. ``--help``, ``--version`` and unknown commands get the whole parser.
    known = args_list[0] in COMMAND_MODULES
    parser = _parser([args_list[0]]) if known else build_parser()
    try:
        args = parser.parse_args(args_list)
    except SystemExit as exc:  # argparse: --help/--version exit 0, usage errors exit 2
        return int(exc.code or 0)
    handler = getattr(args, "handler", None)
    if handler is None:
        parser.print_usage(sys.stderr)
        return 2
    args.ends_process = ends_process
    guard_streams()
    try:
        with safe_stdout():
            return int(handler(args))
    except BrokenPipeError:
        # The reader went away (``jcm-pdd dump FILE | head``): nothing more to say to it. Point
        # stdout at nothing so the interpreter's final flush does not raise again.
        _silence_stdout()
        return 1
    except UserError as exc:
        if exc.__cause__ is not None and not isinstance(exc.__cause__, UserError):
            from jcm_pdd.crashlog import record  # an internal failure worded for the user: kept

            record(exc, f"jcm-pdd {args_list[0]}")
        if os.environ.get("JCM_PDD_DEBUG") and exc.__cause__ is not None:
            import traceback  # the internal failure a UserError stands for (export renderers)

            traceback.print_exception(exc.__cause__)
        print(f"jcm-pdd: error: {printable(exc.message, keep_newlines=True)}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # a bug: still one readable line, never a bare traceback
        if os.environ.get("JCM_PDD_DEBUG"):
            raise
        from jcm_pdd.crashlog import record  # the traceback is kept, never only printed

        log = record(exc, f"jcm-pdd {args_list[0]}")
        kept = f" The details are in {log}." if log is not None else ""
        print(
            f"jcm-pdd: internal error ({type(exc).__name__}: {printable(str(exc))}). This is a "
            f"bug in JCM PDD Studio; your files were not changed.{kept} Run again with "
            "JCM_PDD_DEBUG=1 to see them here.",
            file=sys.stderr,
        )
        return 1


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
