"""Use cases of the admin API: orders, users, manual grants and revokes, reconciliation."""
