"""Loading dossiers: the examples, TOML = JSON, the JSON Schema, and every kind of load error."""

from __future__ import annotations

import json
import re
import tomllib
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from jsonschema import Draft202012Validator, FormatChecker

from alvrules import laden
from alvrules.laden import laad_dossier, lees_dossier
from alvrules.model import AgendaSoort, InvoerFout
from alvrules.moties import Preadvies
from alvrules.schema import dossier_schema, schema
from alvrules.stemmingen import Stembriefje, Wijze
from tests.conftest import EXAMPLES

VOORBEELDEN = sorted(EXAMPLES.glob("*.toml"))


def naar_json(waarde: Any) -> Any:
    """A parsed TOML document as JSON would hold it: dates and times as ISO strings."""
    if isinstance(waarde, dict):
        return {k: naar_json(v) for k, v in waarde.items()}
    if isinstance(waarde, list):
        return [naar_json(v) for v in waarde]
    if isinstance(waarde, date | time):
        return waarde.isoformat()
    return waarde


def toml(pad: Path) -> dict[str, Any]:
    return tomllib.loads(pad.read_text("utf-8"))


MINIMAAL = "[vergadering]\ndatum = 2023-12-01\n"


def fout(tmp_path: Path, tekst: str | bytes, naam: str = "d.toml") -> str:
    """The one-line reason the loader gives for the file holding ``tekst``."""
    pad = tmp_path / naam
    if isinstance(tekst, str):
        pad.write_text(tekst, "utf-8")
    else:
        pad.write_bytes(tekst)
    with pytest.raises(InvoerFout) as e:
        laad_dossier(pad)
    melding = str(e.value)
    assert "\n" not in melding
    assert melding.startswith(f"{pad}: ")  # the path as given (issue 25)
    return melding


# -- the examples ----------------------------------------------------------------------------


def test_najaars_alv_2023_laadt() -> None:
    d = laad_dossier(EXAMPLES / "najaars-alv-2023.toml")
    v = d.vergadering
    assert (v.datum, v.aanvang, v.sluitingstijd) == (date(2023, 12, 1), time(13), time(13))
    assert [m.id for m in d.moties] == ["M01", "M02", "M03", "M04", "M05"]
    m01 = d.moties[0]
    assert m01.ingediend == datetime(2023, 11, 14, 16, 20, tzinfo=timezone(timedelta(hours=1)))
    assert m01.preadvies is Preadvies.OVERNEMEN
    assert m01.ondertekening[0].rol == "burgemeester"
    assert d.agendapunt("kabinetsformatie") is not None
    assert d.agendapunten[1].soorten == {AgendaSoort.KENNISNAME}
    s01 = d.stemmingen[0]
    assert s01.wijze is Wijze.GEWOGEN
    assert s01.stemmen[:2] == (Stembriefje("Beesel", "voor"), Stembriefje("Venlo", "voor"))
    assert s01.stemmen[-1] == Stembriefje("Land van Cuijk", "voor")


@pytest.mark.parametrize("pad", VOORBEELDEN, ids=lambda p: p.name)
def test_voorbeelden_laden_en_json_is_gelijk(pad: Path, tmp_path: Path) -> None:
    uit_toml = laad_dossier(pad)
    json_pad = tmp_path / "dossier.json"
    json_pad.write_text(json.dumps(naar_json(toml(pad)), ensure_ascii=False), "utf-8")
    assert laad_dossier(json_pad) == uit_toml
    assert lees_dossier(toml(pad)) == uit_toml


def test_gemengd_agendapunt() -> None:
    d = lees_dossier(
        {
            "vergadering": {"datum": "2023-12-01"},
            "agendapunten": [{"id": "7", "soort": ["kennisname", "besluitvorming"]}],
        }
    )
    assert d.agendapunten[0].soorten == {AgendaSoort.KENNISNAME, AgendaSoort.BESLUITVORMING}
    assert d.agendapunten[0].ter_besluitvorming


