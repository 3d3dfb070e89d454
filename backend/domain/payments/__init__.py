"""Payments: orders, payment events, the gateway port and the entitlement ledger."""
