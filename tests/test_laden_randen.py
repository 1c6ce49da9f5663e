"""Edges of the dossier loader: the forms the file writes differently, and every refusal.

Written to kill surviving mutants (mutmut) in laden.py: ``stemmen`` as a list of
``{gemeente, keuze}`` tables and each way such a ballot can be wrong, ``stemmen`` that is
neither table nor list, ``soort`` that is empty or one unknown kind, the size limit at its
exact edge, how standard input is recognised as JSON (a BOM, blank lines), the name of the
file in every refusal, an integer with too many digits, the place of an error named by a
nested item's ``id``, and data built in Python (a read-only mapping, tuples) that must
still give an :class:`~alvrules.model.InvoerFout` and never a traceback.
"""

from __future__ import annotations

import json
import tomllib
from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import Any

import pytest

from alvrules.grenzen import MAX_SLEUTELDELEN
from alvrules.laden import MAX_GROOTTE, laad_bytes, lees_dossier
from alvrules.model import AgendaSoort, InvoerFout
from alvrules.stemmingen import Stembriefje

MINIMAAL = "[vergadering]\ndatum = 2023-12-01\n"
JSON_MINIMAAL = b'{"vergadering": {"datum": "2023-12-01"}}'
BOM = b"\xef\xbb\xbf"


def fout(tekst: str | bytes, naam: str = "d.toml", *, json_: bool | None = None) -> str:
    """The one-line reason :func:`laad_bytes` gives for ``tekst`` in a file named ``naam``."""
    inhoud = tekst.encode() if isinstance(tekst, str) else tekst
    with pytest.raises(InvoerFout) as e:
        laad_bytes(inhoud, naam, json_=json_)
    melding = str(e.value)
    assert "\n" not in melding
    assert melding.startswith(f"{naam}: ")
    return melding


def stemming(stemmen: str) -> str:
    """A dossier with one vote ``S01`` whose ``stemmen`` is written as ``stemmen``."""
    return MINIMAAL + f'[[stemmingen]]\nid = "S01"\nstemmen = {stemmen}\n'


# -- stemmen: a table, or a list of {gemeente, keuze} tables --------------------------------


def test_stemmen_als_lijst_van_briefjes_houdt_volgorde_en_tweede_briefje() -> None:
    """The list form keeps every ballot in the order of the file, a member's second
    ballot included (that is what STM04 judges; loading must not merge or drop it)."""
    tekst = stemming(
        '[{ gemeente = "Beesel", keuze = "voor" }, { gemeente = "Venlo", keuze = "tegen" },'
        ' { gemeente = "Beesel", keuze = "onthouding" }]'
    )
    d = laad_bytes(tekst.encode(), "d.toml")
    assert d.stemmingen[0].stemmen == (
        Stembriefje("Beesel", "voor"),
        Stembriefje("Venlo", "tegen"),
        Stembriefje("Beesel", "onthouding"),
    )


def test_stemmen_als_lege_lijst() -> None:
    d = laad_bytes(stemming("[]").encode(), "d.toml")
    assert d.stemmingen[0].stemmen == ()


