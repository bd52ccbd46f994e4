"""Checking attached images before a renderer embeds them.

python-docx and reportlab raise library-specific exceptions deep inside rendering when an image
is damaged; checking once here (with Pillow, which reportlab already depends on) lets a draft
show a placeholder and a final export refuse with a message that names the attachment.
"""

from __future__ import annotations

import io
from functools import lru_cache

SUPPORTED_FORMATS = frozenset({"PNG", "JPEG", "GIF", "BMP", "TIFF"})
# Leading bytes of image files: a file that starts like an image but will not open is damaged,
# not "some other kind of file", and the message should say so.
_SIGNATURES = (
    b"\x89PNG\r\n\x1a\n",
    b"\xff\xd8\xff",
    b"GIF87a",
    b"GIF89a",
    b"BM",
    b"II*\x00",
    b"MM\x00*",
)


@lru_cache(maxsize=8)
def image_problem(data: bytes) -> str:
    """Return why ``data`` cannot be embedded as a figure, or "" when it can.

    Memoised by content: one export checks the same figure for each copy and for the final
    export's refusal, and decoding a large image takes tens of milliseconds each time."""
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as probe:
            kind = probe.format or ""
            probe.verify()  # structure and checksums
        with Image.open(io.BytesIO(data)) as image:
            image.load()  # decodes the pixels: catches truncated data that verify() passes
    except UnidentifiedImageError:
        if data.startswith(_SIGNATURES):
            return "the image is damaged (it cannot be decoded)"
        return "it is not an image file"
    except (OSError, SyntaxError, ValueError) as exc:  # Pillow's ways of saying "damaged"
        return f"the image is damaged ({exc})"
    except Image.DecompressionBombError:
        return "the image is too large to embed"
    if kind not in SUPPORTED_FORMATS:
        return f"{kind or 'this'} images cannot be embedded in Word and PDF (use PNG or JPEG)"
    return ""


# -- metadata --------------------------------------------------------------------------------
# PNG chunks that draw the image (and its colour); every other ancillary chunk (tEXt, zTXt,
# iTXt, eXIf, tIME, private chunks) is metadata and is dropped.
_PNG_KEEP = frozenset(
    {b"IHDR", b"PLTE", b"IDAT", b"IEND", b"tRNS", b"gAMA", b"cHRM", b"sRGB", b"iCCP", b"sBIT"}
)
_JPEG_SOI = b"\xff\xd8"


def _png_without_metadata(data: bytes) -> bytes | None:
    """The PNG with only its drawing chunks (byte for byte otherwise); None if malformed."""
    out = [data[:8]]
    pos = 8
    while pos + 8 <= len(data):
        length = int.from_bytes(data[pos : pos + 4], "big")
        kind = data[pos + 4 : pos + 8]
        end = pos + 12 + length
        if end > len(data):
            return None
        if kind in _PNG_KEEP:
            out.append(data[pos:end])
        pos = end
        if kind == b"IEND":
            return b"".join(out)
    return None


def _jpeg_without_metadata(data: bytes) -> bytes | None:
    """The JPEG without EXIF/XMP/IPTC/comment segments (the compressed image untouched, so
    nothing is re-encoded); keeps JFIF (APP0), the ICC profile (APP2) and Adobe (APP14), which
    say how to read the colours. None if malformed or if EXIF turns the image (then it is
    re-encoded losslessly as PNG instead, upright)."""
    out = [_JPEG_SOI]
    pos = 2
    while pos + 4 <= len(data):
        if data[pos] != 0xFF:
            return None
        marker = data[pos + 1]
        if marker == 0xDA:  # start of scan: the rest is image data
            out.append(data[pos:])
            return b"".join(out)
        length = int.from_bytes(data[pos + 2 : pos + 4], "big")
        segment = data[pos : pos + 2 + length]
        keep = marker not in range(0xE0, 0xF0) and marker != 0xFE  # not APPn, not COM
        keep = keep or (marker == 0xE0 and segment[4:9] == b"JFIF\x00")
        keep = keep or (marker == 0xE2 and segment[4:16] == b"ICC_PROFILE\x00")
        keep = keep or marker == 0xEE
        if keep:
            out.append(segment)
        pos += 2 + length
    return None


def _png_reencoded(data: bytes) -> bytes:
    """The decoded pixels as a PNG with no metadata (lossless), turned upright per EXIF."""
    from PIL import Image, ImageOps

    with Image.open(io.BytesIO(data)) as image:
        upright = ImageOps.exif_transpose(image)
        if upright.mode not in ("1", "L", "LA", "P", "RGB", "RGBA", "I", "I;16"):
            upright = upright.convert("RGBA" if "A" in upright.getbands() else "RGB")
        out = io.BytesIO()
        upright.save(out, format="PNG", pnginfo=None, exif=b"")
        return out.getvalue()


def _turned(data: bytes) -> bool:
    from PIL import Image

    with Image.open(io.BytesIO(data)) as image:
        return int(image.getexif().get(0x0112, 1) or 1) != 1  # EXIF Orientation


@lru_cache(maxsize=16)
def without_metadata(data: bytes) -> bytes:
    """``data`` with every piece of metadata removed (EXIF with GPS and author, XMP, IPTC, PNG
    text chunks, comments), losslessly: PNG and JPEG keep their compressed image bytes; other
    formats (and a JPEG that EXIF turns) become PNG. Not an image: returned unchanged."""
    if image_problem(data):
        return data
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        cleaned = _png_without_metadata(data)
        if cleaned is not None:
            return cleaned
    elif data.startswith(_JPEG_SOI) and not _turned(data):
        cleaned = _jpeg_without_metadata(data)
        if cleaned is not None:
            return cleaned
    return _png_reencoded(data)
