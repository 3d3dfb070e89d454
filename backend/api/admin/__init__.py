"""The admin API (CONTRACT "Admin API"): JSON under /admin/api/v1, bearer admin keys, audited."""

from __future__ import annotations

# Importing the route modules attaches their routes and hooks to the blueprint.
from backend.api.admin import analytics, auth, grants, orders, reconcile, users
from backend.api.admin.blueprint import blueprint

__all__ = ["analytics", "auth", "blueprint", "grants", "orders", "reconcile", "users"]
