"""The public subscribe / unsubscribe flow, on top of the notify service layer.

The pages collect a form; this module turns it into calls of
``wirewatch_notify.subscriptions`` (the same functions the API and the CLI use),
one subscription per chosen topic. Blocking (database): call from a thread.
"""

from __future__ import annotations

import contextlib
import functools
import typing
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError
from wirewatch_notify import subscriptions
from wirewatch_notify.schemas import FLIGHTS_TOPIC, iso_country
from wirewatch_notify.secrets import SecretBox
from wirewatch_notify.settings import NotifySettings

EMAIL_USES_THE_LINK = (
    "email alerts stop with the unsubscribe link at the bottom of every alert "
    "(it proves the mailbox is yours); this form is for webhook and Slack URLs"
)


class SubscribeRefused(ValueError):
    """The form cannot be accepted; the message tells the visitor why, ``field`` names
    the form field it is about (None: the form as a whole)."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


# The request's field path (a service-layer refusal's ``field``) -> the form's field.
_FORM_FIELDS = {
    "topics": "topic",
    "channel": "channel",
    "target": "target",
    "min_score": "min_score",
    "routes.0.origin": "flight_origin",
    "routes.0.destination": "flight_destination",
}


def _refused(exc: subscriptions.SubscriptionError) -> SubscribeRefused:
    """The service layer's refusal on the form: beside its field when the form has it
    (the reason alone), else for the whole form (with the request's field path)."""
    field = _FORM_FIELDS.get(exc.field or "")
    return SubscribeRefused(str(exc) if field else exc.in_words(), field)


@dataclass(frozen=True, slots=True)
class Subscribed:
    id: int
    topics: Sequence[str]
    webhook_secret: str | None
    active: bool
    routes: str = ""


@dataclass(frozen=True, slots=True)
class SubscribeResult:
    channel: str
    target: str
    min_score: float
    subscriptions: Sequence[Subscribed]

    @property
    def needs_confirmation(self) -> bool:
        return any(not s.active for s in self.subscriptions)


def _topics_of(sub: Any) -> list[str]:
    topics = getattr(sub, "topics", None)
    if topics is None:
        topics = [getattr(sub, "topic", "?")]
    return [str(t) for t in topics]


def _is_active(sub: Any) -> bool:
    return bool(sub.active) and not getattr(sub, "awaiting_confirmation", False)


def _requests(
    chosen: Sequence[str], channel: str, target: str, score: float
) -> list[dict[str, Any]]:
    """One request with every topic when notify takes topic lists, else one per topic."""
    base: dict[str, Any] = {"channel": channel, "target": target, "min_score": score}
    if "topics" in subscriptions.SubscriptionCreate.model_fields:
        return [{**base, "topics": list(chosen)}]
    return [{**base, "topic": topic} for topic in chosen]


def channels() -> list[str]:
    """The channels notify accepts (read from its request model, so new ones appear)."""
    annotation = subscriptions.SubscriptionCreate.model_fields["channel"].annotation
    return [str(a) for a in typing.get_args(annotation)] or ["webhook", "email"]


@functools.lru_cache(maxsize=8)
def _shipped_topics(topics_dir: Path | None) -> frozenset[str]:
    """Classify's shipped (and ``topics_dir``) topic names: read once per process."""
    from wirewatch_classify.engine import Classifier

    return frozenset(Classifier.load(topics_dir).topic_names)


def shipped_and_user_topics(engine: Engine, topics_dir: Path | None) -> list[str]:
    """Topic names a subscriber may pick: classify's shipped topics plus user topics."""
    from wirewatch_classify import user_topics

    names = set(_shipped_topics(topics_dir))
    # The table is missing when classify never ran against this database.
    with contextlib.suppress(SQLAlchemyError):
        names.update(d.name for d in user_topics.list_definitions(engine))
    return sorted(names)


def _country(code: str, field: str) -> str | None:
    """A route's country code; the form's own words ("Guatemala" is no code), not the
    schema's pattern."""
    try:
        return iso_country(code or None)
    except ValueError as exc:
        raise SubscribeRefused(str(exc), field) from None


def _min_score(raw: str) -> float:
    if not raw:
        return 0.0
    try:
        value = float(raw)
    except ValueError:
        raise SubscribeRefused(
            "minimum score must be a number between 0 and 1", "min_score"
        ) from None
    if not 0.0 <= value <= 1.0:
        raise SubscribeRefused("minimum score must be between 0 and 1", "min_score")
    return value


class SubscribeFlow:
    def __init__(
        self,
        engine: Engine,
        box: SecretBox,
        settings: NotifySettings,
        topics: Callable[[], Collection[str]],
    ) -> None:
        self.engine = engine
        self.box = box
        self.settings = settings
        self._topics = topics

    def topics(self) -> list[str]:
        return list(self._topics())

    def subscribe(
        self,
        topics: Sequence[str],
        channel: str,
        target: str,
        min_score: str,
        *,
        origin: str = "",
        destination: str = "",
    ) -> SubscribeResult:
        """Subscribe to topics; with a flight origin and/or destination, to route alerts
        (one alert per flight record on that route) instead."""
        route = {
            "origin": _country(origin, "flight_origin"),
            "destination": _country(destination, "flight_destination"),
        }
        routed = route["origin"] is not None or route["destination"] is not None
        chosen = self._chosen_topics(topics, routed)
        if channel not in channels():
            raise SubscribeRefused("choose how to receive alerts", "channel")
        if not target:
            raise SubscribeRefused("enter an email address or a webhook URL", "target")
        score = _min_score(min_score)
        created: list[Subscribed] = []
        for data in _requests(chosen, channel, target, score):
            created.append(self._create({**data, "routes": [route]} if routed else data))
        return SubscribeResult(channel, target, score, created)

    def _chosen_topics(self, topics: Sequence[str], routed: bool) -> list[str]:
        """The ticked topics, de-duplicated and checked; a route means flight records only."""
        chosen = list(dict.fromkeys(t.strip().lower() for t in topics if t.strip()))
        if routed:
            if any(t != FLIGHTS_TOPIC for t in chosen):
                raise SubscribeRefused(
                    "a flight route gets flight records only: untick the other topics or "
                    "clear the route",
                    "topic",
                )
            chosen = [FLIGHTS_TOPIC]
        if not chosen:
            raise SubscribeRefused("pick at least one topic", "topic")
        known = set(self.topics())
        unknown = [t for t in chosen if t not in known]
        if unknown:
            raise SubscribeRefused(f"unknown topic: {', '.join(unknown)}", "topic")
        return chosen

    def _create(self, data: dict[str, object]) -> Subscribed:
        try:
            request = subscriptions.parse_create(data)
            # Public page: email needs the double opt-in; targets pass the SSRF policy.
            result = subscriptions.create_subscription(
                self.engine, request, self.box, require_confirmation=True, settings=self.settings
            )
        except subscriptions.SubscriptionError as exc:
            raise _refused(exc) from exc
        sub = result.subscription
        assert sub.id is not None
        route = request.routes[0] if request.routes else None
        shown = f"flights {route.origin or 'any'} → {route.destination or 'any'}" if route else ""
        return Subscribed(sub.id, _topics_of(sub), result.webhook_secret, _is_active(sub), shown)

    def unsubscribe(self, *, subscription_id: str, target: str) -> str:
        """Stop a subscription; the visitor proves ownership with its exact target.

        Email subscribers use the signed one-click link in every alert instead
        (notify's ``/api/v1/email/unsubscribe/{token}``); this form is for webhooks:
        their URL is a secret, an email address is not (anyone knowing it could walk
        the numbers), so an address is refused before anything is looked up.
        """
        given = target.strip()
        if "@" in given and "://" not in given:
            raise SubscribeRefused(EMAIL_USES_THE_LINK)
        try:
            sub_id = int(subscription_id)
        except ValueError:
            raise SubscribeRefused("enter the subscription number") from None
        sub = subscriptions.get_subscription(self.engine, sub_id)
        if (
            sub is None
            or not given
            or sub.channel == "email"
            or subscriptions.target_of(sub, self.box) != given
        ):
            raise SubscribeRefused("no subscription with that number and address")
        subscriptions.unsubscribe(self.engine, sub_id)
        return f"subscription {sub_id} ({', '.join(_topics_of(sub))}) stopped"
