"""The shared zip safety rules (jcm_pdd.safezip): which rule refuses which file, reading, words.

The hostile corpora of tests/storage and tests/package check each caller's messages end to end;
these tests pin the rules themselves (the ``Problem`` each hostile zip breaks, whatever the
caller's words) and the contract with the callers: every problem is worded by both.
"""

from __future__ import annotations

import hashlib
import io
import os
import struct
import zipfile
import zlib
from pathlib import Path

import pytest
from rawzip import DEFLATED, STORED, RawEntry, raw_zip

from jcm_pdd.package import safezip as package_zip
from jcm_pdd.safezip import (
    Limits,
    Problem,
    Refusal,
    SafeZipReader,
    human_size,
    name_problem,
    shown_name,
)
from jcm_pdd.storage import container as project_zip
from jcm_pdd.storage.errors import ProjectFileError

TEXT = b"the project boundary is the rooftop array\n" * 50


class Refused(Exception):
    def __init__(self, refusal: Refusal) -> None:
        super().__init__(refusal.problem.value)
        self.refusal = refusal


def _open(
    path: Path, limits: Limits | None = None, verify_stored_crc: bool = True
) -> SafeZipReader:
    return SafeZipReader(path, limits or Limits(), Refused, verify_stored_crc=verify_stored_crc)


def _write(tmp_path: Path, data: bytes) -> Path:
    path = tmp_path / "t.zip"
    path.write_bytes(data)
    return path


def _problem(tmp_path: Path, data: bytes, limits: Limits | None = None) -> Problem:
    with pytest.raises(Refused) as caught:
        _open(_write(tmp_path, data), limits).close()
    return caught.value.refusal.problem


def _read_problem(
    tmp_path: Path, data: bytes, name: str, verify_stored_crc: bool = True
) -> Problem:
    with _open(_write(tmp_path, data), verify_stored_crc=verify_stored_crc) as reader:
        with pytest.raises(Refused) as caught:
            reader.read(name)
    return caught.value.refusal.problem


def _ok(name: str = "a.txt", data: bytes = TEXT, method: int = DEFLATED) -> RawEntry:
    return RawEntry(name, data, method)


# -- names ------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("name", "problem"),
    [
        ("", Problem.EMPTY_NAME),
        ("a" * 401, Problem.NAME_TOO_LONG),
        ("data/evil\x1b[2J.txt", Problem.CONTROL_CHARACTERS),
        ("data/nul\x00.txt", Problem.CONTROL_CHARACTERS),
        ("data\\evil.txt", Problem.BACKSLASH),
        ("/etc/passwd", Problem.ABSOLUTE),
        ("C:/Windows/evil.dll", Problem.ABSOLUTE),
        ("c:evil", Problem.ABSOLUTE),
        ("data/../../evil.sh", Problem.OUTSIDE),
        ("..", Problem.OUTSIDE),
        ("data/./a.txt", Problem.ALIAS_PART),
        ("data//a.txt", Problem.ALIAS_PART),
    ],
)
def test_unsafe_names_are_named_by_their_problem(name: str, problem: Problem) -> None:
    assert name_problem(name) is problem


@pytest.mark.parametrize(
    "name", ["mimetype", "attachments/", "data/a b.txt", "data/Ölgii 2024.xlsx", "a..b/c...d"]
)
def test_safe_names_pass(name: str) -> None:
    assert name_problem(name) is None


def test_name_length_limit_is_the_callers() -> None:
    assert name_problem("a" * 50, max_length=40) is Problem.NAME_TOO_LONG
    assert name_problem("a" * 40, max_length=40) is None


