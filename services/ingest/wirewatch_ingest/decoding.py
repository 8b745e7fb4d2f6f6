"""Content-Encoding decoding with a hard cap on the decompressed size.

httpx decodes a whole network chunk at once (a 64 KB gzip chunk can inflate
to ~64 MB), so the fetcher reads raw bytes and inflates them here in bounded
steps: a gzip bomb is cut after ``max_bytes`` of output, having allocated
little more than that.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator

STEP = 256 * 1024


class BodyTooLargeError(Exception):
    """The decompressed body exceeds the cap."""


class UnsupportedEncodingError(Exception):
    """A Content-Encoding we did not ask for and cannot decode."""


class BoundedDecoder:
    """Feed raw chunks with :meth:`feed`; collected output never exceeds ``max_bytes``."""

    def __init__(self, content_encoding: str | None, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self.size = 0
        self._chunks: list[bytes] = []
        codings = [c.strip().lower() for c in (content_encoding or "").split(",") if c.strip()]
        codings = [c for c in codings if c != "identity"]
        if len(codings) > 1:
            raise UnsupportedEncodingError(f"stacked content encodings: {content_encoding}")
        self._coding = codings[0] if codings else None
        self._inflater: zlib._Decompress | None = None
        self._deflate_first = b""
        if self._coding in ("gzip", "x-gzip"):
            self._inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        elif self._coding == "deflate":
            self._inflater = None  # zlib or raw deflate: decided on the first bytes
        elif self._coding is not None:
            raise UnsupportedEncodingError(f"unsupported content encoding: {self._coding}")

    def _take(self, data: bytes) -> None:
        if not data:
            return
        self.size += len(data)
        if self.size > self.max_bytes:
            raise BodyTooLargeError(f"body larger than {self.max_bytes} bytes")
        self._chunks.append(data)

    def _inflate(self, data: bytes) -> Iterator[bytes]:
        assert self._inflater is not None
        while data:
            out = self._inflater.decompress(data, STEP)
            yield out
            data = self._inflater.unconsumed_tail
            if self._inflater.eof:
                unused = self._inflater.unused_data
                if unused and self._coding in ("gzip", "x-gzip") and unused.lstrip(b"\x00"):
                    # Concatenated gzip members are one stream.
                    self._inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
                    data = unused.lstrip(b"\x00")
                else:
                    return

    def feed(self, raw: bytes) -> None:
        if self._coding is None:
            self._take(raw)
            return
        if self._coding == "deflate" and self._inflater is None:
            self._deflate_first += raw
            if len(self._deflate_first) < 2:
                return
            head = self._deflate_first
            # RFC says zlib-wrapped; many servers send raw deflate.
            zlib_wrapped = (head[0] & 0x0F) == 8 and ((head[0] << 8) | head[1]) % 31 == 0
            self._inflater = zlib.decompressobj(zlib.MAX_WBITS if zlib_wrapped else -zlib.MAX_WBITS)
            raw, self._deflate_first = head, b""
        try:
            for out in self._inflate(raw):
                self._take(out)
        except zlib.error as exc:
            raise UnsupportedEncodingError(f"corrupt {self._coding} body: {exc}") from None

    def finish(self) -> bytes:
        if self._coding == "deflate" and self._inflater is None and self._deflate_first:
            self._inflater = zlib.decompressobj(-zlib.MAX_WBITS)
            self.feed(b"")
        if self._inflater is not None:
            try:
                self._take(self._inflater.flush(STEP))
            except zlib.error as exc:
                raise UnsupportedEncodingError(f"corrupt {self._coding} body: {exc}") from None
            if self._coding != "deflate" and not self._inflater.eof:
                # zlib inflates what arrived and says nothing: a cut-off transfer would
                # pass for a shorter document (gzip ends with a trailer, so a whole body
                # always reaches the end of its stream).
                raise UnsupportedEncodingError(
                    f"truncated {self._coding} body: the transfer ended inside the stream"
                )
        return b"".join(self._chunks)
