"""Ingest service settings (``WIREWATCH_`` environment variables)."""

from __future__ import annotations

from pydantic import Field, field_validator, model_validator
from wirewatch_shared.settings import (
    CommonSettings,
    count_field,
    non_negative_field,
    positive_field,
)

from wirewatch_ingest.normalize import safe_link

DEFAULT_FEEDS: tuple[str, ...] = (
    # Real, public feeds that regularly cover migration, borders and deportations
    # (English and Spanish). An unreachable one only marks that feed unhealthy.
    "https://news.un.org/feed/subscribe/en/news/topic/migrants-and-refugees/feed/rss.xml",
    "https://news.un.org/feed/subscribe/es/news/topic/migrants-and-refugees/feed/rss.xml",
    "https://www.theguardian.com/world/migration/rss",
    "https://www.theguardian.com/uk/immigration/rss",
    "https://www.aljazeera.com/xml/rss/all.xml",
    "https://feeds.elpais.com/mrss-s/pages/ep/site/elpais.com/section/internacional/portada",
    "https://feeds.bbci.co.uk/mundo/rss.xml",
)

DEFAULT_USER_AGENT = (
    "Mozilla/5.0 (compatible; Wirewatch/0.1; news-monitoring feed reader; "
    "+https://github.com/wirewatch/wirewatch)"
)


class IngestSettings(CommonSettings):
    # --- scheduling -------------------------------------------------------------------
    poll_interval_s: float = positive_field(
        900.0,
        "Default time between two polls of one feed (s), used until the feed's "
        "publishing rate is known.",
    )
    min_poll_interval_s: float = positive_field(
        300.0, "Adaptive interval floor: a busy feed is polled at most this often (s)."
    )
    max_poll_interval_s: float = positive_field(
        4 * 3600.0, "Adaptive interval ceiling: a quiet feed is polled at least this often (s)."
    )
    poll_jitter: float = Field(
        default=0.1,
        ge=0,
        lt=1,
        description="Random spread of each next-check time (fraction of the interval, +/-).",
    )
    max_server_hint_s: float = positive_field(
        24 * 3600.0,
        "Longest delay honoured from a feed's TTL, Cache-Control max-age, Expires "
        "or Retry-After (s).",
    )
    poll_tick_s: float = positive_field(
        2.0, "Longest the scheduler sleeps before looking for due feeds again (s)."
    )
    error_backoff_base_s: float = positive_field(
        300.0, "First retry delay after a feed error (s); doubles per consecutive error."
    )
    error_backoff_max_s: float = positive_field(
        6 * 3600.0, "Longest back-off after repeated feed errors (s)."
    )
    park_after_errors: int = count_field(
        10,
        "Consecutive failures after which a feed is parked (listed as unhealthy, "
        "rechecked only every `parked_interval_s`).",
    )
    parked_interval_s: float = positive_field(24 * 3600.0, "Recheck interval of a parked feed (s).")
    # --- concurrency, leases ----------------------------------------------------------
    max_concurrent_fetches: int = count_field(64, "Feeds fetched at once by one ingest process.")
    host_max_concurrent: int = count_field(2, "Politeness: requests in flight at once to one host.")
    host_min_gap_s: float = non_negative_field(
        0.25, "Politeness: minimum time between two request starts to one host (s)."
    )
    lease_s: float = positive_field(
        600.0,
        "How long a claimed feed stays reserved for one ingest process (s); an "
        "expired lease (crashed process) lets another process take the feed. Must exceed "
        "`fetch_total_timeout_s` + `parse_timeout_s`.",
    )
    worker_id: str | None = Field(
        default=None,
        description="Lease owner name of this process (default: host:pid:random).",
    )
    parse_workers: int = non_negative_field(
        2, "Parser processes (0: parse in a thread, for tests and tiny deployments)."
    )
    parse_inline_max_bytes: int = non_negative_field(
        4096,
        "Bodies up to this size are parsed in a thread instead of the process pool "
        "(cheaper than the round trip).",
    )
    parse_timeout_s: float = positive_field(
        30.0, "Longest one feed may take to parse before its parser process is replaced (s)."
    )
    # --- fetching ---------------------------------------------------------------------
    fetch_connect_timeout_s: float = positive_field(5.0, "TCP connect timeout (s).")
    fetch_read_timeout_s: float = positive_field(
        10.0, "Longest wait for the next bytes of a response (s)."
    )
    fetch_total_timeout_s: float = positive_field(
        30.0, "Whole-fetch deadline, redirects and body included (s): cuts slow-drip servers."
    )
    max_body_bytes: int = positive_field(
        5 * 1024 * 1024, "Cap on a feed's decompressed body (bytes), enforced while streaming."
    )
    max_redirects: int = non_negative_field(5, "Redirects followed per fetch.")
    user_agent: str = Field(
        default=DEFAULT_USER_AGENT, description="User-Agent sent with every fetch."
    )
    ingest_allow_private_networks: bool = Field(
        default=False,
        description="Allow feed URLs on private/loopback addresses (SSRF guard off). "
        "For tests and trusted internal feeds only.",
    )
    # --- feeds ------------------------------------------------------------------------
    default_feeds: tuple[str, ...] = Field(
        default=DEFAULT_FEEDS,
        description="Feeds added on first start when the feed table is empty (JSON list).",
    )
    seed_default_feeds: bool = Field(
        default=True, description="Add `default_feeds` when the feed table is empty."
    )
    seen_claim_stale_s: float = positive_field(
        600.0,
        "An item claimed for publishing but never confirmed (process crashed) "
        "is published again after this long (s).",
    )

    @model_validator(mode="after")
    def _poll_floor_under_ceiling(self) -> IngestSettings:
        # The default interval may sit outside the two (scheduling widens them to it); a
        # floor over the ceiling names no interval a feed could adapt to.
        if self.min_poll_interval_s > self.max_poll_interval_s:
            raise ValueError(
                f"min_poll_interval_s ({self.min_poll_interval_s}) must not exceed "
                f"max_poll_interval_s ({self.max_poll_interval_s})"
            )
        return self

    @model_validator(mode="after")
    def _lease_outlives_a_poll(self) -> IngestSettings:
        # A lease that expires while its feed is still fetched or parsed lets a second
        # process claim and poll the same feed (items published twice, politeness broken).
        poll = self.fetch_total_timeout_s + self.parse_timeout_s
        if self.lease_s <= poll:
            raise ValueError(
                f"WIREWATCH_LEASE_S ({self.lease_s:g}) must exceed WIREWATCH_FETCH_TOTAL_TIMEOUT_S "
                f"+ WIREWATCH_PARSE_TIMEOUT_S ({poll:g}), or a feed still being polled is "
                "claimed again"
            )
        return self

    @field_validator("default_feeds")
    @classmethod
    def _default_feeds_are_http_urls(cls, feeds: tuple[str, ...]) -> tuple[str, ...]:
        for number, url in enumerate(feeds, start=1):
            if safe_link(url) is None:  # the entry's number only: a URL may hold a password
                raise ValueError(f"entry {number} is not an http(s) URL")
        return feeds
