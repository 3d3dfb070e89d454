"""Buying and receiving the paid products, in English."""

MESSAGES: dict[str, str] = {
    "product_kundali": "Full Kundali report for {name}",
    "product_qna": "Question pack: {count} questions",
    "product_milan": "Kundali Milan: {bride} & {groom}",
    "pay_link": (
        "🪔 {product} — {price}\n"
        "Pay securely with Razorpay (UPI, cards, net banking):\n{url}\n"
        "The link is valid for {minutes} minutes. I'll message you here as soon as the "
        "payment arrives."
    ),
    "link_unavailable": (
        "Sorry — I couldn't create a payment link just now. Nothing was charged. "
        "Please reply RETRY in a few minutes."
    ),
    "waiting_payment": (
        "I'm still waiting for your payment for {product}.\nYour link: {url}\n"
        "Reply RETRY for a fresh link, or MENU for other options."
    ),
    "nothing_to_pay": "There is no payment waiting. Send MENU to see what you can get.",
    "paid": "✅ Payment of {price} received — thank you! (order #{order})",
    "report_follows": "Here is your full Kundali report, {name}. 🪔",
    "report_pdf": "📄 Your Kundali report as a PDF (the link works for 7 days).",
    "report_again": "You already have the full report for {name} — sending it to you again now.",
    "match_again": (
        "You already have the Kundali Milan for {bride} & {groom} — sending it to you again now."
    ),
    "qna_ready": (
        "You now have {credits} questions. Send your question any time — for example "
        '"When will I get a new job?" or "How will my marriage be?"'
    ),
    "qna_offer": (
        "Ask me about career, marriage, money, health or family — I answer from your chart "
        "and your running dasha.\nA pack of {count} questions costs {price}. "
        "Reply 1 for a payment link, or MENU."
    ),
    "qna_ask": "You have {credits} questions left. Send your question.",
    "qna_left": "({credits} questions left)",
    "qna_used_up": "That was your last question. Reply 1 for a new pack ({count} for {price}).",
    "qna_waiting": (
        "Your questions unlock as soon as the payment arrives.\nYour link: {url}\n"
        "Reply RETRY for a fresh link."
    ),
    "milan_intro": (
        "💑 Kundali Milan compares two birth charts (Ashtakoota, 36 points).\n"
        "First, the bride's details."
    ),
    "milan_groom": "Thank you. Now the groom's details.",
    "milan_offer": (
        "Ready to match {bride} & {groom}. The full Kundali Milan costs {price}.\n"
        "Reply 1 for a payment link, or MENU."
    ),
    "match_follows": "Here is the Kundali Milan for {bride} & {groom}. 💑",
    "payment_failed": (
        "❌ Your payment for {product} didn't go through, and nothing was charged for it. "
        "Reply RETRY for a fresh link."
    ),
    "payment_review": (
        "We received a payment for order #{order} that needs a quick check by our team. "
        "We'll contact you here; you don't need to do anything."
    ),
    "refunded": "Your payment for order #{order} was refunded; its access has ended.",
    "retry_nudge": (
        "Your payment link for {product} expired. Here is a fresh one ({price}):\n{url}\n"
        "Reply STOP to stop reminders."
    ),
    "stopped": (
        "Done — no more reminders from me. Things you buy still reach you. "
        "Send START to turn reminders back on."
    ),
    "restarted": "Reminders are on again.",
}
