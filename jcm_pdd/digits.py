"""How a number read from a file that is not written with the digits 0-9 is named to the user.

Python's ``Decimal`` and ``int`` read Arabic-Indic, full-width and other scripts' digits as
0-9, so a number in a file could mean something else than what a validator sees in it. Every
reader of numbers from files (a project, a template, calculation inputs, meter readings) refuses
text that is not ASCII; this module words why, once for all of them, naming the first such
character by its Unicode name: a look-alike (a full-width digit, a minus sign U+2212) cannot be
told from the character it resembles by its shape. (What a user types in the editors is read
as shown instead: ``session/typed_numbers.py``.)
"""

from __future__ import annotations

import unicodedata


def written_with(text: str) -> str:
    """“٤٧.٩” is written with ‘٤’ (arabic-indic digit four): ``text`` (at most 30 characters
    of it) and its first character that is not ASCII; for a message that then says what to do."""
    odd = next((c for c in text if not c.isascii()), "")
    if not odd:
        return f"“{text[:30]}”"
    name = unicodedata.name(odd, f"U+{ord(odd):04X}").lower()
    return f"“{text[:30]}” is written with ‘{odd}’ ({name})"


def other_digits(text: str, shown: str | None = None) -> str | None:
    """Why a number read from a file is refused when ``text`` is not ASCII, naming it as
    ``shown`` (the value as the file wrote it, by default ``text``), and what to do; None
    when ``text`` is plain ASCII. One sentence for the project, template and input readers."""
    if text.isascii():
        return None
    return f"{written_with(text if shown is None else shown)}; write numbers with the digits 0-9"
