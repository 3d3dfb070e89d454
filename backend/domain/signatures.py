"""Port: checking that a webhook really comes from the provider that claims to send it."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol


class WebhookSignatureVerifier(Protocol):
    """Checks a provider's request signature; there is deliberately no way to turn it off."""

    def is_valid(self, url: str, params: Mapping[str, Any], signature: str) -> bool:
        """True only when `signature` was made with our secret over this URL and these params."""
        ...