@pytest.mark.parametrize(
    ("stemmen", "verwacht"),
    [
        (
            '[{ gemeente = "Beesel", keuze = "voor" }, "Venlo"]',
            "stemmingen[S01].stemmen[1]: verwacht een tabel {gemeente, keuze}, niet tekst",
        ),
        (
            '[{ gemeente = "Beesel", keuze = "voor", gewicht = 3 }]',
            "stemmingen[S01].stemmen[0].gewicht: onbekende sleutel",
        ),
        (
            '[{ gemeente = "Beesel", keuze = "voor" }, { gemeente = "Venlo" }]',
            "stemmingen[S01].stemmen[1].keuze: verplichte sleutel ontbreekt",
        ),
        (
            '[{ keuze = "voor" }]',
            "stemmingen[S01].stemmen[0].gemeente: verplichte sleutel ontbreekt",
        ),
        (
            '[{ gemeente = "Beesel", keuze = 1 }]',
            "stemmingen[S01].stemmen[0].keuze: verwacht tekst, niet een getal",
        ),
        (
            '[{ gemeente = true, keuze = "voor" }]',
            "stemmingen[S01].stemmen[0].gemeente: verwacht tekst, niet true/false",
        ),
        (
            '"Beesel"',
            "stemmingen[S01].stemmen: verwacht een tabel gemeente = keuze, niet tekst",
        ),
        ("3", "stemmingen[S01].stemmen: verwacht een tabel gemeente = keuze, niet een getal"),
    ],
    ids=[
        "geen-tabel",
        "onbekende-sleutel",
        "geen-keuze",
        "geen-gemeente",
        "keuze-getal",
        "gemeente-waarheid",
        "tekst",
        "getal",
    ],
)
def test_verkeerde_stemmen_noemen_briefje_en_sleutel(stemmen: str, verwacht: str) -> None:
    assert verwacht in fout(stemming(stemmen))


def test_stemmen_tabel_met_hoofdletter_in_gemeente_staat_niet_tussen_aanhalingstekens() -> None:
    """A plain key is written bare (``stemmen.Venlo``, ``stemmen.Land van Cuijk``); only a
    key that could be misread is quoted (``stemmen."Bergen (L.)"``, :mod:`alvrules.paden`)."""
    melding = fout(stemming('{ Beesel = "voor", Venlo = 2 }'))
    assert "stemmingen[S01].stemmen.Venlo: verwacht tekst, niet een getal" in melding


# -- soort: one kind, or a non-empty list of kinds ------------------------------------------


def punt(soort: str) -> str:
    return MINIMAAL + f'[[agendapunten]]\nid = "7"\nsoort = {soort}\n'


def test_soort_als_een_woord() -> None:
    d = laad_bytes(punt('"besluitvorming"').encode(), "d.toml")
    assert d.agendapunten[0].soorten == {AgendaSoort.BESLUITVORMING}


@pytest.mark.parametrize("soort", ["[]", "3", "{ a = 1 }"])
def test_soort_leeg_of_geen_woord_wordt_geweigerd(soort: str) -> None:
    assert 'agendapunten["7"].soort: verwacht een soort of een niet-lege lijst' in fout(punt(soort))


def test_onbekende_enkele_soort_staat_op_het_veld_zelf() -> None:
    """One unknown kind written as a word is at ``soort`` itself, not at ``soort[0]``:
    the file has no list there."""
    melding = fout(punt('"besluit"'))
    assert "agendapunten[\"7\"].soort: ongeldige waarde 'besluit'" in melding


# -- the place: list items by their id, keys bare or quoted ---------------------------------


def test_genest_element_met_id_wordt_bij_id_genoemd() -> None:
    """Every list item on the way is named by its ``id`` where it has one, also an item
    inside an item (here the ``id`` is itself the unknown key)."""
    tekst = (
        MINIMAAL + '[[moties]]\nid = "M01"\nondertekening = [{ naam = "A", rol = "wethouder",'
        ' gemeente = "Ede", id = "P1" }]\n'
    )
    assert "moties[M01].ondertekening[P1].id: onbekende sleutel" in fout(tekst)


@pytest.mark.parametrize(
    ("tekst", "verwacht"),
    [
        (MINIMAAL + '[[moties]]\nid = "M01"\n[[moties]]\nid = 1\n', "moties[1].id: verwacht tekst"),
        ('moties = ["M01"]\n' + MINIMAAL, "moties[0]: verwacht een tabel, niet tekst"),
        ('vergadering = "2023-12-01"\n', "vergadering: verwacht een tabel, niet tekst"),
        (
            MINIMAAL + '[[moties]]\nid = "M01"\noproep = ["a", 2, "c", 4]\n',
            "moties[M01].oproep[1]: verwacht tekst, niet een getal (en nog 1)",
        ),
    ],
    ids=["id-geen-tekst", "motie-geen-tabel", "vergadering-geen-tabel", "twee-in-een-lijst"],
)
def test_plek_van_de_fout(tekst: str, verwacht: str) -> None:
    assert verwacht in fout(tekst)


