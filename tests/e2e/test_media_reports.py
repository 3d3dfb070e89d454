"""GET /media/reports/<token> on SQLite and PostgreSQL: the PDF for a good link, 404 otherwise."""

from __future__ import annotations

import base64
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock_time

import pytest
from flask.testing import FlaskClient

from backend.application.kundali_report import report_link
from backend.bootstrap import Services
from backend.domain.profile import BirthProfile
from infrastructure.media_tokens import SignedMediaTokens
from tests.support import PUBLIC_BASE_URL
from tests.whatsapp import unique_phone

NOW = datetime(2026, 11, 22, 6, 0, tzinfo=UTC)


def saved_profile(services: Services, name: str = "Asha Kulkarni") -> int:
    """Save a profile through the unit of work, as the conversation does; return its id."""
    phone = unique_phone()
    with services.unit_of_work() as uow:
        conv = uow.conversations.lock(phone, NOW, "new", "main")
        conv.save_profile(
            BirthProfile(name, date(1990, 8, 15), clock_time(22, 30),
                         "Mumbai, Maharashtra, India", 19.07, 72.88, "Asia/Kolkata")
        )  # fmt: skip
        uow.conversations.save(conv)
        uow.commit()
    with services.unit_of_work() as uow:
        profile = uow.conversations.lock(phone, NOW, "new", "main").profile
    assert profile is not None and profile.id is not None
    return profile.id


def path_of(link: str) -> str:
    assert link.startswith(f"{PUBLIC_BASE_URL}/media/reports/")
    return link.removeprefix(PUBLIC_BASE_URL)


def assert_not_found(client: FlaskClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 404
    assert response.is_json and response.get_json()["error"]["code"] == "not_found"


def test_a_signed_link_serves_the_pdf(services: Services, client: FlaskClient) -> None:
    profile_id = saved_profile(services)
    link = report_link(profile_id, "hi", services.media_tokens, services.settings.public_base_url)
    response = client.get(path_of(link))
    assert response.status_code == 200
    assert response.mimetype == "application/pdf"
    assert response.data.startswith(b"%PDF-")
    assert response.headers["Content-Disposition"] == (
        'inline; filename="kundali-asha-kulkarni.pdf"'
    )
    assert "no-store" in response.headers["Cache-Control"]


def test_a_name_without_latin_letters_still_gets_a_file_name(
    services: Services, client: FlaskClient
) -> None:
    profile_id = saved_profile(services, name="आशा")
    link = report_link(profile_id, "hi", services.media_tokens, services.settings.public_base_url)
    response = client.get(path_of(link))
    assert response.status_code == 200
    assert response.headers["Content-Disposition"] == 'inline; filename="kundali.pdf"'


def test_a_tampered_token_is_not_found(services: Services, client: FlaskClient) -> None:
    profile_id = saved_profile(services)
    link = report_link(profile_id, "en", services.media_tokens, services.settings.public_base_url)
    payload, stamp, signature = path_of(link).removeprefix("/media/reports/").split(".")
    # Someone else's report with this link's signature:
    other_payload = base64.urlsafe_b64encode(b'{"p":1,"l":"en"}').rstrip(b"=").decode()
    assert_not_found(client, f"/media/reports/{other_payload}.{stamp}.{signature}")
    # A changed signature (a middle character: the last one holds padding bits):
    flipped = signature[:10] + ("A" if signature[10] != "A" else "B") + signature[11:]
    assert_not_found(client, f"/media/reports/{payload}.{stamp}.{flipped}")
    other = SignedMediaTokens("another deployment's secret").issue(profile_id, "en", NOW)
    assert_not_found(client, f"/media/reports/{other}")


def test_an_expired_link_is_not_found(services: Services, client: FlaskClient) -> None:
    profile_id = saved_profile(services)
    issued = datetime.now(UTC) - timedelta(days=7, minutes=1)
    old = report_link(profile_id, "en", services.media_tokens, PUBLIC_BASE_URL, at=issued)
    assert_not_found(client, path_of(old))
    fresh = report_link(profile_id, "en", services.media_tokens, PUBLIC_BASE_URL,
                        at=issued + timedelta(minutes=2))  # fmt: skip
    assert client.get(path_of(fresh)).status_code == 200


def test_an_unknown_profile_is_not_found(services: Services, client: FlaskClient) -> None:
    link = report_link(2_000_000_000, "en", services.media_tokens, PUBLIC_BASE_URL)
    assert_not_found(client, path_of(link))


@pytest.mark.parametrize(
    "garbage", ["x", "garbage.token.here", "%00", "a" * 600, "eyJwIjoxfQ.AAAA.BBBB"]
)
def test_garbage_is_not_found(services: Services, client: FlaskClient, garbage: str) -> None:
    assert_not_found(client, f"/media/reports/{garbage}")
