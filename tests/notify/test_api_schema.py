"""schemathesis against the real HTTP app: no server error, no conformance failure.

Every operation of the OpenAPI schema gets a bounded number of generated requests,
with a valid token and without one; every answer must be documented (status code,
content type, body schema, headers), 405s must list the allowed methods, invalid
input must be refused. Sending operations (a test alert) are left out: they would
reach the generated targets.

"Valid input must be accepted" (positive_data_acceptance) runs without a token only:
with one, the generator still builds requests that only rules across fields refuse
(quiet hours that start when they end, a digest without its interval, a target that
is not an address of its channel), which JSON Schema cannot state; without one, the read
APIs' periods (an ``until`` before its ``since``) are such a rule, and a page ``cursor``
is opaque (valid only as the API wrote it), so generated cursors are left out. What the schema
can state (topic names, country and language codes, HH:MM, time zones, ``null`` for
an optional field) it states, and those inputs are accepted.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from fastapi import FastAPI
from hypothesis import HealthCheck, given, settings
from schemathesis.core.result import Err
from wirewatch_notify import tokens

from tests.notify.support import make_service
from wirewatch.http_app import build_http_app

SENDS = re.compile(r"/test$")


@pytest.fixture
def http_app(tmp_path: Path) -> Iterator[FastAPI]:
    service = make_service(
        f"sqlite:///{tmp_path / 'api.db'}",
        api_rate_limit_burst=100_000,
        api_rate_limit_per_minute=1_000_000.0,
    )
    app = build_http_app(service)
    app.state.test_token = tokens.create_token(service.engine, "schemathesis").plaintext
    try:
        yield app
    finally:
        service.engine.dispose()


def _run(
    app: FastAPI, headers: dict[str, str], max_examples: int, excluded: list[Any]
) -> list[str]:
    """Every operation's generated cases; the failures, one line each."""
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    failures: list[str] = []
    for result in schema.get_all_operations():
        if isinstance(result, Err):  # an operation schemathesis cannot read
            raise result.err()
        operation = result.ok()
        if SENDS.search(operation.path):
            continue

        @given(case=operation.as_strategy())
        @settings(
            max_examples=max_examples,
            deadline=None,
            suppress_health_check=list(HealthCheck),
            derandomize=True,
            database=None,
        )
        def check(case: Any) -> None:
            # A page cursor is opaque: valid only as the API wrote it (its Link header or
            # next_cursor), which no schema can describe; the paging tests follow real ones.
            skipped = excluded
            if case.query:
                case.query.pop("cursor", None)
                if {"since", "until"} <= case.query.keys():  # a rule across fields
                    skipped = [*excluded, schemathesis.checks.positive_data_acceptance]
            case.call_and_validate(headers=headers, excluded_checks=skipped)

        try:
            check()
        except (Exception, BaseExceptionGroup) as exc:  # collected, reported together below
            failures.append(f"{operation.label}: {str(exc).strip()[:1500]}")
    return failures


def test_the_api_conforms_to_its_schema_with_a_token(http_app: FastAPI) -> None:
    headers = {"authorization": f"Bearer {http_app.state.test_token}"}
    # ignored_auth re-sends without credentials: the token-less run covers that. See the
    # module docstring for positive_data_acceptance.
    failures = _run(
        http_app,
        headers,
        30,
        [schemathesis.checks.ignored_auth, schemathesis.checks.positive_data_acceptance],
    )
    assert not failures, "\n\n".join(failures)


def test_the_api_conforms_to_its_schema_without_one(http_app: FastAPI) -> None:
    failures = _run(http_app, {}, 5, [])
    assert not failures, "\n\n".join(failures)
