"""Mutation fuzzing of the three untrusted inputs: project files, packages and templates.

Each case is made deterministically from (kind, seed, number): a seed file (a real project,
package or shipped template) and one or more mutations of it (byte flips, truncation, edits of
the zip structure, JSON and TOML structure edits, huge and deep values, hostile text), so any
case can be replayed alone (``run_fuzz.py --replay KIND:SEED:NUMBER``). Cases run in forked
worker processes under a memory limit (``RLIMIT_AS``) and a time limit (the parent kills a
worker that overruns), and each ends in one outcome:

- ``user error``: refused with a ``UserError`` (a clear line), or a package not VERIFIED;
- ``accepted``: read without complaint (the mutation kept it valid);
- ``unhandled``: any other exception: a bug (its type, message and case are kept);
- ``over time`` / ``over memory``: the limit was hit: unbounded work, a bug as well.

The product code is imported once in the parent, so forked workers start in milliseconds.
"""

from __future__ import annotations

import io
import json
import os
import random
import re
import resource
import select
import signal
import struct
import sys
import tempfile
import time
import traceback
import zipfile
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
for extra in (ROOT / "tests", ROOT / "tests" / "package"):
    if str(extra) not in sys.path:
        sys.path.insert(0, str(extra))

from jcm_pdd.errors import UserError  # noqa: E402

KINDS = ("project", "package", "template")
OUTCOMES = ("user error", "accepted", "unhandled", "over time", "over memory")
TIME_LIMIT = {"project": 20.0, "package": 30.0, "template": 20.0}  # seconds per case
MEMORY_LIMIT = 1536 * 1024 * 1024  # bytes of address space per worker


# -- seeds ----------------------------------------------------------------------------------


@dataclass
class Seeds:
    """The valid files every case starts from (built once, in the parent)."""

    projects: list[bytes]
    packages: list[bytes]
    templates: list[tuple[str, str]]  # (file name, TOML text)


def build_seeds(folder: Path) -> Seeds:
    from projects import make_project, save

    from jcm_pdd.package import build_package
    from jcm_pdd.paths import resources_dir, templates_dir

    project, store = make_project()
    first = save(folder / "seed.jcmpdd", project, store)
    package = build_package(first, folder / "seed.jcmpkg", round=1).path
    samples = sorted((resources_dir() / "samples").glob("*.jcmpdd"))
    projects = [first.read_bytes()] + [p.read_bytes() for p in samples[:2]]
    templates = [
        (p.name, p.read_text(encoding="utf-8")) for p in sorted(templates_dir().glob("*.toml"))
    ]
    return Seeds(projects, [package.read_bytes()], templates)


# -- mutations ------------------------------------------------------------------------------

HOSTILE_TEXT = [
    "\ud800",
    "\x1b]0;PWNED\x07\x1b[2J",
    "\x00",
    "A" * 200_000,
    "../../etc/passwd",
    "𝄞" * 1000,
    "\u202e" + "txt.exe",
    "1e999999",
    "-0",
    "NaN",
]
HOSTILE_NUMBERS: list[Any] = [
    10**300,
    -(2**63),
    2**64,
    0,
    -1,
    1e308,
    1e-308,
    9999,
    100_000_000,
    "1." + "1" * 5000,
    "99999999999999999999999999999999999999",
]


_DEEP = "\x00deep:"  # a marker json_bytes turns into nesting json.dumps itself cannot write


def _deep(depth: int) -> str:
    return f"{_DEEP}{depth}"


def hostile_value(rng: random.Random) -> Any:
    choice = rng.randrange(9)
    if choice == 0:
        return rng.choice(HOSTILE_TEXT)
    if choice == 1:
        return rng.choice(HOSTILE_NUMBERS)
    if choice == 2:
        return _deep(rng.choice([50, 500, 3000]))
    if choice == 3:
        return [{}] * rng.choice([10, 5000, 30_000])
    if choice == 4:
        return None
    if choice == 5:
        return rng.choice([True, False])
    if choice == 6:
        return {"unexpected": rng.choice(HOSTILE_TEXT)}
    if choice == 7:
        return rng.choice(["2027-02-30", "9999-12-31", "0001-01-01", "2027-04-01T00:00:00"])
    return rng.choice(["", " ", "x" * 101, "1/0", "1e30", "-5", "0.000\t" * 50_000])


