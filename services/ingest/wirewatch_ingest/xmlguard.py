"""Reject XML entity bombs before any XML parser sees the document.

feedparser's loose parser expands internal entities itself, and the strict
(expat) one only limits amplification, not the quadratic blowup. Feeds have
no business declaring entities, so any internal DTD subset (``<!DOCTYPE x [``)
or ``<!ENTITY`` declaration rejects the document.

The decision is made on the text the parser would read, whatever the encoding: a
few C-level byte searches cover UTF-8 (and every ASCII-compatible encoding) and
UTF-16/32 of either byte order; a document declaring any other encoding (EBCDIC
``cp037``, ``utf-7``...) is decoded with it and searched as text.
"""

from __future__ import annotations

import codecs
import re
from typing import TypeVar

from wirewatch_ingest.items import UnsafeDocumentError

_CODECS = ("utf-8", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be")
_PATTERNS = tuple(
    (
        "<!doctype".encode(codec),
        "<!entity".encode(codec),
        "[".encode(codec),
        ">".encode(codec),
    )
    for codec in _CODECS
)
# Encoding families an XML declaration may be written in (XML 1.0, appendix F).
_DECLARATION_FAMILIES = ("latin-1", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be", "cp037")
_Text = TypeVar("_Text", bytes, str)
_DECLARED = re.compile(r"""\s*<\?xml[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]{1,64})["']""")


def check_xml_safety(body: bytes) -> None:
    """Raise :class:`UnsafeDocumentError` if ``body`` declares entities or an internal subset."""
    lowered = body.lower()
    for doctype, entity, bracket, close in _PATTERNS:
        _scan(lowered, doctype, entity, bracket, close)
    codec = _declared_codec(body)
    if codec is not None and "<!entity".encode(codec.name, errors="replace") not in (
        pattern[1] for pattern in _PATTERNS
    ):
        _scan(body.decode(codec.name, errors="replace").lower(), "<!doctype", "<!entity", "[", ">")


def _declared_codec(body: bytes) -> codecs.CodecInfo | None:
    """The codec the XML declaration names, in whichever encoding family it is written."""
    head = body[:1024]
    for family in _DECLARATION_FAMILIES:
        found = _DECLARED.match(head.decode(family, errors="ignore").lstrip("\ufeff"))
        if found:
            try:
                return codecs.lookup(found.group(1))
            except LookupError:
                return None
    return None


def _scan(text: _Text, doctype: _Text, entity: _Text, bracket: _Text, close: _Text) -> None:
    if entity in text:
        raise UnsafeDocumentError("XML entity declarations are not allowed")
    start = text.find(doctype)
    while start != -1:
        end = text.find(close, start)
        if text.find(bracket, start, end if end != -1 else len(text)) != -1:
            raise UnsafeDocumentError("XML DOCTYPE internal subsets are not allowed")
        start = text.find(doctype, start + len(doctype))
