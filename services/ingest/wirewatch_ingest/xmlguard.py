"""Reject XML entity bombs before any XML parser sees the document.

feedparser's loose parser expands internal entities itself, and the strict
(expat) one only limits amplification, not the quadratic blowup. Feeds have
no business declaring entities, so any internal DTD subset (``<!DOCTYPE x [``)
or ``<!ENTITY`` declaration rejects the document. The scan is a few C-level
byte searches over the (already size-capped) body, in UTF-8 (and every ASCII-compatible
encoding) and UTF-16/32 of either byte order, so a UTF-16 bomb is caught too.
"""

from __future__ import annotations

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


def check_xml_safety(body: bytes) -> None:
    """Raise :class:`UnsafeDocumentError` if ``body`` declares entities or an internal subset."""
    if b"<" not in body:
        return
    lowered = body.lower()
    for doctype, entity, bracket, close in _PATTERNS:
        if entity in lowered:
            raise UnsafeDocumentError("XML entity declarations are not allowed")
        start = lowered.find(doctype)
        while start != -1:
            end = lowered.find(close, start)
            opening = lowered.find(bracket, start, end if end != -1 else len(lowered))
            if opening != -1:
                raise UnsafeDocumentError("XML DOCTYPE internal subsets are not allowed")
            start = lowered.find(doctype, start + len(doctype))
