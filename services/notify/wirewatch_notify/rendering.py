"""Jinja2 templates for emails and the confirm/unsubscribe pages (HTML autoescaped)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from wirewatch_notify.payloads import (
    CONFIRM_EVENT_TYPE,
    DIGEST_EVENT_TYPE,
    email_subject,
    evidence_phrases,
    headline,
    source_name,
    story_lines,
)


def _http_url(value: object) -> str | None:
    """Only http(s) links become hrefs (a feed cannot smuggle javascript: into a mail)."""
    if isinstance(value, str) and value.lower().startswith(("http://", "https://")):
        return value
    return None


@cache
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("wirewatch_notify", "templates"),
        autoescape=select_autoescape(enabled_extensions=("html",), default=False),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["http_url"] = _http_url
    env.globals.update(
        headline=headline,
        source_name=source_name,
        evidence_phrases=evidence_phrases,
        story_lines=story_lines,
    )
    return env


@dataclass(frozen=True, slots=True)
class RenderedEmail:
    subject: str
    text: str
    html: str


def render_email(
    envelope: dict[str, Any],
    *,
    unsubscribe_url: str | None = None,
    confirm_url: str | None = None,
) -> RenderedEmail:
    kind = envelope["type"]
    name = {DIGEST_EVENT_TYPE: "digest", CONFIRM_EVENT_TYPE: "confirm"}.get(kind, "alert")
    context = {
        "data": envelope["data"],
        "unsubscribe_url": unsubscribe_url,
        "confirm_url": confirm_url,
    }
    env = environment()
    return RenderedEmail(
        subject=email_subject(envelope),
        text=env.get_template(f"email/{name}.txt").render(context),
        html=env.get_template(f"email/{name}.html").render(context),
    )


def render_page(name: str, **context: Any) -> str:
    return environment().get_template(f"pages/{name}.html").render(context)