# -- which rule refuses which file ------------------------------------------------------------
def test_file_level_problems(tmp_path: Path) -> None:
    assert _problem(tmp_path, b"") is Problem.EMPTY_FILE
    assert _problem(tmp_path, b"%PDF-1.7\n" * 10) is Problem.NOT_ZIP
    good = raw_zip([_ok()])
    assert _problem(tmp_path, good[: len(good) // 2]) is Problem.TRUNCATED
    assert _problem(tmp_path, raw_zip([])) is Problem.NO_ENTRIES
    with pytest.raises(Refused) as caught:
        _open(tmp_path / "missing.zip")
    assert caught.value.refusal.problem is Problem.NOT_FOUND
    with pytest.raises(Refused) as caught:
        _open(tmp_path)
    assert caught.value.refusal.problem is Problem.FOLDER


def test_entry_count_is_checked_from_the_end_record_before_the_directory_is_parsed(
    tmp_path: Path,
) -> None:
    data = raw_zip([_ok(f"d/{n}.txt", b"x", STORED) for n in range(12)])
    path = _write(tmp_path, data)
    with pytest.raises(Refused) as caught:
        _open(path, Limits(max_entries=10))
    refusal = caught.value.refusal
    assert (refusal.problem, refusal.number, refusal.limit) == (Problem.TOO_MANY_ENTRIES, 12, 10)


def test_a_damaged_directory_is_refused(tmp_path: Path) -> None:
    good = raw_zip([_ok(), _ok("b.txt")])
    assert _problem(tmp_path, good[:-40] + good[-22:]) is Problem.DIRECTORY_DAMAGED


@pytest.mark.parametrize(
    ("entries", "problem"),
    [
        ([_ok(), _ok()], Problem.DUPLICATE),
        ([_ok("Data/A.txt"), _ok("data/a.txt")], Problem.DUPLICATE_BY_CASE),
        (  # the same name in two Unicode normal forms (UTF-8 names: flag bit 11)
            [RawEntry("caf\u00e9.txt", flags=0x800), RawEntry("cafe\u0301.txt", flags=0x800)],
            Problem.DUPLICATE_BY_CASE,
        ),
        ([RawEntry("link", b"/etc/passwd", external_attr=0o120777 << 16)], Problem.SYMLINK),
        ([RawEntry("fifo", b"", external_attr=0o010644 << 16)], Problem.SPECIAL_FILE),
        ([RawEntry("a.txt", b"x", flags=0x1)], Problem.ENCRYPTED),
        ([RawEntry("a.txt", b"x", flags=0x40)], Problem.ENCRYPTED),
        ([RawEntry("a.txt", b"x", flags=0x20)], Problem.PATCHED_DATA),
        ([RawEntry("a.txt", b"x", method=14)], Problem.COMPRESSION),
        ([RawEntry("folder/", b"hidden")], Problem.FOLDER_WITH_DATA),
        ([RawEntry("a.txt", b"abc", declared_size=4)], Problem.STORED_SIZES_DIFFER),
        (  # a bomb: far above the absolute floor and ~16,000 times its stored size
            [RawEntry("z.bin", b"\0" * 4096, method=DEFLATED, declared_size=65 * 1024 * 1024)],
            Problem.RATIO,
        ),
        ([_ok(), RawEntry("b.txt", b"x", header_offset=7)], Problem.LOCAL_HEADER_MISSING),
        (
            [_ok(), RawEntry("b.txt", b"x", header_offset=-5 & 0xFFFFFFFF)],
            Problem.LOCAL_HEADER_MISSING,
        ),
        ([_ok(), RawEntry("b.txt", TEXT, local_name="../b.txt")], Problem.LOCAL_NAME_DIFFERS),
        ([_ok(), RawEntry("b.txt", b"x", offset_of="a.txt")], Problem.OVERLAP),
    ],
    ids=lambda value: value.value if isinstance(value, Problem) else None,
)
def test_declared_problems(tmp_path: Path, entries: list[RawEntry], problem: Problem) -> None:
    assert _problem(tmp_path, raw_zip(entries)) is problem


def test_size_limits(tmp_path: Path) -> None:
    entries = [RawEntry(f"{n}.bin", bytes(range(256)) * 8) for n in range(4)]
    path = _write(tmp_path, raw_zip(entries))
    with pytest.raises(Refused) as caught:
        _open(path, Limits(max_total_size=5000))
    refusal = caught.value.refusal
    # The whole claim is stated, not the running total at the entry that crossed the line.
    assert (refusal.problem, refusal.size, refusal.limit) == (Problem.TOTAL_TOO_LARGE, 8192, 5000)
    with pytest.raises(Refused) as caught:
        _open(path, Limits(max_member_size=2000))
    assert caught.value.refusal.problem is Problem.MEMBER_TOO_LARGE
    assert caught.value.refusal.entry == "0.bin"


def test_data_running_past_the_directory_is_refused(tmp_path: Path) -> None:
    lying = RawEntry("b.txt", b"x" * 10, declared_size=5000, declared_packed=5000)
    assert _problem(tmp_path, raw_zip([_ok(), lying])) is Problem.DATA_PAST_END


def test_a_small_member_may_compress_well(tmp_path: Path) -> None:
    with _open(_write(tmp_path, raw_zip([_ok("z.bin", b"\0" * 500_000)]))) as reader:
        assert reader.read("z.bin") == b"\0" * 500_000


# -- reading ----------------------------------------------------------------------------------
def test_reads_stored_and_deflated_members_and_lists_folders(tmp_path: Path) -> None:
    entries = [
        RawEntry("docs/", b"", external_attr=0o040755 << 16),
        _ok("docs/a.txt", TEXT, STORED),
        _ok("docs/b.txt", TEXT[::-1], DEFLATED),
    ]
    path = _write(tmp_path, raw_zip(entries))
    with _open(path) as reader:
        assert reader.entries == ["docs/", "docs/a.txt", "docs/b.txt"]
        assert reader.directories == ["docs/"]
        assert reader.names() == ["docs/a.txt", "docs/b.txt"]
        assert reader.has("docs/a.txt") and not reader.has("docs/")
        assert reader.read("docs/a.txt") == TEXT
        assert reader.read("docs/b.txt") == TEXT[::-1]
        assert reader.sha256("docs/b.txt") == (hashlib.sha256(TEXT[::-1]).hexdigest(), len(TEXT))
        # Small chunks: each one is counted; views of a reused buffer joined after copying.
        assert b"".join(bytes(c) for c in reader.chunks("docs/a.txt", 7)) == TEXT
        assert b"".join(bytes(c) for c in reader.chunks("docs/b.txt", 7)) == TEXT[::-1]
        stored = reader.members["docs/a.txt"]
    raw = path.read_bytes()
    assert raw[stored.data_offset : stored.data_offset + stored.size] == TEXT


def test_reads_what_zipfile_writes_including_zip64(tmp_path: Path) -> None:
    path = tmp_path / "z64.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("mimetype", b"x", compress_type=zipfile.ZIP_STORED)
        with zf.open("big.txt", "w", force_zip64=True) as out:
            out.write(TEXT)
        zf.mkdir("attachments")
    with _open(path) as reader:
        assert reader.read("big.txt") == TEXT
        assert reader.entries == ["mimetype", "big.txt", "attachments/"]


def test_a_member_that_inflates_past_its_declared_size_is_stopped(tmp_path: Path) -> None:
    bomb = _ok("b.bin", b"\0" * (2 * 1024 * 1024), DEFLATED)
    bomb.declared_size = 1000
    data = raw_zip([bomb])
    assert _read_problem(tmp_path, data, "b.bin") is Problem.MORE_THAN_DECLARED


def test_damaged_content_is_refused_while_reading(tmp_path: Path) -> None:
    shorter = _ok("s.txt")
    shorter.declared_size = len(TEXT) + 10
    assert _read_problem(tmp_path, raw_zip([shorter]), "s.txt") is Problem.SHORTER_THAN_DECLARED
    wrong_crc = _ok("c.txt")
    wrong_crc.crc = zlib.crc32(TEXT) ^ 1
    assert _read_problem(tmp_path, raw_zip([wrong_crc]), "c.txt") is Problem.CHECKSUM
    garbage = RawEntry("g.txt", TEXT, DEFLATED, packed=b"\xff" * 40)
    assert _read_problem(tmp_path, raw_zip([garbage]), "g.txt") is Problem.MALFORMED_DATA
    packer = zlib.compressobj(6, zlib.DEFLATED, -15)
    unfinished = packer.compress(TEXT) + packer.flush(zlib.Z_SYNC_FLUSH)  # no end marker
    cut = RawEntry("u.txt", TEXT, DEFLATED, packed=unfinished)
    assert _read_problem(tmp_path, raw_zip([cut]), "u.txt") is Problem.MALFORMED_DATA
    trailing = RawEntry("t.txt", TEXT, DEFLATED, packed=zlib.compress(TEXT)[2:-4] + b"junk")
    assert _read_problem(tmp_path, raw_zip([trailing]), "t.txt") is Problem.MALFORMED_DATA


def test_stored_crc_is_checked_unless_the_caller_has_a_stronger_hash(tmp_path: Path) -> None:
    wrong_crc = RawEntry("c.txt", TEXT, STORED, crc=zlib.crc32(TEXT) ^ 1)
    data = raw_zip([wrong_crc])
    assert _read_problem(tmp_path, data, "c.txt") is Problem.CHECKSUM
    with _open(_write(tmp_path, data), verify_stored_crc=False) as reader:
        assert reader.read("c.txt") == TEXT


def test_read_refuses_a_member_larger_than_its_use_before_reading(tmp_path: Path) -> None:
    with _open(_write(tmp_path, raw_zip([_ok()]))) as reader:
        with pytest.raises(Refused) as caught:
            reader.read("a.txt", limit=100)
    refusal = caught.value.refusal
    assert (refusal.problem, refusal.size, refusal.limit) == (
        Problem.TOO_LARGE_TO_READ,
        len(TEXT),
        100,
    )


def test_a_file_cut_after_opening_is_refused_while_reading(tmp_path: Path) -> None:
    path = _write(tmp_path, raw_zip([_ok("a.txt", TEXT, STORED)]))
    with _open(path) as reader:
        offset = reader.members["a.txt"].data_offset
        os.truncate(path, offset + 10)
        assert pytest.raises(Refused, reader.read, "a.txt").value.refusal.problem is (
            Problem.ENDS_EARLY
        )


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="counts open files via /proc")
def test_a_refused_file_is_closed_again(tmp_path: Path) -> None:
    path = _write(tmp_path, raw_zip([_ok(), _ok()]))
    before = len(os.listdir("/proc/self/fd"))
    for _ in range(5):
        with pytest.raises(Refused):
            _open(path)
    assert len(os.listdir("/proc/self/fd")) == before


# -- words ------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "words", [project_zip.WORDS, package_zip.WORDS], ids=["project", "package"]
)
def test_every_problem_is_worded_by_every_caller(words: dict[Problem, str]) -> None:
    assert set(words) == set(Problem)
    refusal_facts = {"entry": "data/a.txt", "other": "data/A.txt", "detail": "disk error"}
    texts = set()
    for problem in Problem:
        text = Refusal(problem, Path("/x/p.zip"), size=3 * 1024**3, limit=10, **refusal_facts)
        texts.add(text.words(words[problem]))
    assert len(texts) == len(Problem)  # no two problems read the same to a person