def test_inhoud_is_geen_laadfout() -> None:
    """Empty oproep, no signatures, unknown municipality or role: findings, not load errors."""
    d = lees_dossier(
        {
            "vergadering": {"datum": "2023-12-01"},
            "moties": [
                {
                    "id": "M01",
                    "indieners": ["Nergenshuizen"],
                    "oproep": [],
                    "ondertekening": [{"naam": "X", "rol": "koning", "gemeente": "Atlantis"}],
                },
                {"id": "M02"},
            ],
        }
    )
    assert d.moties[0].ondertekening[0].rol_enum is None
    assert d.moties[1].ondertekening == ()


# -- load errors: one line with the place and the reason ------------------------------------

ONJUIST = [
    (
        "naive",
        MINIMAAL + '[[moties]]\nid = "M03"\ningediend = 2023-11-20T12:00:00\n',
        "moties[M03].ingediend: tijdstip zonder tijdzone",
    ),
    (
        "index",
        MINIMAAL + '[[moties]]\nid = "M01"\n[[moties]]\ntitel = "x"\n',
        "moties[1].id: verplichte sleutel ontbreekt",
    ),
    (
        "type",
        MINIMAAL + '[[moties]]\nid = "M01"\nindieners = "Beesel"\n',
        "moties[M01].indieners: verwacht een lijst, niet tekst",
    ),
    (
        "getal-als-tekst",
        MINIMAAL + "[[agendapunten]]\nid = 7\n",
        "agendapunten[0].id: verwacht tekst, niet een getal",
    ),
    (
        "genest",
        MINIMAAL + '[[amendementen]]\nid = "A01"\n'
        'ondertekening = [{ naam = "x", rol = "burgemeester", gemeente = 3 }]\n',
        "amendementen[A01].ondertekening[0].gemeente: verwacht tekst",
    ),
    (
        "onbekend",
        MINIMAAL + '[[moties]]\nid = "M01"\ntittel = "x"\n',
        "moties[M01].tittel: onbekende sleutel",
    ),
    ("onbekende-sectie", MINIMAAL + '[[motie]]\nid = "M01"\n', "motie: onbekende sleutel"),
    ("geen-vergadering", '[[moties]]\nid = "M01"\n', "vergadering: verplichte sleutel ontbreekt"),
    ("geen-datum", '[vergadering]\nnaam = "ALV"\n', "vergadering.datum: verplichte sleutel"),
    (
        "datum-is-tijdstip",
        "[vergadering]\ndatum = 2023-12-01T13:00:00+01:00\n",
        "vergadering.datum: verwacht een datum",
    ),
    ("jaar", "[vergadering]\ndatum = 0001-12-01\n", "vergadering.datum: jaar 1 buiten 2000-2100"),
    (
        "keuze",
        MINIMAAL + '[[stemmingen]]\nid = "S01"\nwijze = "handopsteken"\n',
        "stemmingen[S01].wijze: ongeldige waarde 'handopsteken'; kies uit gewogen | acclamatie",
    ),
    (
        "preadvies",
        MINIMAAL + '[[moties]]\nid = "M01"\npreadvies = "Overnemen"\n',
        "moties[M01].preadvies: ongeldige waarde",
    ),
    (
        "soort",
        MINIMAAL + '[[agendapunten]]\nid = "7"\nsoort = ["kennisname", "besluit"]\n',
        "agendapunten[\"7\"].soort[1]: ongeldige waarde 'besluit'",
    ),
    (
        "stemmen",
        MINIMAAL + '[[stemmingen]]\nid = "S01"\nstemmen = { "Land van Cuijk" = 1 }\n',
        "stemmingen[S01].stemmen.Land van Cuijk: verwacht tekst, niet een getal",
    ),
    (
        "sluitingstijd",
        '[vergadering]\ndatum = 2023-12-01\nsluitingstijd = "13 uur"\n',
        "vergadering.sluitingstijd: verwacht een tijd",
    ),
    ("geen-toml", "[vergadering\n", "geen geldige TOML"),
]


