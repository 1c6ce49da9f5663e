"""Loading a dossier file (TOML or JSON) into the domain types."""

from __future__ import annotations

from pathlib import Path

from alvrules.dossier import Dossier

__all__ = ["laad_dossier"]


def laad_dossier(pad: str | Path) -> Dossier:
    """Read the dossier at ``pad``."""
    raise NotImplementedError("laad_dossier: nog niet gebouwd")