def test_words_fill_the_facts_a_person_needs() -> None:
    refusal = Refusal(
        Problem.RATIO, Path("/home/u/p.jcmpdd"), "data/\x1b[2Jz.bin", ratio=1028.6, limit=200
    )
    text = refusal.words(project_zip.WORDS[Problem.RATIO])
    assert text.startswith("the entry “data/?[2Jz.bin” would expand 1029 times")
    assert "(at most 200 is allowed)" in text
    overlap = Refusal(Problem.OVERLAP, Path("p.jcmpkg"), "a.txt", "b.txt")
    assert "'a.txt' and 'b.txt' overlap" in overlap.words(package_zip.WORDS[Problem.OVERLAP])
    size = Refusal(Problem.TOO_LARGE_TO_READ, Path("p"), "x", size=3 * 1024**2, limit=1024**2)
    assert "(3.0 MB; at most 1.0 MB is allowed)" in size.words(
        project_zip.WORDS[Problem.TOO_LARGE_TO_READ]
    )


def test_shown_names_and_sizes() -> None:
    assert shown_name("a\x07b") == "a?b"
    long = shown_name("x" * 100)
    assert len(long) == 60 and long.endswith("...")
    assert [human_size(n) for n in (0, 1023, 1024, 5 * 1024**3)] == [
        "0 bytes",
        "1023 bytes",
        "1.0 KB",
        "5.0 GB",
    ]


