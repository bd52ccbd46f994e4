"""Text as XML documents can hold it: the characters XML 1.0 forbids are left out.

A project's text may carry characters no Word or Excel file can hold: C0 control characters
other than tab, line feed and carriage return (pasted from a terminal or another program, or in
a hand-edited file), and the non-characters U+FFFE and U+FFFF. lxml refuses them and openpyxl
raises, so one such character in a title made every Word export fail as "an internal problem".
They are invisible, so leaving them out changes nothing a reader could see; the project keeps
them (the export never writes back).
"""

from __future__ import annotations

import re

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def xml_text(text: str) -> str:
    """``text`` without the characters an XML 1.0 document cannot hold."""
    return _NOT_XML.sub("", text)
