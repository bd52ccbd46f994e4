"""Embed a PNG figure in the PDF without decoding it.

A PNG's pixel data (its IDAT chunks) is a zlib stream of scanlines with PNG row filters; a PDF
image may use exactly that as a FlateDecode stream with the PNG predictor (``/DecodeParms <<
/Predictor 15 ...>>``, ISO 32000-1 §7.4.4.4). reportlab instead decodes the image, hashes the
raw pixels and compresses them again, which took a third of the PDF's time for a 1400x860
figure. Only the plain cases pass through (8-bit greyscale or RGB, not interlaced, no
transparency); any other image goes through reportlab's own ``Image`` flowable. The figure was
checked by ``images.image_problem`` (Pillow, with CRCs) before it reaches a renderer.
"""

from __future__ import annotations

import hashlib
import struct
from dataclasses import dataclass
from typing import Any

from reportlab.pdfbase.pdfdoc import (
    PDFArray,
    PDFDictionary,
    PDFImageXObject,
    PDFName,
    PDFStream,
)
from reportlab.platypus import Flowable

_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_GREY, _RGB = 0, 2  # PNG colour types passed through


@dataclass(frozen=True)
class PngData:
    width: int
    height: int
    colours: int  # 1 (greyscale) or 3 (RGB)
    stream: bytes  # the concatenated IDAT chunks


def png_data(data: bytes) -> PngData | None:
    """The pass-through data of a plain PNG, or None when reportlab must decode it."""
    if not data.startswith(_SIGNATURE):
        return None
    pos, header, chunks = len(_SIGNATURE), None, []
    while pos + 8 <= len(data):
        length, kind = struct.unpack(">I4s", data[pos : pos + 8])
        body = data[pos + 8 : pos + 8 + length]
        if len(body) != length:
            return None
        if kind == b"IHDR" and length == 13:
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            chunks.append(body)
        elif kind in (b"tRNS", b"PLTE"):  # transparency or a palette: reportlab's path
            return None
        elif kind == b"IEND":
            break
        pos += 12 + length  # length, type, data, CRC
    if header is None or not chunks:
        return None
    width, height, depth, colour_type, compression, row_filter, interlace = header
    if depth != 8 or colour_type not in (_GREY, _RGB) or compression or row_filter or interlace:
        return None
    return PngData(width, height, 3 if colour_type == _RGB else 1, b"".join(chunks))


class _PngXObject(PDFImageXObject):
    def __init__(self, name: str, png: PngData) -> None:
        super().__init__(name)
        self.width, self.height = png.width, png.height
        self.bitsPerComponent = 8
        self.colorSpace = "DeviceRGB" if png.colours == 3 else "DeviceGray"
        self.streamContent = png.stream  # type: ignore[assignment]  # the stub says str; bytes work
        self._filters = ("FlateDecode",)
        self.mask = None
        self._colours = png.colours

    def format(self, document: Any) -> Any:
        stream = PDFStream(content=self.streamContent)
        entries = stream.dictionary
        entries["Type"] = PDFName("XObject")
        entries["Subtype"] = PDFName("Image")
        entries["Width"] = self.width
        entries["Height"] = self.height
        entries["BitsPerComponent"] = 8
        entries["ColorSpace"] = PDFName(self.colorSpace)
        entries["Filter"] = PDFArray([PDFName("FlateDecode")])  # set: reportlab adds no other
        # An array, like Filter: readers pair the two arrays' entries
        entries["DecodeParms"] = PDFArray(
            [
                PDFDictionary(
                    {
                        "Predictor": 15,  # PNG row filters, chosen per row
                        "Colors": self._colours,
                        "BitsPerComponent": 8,
                        "Columns": self.width,
                    }
                )
            ]
        )
        entries["Length"] = len(self.streamContent)
        return stream.format(document)


class PngFigure(Flowable):
    """A centred figure drawn from a ``PngData``, like platypus ``Image`` draws a decoded one."""

    def __init__(self, png: PngData, width: float, height: float) -> None:
        super().__init__()
        self.png = png
        self.drawWidth, self.drawHeight = width, height
        self.hAlign = "CENTER"
        self._name = "png" + hashlib.sha256(png.stream).hexdigest()[:32]

    def wrap(self, _avail_width: float, _avail_height: float) -> tuple[float, float]:
        return self.drawWidth, self.drawHeight

    def draw(self) -> None:
        # What Canvas.drawImage does once it has an image object (reportlab 4/5)
        canvas: Any = self.canv  # private Canvas attributes, as drawImage uses them
        doc = canvas._doc
        ref_name = doc.getXObjectName(self._name)
        if not doc.idToObject.get(ref_name):  # once per PDF, however often drawn
            image = _PngXObject(self._name, self.png)
            canvas._setXObjects(image)
            doc.Reference(image, ref_name)
            doc.addForm(self._name, image)
        canvas._currentPageHasImages = 1
        canvas.saveState()
        canvas.scale(self.drawWidth, self.drawHeight)
        canvas._code.append(f"/{ref_name} Do")
        canvas.restoreState()
        canvas._formsinuse.append(self._name)
