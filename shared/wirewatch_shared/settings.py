"""Settings common to every Wirewatch service.

Each service extends :class:`CommonSettings` with its own fields (see
``wirewatch_<service>.settings``); every field is read from a ``WIREWATCH_``
environment variable and documented in the README configuration table, which
``python -m wirewatch.config_table`` regenerates from these classes.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal, TypedDict

from platformdirs import user_data_path
from pydantic import Field, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from wirewatch_shared.logging import get_logger

log = get_logger(__name__)

DATA_DIR_SHOWN = "per-user data dir, e.g. ~/.local/share/wirewatch"
"""How the README configuration table shows the machine-dependent data-dir defaults."""


def default_data_dir() -> Path:
    """The per-user home of Wirewatch's state (``~/.local/share/wirewatch`` on Linux)."""
    return user_data_path("wirewatch", appauthor=False)


def _default_database_url(data: dict[str, Any]) -> str:
    return f"sqlite:///{Path(data['data_dir']) / 'wirewatch.db'}"


_warned: set[tuple[str, str]] = set()


def deprecated_alias(data: Any, old: str, new: str) -> Any:
    """Body of a ``model_validator(mode="before")``: ``old`` fills ``new`` unless it is set.

    Logs one warning per process and pair naming both variables.
    """
    if not isinstance(data, dict) or data.get(old) is None:
        return data
    if (old, new) not in _warned:
        _warned.add((old, new))
        log.warning(
            "deprecated setting",
            variable=f"WIREWATCH_{old.upper()}",
            use=f"WIREWATCH_{new.upper()}",
        )
    if data.get(new) is None:
        return {**data, new: data[old]}
    return data


def positive_field(default: float, description: str, *, le: float | None = None) -> Any:
    """The field of a setting that must be greater than 0 (a duration, a rate, a size),
    and at most ``le`` when given."""
    return Field(default=default, gt=0, le=le, description=description)


def non_negative_field(default: float, description: str, *, le: float | None = None) -> Any:
    """The field of a setting that may be 0 or more (0 usually switches something off),
    and at most ``le`` when given."""
    return Field(default=default, ge=0, le=le, description=description)


def count_field(default: int, description: str) -> Any:
    """The field of a count of at least 1 (concurrency, burst, partitions)."""
    return Field(default=default, ge=1, description=description)


BATCH_MAX_RECORDS_LIMIT = 10_000
"""Upper bound of every stage's ``*_batch_max_records``."""


def batch_max_records_field(default: int, description: str) -> Any:
    """The field of a stage's Kafka batch size: 1 to :data:`BATCH_MAX_RECORDS_LIMIT`."""
    return Field(default=default, ge=1, le=BATCH_MAX_RECORDS_LIMIT, description=description)


def consumer_group_field(default: str, consumer: str) -> Any:
    """The field of a Kafka consumer group (``default`` from ``streams.GROUP_*``);
    ``consumer`` completes "Kafka consumer group of ..."."""
    return Field(default=default, description=f"Kafka consumer group of {consumer}.")


class ConsumerOptions(TypedDict):
    session_timeout_ms: int
    heartbeat_interval_ms: int
    fetch_max_wait_ms: int
    fetch_max_bytes: int
    auto_offset_reset: Literal["earliest"]


