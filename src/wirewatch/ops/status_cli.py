"""`wirewatch status`: the system at a glance, as rich tables; non-zero exit when unhealthy.

Renders the JSON form of a status snapshot (``/status.json``), so the CLI shows the
same thing whether it gathered the figures itself or asked a running `wirewatch up`.
"""

from __future__ import annotations

from typing import Any

from rich.console import Console, Group
from rich.table import Table
from rich.text import Text


def _when(moment: str | None) -> str:
    return moment[:19].replace("T", " ") if moment else "—"


def _num(value: Any, missing: str = "?") -> str:
    return missing if value is None else str(value)


def services_table(status: dict[str, Any]) -> Table:
    table = Table("service", "ready", "reason", "probed", title="Services")
    for s in status["services"]:
        ready = Text("ready", "green") if s["ready"] else Text("NOT READY", "bold red")
        table.add_row(s["name"], ready, s.get("reason") or "", s["source"])
    if not status["services"]:
        table.add_row("—", "", "no readiness URLs configured (WIREWATCH_STATUS_PROBE_URLS)", "")
    return table


def lag_table(status: dict[str, Any]) -> Table:
    table = Table(
        "group", "topic", "partition", "committed", "highwater", "lag",
        title="Consumer lag (committed → highwater)",
    )  # fmt: skip
    totals: dict[str, int] = {}
    for row in status["consumer_lag"]:
        lag = row["lag"]
        totals[row["group"]] = totals.get(row["group"], 0) + (lag or 0)
        table.add_row(
            row["group"],
            row["topic"],
            str(row["partition"]),
            _num(row["committed"], "—"),
            _num(row["highwater"]),
            Text(_num(lag), "yellow" if lag else ""),
        )
    for group, total in totals.items():
        table.add_row(Text(group, "bold"), "total", "", "", "", Text(str(total), "bold"))
    if status.get("consumer_lag_error"):
        table.add_row(
            Text("Kafka", "red"), Text(status["consumer_lag_error"], "red"), "", "", "", ""
        )
    return table


def feeds_table(status: dict[str, Any]) -> Table:
    feeds: dict[str, int] = status["feeds"]
    table = Table(*feeds.keys(), title="Feeds by health")
    table.add_row(*(str(n) for n in feeds.values()))
    return table


def failing_table(status: dict[str, Any]) -> Table:
    table = Table(
        "id", "feed", "state", "errors", "last error", "last attempt", title="Top failing feeds"
    )
    for f in status["failing_feeds"]:
        table.add_row(
            str(f["id"]),
            f["url"],
            Text(f["health"], "red"),
            str(f["consecutive_errors"]),
            (f.get("last_error") or f.get("last_status") or "")[:80],
            _when(f.get("last_attempt_at")),
        )
    return table


def deliveries_table(status: dict[str, Any]) -> Table:
    d = status["deliveries"]
    table = Table("pending", "retrying", "sent", "dead", "oldest pending", title="Deliveries")
    table.add_row(
        str(d["pending"]),
        str(d["retrying"]),
        str(d["sent"]),
        Text(str(d["dead"]), "red" if d["dead"] else ""),
        f"{d['oldest_pending_age_s']:.0f} s",
    )
    return table


def dead_letters_table(status: dict[str, Any]) -> Table:
    """Records on the dead-letter topic per source stream (absent from an older server's
    JSON: shown empty)."""
    letters = status.get("dead_letters") or {"sources": [], "unread": 0}
    table = Table(
        "source stream", "consumer groups", "records", "newest",
        title="Dead-letter topic (records a consumer could not process)",
    )  # fmt: skip
    for d in letters["sources"]:
        table.add_row(
            d["source_topic"],
            ", ".join(d["groups"]),
            Text(str(d["count"]), "red"),
            _when(d.get("newest_at")),
        )
    if letters["unread"]:
        table.add_row("older, not read", "", str(letters["unread"]), "")
    if status.get("dead_letters_error"):
        table.add_row(Text("Kafka", "red"), Text(status["dead_letters_error"], "red"), "", "")
    return table


def alerts_table(status: dict[str, Any]) -> Table:
    table = Table("sent", "topic", "channel", "to", "item", title="Last alerts")
    for a in status["last_alerts"]:
        table.add_row(
            _when(a.get("sent_at")), a["topic"], a["channel"], a["target"], a["title"][:70]
        )
    return table


def render(status: dict[str, Any]) -> Group:
    parts: list[Table | Text] = [
        services_table(status),
        lag_table(status),
        feeds_table(status),
        failing_table(status),
        deliveries_table(status),
        dead_letters_table(status),
        alerts_table(status),
    ]
    if status.get("database_error"):
        parts.append(Text(f"database: {status['database_error']}", "red"))
    for warning in status["warnings"]:
        parts.append(Text(f"warning: {warning}", "yellow"))
    if status["problems"]:
        parts.append(Text("UNHEALTHY: " + "; ".join(status["problems"]), "bold red"))
    else:
        parts.append(Text("healthy", "bold green"))
    return Group(*parts)


def print_status(status: dict[str, Any], console: Console | None = None) -> int:
    """Print the tables; return the exit code (0 healthy, 1 unhealthy)."""
    (console or Console()).print(render(status))
    return 0 if status["healthy"] else 1
