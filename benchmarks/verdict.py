"""How every benchmark line states its target and whether this run met it."""

from __future__ import annotations


def against(measured: float, target: float, unit: str) -> str:
    """Return e.g. "target <= 16 ms: met" or "target <= 2x: MISSED, 3.15x"."""
    space = "" if unit == "x" else " "
    stated = f"target <= {target:g}{space}{unit}"
    if measured <= target:
        return f"{stated}: met"
    return f"{stated}: MISSED, {measured:.2f}{space}{unit}"