class CommonSettings(BaseSettings):
    """Broker, database and logging settings shared by all services."""

    # A validation error never echoes input values: a model-level error would print the
    # whole input, secrets (`WIREWATCH_SECRET_KEY`, passwords in URLs) included.
    model_config = SettingsConfigDict(
        env_prefix="WIREWATCH_",
        env_file=".env",
        extra="ignore",
        frozen=True,
        hide_input_in_errors=True,
    )

    data_dir: Path = Field(
        default_factory=default_data_dir,
        description="Where Wirewatch keeps its state: the SQLite database, the generated "
        "secret key, the durable embedded broker's data (`broker/`) and `runtime.json`, "
        "which `wirewatch up` writes so every other command finds it. Settings given "
        "explicitly (e.g. `WIREWATCH_DATABASE_URL`) win.",
        json_schema_extra={"shown_default": DATA_DIR_SHOWN},
    )
    kafka_bootstrap: str | None = Field(
        default=None,
        description="Kafka bootstrap servers (host:port,...). Unset: `wirewatch up` starts "
        "the embedded Tansu broker on a free loopback port.",
    )
    kafka_client_id: str = Field(default="wirewatch", description="Kafka client id prefix.")
    topic_partitions: int = count_field(3, "Partitions for topics created by Wirewatch.")
    topic_replication: int = count_field(1, "Replication factor for topics created by Wirewatch.")
    # Bounded: a negative session timeout passed and left every consumer-group join
    # retrying for ever.
    kafka_session_timeout_ms: int = positive_field(6000, "Consumer-group session timeout (ms).")
    kafka_heartbeat_interval_ms: int = positive_field(
        1000, "Consumer-group heartbeat interval (ms); less than the session timeout."
    )
    kafka_fetch_max_wait_ms: int = non_negative_field(
        30,
        "Longest a fetch waits for data (ms); low keeps latency low on brokers "
        "that do not wake waiting fetches.",
    )
    kafka_fetch_max_bytes: int = Field(
        default=1024 * 1024,
        ge=64 * 1024,
        description="Most bytes one fetch of a subscriber asks for, over all its partitions: "
        "bounds the records read ahead beside the batch in hand (Tansu does not bound a fetch "
        "per partition; aiokafka's 50 MB default held ~13 MB of a classify process's peak "
        "RSS). 1 MB is ~800 items.",
    )
    database_url: str = Field(
        default_factory=_default_database_url,
        description="SQLAlchemy URL: SQLite file (default: `wirewatch.db` in `data_dir`) or "
        "postgresql+psycopg://user:pass@host/db.",
        json_schema_extra={"shown_default": "sqlite:///DATA_DIR/wirewatch.db"},
    )
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = Field(
        default="INFO", description="Log level."
    )
    log_json: bool = Field(default=False, description="Emit JSON log lines (for production).")
    http_host: str = Field(
        default="127.0.0.1", description="Address the HTTP server (API, health) binds to."
    )
    http_port: int = Field(default=8080, ge=0, le=65535, description="Port of the HTTP server.")
    allow_private_networks: bool | None = Field(
        default=None,
        description="Deprecated (logs a warning): sets both "
        "`WIREWATCH_INGEST_ALLOW_PRIVATE_NETWORKS` and `WIREWATCH_NOTIFY_ALLOW_PRIVATE_NETWORKS` "
        "where they are not set themselves.",
        json_schema_extra={"used_by": "ingest, notify"},
    )

    @model_validator(mode="before")
    @classmethod
    def _deprecated_private_networks(cls, data: Any) -> Any:
        """The deprecated ``allow_private_networks`` fills each service's own SSRF switch
        (a field ``<service>_allow_private_networks``) where that is not set."""
        for name in cls.model_fields:
            if name.endswith("_allow_private_networks"):
                data = deprecated_alias(data, "allow_private_networks", name)
        return data

    @model_validator(mode="after")
    def _heartbeat_within_session(self) -> CommonSettings:
        # A session with no heartbeat inside it expires between two: every consumer is
        # dropped from its group and rejoins, for ever.
        if self.kafka_heartbeat_interval_ms >= self.kafka_session_timeout_ms:
            raise ValueError(
                f"WIREWATCH_KAFKA_HEARTBEAT_INTERVAL_MS ({self.kafka_heartbeat_interval_ms}) "
                "must be less than WIREWATCH_KAFKA_SESSION_TIMEOUT_MS "
                f"({self.kafka_session_timeout_ms}), a third of it or less is usual"
            )
        return self

    @field_validator("data_dir", mode="after")
    @classmethod
    def _expand_home(cls, value: Path) -> Path:
        return value.expanduser()

    def consumer_options(self) -> ConsumerOptions:
        """Keyword arguments every Kafka subscriber gets (tuned for Tansu and Kafka alike)."""
        return ConsumerOptions(
            **{
                "session_timeout_ms": self.kafka_session_timeout_ms,
                "heartbeat_interval_ms": self.kafka_heartbeat_interval_ms,
                "fetch_max_wait_ms": self.kafka_fetch_max_wait_ms,
                "fetch_max_bytes": self.kafka_fetch_max_bytes,
                "auto_offset_reset": "earliest",
            }
        )
