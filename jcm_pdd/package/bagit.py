"""The BagIt (RFC 8493) tag files of a package: writing them, and parsing them strictly.

A ``.jcmpkg`` is a bag serialised as one zip with the bag at the root (no base folder, so the
names inside never depend on what the user renamed the file to): ``bagit.txt``,
``bag-info.txt``, ``manifest-sha256.txt`` over every payload file under ``data/``,
``package-index.json`` (our own tag file: the roles of the payload files and the stated
figures) and ``tagmanifest-sha256.txt`` over every other tag file. Parsing refuses anything
malformed with the file and line named, because a verifier that guesses is no verifier.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from jcm_pdd.package.safezip import PackageFormatError, check_member_name

BAGIT_TXT = "bagit.txt"
BAG_INFO = "bag-info.txt"
MANIFEST = "manifest-sha256.txt"
TAGMANIFEST = "tagmanifest-sha256.txt"
INDEX = "package-index.json"
PAYLOAD_DIR = "data/"
BAGIT_VERSION = "1.0"

_LINE = re.compile(r"^([0-9a-fA-F]{64})[ \t]+(\S.*)$")
_LABEL = re.compile(r"^([^\s:][^:]*):[ \t]*(.*)$")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def bagit_txt() -> bytes:
    return f"BagIt-Version: {BAGIT_VERSION}\nTag-File-Character-Encoding: UTF-8\n".encode()


def encode_path(path: str) -> str:
    # RFC 8493 §2.1.3: percent-encode %, CR and LF in manifest file paths.
    return path.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def decode_path(path: str) -> str:
    return (
        path.replace("%0A", "\n").replace("%0a", "\n").replace("%0D", "\r").replace("%0d", "\r")
    ).replace("%25", "%")


def format_manifest(entries: Mapping[str, str]) -> bytes:
    lines = [f"{entries[path]}  {encode_path(path)}\n" for path in sorted(entries)]
    return "".join(lines).encode()


def format_bag_info(fields: Iterable[tuple[str, str]]) -> bytes:
    out = []
    for label, value in fields:
        # Multi-line values continue on lines indented by a space (RFC 8493 §2.2.2).
        text = "\n ".join(str(value).splitlines()) if value else ""
        out.append(f"{label}: {text}\n")
    return "".join(out).encode()


def decode_tag_text(data: bytes, file_name: str) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        raise PackageFormatError(f"'{file_name}' starts with a byte-order mark (not allowed).")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise PackageFormatError(f"'{file_name}' is not valid UTF-8 text.") from None
    # Tag text reaches terminals and dialogs: no escape sequences or other control characters.
    if _CONTROL.search(text):
        raise PackageFormatError(f"'{file_name}' contains control characters (not allowed).")
    return text


def parse_manifest(data: bytes, file_name: str, *, payload: bool) -> dict[str, str]:
    """``{path: lowercase hex}`` from a manifest; every line checked, every path kept inside.

    ``payload`` manifests may only name files under ``data/``; a tag manifest only files
    outside it (and never itself).
    """
    text = decode_tag_text(data, file_name)
    entries: dict[str, str] = {}
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    for number, raw in enumerate(lines, start=1):
        line = raw[:-1] if raw.endswith("\r") else raw
        match = _LINE.match(line)
        if not match:
            raise PackageFormatError(
                f"'{file_name}' line {number} is malformed: expected a 64-character SHA-256 "
                f"checksum, spaces, then a file path; found {line[:80]!r}."
            )
        digest, path = match.group(1).lower(), decode_path(match.group(2).rstrip(" \t"))
        problem = check_member_name(path)
        inside = path.startswith(PAYLOAD_DIR)
        if problem or path.endswith("/") or inside != payload or path == TAGMANIFEST:
            where = "outside the payload folder data/" if payload else "inside the payload"
            raise PackageFormatError(
                f"'{file_name}' line {number} names a file {where} or an unsafe path: '{path}'."
            )
        if path in entries:
            raise PackageFormatError(f"'{file_name}' line {number} lists '{path}' a second time.")
        entries[path] = digest
    return entries


def parse_bag_info(data: bytes) -> list[tuple[str, str]]:
    text = decode_tag_text(data, BAG_INFO)
    fields: list[tuple[str, str]] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip():
            continue
        if raw[0] in " \t":
            if not fields:
                raise PackageFormatError(f"'{BAG_INFO}' line {number} continues nothing.")
            label, value = fields[-1]
            fields[-1] = (label, f"{value}\n{raw.strip()}")
            continue
        match = _LABEL.match(raw)
        if not match:
            raise PackageFormatError(
                f"'{BAG_INFO}' line {number} is malformed: expected 'Label: value'."
            )
        fields.append((match.group(1).strip(), match.group(2).strip()))
    return fields


def parse_bagit_txt(data: bytes) -> None:
    fields = dict(parse_bag_info_like(data, BAGIT_TXT))
    version = fields.get("BagIt-Version")
    if version is None:
        raise PackageFormatError(f"'{BAGIT_TXT}' does not state a BagIt-Version.")
    if not re.fullmatch(r"1\.\d+|0\.9[0-9]", version):
        raise PackageFormatError(f"'{BAGIT_TXT}' states an unsupported BagIt-Version {version}.")
    encoding = fields.get("Tag-File-Character-Encoding", "")
    if encoding.upper().replace("_", "-") != "UTF-8":
        raise PackageFormatError(
            f"'{BAGIT_TXT}' states tag files in '{encoding}'; only UTF-8 is read."
        )


def parse_bag_info_like(data: bytes, file_name: str) -> list[tuple[str, str]]:
    text = decode_tag_text(data, file_name)
    out = []
    for number, line in enumerate(text.splitlines(), start=1):
        match = _LABEL.match(line)
        if not match:
            raise PackageFormatError(f"'{file_name}' line {number} is malformed.")
        out.append((match.group(1).strip(), match.group(2).strip()))
    return out


def payload_oxum(sizes: Iterable[int]) -> str:
    """``octets.files`` of the payload (RFC 8493 §2.2.2, Payload-Oxum)."""
    values = list(sizes)
    return f"{sum(values)}.{len(values)}"
