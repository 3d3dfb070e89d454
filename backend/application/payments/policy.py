"""What the payment use cases need to know about prices and links, from settings."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from backend.domain.payments.money import PriceList


@dataclass(frozen=True)
class PaymentPolicy:
    """Prices, link lifetime, retry budget and the URLs links and media point at."""

    prices: PriceList
    link_lifetime: timedelta
    max_retries: int
    callback_url: str  # the thank-you page a paid link returns to
    public_base_url: str  # media links are built on it
    currency: str = "INR"
