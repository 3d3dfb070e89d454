"""WhatsAppSender on Twilio's Messages API, through the official SDK's REST client."""

from __future__ import annotations

import json
from typing import Any

import requests
from twilio.base.exceptions import TwilioException, TwilioRestException
from twilio.http.http_client import TwilioHttpClient
from twilio.rest import Client

from backend.domain.messaging import DeliveryError

# Worth retrying although 4xx: rate limits, timeouts and credentials an operator can fix.
_TRANSIENT_4XX = frozenset({401, 403, 408, 409, 429})


class TwilioRestSender:
    """Sends WhatsApp text and templates; every failure comes out as a DeliveryError."""

    def __init__(
        self,
        account_sid: str,
        auth_token: str,
        from_: str,
        status_callback: str | None = None,
        base_url: str | None = None,
        timeout_s: float = 10.0,
    ) -> None:
        if not account_sid or not auth_token:
            raise ValueError("a Twilio account sid and auth token are required to send")
        self._from = _whatsapp(from_)
        self._status_callback = status_callback
        self._http = TwilioHttpClient(timeout=timeout_s)
        self._client = Client(account_sid, auth_token, http_client=self._http)
        if base_url:
            # The Api domain's base URL is where the SDK builds every /2010-04-01 URL from.
            self._client.api.base_url = base_url.rstrip("/")

    def close(self) -> None:
        """Release pooled connections."""
        if self._http.session is not None:
            self._http.session.close()

    def send_text(self, to_e164: str, body: str, media_url: str | None = None) -> str:
        """Free-form text, with the media URL when there is one; returns the message sid."""
        options: dict[str, Any] = {"body": body}
        if media_url:
            options["media_url"] = [media_url]
        return self._create(to_e164, options)

    def send_template(self, to_e164: str, content_sid: str, variables: dict[str, str]) -> str:
        """An approved Content template with its variables; returns the message sid."""
        options = {"content_sid": content_sid, "content_variables": json.dumps(variables)}
        return self._create(to_e164, options)

    def _create(self, to_e164: str, options: dict[str, Any]) -> str:
        if self._status_callback:
            options["status_callback"] = self._status_callback
        try:
            message = self._client.messages.create(
                to=_whatsapp(to_e164), from_=self._from, **options
            )
        except TwilioRestException as exc:
            raise _rest_error(exc, to_e164) from exc
        except requests.RequestException as exc:
            # The request may or may not have reached Twilio; a retry can at worst send twice.
            raise DeliveryError(
                f"Twilio unreachable: {type(exc).__name__}", permanent=False
            ) from exc
        except (TwilioException, ValueError) as exc:
            raise DeliveryError(
                f"bad Twilio answer: {type(exc).__name__}", permanent=False
            ) from exc
        if not message.sid:
            raise DeliveryError("Twilio answered without a message sid", permanent=False)
        return str(message.sid)


def _whatsapp(number: str) -> str:
    return number if number.startswith("whatsapp:") else f"whatsapp:{number}"


def _rest_error(exc: TwilioRestException, to_e164: str) -> DeliveryError:
    """Twilio's 4xx are final (bad number, outside the window…) except the few worth retrying."""
    status = int(exc.status)
    code = str(exc.code) if exc.code is not None else None
    permanent = 400 <= status < 500 and status not in _TRANSIENT_4XX
    # Twilio's messages may quote the number; it must never reach a log.
    detail = str(exc.msg or "").replace(to_e164, "<to>")
    message = f"Twilio HTTP {status}" + (f" error {code}" if code else "") + f": {detail}"
    return DeliveryError(message, permanent=permanent, code=code)
