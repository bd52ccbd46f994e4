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
