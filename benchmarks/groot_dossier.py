"""A large, reproducible dossier for the benchmarks: 1,000 motions and 200 amendments.

:func:`genereer` gives the file structure (INTERFACES.md "The dossier") as plain data;
:func:`als_toml` writes it as TOML (the standard library only reads TOML) and
:func:`als_dossier` builds the same dossier directly with the domain types. Every member
(the 342 of 2023) has a representative, and ``stemmingen`` weighted votes with a ballot
of every member are added on the first motions.
"""

from __future__ import annotations

import json
import random
from datetime import date, datetime, time, timedelta, timezone
from typing import Any

from alvrules.amendementen import Amendement, Wijziging
from alvrules.dossier import Dossier
from alvrules.gewichten import stemgewichten
from alvrules.model import Agendapunt, AgendaSoort, Contactpersoon, Persoon, Vergadering
from alvrules.moties import Motie
from alvrules.stemmingen import Stembriefje, Stemming, Vertegenwoordiger

ALV = date(2023, 12, 1)
CET = timezone(timedelta(hours=1))
KEUZES = ("voor", "voor", "voor", "tegen", "onthouding")


def leden() -> list[str]:
    """The official names of the 342 members on 1 December 2023."""
    return [g.gemeente.naam for g in stemgewichten(ALV).gewichten]


def genereer(
    moties: int = 1000, amendementen: int = 200, stemmingen: int = 0, seed: int = 2023
) -> dict[str, Any]:
    """The dossier as the file writes it (TOML/JSON structure)."""
    rnd = random.Random(seed)
    namen = leden()
    punten = [f"p{i}" for i in range(1, 11)]

    def persoon(gemeente: str) -> dict[str, str]:
        return {
            "naam": f"P. de Vries {rnd.randrange(999)}",
            "rol": "burgemeester",
            "gemeente": gemeente,
        }

    def ingediend() -> datetime:
        return datetime(2023, 11, 13, 9, 0, tzinfo=CET) + timedelta(minutes=rnd.randrange(12_000))

    data: dict[str, Any] = {
        "vergadering": {
            "naam": "Benchmark ALV",
            "datum": ALV,
            "aanvang": time(13, 0),
            "soort": "fysiek",
            "sluitingstijd": time(13, 0),
        },
        "agendapunten": [
            {
                "id": p,
                "titel": f"Voorstel {p}",
                "soort": "besluitvorming",
                "amendeerbaar": True,
                "verzonden": date(2023, 11, 3),
                "tekst": "De ledenvergadering besluit het voorstel " + p + " vast te stellen.",
            }
            for p in punten
        ],
        "moties": [],
        "amendementen": [],
        "vertegenwoordigers": [
            {"gemeente": g, "naam": f"V. {i}", "rol": "wethouder", "aanwezig": True}
            for i, g in enumerate(namen)
        ],
        "stemmingen": [],
    }
    for i in range(1, moties + 1):
        indieners = rnd.sample(namen, 2)
        data["moties"].append(
            {
                "id": f"M{i:04d}",
                "titel": f"Motie {i} over onderwerp {rnd.randrange(100)}",
                "agendapunt": rnd.choice(punten),
                "indieners": indieners[:1],
                "mede_indieners": indieners[1:],
                "ondersteuners": rnd.sample(namen, 5),
                "ingediend": ingediend(),
                "aanleiding": "Gemeenten ervaren knelpunten in de uitvoering.",
                "overwegingen": ["overwegende dat gemeenten ...", "constaterende dat ..."],
                "oproep": [f"roept het bestuur op om actie {i} te ondernemen"],
                "slotzin": "En gaat over tot de orde van de dag.",
                "ondertekening": [persoon(g) for g in indieners],
                "contactpersonen": [
                    {
                        "naam": "C. Jansen",
                        "rol": "griffier",
                        "gemeente": indieners[0],
                        "soort": "bestuurlijk",
                    }
                ],
            }
        )
    for i in range(1, amendementen + 1):
        indiener = rnd.choice(namen)
        data["amendementen"].append(
            {
                "id": f"A{i:03d}",
                "agendapunt": rnd.choice(punten),
                "indieners": [indiener],
                "ingediend": ingediend(),
                "ondertekening": [persoon(indiener)],
                "wijzigingen": [{"schrappen": "vast te stellen", "invoegen": "aan te nemen"}],
            }
        )
    for i in range(1, stemmingen + 1):
        data["stemmingen"].append(
            {
                "id": f"S{i:03d}",
                "voorstellen": [f"M{i:04d}"],
                "wijze": "gewogen",
                "stemmen": {g: rnd.choice(KEUZES) for g in namen},
            }
        )
    return data