class _Onleesbaar(Mapping[str, Any]):
    """A mapping whose contents cannot be read (a lazy view on a source that is gone)."""

    def __getitem__(self, sleutel: str) -> Any:
        raise OSError("bron weg")

    def __iter__(self) -> Iterator[str]:
        raise OSError("bron weg")

    def __len__(self) -> int:
        return 1


def test_lees_dossier_noemt_de_bron_ook_zonder_plek() -> None:
    """A problem that has no place still gets one line naming the source (``dossier``
    unless told otherwise), never a traceback and never an empty place."""
    with pytest.raises(InvoerFout) as e:
        lees_dossier(_Onleesbaar())
    assert str(e.value).startswith("dossier: ongeldige waarde")
    assert "bron weg" in str(e.value)
    with pytest.raises(InvoerFout) as e:
        lees_dossier({})
    assert str(e.value) == "dossier: vergadering: verplichte sleutel ontbreekt"


@pytest.mark.parametrize(
    "data",
    [
        MappingProxyType(
            {"vergadering": {"datum": "2023-12-01"}, "moties": [{"id": "M01", "tittel": "x"}]}
        ),
        {"vergadering": {"datum": "2023-12-01"}, "moties": ({"id": "M01", "tittel": "x"},)},
    ],
    ids=["alleen-lezen", "tupels"],
)
def test_python_data_geeft_invoerfout_met_plek(data: Mapping[str, Any]) -> None:
    """Data built in Python (a read-only mapping, tuples for lists) is read like a parsed
    file, and a mistake in it is an InvoerFout naming the key."""
    with pytest.raises(InvoerFout) as e:
        lees_dossier(data, "api")
    assert str(e.value).startswith("api: moties[")
    assert str(e.value).endswith("].tittel: onbekende sleutel; bedoelt u 'titel'?")


# -- the bytes: size, encoding, JSON or TOML -----------------------------------------------


def test_precies_de_maximale_grootte_mag() -> None:
    inhoud = JSON_MINIMAAL + b" " * (MAX_GROOTTE - len(JSON_MINIMAAL))
    assert len(inhoud) == MAX_GROOTTE
    assert str(laad_bytes(inhoud, "-").vergadering.datum) == "2023-12-01"


def test_een_byte_te_veel_van_standaardinvoer() -> None:
    """The limit also holds for bytes that do not come from a file (standard input)."""
    inhoud = JSON_MINIMAAL + b" " * (MAX_GROOTTE + 1 - len(JSON_MINIMAAL))
    assert "-: bestand groter dan 5 MiB" in fout(inhoud, "-")


@pytest.mark.parametrize(
    "inhoud",
    [JSON_MINIMAAL, BOM + JSON_MINIMAAL, BOM + b" \r\n\t\n  " + JSON_MINIMAAL],
    ids=["kaal", "bom", "bom-en-witruimte"],
)
def test_json_herkend_na_bom_en_witruimte(inhoud: bytes) -> None:
    """docs/besluiten.md "Standaardinvoer": JSON when the first character after blanks
    and a BOM is ``{``."""
    assert str(laad_bytes(inhoud, "-").vergadering.datum) == "2023-12-01"


def test_json_bestand_met_bom() -> None:
    d = laad_bytes(BOM + JSON_MINIMAAL, "d.json", json_=True)
    assert str(d.vergadering.datum) == "2023-12-01"


@pytest.mark.parametrize("json_", [False, None], ids=["toml", "herkend"])
def test_toml_bestand_met_bom(json_: bool | None) -> None:
    """docs/besluiten.md "BOM": a BOM in front of a TOML dossier is skipped, as in JSON."""
    d = laad_bytes(BOM + b"[vergadering]\ndatum = 2023-12-01\n", "d.toml", json_=json_)
    assert str(d.vergadering.datum) == "2023-12-01"


