"""The AsyncAPI 3.0 document of Wirewatch's Kafka streams, generated, never hand-kept.

Everything comes from two places: the streams module (``wirewatch_shared.streams``:
names, ``STREAM_INFO`` with keys, producers and consumer groups, and the docstring
under each stream constant) and the event models (``wirewatch_shared.events``: the
payload JSON Schemas, from pydantic). A stream added there appears here without a
change to this module. Building the document is pure: no service is constructed, no
settings file or secret key is read or written.
"""

from __future__ import annotations

import ast
import inspect
import itertools
from dataclasses import dataclass
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version
from typing import Any

from pydantic import BaseModel
from pydantic.json_schema import models_json_schema
from wirewatch_shared import events, streams

ASYNCAPI_VERSION = "3.0.0"
KAFKA_BINDING_VERSION = "0.5.0"
SCHEMA_REF = "#/components/schemas/{model}"
UNDESCRIBED = "not described in wirewatch_shared.streams.STREAM_INFO"


@dataclass(frozen=True, slots=True)
class Channel:
    """One stream as the document shows it."""

    id: str
    address: str
    description: str
    info: streams.StreamInfo | None
    model: type[BaseModel] | None


def wirewatch_version() -> str:
    try:
        return version("wirewatch")
    except PackageNotFoundError:  # running from a source tree that is not installed
        return "0+unknown"


@lru_cache(maxsize=1)
def _stream_docstrings() -> dict[str, str]:
    """The docstring under each constant of the streams module (``NAME = "..."`` then a
    string), read from its source: the one description of a stream."""
    tree = ast.parse(inspect.getsource(streams))
    found: dict[str, str] = {}
    body = tree.body
    for node, after in itertools.pairwise(body):
        if (
            isinstance(node, ast.Assign)
            and len(node.targets) == 1
            and isinstance(node.targets[0], ast.Name)
            and isinstance(after, ast.Expr)
            and isinstance(after.value, ast.Constant)
            and isinstance(after.value.value, str)
        ):
            found[node.targets[0].id] = inspect.cleandoc(after.value.value)
    return found


def _constant_names() -> dict[str, str]:
    """Stream name -> the constant that holds it (``wirewatch.items.v1`` -> ``ITEMS``)."""
    return {
        value: name
        for name, value in vars(streams).items()
        if name.isupper() and isinstance(value, str) and value in streams.ALL_STREAMS
    }


def _event_model(info: streams.StreamInfo | None) -> type[BaseModel] | None:
    if info is None:
        return None
    model = getattr(events, info.event, None)
    return model if isinstance(model, type) and issubclass(model, BaseModel) else None


def channels() -> list[Channel]:
    """Every stream of ``streams.ALL_STREAMS``, in order, described or not."""
    names = _constant_names()
    docs = _stream_docstrings()
    out = []
    for address in streams.ALL_STREAMS:
        constant = names.get(address, address)
        info = streams.STREAM_INFO.get(address)
        out.append(
            Channel(
                id=constant.lower().replace("_", "-"),
                address=address,
                description=docs.get(constant, ""),
                info=info,
                model=_event_model(info),
            )
        )
    return out


def _schemas(models: list[type[BaseModel]]) -> dict[str, Any]:
    """JSON Schemas of the payloads (as sent: serialization mode), nested models shared."""
    refs, defs = models_json_schema(
        [(model, "serialization") for model in models], ref_template=SCHEMA_REF
    )
    schemas: dict[str, Any] = dict(defs.get("$defs", {}))
    for (model, _), ref in refs.items():
        name = ref["$ref"].rsplit("/", 1)[-1]
        schemas.setdefault(name, ref)
        if name != model.__name__:
            schemas[model.__name__] = ref
    return schemas


