"""``--bevolking CSV`` and ``--peildatum JJJJ-MM-DD``: the CBS figures a command uses.

Precedence (STM02): the option, then the dossier's ``[bevolking]``, then the figures
shipped with the package; figures from a file for a reference date the package ships must
equal the shipped ones (:func:`alvrules.gewichten.cijfers_voor`). ``--peildatum`` gives the
reference date of the file in use (the option's, else the dossier's) when the file does
not state it.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

import attrs

from alvrules._cli._uitvoer import datum
from alvrules.bevolking import Bevolking, lees_bevolking
from alvrules.model import InvoerFout
from alvrules.teksten import bericht

if TYPE_CHECKING:
    from alvrules.dossier import Dossier

__all__ = ["bevolking"]


def bevolking(args: argparse.Namespace, dossier: Dossier | None = None) -> Bevolking | None:
    """The figures named on the command line (or, with ``--peildatum``, in the dossier)."""
    peil = datum(args.peildatum, "peildatum") if args.peildatum else None
    if args.bevolking:
        return attrs.evolve(lees_bevolking(args.bevolking, peil), oorsprong="opdrachtregel")
    if peil is None:
        return None
    if dossier is not None and dossier.bevolking is not None:
        from alvrules.controle import dossierbestand  # noqa: PLC0415

        return dossierbestand(dossier.bevolking, peil)
    raise InvoerFout(
        bericht("--peildatum hoort bij een bevolkingsbestand: geef ook --bevolking CSV"),
    )
