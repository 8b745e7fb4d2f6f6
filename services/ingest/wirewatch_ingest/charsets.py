"""The charset an XML feed is read in, when the server's label and the body disagree.

feedparser follows RFC 3023: the HTTP charset wins over the document's own declaration.
Servers get it wrong in a few common ways, and the body then says what it really is:

- a UTF-16/32 byte order mark under another label (nginx's ``charset utf-8`` labels
  every text/xml file; text/xml without a charset is us-ascii by RFC 3023): the mark
  decides, as in browsers;
- bytes that are valid UTF-8 (with non-ASCII text) labelled with a single-byte
  charset: the server's default (Apache's AddDefaultCharset ISO-8859-1). As every byte
  is valid Latin-1, 'Además' came out as 'AdemÃ¡s'; text really in a legacy encoding
  is practically never valid UTF-8;
- a document that declares UTF-16 but is written in an ASCII-compatible encoding (an
  XmlWriter over a .NET string, then sent as UTF-8): the declaration is wrong, and
  the whole feed failed as not well-formed.
"""

from __future__ import annotations

import codecs
import re

from wirewatch_ingest.jsonfeed import CHARSET

_BOMS = (  # the byte order too: feedparser reads a bare 'utf-16' as little-endian
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_WIDE_DECLARATION = re.compile(
    rb"""^\s*<\?xml[^>]*\bencoding\s*=\s*["']\s*(?:utf|ucs)-?(?:16|32|2|4)""", re.I
)


def _codec(label: str) -> str:
    try:
        return codecs.lookup(label).name
    except LookupError:
        return ""


def _valid_utf8(body: bytes) -> bool:
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _labelled(content_type: str | None) -> str | None:
    """The codec name of the charset ``content_type`` names ('' if unknown), or None."""
    declared = CHARSET.search(content_type or "")
    return _codec(declared.group(1)) if declared else None


def body_charset(body: bytes, content_type: str | None) -> str | None:
    """The charset to read ``body`` in instead of the one the server says (or the
    document declares); None when there is no reason to overrule them."""
    wide = next((name for bom, name in _BOMS if body.startswith(bom)), None)
    if wide is not None:
        return None if _labelled(content_type) == wide else wide
    if _WIDE_DECLARATION.match(body[:256]):  # ASCII-compatible: not UTF-16/32
        return "utf-8" if _valid_utf8(body) else None
    return "utf-8" if _mislabelled_utf8(body, content_type) else None


def _mislabelled_utf8(body: bytes, content_type: str | None) -> bool:
    """Non-ASCII text in valid UTF-8 under a label that names another charset."""
    labelled = _labelled(content_type)
    if body.isascii() or labelled is None or labelled.startswith(("utf-8", "utf-16", "utf-32")):
        return False
    return _valid_utf8(body)


def with_charset(content_type: str | None, charset: str) -> str:
    """``content_type`` with its charset parameter set to ``charset``."""
    if not content_type:
        return f"application/xml; charset={charset}"
    declared = CHARSET.search(content_type)
    if declared is None:
        return f"{content_type.rstrip('; ')}; charset={charset}"
    return f"{content_type[: declared.start()]}charset={charset}{content_type[declared.end() :]}"
