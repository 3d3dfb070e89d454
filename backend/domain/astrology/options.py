"""The choices a chart is computed with: which ayanamsa and which lunar node."""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Ayanamsa(enum.Enum):
    """The sidereal zero point: Lahiri (Chitrapaksha, India's official) or Krishnamurti (KP)."""

    LAHIRI = "lahiri"
    KP = "kp"

    @property
    def label(self) -> str:
        """Display name, e.g. "Lahiri"."""
        return "Lahiri" if self is Ayanamsa.LAHIRI else "Krishnamurti (KP)"


class NodeType(enum.Enum):
    """Mean node (smooth, always retrograde) or true node (oscillates, sometimes direct)."""

    MEAN = "mean"
    TRUE = "true"


@dataclass(frozen=True)
class ChartOptions:
    """How to compute a chart; the defaults are the most common Indian practice."""

    ayanamsa: Ayanamsa = Ayanamsa.LAHIRI
    node: NodeType = NodeType.MEAN


DEFAULT_OPTIONS = ChartOptions()
