"""Delivery channels, one module each, registered by name."""

from wirewatch_notify.channels.base import (
    Channel,
    DeliveryRequest,
    PermanentDeliveryError,
    RetryableDeliveryError,
)

__all__ = ["Channel", "DeliveryRequest", "PermanentDeliveryError", "RetryableDeliveryError"]
