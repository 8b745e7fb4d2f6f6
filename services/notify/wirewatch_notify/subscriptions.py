"""Subscription service layer, shared by the CLI and the HTTP API.

Every function takes an optional ``owner``: the API always passes the caller's
(``token:<key id>``), so another tenant's subscription is simply not found; the
CLI (the operator) passes None and sees all. CLI-created subscriptions belong to
:data:`~wirewatch_notify.models.LOCAL_OWNER`.
"""

from __future__ import annotations

import secrets as pysecrets
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TypeVar

from pydantic import BaseModel, ValidationError
from sqlalchemy import delete
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select
from wirewatch_shared.clock import utcnow
from wirewatch_shared.db import session_scope
from wirewatch_shared.ssrf import (
    AddressRefused,
    ResolutionError,
    SsrfError,
    resolve_public_sync,
)

from wirewatch_notify import refusals
from wirewatch_notify.channels.registry import TargetError, spec
from wirewatch_notify.dead_letters import UNSUBSCRIBED_REASON
from wirewatch_notify.models import (
    LOCAL_OWNER,
    Delivery,
    DeliveryKind,
    DeliveryStatus,
    FlightRoute,
    Subscription,
)
from wirewatch_notify.payloads import confirm_envelope, dumps
from wirewatch_notify.rules import active_rules
from wirewatch_notify.schemas import (
    QuietHours,
    RouteIn,
    RouteOut,
    SubscriptionCreate,
    SubscriptionOut,
    SubscriptionUpdate,
    check_timing,
)
from wirewatch_notify.secrets import SecretBox, generate_webhook_secret
from wirewatch_notify.settings import NotifySettings

_Input = TypeVar("_Input", bound=BaseModel)

__all__ = [
    "LOCAL_OWNER",
    "CreatedSubscription",
    "SubscriptionConflict",
    "SubscriptionCreate",
    "SubscriptionError",
    "SubscriptionUpdate",
    "active_rules",
    "confirm_email",
    "create_subscription",
    "get_subscription",
    "list_subscriptions",
    "parse_create",
    "parse_update",
    "remove_subscription",
    "rotate_secret",
    "routes_of",
    "signing_secrets",
    "target_of",
    "unsubscribe",
    "update_subscription",
    "view",
    "views",
]


class SubscriptionError(ValueError):
    """A subscription request was refused; the message says why, ``field`` names the
    input refused (None: the request as a whole) and ``value`` is what it held."""

    def __init__(self, message: str, *, field: str | None = None, value: object = None) -> None:
        super().__init__(message)
        self.field = field
        self.value = value

    def in_words(self) -> str:
        """The refusal as one line, ``field: reason`` (the CLI's and the form's text)."""
        return f"{self.field}: {self}" if self.field else str(self)


class SubscriptionConflict(SubscriptionError):
    """Refused in the subscription's state (not for its input): an HTTP 409."""


def check_topics(topics: Iterable[str], known: Collection[str] | None) -> None:
    """Refuse topic names no classifier produces (a typo would mean no alert, ever),
    naming the known ones. ``known`` None: not checked (no catalogue given)."""
    if known is None:
        return
    unknown = [topic for topic in topics if topic not in known]
    if unknown:
        names = ", ".join(repr(t) for t in unknown)
        raise SubscriptionError(
            f"unknown topic {names}; known topics: {', '.join(sorted(known)) or 'none'}",
            field="topics",
            value=list(topics),
        )


def _parse(schema: type[_Input], data: dict[str, object]) -> _Input:
    """Validate raw input; raises SubscriptionError with a readable reason."""
    try:
        return schema.model_validate(data)
    except ValidationError as exc:
        errors = exc.errors()
        if len(errors) == 1:  # the field named apart, as a service-layer refusal names it
            [error] = errors
            path = refusals.field_path(error["loc"])
            raise SubscriptionError(
                refusals.reason(error), field=path or None, value=error.get("input")
            ) from exc
        raise SubscriptionError(refusals.sentence(errors)) from exc


def parse_create(data: dict[str, object]) -> SubscriptionCreate:
    return _parse(SubscriptionCreate, data)


def parse_update(data: dict[str, object]) -> SubscriptionUpdate:
    return _parse(SubscriptionUpdate, data)


