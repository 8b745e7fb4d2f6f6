"""OPML import and export of feed subscriptions."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import format_datetime

from wirewatch_ingest.items import UnsafeDocumentError
from wirewatch_ingest.normalize import fold_whitespace, safe_link
from wirewatch_ingest.xmlguard import check_xml_safety


class OpmlError(ValueError):
    """The file is not a usable OPML document."""


@dataclass(frozen=True, slots=True)
class OpmlFeed:
    url: str
    title: str = ""


def _attr(element: ET.Element, name: str) -> str:
    lowered = name.lower()
    for key, value in element.attrib.items():
        if key.lower() == lowered:
            return value
    return ""


def parse_opml(data: bytes) -> tuple[list[OpmlFeed], list[str]]:
    """Feeds of an OPML document (nested outlines included), and the xmlUrls skipped
    because they are not http(s) URLs. Duplicates are dropped."""
    try:
        check_xml_safety(data)
        root = ET.fromstring(data)  # noqa: S314 - entity declarations were rejected above
    except UnsafeDocumentError as exc:
        raise OpmlError(f"refusing OPML file: {exc}") from None
    except ET.ParseError as exc:
        raise OpmlError(f"not valid XML: {exc}") from None
    if root.tag.lower() != "opml":
        raise OpmlError(f"not an OPML document (root element <{root.tag}>)")
    feeds: dict[str, OpmlFeed] = {}
    invalid: list[str] = []
    for outline in root.iter():
        if not isinstance(outline.tag, str) or outline.tag.lower() != "outline":
            continue
        raw_url = _attr(outline, "xmlUrl").strip()
        if not raw_url:
            continue
        url = safe_link(raw_url)
        if url is None:
            invalid.append(raw_url)
            continue
        title = fold_whitespace(_attr(outline, "title") or _attr(outline, "text"))
        feeds.setdefault(url, OpmlFeed(url, title))
    return list(feeds.values()), invalid


def render_opml(feeds: Iterable[OpmlFeed], *, title: str = "Wirewatch feeds") -> str:
    """An OPML 2.0 document listing ``feeds``."""
    root = ET.Element("opml", version="2.0")
    head = ET.SubElement(root, "head")
    ET.SubElement(head, "title").text = title
    ET.SubElement(head, "dateCreated").text = format_datetime(datetime.now(UTC), usegmt=True)
    body = ET.SubElement(root, "body")
    for feed in feeds:
        name = feed.title or feed.url
        ET.SubElement(body, "outline", type="rss", text=name, title=name, xmlUrl=feed.url)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