def _paths(data: Any) -> list[tuple[Any, ...]]:
    """Paths into JSON data, parents first (bounded in depth and breadth: seeds are small)."""
    found: list[tuple[Any, ...]] = []
    stack: list[tuple[Any, tuple[Any, ...]]] = [(data, ())]
    while stack:
        value, prefix = stack.pop()
        found.append(prefix)
        if len(prefix) >= 12:
            continue
        if isinstance(value, dict):
            stack.extend((item, (*prefix, key)) for key, item in list(value.items())[:50])
        elif isinstance(value, list):
            stack.extend((item, (*prefix, n)) for n, item in enumerate(value[:20]))
    return found


def mutate_json(data: Any, rng: random.Random, edits: int) -> Any:
    """Structure edits: replace, delete, duplicate, retype values anywhere in the tree."""
    for _ in range(edits):
        paths = list(_paths(data))
        path = rng.choice(paths)
        if not path:
            if rng.random() < 0.1:
                data = hostile_value(rng)
            continue
        parent = data
        for part in path[:-1]:
            parent = parent[part]
        key = path[-1]
        action = rng.randrange(5)
        if action == 0 and isinstance(parent, dict):
            del parent[key]
        elif action == 1 and isinstance(parent, list) and len(parent) < 30_000:
            item = parent[key]
            small = not isinstance(item, dict | list) or not item
            # Many rows of one small value; a container is repeated a little (shared
            # references would otherwise serialize to an exponential document).
            parent.extend([item] * rng.choice([1, 100, 25_000] if small else [1, 10]))
        elif action == 2 and isinstance(parent, dict):
            parent[rng.choice(["extra", "__proto__", "format_version", key + "_"])] = hostile_value(
                rng
            )
        elif action == 3:
            value = parent[key]
            if isinstance(value, str):
                parent[key] = value + rng.choice(HOSTILE_TEXT)
            elif isinstance(value, int | float) and not isinstance(value, bool):
                parent[key] = rng.choice(HOSTILE_NUMBERS)
            else:
                parent[key] = hostile_value(rng)
        else:
            parent[key] = hostile_value(rng)
    return data


def json_bytes(data: Any, rng: random.Random) -> bytes:
    text = json.dumps(data, ensure_ascii=rng.random() < 0.5, indent=rng.choice([None, 2]))
    budget = [3]  # a duplicated deep value is nested only a few times (a case stays small)

    def nest(match: re.Match[str]) -> str:
        budget[0] -= 1
        depth = int(match.group(1)) if budget[0] >= 0 else 1
        return "[" * depth + "]" * depth

    text = re.sub(r'"(?:\\u0000|\x00)deep:(\d+)"', nest, text)
    return text.encode("utf-8", "surrogatepass")


def flip_bytes(data: bytes, rng: random.Random) -> bytes:
    buffer = bytearray(data)
    for _ in range(rng.choice([1, 1, 2, 4, 16])):
        at = rng.randrange(len(buffer))
        buffer[at] = (
            rng.randrange(256) if rng.random() < 0.5 else buffer[at] ^ (1 << rng.randrange(8))
        )
    return bytes(buffer)


def truncate(data: bytes, rng: random.Random) -> bytes:
    if rng.random() < 0.3:
        return data[: rng.randrange(min(len(data), 200) + 1)]
    cut = rng.randrange(len(data))
    return data[:cut] if rng.random() < 0.7 else data[:cut] + data[cut + rng.randrange(1, 4000) :]


# Central directory field offsets (APPNOTE 4.3.12) and what to write there.
_CD_FIELDS = [
    (8, "<H"),
    (10, "<H"),
    (16, "<I"),
    (20, "<I"),
    (24, "<I"),
    (28, "<H"),
    (30, "<H"),
    (38, "<I"),
    (42, "<I"),
]
_EDGE = [0, 1, 0xFF, 0xFFFF, 0x7FFFFFFF, 0xFFFFFFFF, 0xFFFFFFF0, 0x800, 0x41, 14, 12, 99]


