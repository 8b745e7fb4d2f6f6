"""``/asyncapi.json`` and ``/asyncapi``: the AsyncAPI document of the Kafka streams, as JSON
and as a server-rendered page (no script, no CDN: it works offline like the rest)."""

from __future__ import annotations

import json
from typing import Any

from fastapi import APIRouter
from fastapi.responses import HTMLResponse, JSONResponse

from wirewatch.asyncapi import build_document
from wirewatch.ops.pages import render


def _type_of(schema: dict[str, Any]) -> str:
    """A short, readable type: ``string``, ``array of Evidence``, ``string | null``."""
    if "$ref" in schema:
        return str(schema["$ref"]).rsplit("/", 1)[-1]
    if "anyOf" in schema:
        return " | ".join(_type_of(option) for option in schema["anyOf"])
    kind = schema.get("type")
    if kind == "array":
        items = schema.get("items") or (schema.get("prefixItems") or [{}])[0]
        return f"array of {_type_of(items)}" if items else "array"
    if "const" in schema:
        return json.dumps(schema["const"])
    if "enum" in schema:
        return " | ".join(json.dumps(value) for value in schema["enum"])
    fmt = schema.get("format")
    return f"{kind} ({fmt})" if fmt and kind else str(kind or "any")


def _fields(schema: dict[str, Any]) -> list[dict[str, str]]:
    required = set(schema.get("required", ()))
    return [
        {
            "name": name,
            "type": _type_of(prop),
            "required": "yes" if name in required else "",
            "description": str(prop.get("description", "")),
        }
        for name, prop in schema.get("properties", {}).items()
    ]


def _page_model(document: dict[str, Any]) -> dict[str, Any]:
    """What the template shows: each stream with its writers, readers and payload."""
    operations = document["operations"]
    schemas = document["components"]["schemas"]
    messages = document["components"]["messages"]
    streams = []
    for channel_id, channel in document["channels"].items():
        ref = f"#/channels/{channel_id}"
        ops = [op for op in operations.values() if op["channel"]["$ref"] == ref]
        message_id = next(iter(channel["messages"]))
        message = messages[message_id]
        streams.append(
            {
                "id": channel_id,
                "channel": channel,
                "message_id": message_id,
                "message": message,
                "key": message.get("bindings", {}).get("kafka", {}).get("key", {}),
                "sends": [op for op in ops if op["action"] == "send"],
                "receives": [op for op in ops if op["action"] == "receive"],
            }
        )
    models = [
        {"name": name, "fields": _fields(schema), "json": json.dumps(schema, indent=2)}
        for name, schema in sorted(schemas.items())
    ]
    return {"doc": document, "streams": streams, "models": models}


def asyncapi_router(kafka_bootstrap: str | None, partitions: int, replicas: int) -> APIRouter:
    router = APIRouter(include_in_schema=False)

    def document() -> dict[str, Any]:
        return build_document(
            kafka_bootstrap=kafka_bootstrap, partitions=partitions, replicas=replicas
        )

    @router.get("/asyncapi.json")
    async def asyncapi_json() -> JSONResponse:
        return JSONResponse(document())

    @router.get("/asyncapi", response_class=HTMLResponse)
    async def asyncapi_page() -> HTMLResponse:
        return HTMLResponse(render("asyncapi.html", **_page_model(document())))

    return router
