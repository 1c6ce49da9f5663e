"""Edges of the municipality registry: reading the data, mergers, lookup, suggestions.

Written to kill surviving mutants (mutmut) in gemeenten.py: the package data read afresh
(the shipped registry is cached before the mutants run), a name carried by two
municipalities, successors and predecessors across two mergers, the merger checks on the
day before, and suggestions that aliases do not crowd out.
"""

from __future__ import annotations

from datetime import date
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import cast

import pytest

from alvrules.gemeenten import (
    Fusie,
    Gemeente,
    Gemeenteregister,
    _data,
    lees_register,
    met_fusies,
    register,
)

REG = register()

#: Oudstad and Nieuwdorp form Oud-Stad (a new code, nearly the old name) on 1 January 2023.
OUD = Gemeente("GM0001", "Oudstad")
NIEUW = Gemeente("GM0002", "Nieuwdorp")
OUD_STAD = Fusie(date(2023, 1, 1), "GM0003", "Oud-Stad", ("GM0001", "GM0002"))
OUD_REG = Gemeenteregister(met_fusies([OUD, NIEUW], [OUD_STAD]))

#: A and B form AB on 1 January 2020; C takes in AB on 1 January 2023 and keeps its code.
#: Verdwenen ends on 31 December 2020 without a successor.
TWEE_FUSIES = Gemeenteregister(
    (
        *met_fusies(
            [Gemeente("GM0001", "A"), Gemeente("GM0002", "B"), Gemeente("GM0003", "C")],
            [
                Fusie(date(2020, 1, 1), "GM0010", "AB", ("GM0001", "GM0002")),
                Fusie(date(2023, 1, 1), "GM0003", "C", ("GM0003", "GM0010")),
            ],
        ),
        Gemeente("GM0020", "Verdwenen", tot=date(2020, 12, 31)),
    )
)


def _code(g: Gemeente | None) -> str | None:
    return None if g is None else g.code


# --- the shipped data, read afresh -----------------------------------------------------


def test_package_data_folder_holds_the_three_registry_files() -> None:
    map_ = _data()
    assert all((map_ / naam).is_file() for naam in ("gemeenten.csv", "fusies.csv", "aliassen.csv"))


@pytest.mark.regel("SIG07")
def test_shipped_data_read_afresh_has_members_mergers_and_aliases() -> None:
    reg = lees_register(_data())
    assert len(reg.leden(date(2022, 1, 1))) == 345
    assert len(reg.leden(date(2023, 1, 1))) == 342
    assert _code(reg.zoek("Den Haag")) == "GM0518"
    assert _code(reg.zoek("Ljouwert", op=date(2023, 6, 14))) == "GM0080"


class _Cp1252Map:
    """A data folder on a platform whose default text encoding is cp1252 (Windows)."""

    def __init__(self, map_: Traversable) -> None:
        self._map = map_

    def joinpath(self, naam: str) -> _Cp1252Map:
        return _Cp1252Map(self._map.joinpath(naam))

    def read_text(self, encoding: str | None = None) -> str:
        return self._map.read_bytes().decode(encoding or "cp1252")


def test_registry_is_read_as_utf8_whatever_the_platform_default() -> None:
    reg = lees_register(cast(Traversable, _Cp1252Map(_data())))
    assert reg.code("GM1900").naam == "Súdwest-Fryslân"  # type: ignore[union-attr]
    assert _code(reg.zoek("Skiermûntseach")) == "GM0088"


@pytest.mark.regel("SIG07")
def test_hand_made_registry_reads_aliases_and_mergers(tmp_path: Path) -> None:
    (tmp_path / "gemeenten.csv").write_text(
        "code,naam\nGM0001,Oudstad\nGM0002,Nieuwdorp\n", encoding="utf-8"
    )
    (tmp_path / "fusies.csv").write_text(
        "datum,code,naam,voorgangers\n2023-01-01,GM0003,Oud-Stad,GM0001 GM0002\n",
        encoding="utf-8",
    )
    (tmp_path / "aliassen.csv").write_text(
        "code,alias\nGM0002,Niedorp\nGM0003,Stad aan de Oude\n", encoding="utf-8"
    )
    reg = lees_register(tmp_path)
    assert [g.code for g in reg.leden(date(2023, 6, 1))] == ["GM0003"]
    assert reg.code("GM0002").aliassen == ("Niedorp",)  # type: ignore[union-attr]
    assert _code(reg.zoek("Niedorp", op=date(2022, 6, 1))) == "GM0002"
    assert _code(reg.zoek("Stad aan de Oude")) == "GM0003"
    assert reg.code("GM0001").opgegaan_in == "GM0003"  # type: ignore[union-attr]