def zip_structure_edit(data: bytes, rng: random.Random) -> bytes:
    """Edit the zip itself: a central-directory field, the end record, duplicate or reordered
    entries, a member re-written with another method or a lying size."""
    buffer = bytearray(data)
    choice = rng.randrange(6)
    directory = [m.start() for m in re.finditer(b"PK\x01\x02", data)]
    end = data.rfind(b"PK\x05\x06")
    if choice <= 1 and directory:
        at = rng.choice(directory)
        offset, fmt = rng.choice(_CD_FIELDS)
        width = struct.calcsize(fmt)
        if at + offset + width <= len(buffer):
            value = rng.choice(_EDGE) & (0xFFFF if fmt == "<H" else 0xFFFFFFFF)
            buffer[at + offset : at + offset + width] = struct.pack(fmt, value)
        return bytes(buffer)
    if choice == 2 and end >= 0:
        offset, fmt = rng.choice([(8, "<H"), (10, "<H"), (12, "<I"), (16, "<I"), (20, "<H")])
        value = rng.choice(_EDGE) & (0xFFFF if fmt == "<H" else 0xFFFFFFFF)
        if end + offset + struct.calcsize(fmt) <= len(buffer):
            buffer[end + offset : end + offset + struct.calcsize(fmt)] = struct.pack(fmt, value)
        return bytes(buffer)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as source:
            entries = [(info, source.read(info)) for info in source.infolist()]
    except Exception:  # the seed was already broken by an earlier mutation: flip instead
        return flip_bytes(data, rng)
    if not entries:
        return data
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        if choice == 3:
            rng.shuffle(entries)
        for n, (info, body) in enumerate(entries):
            if choice == 4 and rng.random() < 0.3:
                info = zipfile.ZipInfo(info.filename, info.date_time)
                info.compress_type = rng.choice([zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED])
                body = body + rng.choice([b"", b"\0" * 65536, body])
            target.writestr(info, body)
            if choice == 5 and n == 0:
                extra = rng.choice(
                    [info.filename, info.filename.upper(), "../evil", "a/./b", "x" * 500]
                )
                import warnings

                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    target.writestr(zipfile.ZipInfo(extra), rng.choice([b"", b"\0" * (5 << 20)]))
    return out.getvalue()