def test_zonder_accolade_vooraan_is_het_toml() -> None:
    """Anything whose first character is not ``{`` is read as TOML, also when a ``{``
    follows."""
    assert "geen geldige TOML" in fout(b"X" + JSON_MINIMAAL, "-")


def test_te_diepe_sleutel_noemt_het_bestand() -> None:
    sleutel = ".".join(["a"] * (MAX_SLEUTELDELEN + 1))
    assert fout(f"{sleutel} = 1\n", "diep.toml").startswith("diep.toml: regel 1")


@pytest.mark.parametrize(
    ("tekst", "naam", "json_"),
    [
        ('{"vergadering": {"datum": "2023-12-01", "x": ' + "1" * 5000 + "}}", "d.json", True),
        (MINIMAAL + "x = " + "1" * 5000 + "\n", "d.toml", False),
    ],
    ids=["json", "toml"],
)
def test_getal_met_te_veel_cijfers(tekst: str, naam: str, json_: bool) -> None:
    assert f"{naam}: onleesbare waarde: een getal met te veel cijfers" in fout(
        tekst, naam, json_=json_
    )


def test_andere_onleesbare_waarde_houdt_eigen_reden(monkeypatch: pytest.MonkeyPatch) -> None:
    """A parser's ValueError that is not about digits keeps its own reason."""

    def kapot(tekst: str) -> dict[str, Any]:
        raise ValueError("iets onverwachts")

    monkeypatch.setattr(tomllib, "loads", kapot)
    melding = fout(MINIMAAL, "d.toml", json_=False)
    assert melding == "d.toml: onleesbare waarde: iets onverwachts"
    with pytest.raises(InvoerFout) as e:
        laad_bytes(MINIMAAL.encode(), "d.toml", json_=False)
    assert e.value.tekst("en") == "d.toml: unreadable value: iets onverwachts"


def test_json_van_standaardinvoer_met_dubbele_sleutel_noemt_de_naam() -> None:
    tekst = json.dumps({"vergadering": {"datum": "2023-12-01"}})[:-1] + ', "vergadering": {}}'
    assert "twee keer" in fout(tekst, "-")


@pytest.mark.parametrize(
    ("inhoud", "nl", "en"),
    [
        (b"\xff", "d: geen UTF-8 (byte 0)", "d: not UTF-8 (byte 0)"),
        (b"[vergadering\n", "d: geen geldige TOML: ", "d: invalid TOML: "),
        (b'{"a": }', "d: geen geldige JSON: ", "d: invalid JSON: "),
        (b'{"a":' * 100_000, "d: te diep genest", "d: nested too deeply"),
        (b"a = " + b"9" * 5000, "d: onleesbare waarde: een getal", "d: unreadable value: a number"),
        (
            b"a" + b".a" * 1000 + b" = 1",
            "d: regel 1 of later: een sleutel",
            "d: line 1 or later: a key",
        ),
    ],
    ids=["utf8", "toml", "json", "diep", "cijfers", "sleuteldelen"],
)
def test_een_onleesbaar_bestand_heeft_een_reden_in_beide_talen(
    inhoud: bytes, nl: str, en: str
) -> None:
    """Exit 2 with one line "in the user's language": the reasons of the file as a whole."""
    with pytest.raises(InvoerFout) as e:
        laad_bytes(inhoud, "d")
    assert e.value.tekst("nl").startswith(nl)
    assert e.value.tekst("en").startswith(en)


def test_te_groot_en_geen_tabel_ook_in_het_engels(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("alvrules.grenzen.MAX_GROOTTE", 1024 * 1024)
    with pytest.raises(InvoerFout) as e:
        laad_bytes(b" " * (1024 * 1024 + 1), "d")
    assert (e.value.tekst("nl"), e.value.tekst("en")) == (
        "d: bestand groter dan 1 MiB",
        "d: file larger than 1 MiB",
    )
    with pytest.raises(InvoerFout) as e:
        lees_dossier([], "d")  # type: ignore[arg-type]
    assert e.value.tekst("en") == "d: the dossier is not a table (object)"