# --- the period of a municipality ------------------------------------------------------


def test_municipality_of_a_single_day_exists_on_that_day() -> None:
    dag = date(2022, 3, 23)
    g = Gemeente("GM0457", "Weesp", van=dag, tot=dag)
    assert g.bestaat_op(dag)
    assert not g.bestaat_op(date(2022, 3, 24))


def test_end_before_start_names_the_municipality() -> None:
    with pytest.raises(ValueError, match="GM0457"):
        Gemeente("GM0457", "Weesp", van=date(2022, 3, 24), tot=date(2022, 3, 23))


# --- mergers ---------------------------------------------------------------------------


def test_municipality_formed_yesterday_can_merge_today() -> None:
    gemeenten = met_fusies(
        [OUD, NIEUW, Gemeente("GM0004", "Derde")],
        [OUD_STAD, Fusie(date(2023, 1, 2), "GM0005", "Vijf", ("GM0003", "GM0004"))],
    )
    op_code = {g.code: g for g in gemeenten}
    assert op_code["GM0003"].tot == date(2023, 1, 1)
    assert op_code["GM0003"].opgegaan_in == "GM0005"


def test_municipality_formed_today_is_no_predecessor_today() -> None:
    with pytest.raises(ValueError, match="voorganger GM0003"):
        met_fusies(
            [OUD, NIEUW, Gemeente("GM0004", "Derde")],
            [OUD_STAD, Fusie(date(2023, 1, 1), "GM0005", "Vijf", ("GM0003", "GM0004"))],
        )


def test_predecessor_that_ended_the_day_before_yesterday_is_refused() -> None:
    """Weesp ended on 23 March 2022: it cannot merge again on the 25th."""
    with pytest.raises(ValueError, match="voorganger GM0457"):
        met_fusies(
            [Gemeente("GM0363", "Amsterdam"), Gemeente("GM0457", "Weesp")],
            [
                Fusie(date(2022, 3, 24), "GM0363", "Amsterdam", ("GM0363", "GM0457")),
                Fusie(date(2022, 3, 25), "GM0999", "Weesperstad", ("GM0457",)),
            ],
        )


def test_a_predecessor_in_two_mergers_of_the_same_day_is_divided_over_them() -> None:
    """Weesp named in Amsterdam's row and in a second one of 24 March 2022: divided."""
    gemeenten = met_fusies(
        [Gemeente("GM0363", "Amsterdam"), Gemeente("GM0457", "Weesp")],
        [
            Fusie(date(2022, 3, 24), "GM0363", "Amsterdam", ("GM0363", "GM0457")),
            Fusie(date(2022, 3, 24), "GM0999", "Weesperstad", ("GM0457",)),
        ],
    )
    weesp = {g.code: g for g in gemeenten}["GM0457"]
    assert (weesp.tot, weesp.opgegaan_in) == (date(2022, 3, 23), None)
    assert weesp.verdeeld_over == ("GM0363", "GM0999")
    reg = Gemeenteregister(gemeenten)
    assert [g.code for g in reg.opvolgers(weesp, date(2022, 3, 24))] == ["GM0363", "GM0999"]
    assert reg.opvolger(weesp, date(2022, 3, 24)) is None
    assert reg.voorgangers(reg.code("GM0999"), date(2022, 1, 1)) == ()  # type: ignore[arg-type]


def test_a_predecessor_that_continues_cannot_go_elsewhere_the_same_day() -> None:
    with pytest.raises(ValueError, match="voorganger GM0363 blijft bestaan"):
        met_fusies(
            [Gemeente("GM0363", "Amsterdam"), Gemeente("GM0457", "Weesp")],
            [
                Fusie(date(2022, 3, 24), "GM0363", "Amsterdam", ("GM0363", "GM0457")),
                Fusie(date(2022, 3, 24), "GM0999", "Weesperstad", ("GM0363",)),
            ],
        )


