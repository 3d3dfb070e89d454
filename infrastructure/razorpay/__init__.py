"""Razorpay adapter: webhook signatures, webhook events and the payment-link gateway."""