@pytest.mark.parametrize(
    ("tekst", "verwacht"), [o[1:] for o in ONJUIST], ids=[o[0] for o in ONJUIST]
)
def test_laadfout_noemt_plek_en_reden(tmp_path: Path, tekst: str, verwacht: str) -> None:
    assert verwacht in fout(tmp_path, tekst)


def test_meerdere_fouten_in_een_regel(tmp_path: Path) -> None:
    melding = fout(tmp_path, MINIMAAL + '[[moties]]\nid = "M01"\ntitel = 1\nslotzin = 2\n')
    assert melding.endswith("(en nog 1)")


def test_toml_geeft_regelnummer(tmp_path: Path) -> None:
    assert "line 3" in fout(tmp_path, MINIMAAL + "naam = = 1\n")


@pytest.mark.parametrize(
    ("tekst", "verwacht"),
    [
        ('{"vergadering": {"datum": "2023-12-01T00:00"}}', "vergadering.datum: verwacht een datum"),
        ('{"vergadering": {"datum": "2023-02-30"}}', "ongeldige datum '2023-02-30'"),
        (
            '{"vergadering": {"datum": "2023-12-01"}, "moties": [{"id": "M1", '
            '"ingediend": "2023-11-20T12:00:00"}]}',
            "moties[M1].ingediend: tijdstip zonder tijdzone",
        ),
        ('{"vergadering": {"datum": "2023-12-01", "datum": "2023-12-02"}}', "twee keer"),
        ('[{"vergadering": {}}]', "geen tabel"),
        ('{"vergadering": {"datum": "2023-12-01"},\n "moties": [1,]}', "geen geldige JSON"),
        ("[" * 100_000, "te diep genest"),
    ],
)
def test_json_laadfout(tmp_path: Path, tekst: str, verwacht: str) -> None:
    assert verwacht in fout(tmp_path, tekst, "d.json")


def test_json_null_bij_optioneel_veld(tmp_path: Path) -> None:
    pad = tmp_path / "d.json"
    pad.write_text('{"vergadering": {"datum": "2023-12-01", "aanvang": null}}', "utf-8")
    assert laad_dossier(pad).vergadering.aanvang is None


def test_geen_utf8(tmp_path: Path) -> None:
    assert "geen UTF-8" in fout(tmp_path, MINIMAAL.encode() + b'naam = "\xe9"\n')


def test_te_groot(tmp_path: Path) -> None:
    tekst = MINIMAAL + "# " + "x" * laden.MAX_GROOTTE + "\n"
    assert "groter dan 5 MiB" in fout(tmp_path, tekst)


def test_niet_te_lezen(tmp_path: Path) -> None:
    with pytest.raises(InvoerFout, match="kan niet lezen"):
        laad_dossier(tmp_path / "bestaat-niet.toml")


# -- the JSON Schema ---------------------------------------------------------------------------


def validator() -> Draft202012Validator:
    return Draft202012Validator(schema(), format_checker=FormatChecker())


def test_schema_is_actueel() -> None:
    """The shipped file is what the types give (``python -m alvrules.schema``)."""
    assert schema() == dossier_schema()
    Draft202012Validator.check_schema(schema())
    # The schema's year pattern accepts exactly the years the loader accepts.
    from alvrules.schema import _JAAR

    assert [j for j in range(1000, 10_000) if re.fullmatch(_JAAR, str(j))] == list(laden.JAREN)


@pytest.mark.parametrize("pad", VOORBEELDEN, ids=lambda p: p.name)
def test_voorbeelden_voldoen_aan_schema(pad: Path) -> None:
    assert list(validator().iter_errors(naar_json(toml(pad)))) == []


