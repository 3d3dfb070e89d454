"""The development payment sandbox: a Razorpay look-alike that issues links and sends webhooks.

It plays an outside service, so it keeps its own engine and tables and never uses the app's
unit of work. It is wired only when PAYMENT_GATEWAY=sandbox, which production refuses.
"""
