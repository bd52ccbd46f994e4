"""Attachment records: metadata of files stored in the project container by content hash."""

import re

from pydantic import Field, field_validator

from jcm_pdd.model.base import DocModel

_SHA256 = re.compile(r"^[0-9a-f]{64}$")


class AttachmentRecord(DocModel):
    """One attached file; its bytes live at ``attachments/<sha256>`` in the container."""

    sha256: str
    name: str = ""
    media_type: str = "application/octet-stream"
    size: int = Field(default=0, ge=0)
    caption: str = ""
    supports_field: str = ""  # model path of the field this evidences, e.g. "pdd.figure_attachment"

    @field_validator("sha256")
    @classmethod
    def _hex_digest(cls, value: str) -> str:
        if not _SHA256.match(value):
            raise ValueError("must be a lowercase hexadecimal SHA-256 digest (64 characters)")
        return value