def vet_target(channel: str, target: str, *, allow_private: bool) -> str:
    """Normalise the target and refuse one that points at a non-public address.

    A name that does not resolve right now is accepted: the same guard runs again at
    every connection, so it can never reach a private address later either.
    """
    given = target
    try:
        channel_spec = spec(channel)
        target = channel_spec.normalize_target(target)
        hosts = channel_spec.hosts(target)
    except (TargetError, SsrfError) as exc:
        raise SubscriptionError(str(exc), field="target", value=given) from exc
    if allow_private:
        return target
    for host, port in hosts:
        try:
            resolve_public_sync(host, port)
        except ResolutionError:
            continue
        except AddressRefused as exc:
            raise SubscriptionError(
                f"target refused: {exc} (WIREWATCH_NOTIFY_ALLOW_PRIVATE_NETWORKS=true allows "
                "private and loopback targets)",
                field="target",
                value=given,
            ) from exc
        except SsrfError as exc:
            raise SubscriptionError(f"target refused: {exc}", field="target", value=given) from exc
    return target


@dataclass(frozen=True, slots=True)
class CreatedSubscription:
    subscription: Subscription
    webhook_secret: str | None  # shown once, at creation


def _queue_confirmation(session: Session, sub: Subscription) -> None:
    assert sub.id is not None
    now = utcnow()
    session.add(
        Delivery(
            subscription_id=sub.id,
            item_id=f"confirm:{pysecrets.token_hex(8)}",
            kind=DeliveryKind.CONFIRM,
            status=DeliveryStatus.PENDING,
            next_attempt_at=now,
            payload=_confirm_payload(sub, now),
        )
    )


def _confirm_payload(sub: Subscription, now: datetime) -> str:
    return dumps(confirm_envelope(sub.topics, now=now))


def create_subscription(
    engine: Engine,
    request: SubscriptionCreate,
    box: SecretBox,
    *,
    owner: str = LOCAL_OWNER,
    require_confirmation: bool = False,
    settings: NotifySettings | None = None,
    known_topics: Collection[str] | None = None,
) -> CreatedSubscription:
    """Create a subscription; ``require_confirmation`` (always on for the API) makes an
    email subscription wait for its double opt-in (a confirmation email is queued).

    With ``settings``, the target is vetted by the SSRF policy right away (the API and
    the CLI always pass them); without, only its form is checked here, and the
    send-time guard of the running service still applies. With ``known_topics``, every
    topic must be one of them.
    """
    allow_private = settings.notify_allow_private_networks if settings else True
    target = vet_target(request.channel, request.target, allow_private=allow_private)
    check_topics(request.topics, known_topics)
    channel_spec = spec(request.channel)
    secret = generate_webhook_secret() if channel_spec.signed else None
    confirm = require_confirmation and request.channel == "email"
    sub = Subscription(
        owner=owner,
        topics=request.topics,
        channel=request.channel,
        target=channel_spec.redact(target) if channel_spec.redact else target,
        target_encrypted=box.encrypt(target) if channel_spec.redact else None,
        secret_encrypted=box.encrypt(secret) if secret else None,
        min_score=request.min_score,
        countries=request.countries,
        entities=request.entities,
        feeds=request.feeds,
        languages=request.languages,
        mode=request.mode,
        alert_mode=request.alert_mode,
        followup_outlets=request.followup_outlets,
        digest_interval_minutes=request.digest_interval_minutes,
        timezone=request.timezone,
        quiet_start=request.quiet_hours.start if request.quiet_hours else None,
        quiet_end=request.quiet_hours.end if request.quiet_hours else None,
        active=request.active,
        requires_confirmation=confirm,
    )
    with session_scope(engine) as session:
        session.add(sub)
        session.flush()
        assert sub.id is not None
        _set_routes(session, sub.id, request.routes)
        if confirm:
            _queue_confirmation(session, sub)
        session.refresh(sub)
    return CreatedSubscription(sub, secret)


def _set_routes(session: Session, subscription_id: int, routes: Sequence[RouteIn]) -> None:
    """Replace a subscription's routes (route alerts on flight records)."""
    session.execute(delete(FlightRoute).where(col(FlightRoute.subscription_id) == subscription_id))
    for route in routes:
        session.add(
            FlightRoute(
                subscription_id=subscription_id,
                origin=route.origin,
                destination=route.destination,
            )
        )


