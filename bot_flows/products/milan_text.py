"""Kundali Milan as WhatsApp messages in the user's language.

Three blocks (the points, the doshas, the notes) are packed whole into messages of at most
1600 characters; only a block too long on its own (very long names) is cut at line breaks.
"""

from __future__ import annotations

from backend.domain.astrology import Koota, ManglikLite, MilanResult
from backend.domain.whatsapp_text import MAX_MESSAGE_CHARS, split_message
from bot_flows.products.words import Words, load_catalogs

CATALOGS = load_catalogs("milan")


def render_milan(result: MilanResult, bride_name: str, groom_name: str, language: str) -> list[str]:
    """The match as messages of at most 1600 characters each."""
    w = Words(CATALOGS, language)
    blocks = [
        _points(result, bride_name, groom_name, w),
        _doshas(result, bride_name, groom_name, w),
        _notes(result, w),
    ]
    return _pack(blocks)


def _number(value: float) -> str:
    return f"{value:g}"


def _mark(points: float, maximum: float) -> str:
    return "✅" if points == maximum else "❌" if points == 0 else "🔸"


def _points(r: MilanResult, bride: str, groom: str, w: Words) -> str:
    lines = [w("title", bride=bride, groom=groom), ""]
    for name, (sign, star) in ((bride, r.bride_moon), (groom, r.groom_moon)):
        lines.append(w("moon_line", name=name, sign=w.sign_pair(sign), nakshatra=w.nakshatra(star)))
    lines += ["", w("points_header")]
    for s in r.kootas:
        koota = w(f"koota_{s.koota.name.lower()}")
        points, maximum = _number(s.points), _number(s.maximum)
        line = w("koota_line", koota=koota, points=points, maximum=maximum)
        lines.append(f"{_mark(s.points, s.maximum)} {line}")
    lines += ["", w("total", total=_number(r.total)), w(f"verdict_{r.verdict}")]
    return "\n".join(lines)


def _doshas(r: MilanResult, bride: str, groom: str, w: Words) -> str:
    lines = [w("doshas_header"), _nadi(r, w), _bhakoot(r, w), "", w("manglik_header")]
    for name, status in ((bride, r.bride_manglik), (groom, r.groom_manglik)):
        lines.append(_manglik(name, status, w))
    if r.manglik_cancelled_by_pairing:
        lines.append(w("manglik_both"))
    elif r.manglik_one_sided:
        only = bride if r.bride_manglik.effective else groom
        lines.append(w("manglik_one", name=only))
    else:
        lines.append(w("manglik_neither"))
    return "\n".join(lines)


def _nadi(r: MilanResult, w: Words) -> str:
    if not r.nadi_dosha:
        return w("nadi_none")
    if r.nadi_cancellation is None:
        return w("nadi_present")
    return w(f"nadi_cancelled_{r.nadi_cancellation}")


def _bhakoot(r: MilanResult, w: Words) -> str:
    if not r.bhakoot_dosha:
        return w("bhakoot_none")
    relation = r.score(Koota.BHAKOOT).detail.replace("_", "/")
    if r.bhakoot_cancellation is None:
        return w("bhakoot_present", relation=relation)
    bride_lord, groom_lord = r.bride_moon[0].lord, r.groom_moon[0].lord
    return w(
        f"bhakoot_cancelled_{r.bhakoot_cancellation}",
        relation=relation,
        bride_lord=w.graha(bride_lord),
        groom_lord=w.graha(groom_lord),
    )


def _manglik(name: str, status: ManglikLite, w: Words) -> str:
    key = (
        "manglik_no"
        if not status.present
        else "manglik_cancelled"
        if status.cancelled
        else "manglik_yes"
    )
    text = w(key, name=name)
    if status.from_lagna is None:  # no birth time: counted from the Moon
        text = f"{text} {w('manglik_from_moon')}"
    return text


def _notes(r: MilanResult, w: Words) -> str:
    notes = [] if r.moon_signs_certain else [w("moon_uncertain")]
    return "\n\n".join([*notes, w("method"), w("closing")])


def _pack(blocks: list[str], limit: int = MAX_MESSAGE_CHARS) -> list[str]:
    messages: list[str] = []
    for block in blocks:
        for piece in split_message(block, limit):
            if messages and len(messages[-1]) + 2 + len(piece) <= limit:
                messages[-1] = f"{messages[-1]}\n\n{piece}"
            else:
                messages.append(piece)
    return messages
