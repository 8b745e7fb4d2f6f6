"""Print the README configuration table from the settings classes (one source of truth).

``python -m wirewatch.config_table`` prints it; a test checks the README is current.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic.fields import FieldInfo
from pydantic_settings import BaseSettings
from wirewatch_classify.settings import ClassifySettings
from wirewatch_flights.settings import FlightsSettings
from wirewatch_ingest.settings import IngestSettings
from wirewatch_notify.settings import NotifySettings
from wirewatch_shared.settings import CommonSettings
from wirewatch_stories.settings import StoriesSettings

from wirewatch.ops.settings import OpsSettings

SECTIONS: tuple[tuple[str, type[BaseSettings]], ...] = (
    ("all services", CommonSettings),
    ("ingest", IngestSettings),
    ("classify", ClassifySettings),
    ("notify", NotifySettings),
    ("stories", StoriesSettings),
    ("flights", FlightsSettings),
    ("operations", OpsSettings),
)
BEGIN = "<!-- config-table:begin -->"
END = "<!-- config-table:end -->"


def _default(value: Any) -> str:
    if value is None:
        return "unset"
    if hasattr(value, "get_secret_value"):
        return "unset"
    if isinstance(value, tuple | list):
        text = json.dumps(list(value))
        return text if len(text) <= 60 else f"{len(value)} entries (see code)"
    return str(value)


def _shown_default(field: FieldInfo) -> str:
    """The default as documented: a machine-dependent one (the data dir) says how it is
    chosen instead of showing this machine's path."""
    extra = field.json_schema_extra
    if isinstance(extra, dict) and isinstance(extra.get("shown_default"), str):
        return str(extra["shown_default"])
    return _default(field.get_default(call_default_factory=True))


def used_by(name: str, field: FieldInfo) -> str:
    """Every section whose settings read the variable (a field may say so itself)."""
    extra = field.json_schema_extra
    if isinstance(extra, dict) and isinstance(extra.get("used_by"), str):
        return str(extra["used_by"])
    readers = [section for section, cls in SECTIONS if name in cls.model_fields]
    return readers[0] if readers[0] == "all services" else ", ".join(readers)


def render() -> str:
    lines = [BEGIN, "| variable | used by | default | meaning |", "|---|---|---|---|"]
    seen: set[str] = set()
    for _, cls in SECTIONS:
        for name, field in cls.model_fields.items():
            if name in seen:
                continue
            seen.add(name)
            env = f"WIREWATCH_{name.upper()}"
            desc = (field.description or "").replace("|", "\\|").replace("\n", " ")
            default = _shown_default(field).replace("|", "\\|")
            lines.append(f"| `{env}` | {used_by(name, field)} | `{default}` | {desc} |")
    lines.append(END)
    return "\n".join(lines)


if __name__ == "__main__":
    print(render())