def _toml_waarde(w: Any) -> str:
    if isinstance(w, bool):
        return "true" if w else "false"
    if isinstance(w, str):
        return json.dumps(w, ensure_ascii=False)  # a JSON string is a TOML basic string
    if isinstance(w, date | time):  # datetime is a date
        return w.isoformat()
    if isinstance(w, list):
        return "[" + ", ".join(_toml_waarde(x) for x in w) + "]"
    if isinstance(w, dict):
        return "{ " + ", ".join(f"{json.dumps(k)} = {_toml_waarde(v)}" for k, v in w.items()) + " }"
    return str(w)


def als_toml(data: dict[str, Any]) -> str:
    """``data`` as TOML: tables, arrays of tables, inline tables for nested values."""
    regels = []
    for sectie, inhoud in data.items():
        items = inhoud if isinstance(inhoud, list) else [inhoud]
        kop = f"[[{sectie}]]" if isinstance(inhoud, list) else f"[{sectie}]"
        for item in items:
            regels.append(kop)
            regels += [f"{k} = {_toml_waarde(v)}" for k, v in item.items()]
            regels.append("")
    return "\n".join(regels)


def als_json(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, default=lambda w: w.isoformat())


def als_dossier(data: dict[str, Any]) -> Dossier:
    """The same dossier built directly with the domain types (no loader)."""

    def personen(lijst: list[dict[str, str]]) -> tuple[Persoon, ...]:
        return tuple(Persoon(**p) for p in lijst)

    return Dossier(
        vergadering=Vergadering(**data["vergadering"]),
        agendapunten=tuple(
            Agendapunt(
                id=a["id"],
                titel=a["titel"],
                soorten=frozenset({AgendaSoort(a["soort"])}),
                amendeerbaar=a["amendeerbaar"],
                verzonden=a["verzonden"],
                tekst=a["tekst"],
            )
            for a in data["agendapunten"]
        ),
        moties=tuple(
            Motie(
                **{
                    **m,
                    **{k: tuple(m[k]) for k in ("indieners", "mede_indieners", "ondersteuners")},
                    "overwegingen": tuple(m["overwegingen"]),
                    "oproep": tuple(m["oproep"]),
                    "ondertekening": personen(m["ondertekening"]),
                    "contactpersonen": tuple(Contactpersoon(**c) for c in m["contactpersonen"]),
                }
            )
            for m in data["moties"]
        ),
        amendementen=tuple(
            Amendement(
                **{
                    **a,
                    "indieners": tuple(a["indieners"]),
                    "ondertekening": personen(a["ondertekening"]),
                    "wijzigingen": tuple(Wijziging(**w) for w in a["wijzigingen"]),
                }
            )
            for a in data["amendementen"]
        ),
        vertegenwoordigers=tuple(Vertegenwoordiger(**v) for v in data["vertegenwoordigers"]),
        stemmingen=tuple(
            Stemming(
                id=s["id"],
                voorstellen=tuple(s["voorstellen"]),
                stemmen=tuple(Stembriefje(g, k) for g, k in s["stemmen"].items()),
            )
            for s in data["stemmingen"]
        ),
    )
