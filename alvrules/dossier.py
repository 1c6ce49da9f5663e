"""The dossier of one ALV: the meeting, its agenda and everything submitted or voted.

The file format (TOML or JSON, same structure) is described in the docs and shipped as a
JSON Schema; :mod:`alvrules.laden` reads a file into a :class:`Dossier`.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from attrs import field, frozen, validators

from alvrules.amendementen import Amendement
from alvrules.grenzen import bijlage_reden
from alvrules.levenscyclus import EerdereMotie
from alvrules.model import Agendapunt, Vergadering
from alvrules.moties import Motie
from alvrules.raadpleging import Bekrachtiging
from alvrules.stemmingen import Stemming, Vertegenwoordiger
from alvrules.verantwoording import Verantwoording
from alvrules.verkiezingen import Vacature
from alvrules.waarden import Ongeldig, gecontroleerd

__all__ = ["Bevolkingsbestand", "Dossier"]


@frozen(kw_only=True, field_transformer=gecontroleerd)
class Bevolkingsbestand:
    """``[bevolking]``: the CBS figures this meeting's weights come from (STM02).

    ``bestand`` is a CSV file (formats: :mod:`alvrules.bevolking`) in the dossier file's
    folder or below it: a relative path without ``..`` (an absolute path or ``..`` is
    refused when the dossier is made; a symbolic link leaving the folder, a device or a
    FIFO when the file is read, :func:`alvrules.grenzen.lees_bijlage`). ``peildatum`` is
    needed only when the file does not state it itself.

    ``map`` is not part of the file format: the folder ``bestand`` is relative to, set by
    :func:`alvrules.laad_dossier` to the dossier file's folder (``""``: the working
    directory, e.g. for a dossier read from standard input or made in Python).
    """

    bestand: str = field(validator=validators.min_len(1))
    peildatum: date | None = None
    map: str = field(default="", init=False, eq=False, repr=False)

    @bestand.validator
    def _in_de_map(self, _: object, naam: str) -> None:
        reden = bijlage_reden(naam)
        if reden is not None:
            raise Ongeldig(reden, ("bestand",))

    def in_map(self, map_: str) -> Bevolkingsbestand:
        """This ``[bevolking]`` with its file relative to folder ``map_``."""
        kopie = Bevolkingsbestand(bestand=self.bestand, peildatum=self.peildatum)
        object.__setattr__(kopie, "map", map_)
        return kopie


@frozen(kw_only=True, field_transformer=gecontroleerd)
class Dossier:
    """One meeting dossier."""

    vergadering: Vergadering
    agendapunten: tuple[Agendapunt, ...] = ()
    moties: tuple[Motie, ...] = ()
    amendementen: tuple[Amendement, ...] = ()
    vertegenwoordigers: tuple[Vertegenwoordiger, ...] = ()
    stemmingen: tuple[Stemming, ...] = ()
    eerdere_moties: tuple[EerdereMotie, ...] = ()  # AFD: motions of earlier ALVs
    verantwoording: tuple[Verantwoording, ...] = ()  # AFD02: the board's accounts
    vacatures: tuple[Vacature, ...] = ()  # STM11, KND01-KND02
    notulencommissie: tuple[str, ...] | None = None  # NOT01; None: not given
    bevolking: Bevolkingsbestand | None = None  # STM02: own figures; None: the shipped ones
    bekrachtigingen: tuple[Bekrachtiging, ...] = ()  # STM14: ratified consultations

    def naar_dict(self) -> dict[str, Any]:
        """The dossier as the file format writes it (see :func:`alvrules.schrijf_dossier`).

        >>> d = Dossier(vergadering=Vergadering(datum="2023-12-01"), notulencommissie=["Ede"])
        >>> d.naar_dict()
        {'vergadering': {'datum': datetime.date(2023, 12, 1)}, 'notulencommissie': ['Ede']}
        """
        from alvrules.schrijven import naar_dict  # noqa: PLC0415 - writing is rare

        return naar_dict(self)

    def agendapunt(self, punt_id: str) -> Agendapunt | None:
        """The first agenda item with id ``punt_id`` (an index, so a check that looks up
        every motion's item stays linear)."""
        punten, index = _INDEX[0]
        if punten is not self.agendapunten:
            index = {}
            for a in self.agendapunten:
                index.setdefault(a.id, a)
            _INDEX[0] = (self.agendapunten, index)
        return index.get(punt_id)


#: The index of the agenda last looked up: (its tuple, id -> item).
_INDEX: list[tuple[tuple[Agendapunt, ...], dict[str, Agendapunt]]] = [((), {})]
