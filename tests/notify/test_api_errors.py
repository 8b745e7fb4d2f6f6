"""Every 422 of the subscriptions API has one shape, the stories and flights APIs' (and
FastAPI's own): ``detail`` is a list of problems, each naming its field (``loc``) and the
reason (``msg``). The service layer's refusals (unknown topic, refused target, a digest
without its interval) included, not only the model's."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from wirewatch_notify import tokens
from wirewatch_notify.app import NotifyService

from tests.notify.support import api_client, bearer, make_service

HOOK = "https://hooks.example.org/in"
KNOWN = ["border-policy", "repatriation-flights"]


@pytest.fixture
def service(database_url: str) -> NotifyService:
    service = make_service(database_url, notify_allow_private_networks=False)
    service.topic_catalog = lambda: KNOWN
    return service


@pytest.fixture
async def client(service: NotifyService) -> AsyncIterator[httpx.AsyncClient]:
    async with api_client(service) as http:
        yield http


def _one_problem(response: httpx.Response) -> dict[str, Any]:
    assert response.status_code == 422, response.text
    detail = response.json()["detail"]
    assert isinstance(detail, list) and len(detail) == 1, detail
    problem: dict[str, Any] = detail[0]
    assert problem["type"] == "value_error" and problem["msg"], problem
    return problem


@pytest.mark.parametrize(
    ("changes", "field", "reason"),
    [
        ({"topics": ["border-polcy"]}, "topics", "unknown topic 'border-polcy'; known topics"),
        ({"target": "http://127.0.0.1:9/x"}, "target", "target refused"),
        ({"target": "https://hooks..example.org/x"}, "target", "URL"),
    ],
)
async def test_a_refused_create_names_the_field_and_the_reason(
    service: NotifyService,
    client: httpx.AsyncClient,
    changes: dict[str, object],
    field: str,
    reason: str,
) -> None:
    auth = bearer(tokens.create_token(service.engine, "t").plaintext)
    body = {"topics": ["border-policy"], "channel": "webhook", "target": HOOK, **changes}
    problem = _one_problem(await client.post("/api/v1/subscriptions", json=body, headers=auth))
    assert problem["loc"] == ["body", field] and reason in problem["msg"], problem
    assert problem["input"] == changes[field]


@pytest.mark.parametrize(
    ("patch", "field", "reason"),
    [
        ({"topics": ["nope"]}, "topics", "unknown topic 'nope'"),
        ({"mode": "digest"}, "digest_interval_minutes", "needs digest_interval_minutes"),
    ],
)
async def test_a_refused_update_names_the_field_and_the_reason(
    service: NotifyService,
    client: httpx.AsyncClient,
    patch: dict[str, object],
    field: str,
    reason: str,
) -> None:
    auth = bearer(tokens.create_token(service.engine, "t").plaintext)
    created = await client.post(
        "/api/v1/subscriptions",
        json={"topics": ["border-policy"], "channel": "webhook", "target": HOOK},
        headers=auth,
    )
    assert created.status_code == 201, created.text
    path = f"/api/v1/subscriptions/{created.json()['id']}"
    problem = _one_problem(await client.patch(path, json=patch, headers=auth))
    assert problem["loc"] == ["body", field] and reason in problem["msg"], problem


async def test_the_openapi_document_gives_every_422_the_list_shape(
    client: httpx.AsyncClient,
) -> None:
    document = (await client.get("/openapi.json")).json()
    schemas = document["components"]["schemas"]
    seen = 0
    for path, item in document["paths"].items():
        for method, operation in item.items():
            answer = operation.get("responses", {}).get("422")
            if answer is None:
                continue
            seen += 1
            ref = answer["content"]["application/json"]["schema"]["$ref"].rsplit("/", 1)[-1]
            detail = schemas[ref]["properties"]["detail"]
            assert detail["type"] == "array", (method, path, detail)
            problem = schemas[detail["items"]["$ref"].rsplit("/", 1)[-1]]
            assert {"loc", "msg", "type"} <= set(problem["required"]), (method, path)
    assert seen >= 6
