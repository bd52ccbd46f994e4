"""Numbers (and dates) as people type or paste them into the editors, before they are read.

A Japanese input method left in full-width mode types １２．５ (full-width digits, point and
comma); a figure copied from a published PDD or a PDF often carries the typographic minus sign
(−, U+2212) rather than the hyphen-minus. Both are the number the user sees, so both are read
as it: NFKC normalisation turns the full-width forms into their ASCII ones, and the minus sign is
mapped by hand (NFKC keeps it). Other scripts' digits (Arabic-Indic ٤٧) are left as typed:
Python's Decimal reads them as the number they are, and the field then shows it with 0-9. Files
are stricter: a number in a project, template or meter file must be written with 0-9
(``model.base.digits_0_9``), because there nobody sees the conversion.
"""

import unicodedata

MINUS_SIGNS = str.maketrans({"\u2212": "-", "\u2013": "-", "\ufe63": "-"})  # −, –, ﹣


def typed_number(text: str) -> str:
    """``text`` with full-width forms and minus signs as the ASCII characters they show."""
    if text.isascii():
        return text
    return unicodedata.normalize("NFKC", text).translate(MINUS_SIGNS)
