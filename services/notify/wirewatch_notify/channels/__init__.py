"""Delivery channels, one module each, registered by name in :mod:`.registry`."""

from wirewatch_notify.channels.base import (
    Channel,
    DeliveryRequest,
    PermanentDeliveryError,
    RetryableDeliveryError,
)

__all__ = ["Channel", "DeliveryRequest", "PermanentDeliveryError", "RetryableDeliveryError"]