def routes_of(engine: Engine, subscription_ids: Collection[int]) -> dict[int, list[RouteOut]]:
    """The routes of these subscriptions, by subscription id (in the order added)."""
    if not subscription_ids:
        return {}
    query = (
        select(FlightRoute)
        .where(col(FlightRoute.subscription_id).in_(list(subscription_ids)))
        .order_by(col(FlightRoute.id))
    )
    found: dict[int, list[RouteOut]] = {}
    with session_scope(engine) as session:
        for row in session.exec(query):
            out = RouteOut(origin=row.origin, destination=row.destination)
            found.setdefault(row.subscription_id, []).append(out)
    return found


def _scoped(session: Session, subscription_id: int, owner: str | None) -> Subscription | None:
    sub = session.get(Subscription, subscription_id)
    if sub is None or (owner is not None and sub.owner != owner):
        return None
    return sub


def list_subscriptions(engine: Engine, owner: str | None = None) -> list[Subscription]:
    query = select(Subscription).order_by(col(Subscription.id))
    if owner is not None:
        query = query.where(col(Subscription.owner) == owner)
    with session_scope(engine) as session:
        return list(session.exec(query))


def get_subscription(
    engine: Engine, subscription_id: int, owner: str | None = None
) -> Subscription | None:
    with session_scope(engine) as session:
        return _scoped(session, subscription_id, owner)


def update_subscription(
    engine: Engine,
    subscription_id: int,
    patch: SubscriptionUpdate,
    owner: str | None = None,
    known_topics: Collection[str] | None = None,
) -> Subscription | None:
    """Apply a PATCH; re-activating clears the reason a subscription was disabled."""
    if "topics" in patch.model_fields_set and patch.topics is not None:
        check_topics(patch.topics, known_topics)
    with session_scope(engine) as session:
        sub = _scoped(session, subscription_id, owner)
        if sub is None:
            return None
        given = patch.model_fields_set
        for name in ("topics", "min_score", "countries", "entities", "feeds", "languages"):
            if name in given:
                setattr(sub, name, getattr(patch, name))
        for name in (
            "mode",
            "alert_mode",
            "followup_outlets",
            "digest_interval_minutes",
            "timezone",
        ):
            if name in given:
                setattr(sub, name, getattr(patch, name))
        if patch.mode == "instant" and "digest_interval_minutes" not in given:
            sub.digest_interval_minutes = None
        if "quiet_hours" in given:
            quiet: QuietHours | None = patch.quiet_hours
            sub.quiet_start = quiet.start if quiet else None
            sub.quiet_end = quiet.end if quiet else None
        if "routes" in given and patch.routes is not None:
            assert sub.id is not None
            _set_routes(session, sub.id, patch.routes)
        if "active" in given:
            _set_active(sub, bool(patch.active))
        try:
            check_timing(sub.mode, sub.digest_interval_minutes)
        except ValueError as exc:
            raise SubscriptionError(
                str(exc), field="digest_interval_minutes", value=sub.digest_interval_minutes
            ) from exc
        sub.updated_at = utcnow()
        session.add(sub)
        session.flush()
        session.refresh(sub)
        return sub


def _set_active(sub: Subscription, active: bool) -> None:
    """Pause, or turn back on (clearing why notify disabled it); a recipient's
    unsubscribe is theirs to undo, not the owner's or the operator's."""
    if active and not sub.active and sub.disabled_reason == UNSUBSCRIBED_REASON:
        raise SubscriptionConflict(
            "the recipient unsubscribed: it stays off (a new subscription sends them a "
            "confirmation email first)"
        )
    sub.active = active
    if active:
        sub.disabled_reason = None


def remove_subscription(engine: Engine, subscription_id: int, owner: str | None = None) -> bool:
    """Delete a subscription and its delivery log (queued messages are dropped)."""
    with session_scope(engine) as session:
        sub = _scoped(session, subscription_id, owner)
        if sub is None:
            return False
        session.execute(delete(Delivery).where(col(Delivery.subscription_id) == subscription_id))
        _set_routes(session, subscription_id, ())
        session.delete(sub)
        return True


@dataclass(frozen=True, slots=True)
class Rotation:
    webhook_secret: str
    previous_valid_until: datetime


