"""Mermaid diagrams drawn from the flow tables; a test keeps the .mmd files in step.

Regenerate with: python -m bot_flows.diagram > bot_flows/main_flow.mmd
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from bot_flows import main_flow


def _name(func: Any) -> str:
    return str(getattr(func, "__name__", func))


def mermaid(transitions: Iterable[dict[str, Any]], states: Iterable[str], initial: str) -> str:
    """A stateDiagram-v2 with one arrow per table row, labelled trigger [conditions]."""
    lines = ["stateDiagram-v2", f"    [*] --> {initial}"]
    all_states = list(states)
    for row in transitions:
        sources = all_states if row["source"] == "*" else [row["source"]]
        conditions = " & ".join(_name(c) for c in row["conditions"])
        label = row["trigger"] + (f" [{conditions}]" if conditions else "")
        for source in sources:
            dest = row["dest"] or source
            lines.append(f"    {source} --> {dest}: {label}")
    return "\n".join(dict.fromkeys(lines)) + "\n"


def main_flow_diagram() -> str:
    """The main conversation's diagram."""
    states = [s.value for s in main_flow.S]
    return mermaid(main_flow.TRANSITIONS, states, main_flow.INITIAL.value)


if __name__ == "__main__":
    print(main_flow_diagram(), end="")