# --- lookup of a name carried by two municipalities ------------------------------------


@pytest.mark.regel("SIG07")
def test_name_carried_twice_resolves_to_the_newest_or_the_one_on_the_date() -> None:
    assert _code(OUD_REG.zoek("Oudstad")) == "GM0003"
    assert _code(OUD_REG.zoek("oud stad")) == "GM0003"
    assert _code(OUD_REG.zoek("Oudstad", op=date(2022, 12, 31))) == "GM0001"
    assert _code(OUD_REG.zoek("Oudstad", op=date(2023, 1, 1))) == "GM0003"


@pytest.mark.regel("SIG07")
def test_suggestions_offer_only_names_of_members_on_the_date() -> None:
    assert OUD_REG.suggesties("Oudstat", op=date(2023, 6, 1)) == ["Oud-Stad"]
    assert OUD_REG.suggesties("Oudstat", op=date(2022, 6, 1)) == ["Oudstad"]
    assert OUD_REG.suggesties("Oudstat") == ["Oudstad", "Oud-Stad"]


@pytest.mark.regel("SIG07")
@pytest.mark.parametrize("naam", ["Hengelo", "Rijswijk"])
def test_aliases_do_not_crowd_out_other_suggestions(naam: str) -> None:
    """Hengelo (O) and Rijswijk (ZH) are aliases: still three distinct names by default."""
    tips = REG.suggesties(naam)
    assert tips[0] == naam
    assert len(tips) == 3
    assert len(set(tips)) == 3


@pytest.mark.regel("SIG07")
def test_many_aliases_of_one_member_leave_room_for_other_names() -> None:
    """Close matches are read until ``n`` distinct names are found, however many aliases
    of one member come first."""
    veel = Gemeente("GM0001", "Oosterhout", aliassen=tuple(f"Oosterhout {c}" for c in "ABCDEFGH"))
    reg = Gemeenteregister(
        (veel, Gemeente("GM0002", "Oosterhoud"), Gemeente("GM0003", "Osterhout"))
    )
    tips = reg.suggesties("Oosterhout X")
    assert tips[0] == "Oosterhout"
    assert sorted(tips[1:]) == ["Oosterhoud", "Osterhout"]
    assert reg.suggesties("Oosterhout X", n=1) == ["Oosterhout"]


# --- successors and predecessors -------------------------------------------------------


@pytest.mark.regel("SIG07")
@pytest.mark.parametrize(
    ("code", "op", "verwacht"),
    [
        ("GM0001", date(2019, 6, 1), "GM0001"),
        ("GM0001", date(2021, 6, 1), "GM0010"),
        ("GM0001", date(2024, 6, 1), "GM0003"),  # via AB into C
        ("GM0010", date(2019, 6, 1), None),  # before AB existed
        ("GM0020", date(2021, 6, 1), None),  # gone without a successor
    ],
)
def test_successor_across_two_mergers(code: str, op: date, verwacht: str | None) -> None:
    g = TWEE_FUSIES.code(code)
    assert g is not None
    assert _code(TWEE_FUSIES.opvolger(g, op)) == verwacht


@pytest.mark.regel("STM02")
@pytest.mark.parametrize(
    ("na", "verwacht"),
    [
        (date(2019, 6, 1), ["GM0001", "GM0002", "GM0010"]),  # transitively
        (date(2019, 12, 31), ["GM0001", "GM0002", "GM0010"]),  # A's and B's last day
        (date(2020, 1, 1), ["GM0010"]),
        (date(2022, 12, 31), ["GM0010"]),  # AB's last day
        (date(2023, 1, 1), []),
    ],
)
def test_predecessors_merged_after_the_reference_date(na: date, verwacht: list[str]) -> None:
    c = TWEE_FUSIES.code("GM0003")
    assert c is not None
    assert sorted(g.code for g in TWEE_FUSIES.voorgangers(c, na)) == verwacht


@pytest.mark.regel("STM02")
def test_weesp_counts_for_amsterdam_on_its_last_day() -> None:
    amsterdam = REG.code("GM0363")
    assert amsterdam is not None
    assert [g.code for g in REG.voorgangers(amsterdam, date(2022, 3, 23))] == ["GM0457"]
    assert REG.voorgangers(amsterdam, date(2022, 3, 24)) == ()