def test_callers_keep_their_own_limits() -> None:
    # A project's attachment may be as large as a whole project; a package member is capped.
    assert project_zip.DEFAULT_LIMITS.max_member_size == project_zip.DEFAULT_LIMITS.max_total_size
    assert package_zip.DEFAULT_LIMITS.max_member_size < package_zip.DEFAULT_LIMITS.max_total_size
    assert project_zip.DEFAULT_LIMITS.max_json_size == 64 * 1024**2


def test_raw_writer_agrees_with_zipfile() -> None:
    """The test writer itself: a well-formed raw zip is one zipfile reads back unchanged."""
    data = raw_zip([_ok("a.txt"), _ok("b.txt", TEXT, STORED)])
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        assert zf.read("a.txt") == TEXT and zf.read("b.txt") == TEXT
    assert struct.unpack("<H", data[-12:-10])[0] == 2


@pytest.mark.parametrize(
    ("entry", "project_words", "package_words"),
    [
        (
            RawEntry("data/link", b"/etc/passwd", external_attr=0o120777 << 16),
            "is a symbolic link; projects contain only files.",
            "Unsafe package: the entry 'data/link' is a symbolic link.",
        ),
        (
            RawEntry("data/../../evil.sh", b"x"),
            "uses '..' to point outside the project.",
            "points outside the package (it contains '..')",
        ),
        (
            RawEntry("data/a.txt", b"x", flags=0x1),
            "is encrypted; projects never are.",
            "is encrypted; packages are never encrypted.",
        ),
    ],
    ids=["symlink", "dotdot", "encrypted"],
)
def test_project_files_and_packages_refuse_by_the_same_rules_in_their_own_words(
    tmp_path: Path, entry: RawEntry, project_words: str, package_words: str
) -> None:
    path = _write(tmp_path, raw_zip([RawEntry("mimetype", b"application/vnd.jcm-pdd+zip"), entry]))
    with pytest.raises(ProjectFileError) as as_project:
        project_zip.Container(path)
    assert str(as_project.value).startswith("Cannot open “t.zip”: the entr")
    assert project_words in str(as_project.value)
    with pytest.raises(package_zip.PackageFormatError) as as_package:
        package_zip.SafeZip(path)
    assert package_words in str(as_package.value)


def test_repetitive_content_below_the_absolute_floor_is_not_a_bomb(tmp_path: Path) -> None:
    # 4 MiB of zeros deflates ~1000:1 but is small enough to read: honest pasted data does this.
    data = b"0.000\t" * (700 * 1024)
    with _open(_write(tmp_path, raw_zip([_ok("z.bin", data)]))) as reader:
        assert reader.read("z.bin") == data
