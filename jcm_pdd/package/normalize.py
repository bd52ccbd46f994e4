"""Making exported documents byte-stable, so that one project always gives one manifest.

Office files are zips whose entries carry the time they were written, and whose
``docProps/core.xml`` records created/modified times; a PDF records ``/CreationDate``,
``/ModDate`` and a random-ish ``/ID``. None of that is content. ``normalize_ooxml`` rewrites
the zip with every entry time fixed (entry order and bytes otherwise untouched) and the core
properties set to the package's "created" time; ``normalize_pdf`` replaces the dates and the ID
with values of exactly the same length (so the cross-reference offsets stay valid).
"""

from __future__ import annotations

import hashlib
import re
import zipfile
from datetime import datetime
from io import BytesIO

from jcm_pdd.package.writer import ZIP_EPOCH

_CORE_DATES = re.compile(
    rb"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:(created|modified)>)"
)
_PDF_DATE = re.compile(rb"\(D:\d{14}[^)]{0,8}\)")
_PDF_ID = re.compile(rb"/ID\s*\[\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*\]")


def normalize_ooxml(data: bytes, when: datetime) -> bytes:
    """A .docx/.xlsx with fixed entry times and core-property dates; content unchanged."""
    stamp = when.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    out = BytesIO()
    with zipfile.ZipFile(BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            body = src.read(info)
            if info.filename == "docProps/core.xml":
                body = _CORE_DATES.sub(lambda m: m.group(1) + stamp + m.group(3), body)
            fixed = zipfile.ZipInfo(info.filename, date_time=ZIP_EPOCH)
            fixed.compress_type = info.compress_type
            fixed.external_attr = 0o100644 << 16
            fixed.create_system = 3
            dst.writestr(fixed, body)
    return out.getvalue()


def normalize_pdf(data: bytes, when: datetime) -> bytes:
    """A PDF whose dates and document ID no longer depend on when it was rendered."""
    stamp = when.strftime("%Y%m%d%H%M%S").encode()

    def date(match: re.Match[bytes]) -> bytes:
        # Keep the original time-zone suffix: the same length keeps every xref offset valid.
        original = match.group(0)
        return b"(D:" + stamp + original[17:]

    body = _PDF_DATE.sub(date, data)
    # The ID is derived from the content with the dates and the ID itself blanked out.
    digest = hashlib.sha256(_PDF_ID.sub(b"/ID[]", body)).hexdigest().upper().encode()

    def ident(match: re.Match[bytes]) -> bytes:
        whole, base = bytearray(match.group(0)), match.start(0)
        for group in (1, 2):
            lo, hi = match.start(group) - base, match.end(group) - base
            whole[lo:hi] = (digest * 4)[: hi - lo]
        return bytes(whole)

    return _PDF_ID.sub(ident, body)
