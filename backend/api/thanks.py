"""GET /payments/thanks: where a payment link returns the payer's browser (every environment)."""

from __future__ import annotations

from html import escape

from flask import Blueprint, Response

blueprint = Blueprint("thanks", __name__)

_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} · BoloAstro</title>
<style>body{{font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem}}
button{{font-size:1.1rem;padding:.6rem 1.4rem;margin:.3rem}}</style></head>
<body><h1>{title}</h1>
{body}
</body></html>
"""
# Pages carry no script and only post forms back to us.
_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'",
    "Cache-Control": "no-store",
}


def html_page(title: str, paragraphs: list[str], status: int = 200, raw_html: str = "") -> Response:
    """A small HTML page; title and paragraphs are escaped, raw_html is the caller's markup."""
    body = "".join(f"<p>{escape(text)}</p>\n" for text in paragraphs) + raw_html
    html = _PAGE.format(title=escape(title), body=body)
    return Response(html, status=status, mimetype="text/html", headers=_HEADERS)


@blueprint.get("/payments/thanks")
def thanks() -> Response:
    """A generic thank-you: the query Razorpay appends is not trusted, so none of it is shown."""
    return html_page(
        "Thank you",
        [
            "We have received your payment details.",
            "We will confirm on WhatsApp as soon as the payment is through. "
            "You can close this page and go back to WhatsApp.",
        ],
    )
