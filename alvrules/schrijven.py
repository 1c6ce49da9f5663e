"""Writing a dossier back to a file (TOML or JSON): the inverse of :mod:`alvrules.laden`.

A tool that builds a :class:`~alvrules.dossier.Dossier` in code can hand it to a person
(TOML, with the sections in the order of the docs and a comment above each) or to another
system (JSON). Reading the written file gives the same dossier back:
``laad_dossier(schrijf_dossier(d, pad)) == d``.

What is written:

- the keys of the file format (``soort`` of an agenda item, ``stemmen`` as a table
  ``gemeente = keuze``; as a list of ``{gemeente, keuze}`` when a member voted twice, which
  STM04 reports);
- every required key, and every other key whose value differs from its default (an
  empty list, ``false`` or an absent value is left out; TOML has no ``null``); the
  ``soort`` of an agenda item always;
- dates, times and timestamps as TOML values, in JSON as ISO 8601 text.

TOML is written with ``tomli-w`` (see docs/besluiten.md); this module only orders the
sections and adds the comments.
"""

from __future__ import annotations

import json
import os
import secrets
import stat
from collections.abc import Callable, Mapping
from datetime import date, time
from enum import Enum
from os import PathLike
from pathlib import Path
from typing import Any

import attrs

from alvrules.dossier import Dossier
from alvrules.fouten import eis
from alvrules.laden import HERNOEMD
from alvrules.model import Agendapunt, AgendaSoort
from alvrules.stemmingen import Stembriefje, Stemming
from alvrules.teksten import N_, vertaal

__all__ = ["naar_dict", "naar_json", "naar_toml", "schrijf_dossier"]

#: Attributes written even when they have their default value.
_ALTIJD = {(Agendapunt, "soorten")}

#: The comment above each section in TOML, in the order of the docs (docs/dossier.md).
_KOPPEN: Mapping[str, str] = {
    "vergadering": N_("De vergadering: datum, aanvang, soort en sluitingstijd (TRM01)."),
    "bevolking": N_("Eigen CBS-cijfers voor de stemgewichten (STM02)."),
    "agendapunten": N_("Agenda: `id` is vast, `nummer` het weergavenummer (AGD01)."),
    "moties": N_("Moties (MOT01-MOT06, SIG01-SIG08, TRM02)."),
    "amendementen": N_("Amendementen (AMD01-AMD05)."),
    "vertegenwoordigers": N_("Vertegenwoordigers: wie de stemmen van een lid uitbrengt (STM03)."),
    "stemmingen": N_("Stemmingen: per gemeente voor, tegen of onthouding (STM04-STM11)."),
    "eerdere_moties": N_("Moties van eerdere ALV's (AFD01-AFD05)."),
    "verantwoording": N_("Verantwoording van het bestuur over eerdere moties (AFD02)."),
    "vacatures": N_("Vacatures en kandidaten (STM11, KND01-KND02)."),
    "notulencommissie": N_("Leden van de notulencommissie (NOT01)."),
}


def naar_dict(dossier: Dossier) -> dict[str, Any]:
    """``dossier`` as the file format writes it: tables, lists and scalars, keys in order.

    Dates and times stay :class:`~datetime.date`, :class:`~datetime.time` and
    :class:`~datetime.datetime` (TOML values); :func:`naar_json` writes them as text.
    """
    return _tabel(dossier)


def _tabel(obj: Any) -> dict[str, Any]:
    cls = type(obj)
    uit: dict[str, Any] = {}
    for a in attrs.fields(cls):
        if not a.init:  # not part of the file (e.g. Bevolkingsbestand.map)
            continue
        waarde = getattr(obj, a.name)
        if waarde is None or ((cls, a.name) not in _ALTIJD and _standaard(a, waarde)):
            continue
        sleutel = HERNOEMD.get((cls, a.name), a.name)
        if cls is Agendapunt and a.name == "soorten":
            uit[sleutel] = _soorten(waarde)
        elif cls is Stemming and a.name == "stemmen":
            uit[sleutel] = _stemmen(waarde)
        else:
            uit[sleutel] = _waarde(waarde)
    return uit


def _standaard(a: attrs.Attribute, waarde: Any) -> bool:  # type: ignore[type-arg]
    """Whether ``waarde`` is the default of attribute ``a`` (left out of the file)."""
    if a.default is attrs.NOTHING:
        return False
    standaard: Any = a.default
    if isinstance(standaard, attrs.Factory):  # type: ignore[arg-type]
        standaard = standaard.factory()
    return bool(waarde == standaard)


def _waarde(waarde: Any) -> Any:
    if isinstance(waarde, Enum):
        return waarde.value
    if attrs.has(type(waarde)):
        return _tabel(waarde)
    if isinstance(waarde, tuple | list):
        return [_waarde(w) for w in waarde]
    if isinstance(waarde, frozenset):
        return sorted(_waarde(w) for w in waarde)
    return waarde


def _soorten(soorten: frozenset[AgendaSoort]) -> str | list[str]:
    """AGD01: one kind as a word, a mixed item as a list (in the order of the enum)."""
    geordend = [s.value for s in AgendaSoort if s in soorten]
    return geordend[0] if len(geordend) == 1 else geordend


