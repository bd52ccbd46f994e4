"""Reading an untrusted zip file without trusting it: the one owner of the zip safety rules.

Project files (``.jcmpdd``, see ``storage.container``), validation packages (``.jcmpkg``, see
``package.safezip``) and the documents inside a package all come from outside (e-mail, a USB
stick), so each is read by ``SafeZipReader`` and nothing else. Every structural promise of the
zip is checked before a byte of content is used: the end record and entry count (before the
central directory is parsed), names (no ``..``, absolute, drive or backslash paths, no control
characters, no duplicates even up to case), entry types (no symbolic links or devices),
encryption and compression method, declared sizes and ratios (zip bombs), and that local
headers agree with the central directory, stay inside the file and do not overlap. Content is
then read by this module itself, straight from the file at the checked offsets, counting bytes
as they are produced, so a member that inflates to more than it declared is stopped while
reading, not after. Nothing is ever extracted; callers get bytes or a stream of chunks.

The rules live here; the words do not. A broken rule is a ``Refusal`` (a ``Problem`` and its
facts); the caller passes a ``refuse`` function that turns it into its own user-worded error,
so a project file and a package each explain themselves in their own terms (``words_for``).
Modules: ``refusals`` (problems, facts, words, the name rules), ``reader`` (the checks, reads).
"""

from jcm_pdd.safezip.reader import CHUNK, Limits, Member, SafeZipReader
from jcm_pdd.safezip.refusals import (
    Problem,
    Refusal,
    Refuse,
    Words,
    human_size,
    name_problem,
    shown_name,
    words_for,
)

__all__ = [
    "CHUNK",
    "Limits",
    "Member",
    "Problem",
    "Refusal",
    "Refuse",
    "SafeZipReader",
    "Words",
    "human_size",
    "name_problem",
    "shown_name",
    "words_for",
]
