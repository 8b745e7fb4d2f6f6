"""A refused subscription says its reason once, in plain words, with the field path: the
exact text a user sees, per kind of refusal, from the API (a 422 entry: ``loc`` and
``msg``, nothing else) and from ``wirewatch subscribe`` (``subscription refused: path:
reason``).

On main (stop 38) a validator's own reason came as "Value error, <reason>" with a ``ctx``
holding an empty object, a pattern as its regular expression, a list limit as "List
should have at most 20 items after validation, not 21"."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from wirewatch_notify import tokens

from tests.notify.support import api_client, bearer, make_service
from tests.notify.test_cli_notify import run

HOOK = "https://hooks.example.org/in"
KNOWN = ["border-policy", "repatriation-flights"]
LOOPBACK = (
    "target refused: refusing to connect to 127.0.0.1: loopback address "
    "(WIREWATCH_NOTIFY_ALLOW_PRIVATE_NETWORKS=true allows private and loopback targets)"
)

# (kind, CLI arguments after the topic, API body changes, field path, the reason)
REFUSALS: list[tuple[str, list[str], dict[str, Any], tuple[str | int, ...], str]] = [
    (
        "bad email",
        ["--email", "not-an-email"],
        {"channel": "email", "target": "not-an-email"},
        ("target",),
        "not a valid email address: 'not-an-email'",
    ),
    (
        "webhook URL without http(s)",
        ["--webhook", "ftp://x"],
        {"target": "ftp://x"},
        ("target",),
        "URL must be http(s) with a host: 'ftp://x'",
    ),
    (
        "webhook to loopback",
        ["--webhook", "http://127.0.0.1:9/x"],
        {"target": "http://127.0.0.1:9/x"},
        ("target",),
        LOOPBACK,
    ),
    (
        "score out of range",
        ["--webhook", HOOK, "--min-score", "2"],
        {"min_score": 2},
        ("min_score",),
        "Input should be less than or equal to 1",
    ),
    (
        "filter: a code of no country",
        ["--webhook", HOOK, "--country", "UK"],
        {"countries": ["UK"]},
        ("countries",),
        "not an ISO 3166-1 alpha-2 country code: 'UK' (did you mean GB?)",
    ),
    (
        "filter: a country name, not a code",
        ["--webhook", HOOK, "--country", "Guatemala"],
        {"countries": ["Guatemala"]},
        ("countries", 0),
        "not an ISO 3166-1 alpha-2 country code: 'Guatemala'",
    ),
    (
        "filter: a language name, not a tag",
        ["--webhook", HOOK, "--language", "english"],
        {"languages": ["english"]},
        ("languages", 0),
        "a language tag like 'en' or 'pt-BR' is needed: 'english'",
    ),
    (
        "quiet hours of no length",
        ["--webhook", HOOK, "--quiet-hours", "22:00-22:00"],
        {"quiet_hours": {"start": "22:00", "end": "22:00"}},
        ("quiet_hours",),
        "quiet hours start and end must differ",
    ),
    (
        "quiet hours: no such time",
        ["--webhook", HOOK, "--quiet-hours", "25:00-07:00"],
        {"quiet_hours": {"start": "25:00", "end": "07:00"}},
        ("quiet_hours", "start"),
        "a time as HH:MM (00:00 to 23:59) is needed: '25:00'",
    ),
    (
        "limit: too many topics",
        ["--webhook", HOOK, *[a for n in range(20) for a in ("--topic", f"t{n}")]],
        {"topics": [f"t{n}" for n in range(21)]},
        ("topics",),
        "at most 20 allowed, not 21",
    ),
]
# Refusals only the API can meet (the CLI builds these fields itself).
API_ONLY: list[tuple[str, dict[str, Any], tuple[str | int, ...], str]] = [
    (
        "unknown topic",
        {"topics": ["border-polcy"]},
        ("topics",),
        "unknown topic 'border-polcy'; known topics: border-policy, repatriation-flights",
    ),
    (
        "digest without interval",
        {"mode": "digest"},
        (),
        "mode 'digest' needs digest_interval_minutes",
    ),
    ("unknown field", {"filter": {"languages": ["en"]}}, ("filter",), "unknown field"),
    (
        "channel",
        {"channel": "pigeon"},
        ("channel",),
        "Input should be 'webhook', 'slack', 'email' or 'apprise'",
    ),
    (
        "route of no country",
        {"routes": [{}]},
        ("routes", 0),
        "a route needs an origin or a destination",
    ),
    (
        "route of a country name",
        {"routes": [{"origin": "Guatemala"}]},
        ("routes", 0, "origin"),
        "not an ISO 3166-1 alpha-2 country code: 'Guatemala'",
    ),
]


async def _refusal(database_url: str, changes: dict[str, Any]) -> dict[str, Any]:
    """The one problem of a 422 to a create with ``changes``."""
    service = make_service(database_url, notify_allow_private_networks=False)
    service.topic_catalog = lambda: KNOWN
    auth = bearer(tokens.create_token(service.engine, "t").plaintext)
    body = {"topics": ["border-policy"], "channel": "webhook", "target": HOOK, **changes}
    async with api_client(service) as client:
        response = await client.post("/api/v1/subscriptions", json=body, headers=auth)
    assert response.status_code == 422, response.text
    [problem] = response.json()["detail"]
    assert isinstance(problem, dict)
    return problem


@pytest.mark.parametrize(
    ("changes", "path", "reason"),
    [pytest.param(*case[2:], id=case[0]) for case in REFUSALS]
    + [pytest.param(*case[1:], id=case[0]) for case in API_ONLY],
)
async def test_the_api_says_the_reason_once_in_words(
    database_url: str, changes: dict[str, Any], path: tuple[str | int, ...], reason: str
) -> None:
    problem = await _refusal(database_url, changes)
    assert set(problem) == {"type", "loc", "msg", "input"}, problem  # no ctx, no url
    assert problem["loc"] == ["body", *path] and problem["msg"] == reason, problem


@pytest.mark.parametrize(
    ("args", "path", "reason"),
    [pytest.param(case[1], case[3], case[4], id=case[0]) for case in REFUSALS],
)
def test_the_cli_says_the_same_reason_with_its_field(
    tmp_path: Path, args: list[str], path: tuple[str | int, ...], reason: str
) -> None:
    result = run(["subscribe", "--topic", "border-policy", *args], tmp_path)
    field = ".".join(str(p) for p in path)
    assert result.returncode != 0
    assert result.stderr == f"error: subscription refused: {field}: {reason}"


def test_the_cli_names_the_known_topics_of_an_unknown_one(tmp_path: Path) -> None:
    from wirewatch_classify.engine import Classifier

    known = sorted(Classifier.load(None).topic_names)  # no user topics in a new database
    result = run(["subscribe", "--topic", "border-polcy", "--webhook", HOOK], tmp_path)
    assert result.stderr == (
        "error: subscription refused: topics: unknown topic 'border-polcy'; "
        f"known topics: {', '.join(known)}"
    )