def _message(channel: Channel) -> dict[str, Any]:
    info, model = channel.info, channel.model
    message: dict[str, Any] = {
        "name": model.__name__ if model else channel.id,
        "title": model.__name__ if model else channel.address,
        "contentType": "application/json",
        "payload": {"$ref": SCHEMA_REF.format(model=model.__name__)} if model else {},
    }
    doc = inspect.cleandoc(model.__doc__) if model and model.__doc__ else ""
    message["summary"] = doc.split("\n\n", 1)[0].replace("\n", " ") if doc else UNDESCRIBED
    if info is not None:
        message["bindings"] = {
            "kafka": {
                "key": {"type": "string", "description": info.key},
                "bindingVersion": KAFKA_BINDING_VERSION,
            }
        }
    return message


def _operations(channel: Channel, message_id: str) -> dict[str, Any]:
    ref = {"$ref": f"#/channels/{channel.id}"}
    messages = [{"$ref": f"#/channels/{channel.id}/messages/{message_id}"}]
    operations: dict[str, Any] = {}
    info = channel.info
    for producer in info.producers if info else ():
        op_id = f"{_slug(producer)}-sends-{channel.id}"
        operations[op_id] = {
            "action": "send",
            "channel": ref,
            "messages": messages,
            "summary": f"{producer} publishes to {channel.address}",
        }
    for consumer in info.consumers if info else ():
        op_id = f"{_slug(consumer.service)}-receives-{channel.id}"
        operation: dict[str, Any] = {
            "action": "receive",
            "channel": ref,
            "messages": messages,
            "summary": f"{consumer.service} reads {channel.address}"
            + (f" in consumer group {consumer.group}" if consumer.group else " (no group)"),
        }
        if consumer.group:
            operation["bindings"] = {
                "kafka": {
                    "groupId": {"type": "string", "enum": [consumer.group]},
                    "bindingVersion": KAFKA_BINDING_VERSION,
                }
            }
        else:
            operation["description"] = "No consumer group: every process reads every record."
        operations[op_id] = operation
    return operations


def _slug(text: str) -> str:
    return "-".join("".join(c if c.isalnum() else " " for c in text.lower()).split())


def _channel(channel: Channel, message_id: str, partitions: int, replicas: int) -> dict[str, Any]:
    return {
        "address": channel.address,
        "title": channel.id,
        "description": channel.description or UNDESCRIBED,
        "messages": {message_id: {"$ref": f"#/components/messages/{message_id}"}},
        "bindings": {
            "kafka": {
                "topic": channel.address,
                "partitions": partitions,
                "replicas": replicas,
                "bindingVersion": KAFKA_BINDING_VERSION,
            }
        },
    }


def build_document(
    *, kafka_bootstrap: str | None = None, partitions: int = 3, replicas: int = 1
) -> dict[str, Any]:
    """The AsyncAPI 3.0 document (a plain dict, ready for JSON)."""
    found = channels()
    models = list(dict.fromkeys(c.model for c in found if c.model is not None))
    doc_channels: dict[str, Any] = {}
    messages: dict[str, Any] = {}
    operations: dict[str, Any] = {}
    for channel in found:
        message_id = channel.model.__name__ if channel.model else channel.id
        messages.setdefault(message_id, _message(channel))
        doc_channels[channel.id] = _channel(channel, message_id, partitions, replicas)
        operations.update(_operations(channel, message_id))
    host = (kafka_bootstrap or "localhost:9092").split(",")[0].strip()
    return {
        "asyncapi": ASYNCAPI_VERSION,
        "info": {
            "title": "Wirewatch",
            "version": wirewatch_version(),
            "description": "The Kafka streams between Wirewatch's services: feed items "
            "(ingest), classified items (classify), story events (stories), user topic "
            "definitions and dead letters. Payloads are JSON; every event carries "
            "`schema_version`, and a breaking change moves to a new stream (`.v2`).",
        },
        "defaultContentType": "application/json",
        "servers": {
            "kafka": {
                "host": host,
                "protocol": "kafka",
                "description": "WIREWATCH_KAFKA_BOOTSTRAP, or the embedded broker of "
                "`wirewatch up` (its address is in the data dir's runtime.json).",
            }
        },
        "channels": doc_channels,
        "operations": operations,
        "components": {"messages": messages, "schemas": _schemas(models)},
    }