def rotate_secret(
    engine: Engine,
    subscription_id: int,
    box: SecretBox,
    *,
    grace_s: float,
    owner: str | None = None,
) -> Rotation | None:
    """New signing secret; the current one keeps signing (alongside) for ``grace_s``."""
    with session_scope(engine) as session:
        sub = _scoped(session, subscription_id, owner)
        if sub is None:
            return None
        if not spec(sub.channel).signed or sub.secret_encrypted is None:
            raise SubscriptionError(f"{sub.channel} subscriptions have no signing secret")
        now = utcnow()
        secret = generate_webhook_secret()
        sub.previous_secret_encrypted = sub.secret_encrypted
        sub.previous_secret_expires_at = now + timedelta(seconds=grace_s)
        sub.secret_encrypted = box.encrypt(secret)
        sub.updated_at = now
        session.add(sub)
        return Rotation(secret, sub.previous_secret_expires_at)


def signing_secrets(sub: Subscription, box: SecretBox, now: datetime) -> tuple[str, ...]:
    """The secrets a message is signed with: the current one, plus the previous one
    while its rotation grace period lasts."""
    if sub.secret_encrypted is None:
        return ()
    current = box.decrypt(sub.secret_encrypted)
    expires = sub.previous_secret_expires_at
    if sub.previous_secret_encrypted and expires is not None and expires > now:
        return (current, box.decrypt(sub.previous_secret_encrypted))
    return (current,)


def target_of(sub: Subscription, box: SecretBox) -> str:
    """The real target (decrypted when it is a credential)."""
    return box.decrypt(sub.target_encrypted) if sub.target_encrypted else sub.target


def confirm_email(engine: Engine, subscription_id: int) -> bool:
    """Double opt-in done; returns False if it was already confirmed."""
    with session_scope(engine) as session:
        sub = session.get(Subscription, subscription_id)
        if sub is None or sub.confirmed_at is not None:
            return False
        sub.confirmed_at = sub.updated_at = utcnow()
        session.add(sub)
        return True


def unsubscribe(engine: Engine, subscription_id: int) -> bool:
    """One-click unsubscribe: the subscription stops at once (held alerts are dropped)."""
    with session_scope(engine) as session:
        sub = session.get(Subscription, subscription_id)
        if sub is None:
            return False
        now = utcnow()
        if sub.active:
            sub.active = False
            sub.disabled_reason = UNSUBSCRIBED_REASON
            sub.updated_at = now
            session.add(sub)
        for delivery in session.exec(
            select(Delivery).where(
                col(Delivery.subscription_id) == subscription_id,
                col(Delivery.status).in_(
                    [DeliveryStatus.PENDING, DeliveryStatus.HELD, DeliveryStatus.BATCHED]
                ),
            )
        ):
            delivery.status = DeliveryStatus.CANCELLED
            delivery.last_error = "unsubscribed"
            delivery.updated_at = now
            session.add(delivery)
        return True


def status_of(sub: Subscription) -> str:
    if sub.awaiting_confirmation:
        return "awaiting_confirmation"
    if sub.active:
        return "active"
    return "disabled" if sub.disabled_reason else "paused"


def views(engine: Engine, subs: Sequence[Subscription]) -> list[SubscriptionOut]:
    """The API's view of subscriptions, with their routes."""
    routes = routes_of(engine, [s.id for s in subs if s.id is not None])
    return [view(s, routes.get(s.id or 0, ())) for s in subs]


def view(sub: Subscription, routes: Sequence[RouteOut] = ()) -> SubscriptionOut:
    assert sub.id is not None
    quiet = (
        QuietHours(start=sub.quiet_start, end=sub.quiet_end)
        if sub.quiet_start and sub.quiet_end
        else None
    )
    expires = sub.previous_secret_expires_at
    return SubscriptionOut(
        id=sub.id,
        topics=sub.topics,
        channel=sub.channel,
        target=sub.target,
        min_score=sub.min_score,
        countries=sub.countries,
        entities=sub.entities,
        feeds=sub.feeds,
        languages=sub.languages,
        mode=sub.mode,
        alert_mode=sub.alert_mode,
        followup_outlets=sub.followup_outlets,
        digest_interval_minutes=sub.digest_interval_minutes,
        timezone=sub.timezone,
        quiet_hours=quiet,
        active=sub.active,
        routes=list(routes),
        status=status_of(sub),  # type: ignore[arg-type]
        disabled_reason=sub.disabled_reason,
        confirmed_at=sub.confirmed_at,
        previous_secret_valid_until=expires if expires and expires > utcnow() else None,
        created_at=sub.created_at,
        updated_at=sub.updated_at,
    )