def _stemmen(stemmen: tuple[Stembriefje, ...]) -> dict[str, str] | list[dict[str, Any]]:
    """A table ``gemeente = keuze``; a list when a member delivered more than one ballot
    or a ballot has its ``tijdstip``."""
    tabel = {b.gemeente: b.keuze for b in stemmen}
    if len(tabel) == len(stemmen) and all(b.tijdstip is None for b in stemmen):
        return tabel
    return [
        {"gemeente": b.gemeente, "keuze": b.keuze}
        | ({} if b.tijdstip is None else {"tijdstip": b.tijdstip})
        for b in stemmen
    ]


def naar_json(dossier: Dossier) -> str:
    """``dossier`` as JSON text (UTF-8, indented; dates and times as ISO 8601)."""
    return json.dumps(naar_dict(dossier), ensure_ascii=False, indent=2, default=_iso) + "\n"


def _iso(waarde: Any) -> str:
    if isinstance(waarde, date | time):
        return waarde.isoformat()
    raise TypeError(f"no JSON for {type(waarde).__name__}")  # a programming error


def naar_toml(dossier: Dossier, taal: str = "nl") -> str:
    """``dossier`` as TOML for people: sections in the order of the docs, each with a
    comment line above it (in ``taal``), multi-line texts as multi-line strings."""
    data = naar_dict(dossier)
    delen = [
        "# "
        + vertaal(
            taal, "Dossier van een ALV van de VNG (alvrules); controleer met `alvrules controleer`."
        )
    ]
    # keys that are not tables come first (after a table header they would belong to it)
    for sleutel in sorted(data, key=lambda k: _is_tabel(data[k])):
        waarde = data[sleutel]
        if isinstance(waarde, list) and _is_tabel(waarde):
            tekst = "\n".join(_element(_dumps, sleutel, w) for w in waarde)
        else:
            tekst = _dumps({sleutel: waarde})
        kop = vertaal(taal, _KOPPEN[sleutel]) if sleutel in _KOPPEN else sleutel
        delen.append(f"# {kop}\n{tekst}")
    return "\n".join(d.rstrip("\n") + "\n" for d in delen)


def _element(dumps: Callable[..., str], sleutel: str, element: dict[str, Any]) -> str:
    """One element of an array of tables as ``[[sleutel]]`` (tomli-w writes a short one
    inline, which at the top level could not follow a table)."""
    tekst = dumps({sleutel: element})
    kop, _, rest = tekst.partition("\n")
    if kop == f"[{sleutel}]":
        return f"[[{sleutel}]]\n{rest}"
    return f"[[{sleutel}]]\n{tekst}"  # only sub-tables: their headers name the array


def _dumps(data: dict[str, Any]) -> str:
    """TOML text of ``data``; multi-line strings only where no text holds a carriage
    return (tomli-w writes those as plain newlines, which would change the text)."""
    import tomli_w  # noqa: PLC0415 - only needed when writing

    return tomli_w.dumps(data, multiline_strings=not _heeft_cr(data))


def _heeft_cr(waarde: Any) -> bool:
    if isinstance(waarde, str):
        return "\r" in waarde
    if isinstance(waarde, dict):
        return any(_heeft_cr(w) for w in waarde.values())
    if isinstance(waarde, list | tuple):
        return any(_heeft_cr(w) for w in waarde)
    return False


def _is_tabel(waarde: Any) -> bool:
    return isinstance(waarde, dict) or (
        isinstance(waarde, list) and bool(waarde) and all(isinstance(w, dict) for w in waarde)
    )


def schrijf_dossier(dossier: Dossier, pad: str | Path) -> Path:
    """Write ``dossier`` to ``pad``: JSON for a ``.json`` suffix, TOML otherwise.

    The file is written in one step (a temporary file beside it, then renamed over it):
    when writing fails (a full disk, no permission) an existing file keeps its content.
    An existing file keeps its permissions; a symbolic link is followed.

    Returns the path written. Reading it back gives the same dossier::

        >>> from alvrules import Dossier, Vergadering, laad_dossier, schrijf_dossier
        >>> d = Dossier(vergadering=Vergadering(datum="2023-12-01", naam="Najaars ALV"))
        >>> laad_dossier(schrijf_dossier(d, "alv.toml")) == d
        True
    """
    eis(dossier, Dossier, "dossier")
    eis(pad, (str, PathLike), "pad")
    bestand = Path(pad)
    tekst = naar_json(dossier) if bestand.suffix.lower() == ".json" else naar_toml(dossier)
    schrijf_atomair(bestand, tekst.encode("utf-8"))
    return bestand


def schrijf_atomair(pad: Path, inhoud: bytes) -> None:
    """Write ``inhoud`` to ``pad`` in one step: a new file beside it (created with the
    default permissions, or those of the file it replaces), flushed to disk, then
    :func:`os.replace`; on any failure the temporary file is removed and ``pad`` is as
    it was."""
    doel = Path(os.path.realpath(pad)) if pad.is_symlink() else pad
    try:
        modus: int | None = stat.S_IMODE(doel.stat().st_mode)
    except FileNotFoundError:
        modus = None
    tijdelijk = doel.with_name(f".{doel.name}.{secrets.token_hex(6)}.tmp")
    fd = os.open(
        tijdelijk, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666
    )
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(inhoud)
            f.flush()
            os.fsync(f.fileno())
        if modus is not None:
            os.chmod(tijdelijk, modus)
        os.replace(tijdelijk, doel)
    except BaseException:
        tijdelijk.unlink(missing_ok=True)
        raise