@pytest.mark.parametrize(
    "wijzig",
    [
        lambda d: d["moties"][0].update(ingediend="2023-11-20T12:00:00"),
        lambda d: d["moties"][0].update(tittel="x"),
        lambda d: d["vergadering"].pop("datum"),
        lambda d: d["stemmingen"][0].update(wijze="handopsteken"),
        lambda d: d["agendapunten"][0].update(soort=[]),
    ],
)
def test_ongeldig_dossier_voldoet_niet(wijzig: Any) -> None:
    data = naar_json(toml(EXAMPLES / "najaars-alv-2023.toml"))
    wijzig(data)
    assert list(validator().iter_errors(data))
    with pytest.raises(InvoerFout):
        lees_dossier(data)


#: table headers of the bundled example after which a misspelt key is a load problem
_KOPPEN = ("[vergadering]", "[[agendapunten]]", "[[moties]]", "[[amendementen]]")


@given(st.lists(st.sampled_from(range(200)), min_size=2, max_size=6, unique=True))
def test_leesproblemen_op_hun_regel_in_de_volgorde_van_het_bestand(keuze: list[int]) -> None:
    """In some of the example's tables an unknown key under the header and a title that is
    a number further down: the loader (:func:`~alvrules.laden.laad_bytes`), which finds a
    table's wrong values before its unknown keys, names each problem on the line that
    holds it, in the order of the file, and says which file (``bestand``)."""
    regels = (EXAMPLES / "najaars-alv-2023.toml").read_text("utf-8").splitlines()
    koppen = [i for i, r in enumerate(regels) if r.strip() in _KOPPEN]
    gekozen = sorted({koppen[k % len(koppen)] for k in keuze}, reverse=True)
    verwacht = 0
    for n, i in enumerate(gekozen):  # from the bottom up, so the indexes above stay put
        einde = next((j for j in range(i + 1, len(regels)) if regels[j].startswith("[")), None)
        titel = next(
            (j for j in range(i + 1, einde or len(regels)) if regels[j].startswith("titel = ")),
            None,
        )
        if titel is not None:
            regels[titel] = "titel = 1"
            verwacht += 1
        regels.insert(i + 1, f"onbekend_{n} = 1")
        verwacht += 1
    with pytest.raises(InvoerFout) as e:
        laden.laad_bytes("\n".join(regels).encode(), "d.toml")
    problemen = e.value.problemen
    assert e.value.bestand == "d.toml"
    assert len(problemen) == verwacht
    lijnen = [p.lijn for p in problemen]
    assert None not in lijnen
    assert lijnen == sorted(lijnen)  # type: ignore[type-var]
    for p in problemen:
        assert p.lijn is not None
        sleutel = p.pad.rsplit(".", 1)[-1]
        assert regels[p.lijn - 1].startswith(f"{sleutel} = ")


def test_geplaatst_houdt_soort_melding_en_regel_van_de_fout() -> None:
    """Placing the problems copies the error: its class, message (both languages) and rule
    stay, the original is left as it was."""
    from alvrules.fouten import Leesprobleem
    from alvrules.kalender import BuitenKalender
    from alvrules.teksten import bericht

    tekst = b'[vergadering]\ndatum = 2023-12-01\n\n[[moties]]\nid = "M01"\ntitl = "x"\n'
    fout = BuitenKalender(
        bericht("{bron}: het dossier is geen tabel (object)", bron="d.toml"),
        regel="TRM01",
        problemen=(Leesprobleem("moties[M01].titl", "onbekende sleutel"), Leesprobleem("", "x")),
    )
    nieuw = laden.geplaatst(fout, tekst, "d.toml")
    assert type(nieuw) is BuitenKalender
    assert nieuw is not fout
    assert (nieuw.tekst("en"), nieuw.regel, nieuw.bestand) == (
        "d.toml: the dossier is not a table (object)",
        "TRM01",
        "d.toml",
    )
    assert [(p.pad, p.lijn) for p in nieuw.problemen] == [("moties[M01].titl", 6), ("", None)]
    assert fout.bestand is None
    assert [p.lijn for p in fout.problemen] == [None, None]