def rewrite_member(data: bytes, name: str, edit: Callable[[bytes], bytes]) -> bytes:
    """The same zip with one member's content edited (order, methods and names kept)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            body = source.read(info)
            target.writestr(info, edit(body) if info.filename == name else body)
    return out.getvalue()


def project_case(seed: bytes, rng: random.Random) -> bytes:
    kind = rng.randrange(10)
    if kind <= 1:
        return flip_bytes(seed, rng)
    if kind == 2:
        return truncate(seed, rng)
    if kind <= 4:
        return zip_structure_edit(seed, rng)
    member = "project.json" if kind <= 8 else "manifest.json"

    def edit(body: bytes) -> bytes:
        return json_bytes(mutate_json(json.loads(body), rng, rng.choice([1, 1, 2, 3, 8])), rng)

    try:
        return rewrite_member(seed, member, edit)
    except Exception:  # an earlier mutation broke the zip or the JSON: damage it further
        return flip_bytes(seed, rng)


def _reseal(data: bytes) -> bytes:
    """Re-make every checksum of a package (what a careful tamperer does)."""
    import hashlib

    from jcm_pdd.package import bagit

    with zipfile.ZipFile(io.BytesIO(data)) as source:
        members = {info.filename: source.read(info) for info in source.infolist()}
    payload = {n: d for n, d in members.items() if n.startswith(bagit.PAYLOAD_DIR)}
    members[bagit.MANIFEST] = bagit.format_manifest(
        {n: hashlib.sha256(d).hexdigest() for n, d in payload.items()}
    )
    oxum = bagit.payload_oxum(len(d) for d in payload.values())
    info = members.get(bagit.BAG_INFO, b"").decode("utf-8", "replace")
    members[bagit.BAG_INFO] = re.sub(r"Payload-Oxum: .*", f"Payload-Oxum: {oxum}", info).encode()
    tags = {
        n: hashlib.sha256(members[n]).hexdigest()
        for n in (bagit.BAGIT_TXT, bagit.BAG_INFO, bagit.MANIFEST, bagit.INDEX)
        if n in members
    }
    members[bagit.TAGMANIFEST] = bagit.format_manifest(tags)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name, body in members.items():
            target.writestr(zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0)), body)
    return out.getvalue()


def package_case(seed: bytes, seeds: Seeds, rng: random.Random) -> bytes:
    kind = rng.randrange(12)
    if kind <= 1:
        return flip_bytes(seed, rng)
    if kind == 2:
        return truncate(seed, rng)
    if kind <= 4:
        return zip_structure_edit(seed, rng)
    with zipfile.ZipFile(io.BytesIO(seed)) as source:
        names = source.namelist()
    reseal = rng.random() < 0.7
    if kind <= 6:
        name = "package-index.json"

        def edit(body: bytes) -> bytes:
            return json_bytes(mutate_json(json.loads(body), rng, rng.choice([1, 2, 4])), rng)

    elif kind == 7:
        name = next(n for n in names if n.endswith(".jcmpdd"))

        def edit(body: bytes) -> bytes:
            return project_case(body, rng)

    elif kind == 8:
        name = next(n for n in names if n.endswith(".toml"))

        def edit(body: bytes) -> bytes:
            return template_case(body.decode("utf-8"), rng).encode("utf-8", "surrogatepass")

    elif kind == 9:
        name = rng.choice([n for n in names if n.endswith((".docx", ".xlsx"))])

        def edit(body: bytes) -> bytes:
            return rng.choice([flip_bytes, truncate, zip_structure_edit])(body, rng)

    elif kind == 10:
        name = rng.choice([n for n in names if n.endswith(".json") or n.endswith(".txt")])

        def edit(body: bytes) -> bytes:
            return rng.choice([flip_bytes, truncate])(body, rng) if body else b"\0"

    else:
        name = rng.choice(names)

        def edit(body: bytes) -> bytes:
            return rng.choice([b"", b"[" * 3000, b"\xff\xfe", body * 2])

    try:
        mutated = rewrite_member(seed, name, edit)
    except Exception:  # the member could not be read or edited: damage the package instead
        return flip_bytes(seed, rng)
    return _reseal(mutated) if reseal else mutated


_LINE_VALUE = re.compile(r"^(\s*[A-Za-z_][\w.]*\s*=\s*)(.+)$")
TOML_VALUES = [
    '"' + "(" * 50 + "x" + ")" * 50 + '"',
    '"' + "((((((((((((EG^4)^4)^4)^4)^4)^4)^4)^4)^4)^4)^4)^4)" + '"',
    '"' + "RE*X*0" + " + 0" * 1000 + '"',
    '"' + "1" * 5000 + '"',
    "1" * 4400,
    "[" * 500 + "]" * 500,
    "{ a = " * 200 + "1" + " }" * 200,
    '"kWh*kWh*kWh*kWh*kWh*kWh*kWh*kWh*kWh*kWh*kWh*kWh*kWh*kWh*kWh*kWh*kWh*kWh*kWh"',
    '"' + "(" * 30 + "MWh" + ")" * 30 + '"',
    '"\\ud800"',
    '"\\u001b]0;x\\u0007"',
    '"sum(i, sum(i, sum(i, EG[i])))"',
    '"convert(EG, \\"kWh\\")"',
    "\"__import__('os')\"",
    '"EG.__class__"',
    "1e400",
    "-0",
    "9999-12-31",
    '"x" ',
    "true",
    "[]",
    "{}",
    '"' + "a" * 100_000 + '"',
    '"if(EG > 0, 1/0, 2)"',
    '"band(X, 1e30)"',
    "100000000",
]


def template_case(text: str, rng: random.Random) -> str:
    kind = rng.randrange(8)
    lines = text.splitlines()
    if kind == 0:
        data = bytearray(text.encode("utf-8"))
        return flip_bytes(bytes(data), rng).decode("utf-8", "replace")
    if kind == 1:
        return text[: rng.randrange(len(text))]
    if kind == 2 and lines:
        at = rng.randrange(len(lines))
        action = rng.randrange(3)
        if action == 0:
            del lines[at]
        elif action == 1:
            lines.insert(at, lines[at])
        else:
            lines[at], lines[-1] = lines[-1], lines[at]
        return "\n".join(lines)
    for _ in range(rng.choice([1, 1, 2, 3])):
        candidates = [n for n, line in enumerate(lines) if _LINE_VALUE.match(line)]
        if not candidates:
            break
        at = rng.choice(candidates)
        match = _LINE_VALUE.match(lines[at])
        assert match is not None
        head, value = match.groups()
        if kind <= 5:
            lines[at] = head + rng.choice(TOML_VALUES)
        elif value.startswith('"') and value.endswith('"'):
            inner = value[1:-1]
            pos = rng.randrange(len(inner) + 1)
            insert = rng.choice(
                ["^4", "*", "(", ")", " + 0", "[i]", "/0", "sum(i,", "\\\\", "1" * 60]
            )
            lines[at] = head + '"' + inner[:pos] + insert + inner[pos:] + '"'
        else:
            lines[at] = head + rng.choice(TOML_VALUES)
    return "\n".join(lines)


# -- running one case -----------------------------------------------------------------------


def make_case(seeds: Seeds, kind: str, seed: int, number: int) -> tuple[str, bytes]:
    """(file name, bytes) of case ``number`` of ``kind`` for the run seed ``seed``."""
    rng = random.Random(f"{kind}:{seed}:{number}")
    if kind == "project":
        data = rng.choice(seeds.projects)
        for _ in range(rng.choice([1, 1, 1, 2])):
            data = project_case(data, rng)
        return "case.jcmpdd", data
    if kind == "package":
        return "case.jcmpkg", package_case(rng.choice(seeds.packages), seeds, rng)
    name, text = rng.choice(seeds.templates)
    for _ in range(rng.choice([1, 1, 2])):
        text = template_case(text, rng)
    return name, text.encode("utf-8", "surrogatepass")


def run_case(kind: str, path: Path) -> str:
    """Read the case as the app does; the outcome (``user error`` or ``accepted``), or raise."""
    if kind == "project":
        from jcm_pdd.checks import run_checks
        from jcm_pdd.storage import load_project

        loaded = load_project(path, backup_before_migration=False)
        run_checks(loaded.project)
        from jcm_pdd.terminal import printable

        printable(loaded.project.pdd.title).encode("utf-8")
        return "accepted"
    if kind == "package":
        from jcm_pdd.package import verify_package

        report = verify_package(path)
        report.summary().encode("utf-8")
        json.dumps(report.to_dict(), ensure_ascii=True)
        return "accepted" if report.ok else "user error"
    from jcm_pdd.methodology import TemplateError, parse_template, run_examples

    text = path.read_bytes().decode("utf-8", "replace")
    try:
        template = parse_template(text, path.name)
    except TemplateError:
        return "user error"
    return "user error" if run_examples(template, text) else "accepted"


def classify(kind: str, path: Path) -> tuple[str, str]:
    try:
        return run_case(kind, path), ""
    except UserError:
        return "user error", ""
    except MemoryError:
        return "over memory", "MemoryError"
    except Exception as exc:  # the point of fuzzing: every other exception is a finding
        frames = traceback.extract_tb(exc.__traceback__)
        where = next((f for f in reversed(frames) if "jcm_pdd" in f.filename), frames[-1])
        place = f"{Path(where.filename).name}:{where.lineno}"
        return "unhandled", f"{type(exc).__name__}: {str(exc)[:160]} ({place})"


# -- workers --------------------------------------------------------------------------------


@dataclass
class Result:
    counts: Counter[str] = field(default_factory=Counter)
    by_kind: dict[str, Counter[str]] = field(default_factory=lambda: {k: Counter() for k in KINDS})
    findings: list[str] = field(default_factory=list)  # "kind:seed:number outcome detail"
    not_made: list[str] = field(default_factory=list)  # cases the harness failed to build
    seconds: float = 0.0

    def add(self, kind: str, case: str, outcome: str, detail: str) -> None:
        if outcome == "not made":
            self.not_made.append(f"{case} {detail}")
            return
        self.counts[outcome] += 1
        self.by_kind[kind][outcome] += 1
        if outcome in ("unhandled", "over time", "over memory"):
            self.findings.append(f"{case} {outcome} {detail}")

    def table(self) -> str:
        lines = [f"{'kind':<10}" + "".join(f"{o:>13}" for o in OUTCOMES) + f"{'total':>9}"]
        for kind in KINDS:
            row = self.by_kind[kind]
            lines.append(
                f"{kind:<10}"
                + "".join(f"{row[o]:>13}" for o in OUTCOMES)
                + f"{sum(row.values()):>9}"
            )
        total = self.counts
        lines.append(
            f"{'all':<10}"
            + "".join(f"{total[o]:>13}" for o in OUTCOMES)
            + f"{sum(total.values()):>9}"
        )
        return "\n".join(lines)


def _worker(seeds: Seeds, requests: int, replies: int, folder: Path) -> None:
    """In the forked worker: read ``kind seed number`` lines, answer ``outcome|detail`` lines."""
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    os.environ["JCM_PDD_HOME"] = str(folder / "home")
    reader = os.fdopen(requests, "r")
    for line in reader:
        kind, seed, number = line.split()
        case_dir = Path(tempfile.mkdtemp(dir=folder))
        try:
            name, data = make_case(seeds, kind, int(seed), int(number))
            path = case_dir / name
            path.write_bytes(data)
        except Exception as exc:  # the harness's own failure: reported apart, never counted
            outcome, detail = "not made", f"{type(exc).__name__}: {exc}"
        else:
            outcome, detail = classify(kind, path)
        finally:
            for leftover in sorted(case_dir.rglob("*"), reverse=True):
                (leftover.rmdir if leftover.is_dir() else leftover.unlink)()
            case_dir.rmdir()
        os.write(
            replies,
            f"{outcome}|{detail}".replace("\n", " ").encode("utf-8", "replace")[:400] + b"\n",
        )
    os._exit(0)


class Worker:
    def __init__(self, seeds: Seeds, folder: Path) -> None:
        request_read, self.request_write = os.pipe()
        self.reply_read, reply_write = os.pipe()
        self.pid = os.fork()
        if self.pid == 0:  # pragma: no cover - the child
            os.close(self.request_write)
            os.close(self.reply_read)
            try:
                _worker(seeds, request_read, reply_write, folder)
            finally:
                os._exit(1)
        os.close(request_read)
        os.close(reply_write)
        self.buffer = b""
        self.case: tuple[str, str] | None = None  # (kind, case id) being run
        self.started = 0.0

    def send(self, kind: str, seed: int, number: int) -> None:
        self.case = (kind, f"{kind}:{seed}:{number}")
        self.started = time.monotonic()
        os.write(self.request_write, f"{kind} {seed} {number}\n".encode())

    def reply(self) -> str | None:
        """A finished case's reply line, None if not yet; "" when the worker died."""
        chunk = os.read(self.reply_read, 4096)
        if not chunk:
            return ""
        self.buffer += chunk
        if b"\n" in self.buffer:
            line, self.buffer = self.buffer.split(b"\n", 1)
            return line.decode("utf-8", "replace")
        return None

    def stop(self) -> None:
        for fd in (self.request_write, self.reply_read):
            try:
                os.close(fd)
            except OSError:
                pass
        try:
            os.kill(self.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        os.waitpid(self.pid, 0)


def run(
    kinds: dict[str, int],
    seed: int = 1,
    workers: int = 2,
    progress: Callable[[Result, int], None] | None = None,
    first: int = 0,
) -> Result:
    """Run ``kinds[kind]`` cases of each kind (numbers ``first``...) and count the outcomes."""
    result = Result()
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="jcm-fuzz-") as tmp:
        folder = Path(tmp)
        os.environ.setdefault("JCM_PDD_HOME", str(folder / "parent-home"))
        seeds = build_seeds(folder)
        queue = [(kind, n) for kind, count in kinds.items() for n in range(first, first + count)]
        random.Random(seed).shuffle(queue)  # mix kinds so both workers see each
        pool = [Worker(seeds, folder) for _ in range(workers)]
        done = 0
        try:
            while queue or any(w.case for w in pool):
                for worker in pool:
                    if worker.case is None and queue:
                        kind, number = queue.pop()
                        worker.send(kind, seed, number)
                busy = [w for w in pool if w.case is not None]
                ready, _, _ = select.select([w.reply_read for w in busy], [], [], 0.5)
                now = time.monotonic()
                for worker in list(busy):
                    assert worker.case is not None
                    kind, case = worker.case
                    line: str | None = None
                    if worker.reply_read in ready:
                        line = worker.reply()
                    if line is None and now - worker.started <= TIME_LIMIT[kind]:
                        continue
                    if line:  # a finished case
                        outcome, _, detail = line.partition("|")
                        result.add(kind, case, outcome, detail)
                        worker.case = None
                    else:  # over time (None) or the worker died ("", e.g. out of memory)
                        outcome = "over time" if line is None else "over memory"
                        result.add(kind, case, outcome, f"after {now - worker.started:.1f} s")
                        worker.stop()
                        pool[pool.index(worker)] = Worker(seeds, folder)
                    done += 1
                    if progress is not None:
                        progress(result, done)
        finally:
            for worker in pool:
                worker.stop()
    result.seconds = time.monotonic() - started
    return result
