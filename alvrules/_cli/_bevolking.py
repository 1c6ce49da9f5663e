"""``--bevolking CSV`` and ``--peildatum JJJJ-MM-DD``: the CBS figures a command uses.

Precedence (STM02): the option, then the dossier's ``[bevolking]``, then the figures
shipped with the package. ``--peildatum`` gives the reference date of the file in use
(the option's, else the dossier's) when the file does not state it.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from alvrules._cli._uitvoer import datum
from alvrules.bevolking import Bevolking, lees_bevolking
from alvrules.model import InvoerFout

if TYPE_CHECKING:
    from alvrules.dossier import Dossier

__all__ = ["bevolking"]


def bevolking(args: argparse.Namespace, dossier: Dossier | None = None) -> Bevolking | None:
    """The figures named on the command line (or, with ``--peildatum``, in the dossier)."""
    peil = datum(args.peildatum, "peildatum") if args.peildatum else None
    if args.bevolking:
        return lees_bevolking(args.bevolking, peil)
    if peil is None:
        return None
    if dossier is not None and dossier.bevolking is not None:
        return lees_bevolking(dossier.bevolking.bestand, peil)
    raise InvoerFout(
        "--peildatum hoort bij een bevolkingsbestand: geef ook --bevolking CSV",
        en="--peildatum belongs to a population file: also pass --bevolking CSV",
    )
