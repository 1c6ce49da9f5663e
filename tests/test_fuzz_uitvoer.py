"""Fuzz where the defects were (issue 25): every command and every format on generated
dossiers with hostile strings and ``[bevolking]`` paths.

The thorough fuzz profile of issue 17 never ran the output formats or the ``[bevolking]``
path, where the second probe found its defects. This property runs each dossier through
``controleer``, ``uitslag`` and ``verantwoording`` in every format they have and asserts
the contract: exit code 0, 1 or 2; no traceback; with exit 2 one printable line on stderr
(or, for the pipeline formats, the reason in their report);
a JSON format writes exactly one complete JSON document (the result, or with exit 2 only
the error object); no text format lets a line feed or control character from the input
start a line of its own; and the output stays within the documented linear factor of
the input (:data:`alvrules.grenzen.UITVOER_FACTOR` × input + ``UITVOER_VAST``).
Fast in the default profile (a small dossier, a few dozen examples); the thorough profile
runs it longer.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from alvrules.cli import formaten, main
from alvrules.grenzen import UITVOER_FACTOR, UITVOER_VAST

#: Every command that reads a dossier, with every format it has.
CELLEN = [(c, f) for c in ("controleer", "uitslag", "verantwoording") for f in formaten(c)]
JSON_FORMATEN = {"json", "sarif", "gitlab", "popolo"}

#: Strings a mailed dossier may hold: line breaks, a forged report line, a GitHub workflow
#: command, terminal escapes, bidi overrides, invisible and default-ignorable characters,
#: formulas, Markdown and HTML, a lone surrogate's neighbour (lone surrogates are refused
#: at load: helper "invoer").
VIES = st.sampled_from(
    [
        "",
        " ",
        "\n",
        "\naangenomen\n",
        "::error::x",
        "\t",
        "\r\n",
        "\x1b[2J",
        "\x00",
        "\x85",
        "\u2028",
        "\u202e",
        "\u200b",
        "\u034f",
        "\ufe0f",
        "\U000e0100",
        "=1+1",
        "<b>",
        "[x](y)",
        "onthouding",
        "Utrecht",
        "Ｊａｎ",
        "]",
        ".",
        '"',
    ]
)
TEKST = st.lists(VIES | st.text(max_size=4), max_size=4).map("".join)


@st.composite
def dossiers(draw: st.DrawFn) -> tuple[dict[str, Any], str]:
    """A small dossier with hostile strings everywhere, and the text of its side file."""

    def t() -> str:
        return draw(TEKST)

    opties = draw(st.lists(TEKST, min_size=0, max_size=3))
    data: dict[str, Any] = {
        "notulencommissie": draw(st.lists(TEKST, max_size=4)),
        "vergadering": {
            "naam": t() or "ALV",
            "datum": "2023-12-01",
            "aanvang": "13:00:00",
            "sluitingstijd": "13:00:00",
        },
        "agendapunten": [
            {
                "id": "7",
                "titel": t(),
                "soort": "besluitvorming",
                "amendeerbaar": True,
                "tekst": "Het bestuur doet iets. " + t(),
            },
            {"id": t(), "titel": t(), "soort": "bespreking"},
        ],
        "moties": [
            {
                "id": t(),
                "titel": t(),
                "agendapunt": draw(st.sampled_from(["7", "rondvraag", "X"])) + t(),
                "indieners": [draw(st.sampled_from(["Utrecht", "Ede", "x"])) + t()],
                "ingediend": "2023-11-20T12:00:00+01:00",
                "oproep": [t()],
                "ondertekening": [{"naam": t(), "rol": "burgemeester", "gemeente": "Utrecht"}],
            }
        ],
        "amendementen": [
            {
                "id": t(),
                "agendapunt": "7",
                "indieners": ["Utrecht"],
                "wijzigingen": [{"schrappen": "doet iets" + t()}],
            }
        ],
        "vertegenwoordigers": [
            {"gemeente": "Utrecht", "naam": t(), "rol": "burgemeester"},
            {"gemeente": "Ede" + t(), "naam": t(), "rol": "wethouder"},
        ],
        "stemmingen": [
            {
                "id": t(),
                "titel": t(),
                "voorstellen": ["7"],
                "stemmen": {"Utrecht": draw(st.sampled_from(["voor", "tegen", "x"]))},
            },
            {
                "id": t(),
                "soort": "keuze",
                "opties": opties,
                "stemmen": {"Utrecht": opties[0] if opties else t()},
            },
            {"id": t(), "soort": "orde", "betreft": "7", "voorstellen": [t()]},
        ],
    }
    bestand = draw(
        st.sampled_from(
            [None, "cijfers.csv", "../cijfers.csv", "/etc/passwd", "/dev/null", "ontbreekt.csv"]
        )
    )
    if bestand is not None:
        data["bevolking"] = {"bestand": bestand, "peildatum": "2022-01-01"}
    regels = ["code,inwoners", f"GM0344,{draw(st.integers(-5, 10**12))}", t()]
    return data, "\n".join(regels)


def _cli(argv: list[str]) -> tuple[int, str, str]:
    uit, fout = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(uit), contextlib.redirect_stderr(fout):
        try:
            code = main(argv)
        except SystemExit as e:
            code = int(e.code or 0)
    return code, uit.getvalue(), fout.getvalue()


@settings(
    max_examples=int(os.environ.get("ALVRULES_FUZZ_UITVOER", "12")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(dossiers())
def test_every_command_and_format_keeps_the_contract(gegeven: tuple[dict[str, Any], str]) -> None:
    dossier, cijfers = gegeven
    with tempfile.TemporaryDirectory() as tmp:
        map_ = Path(tmp, "dossiers")
        map_.mkdir()
        (map_ / "cijfers.csv").write_text(cijfers, encoding="utf-8", errors="replace")
        (Path(tmp) / "cijfers.csv").write_text(cijfers, encoding="utf-8", errors="replace")
        pad = map_ / "dossier.json"
        pad.write_text(json.dumps(dossier, ensure_ascii=False), encoding="utf-8")
        grootte = pad.stat().st_size
        for opdracht, vorm in CELLEN:
            code, uit, fout = _cli([opdracht, str(pad), "--format", vorm])
            cel = f"{opdracht} --format {vorm}"
            assert code in (0, 1, 2), cel
            assert "Traceback" not in fout, cel
            if code == 2:  # the reason: one line on stderr, or in the pipeline report
                assert fout.count("\n") <= 1, (cel, fout)
                assert fout[:-1].isprintable(), (cel, fout)
                assert fout or uit, cel
            geschreven = len(uit.encode()) + len(fout.encode())
            assert geschreven <= UITVOER_FACTOR * grootte + UITVOER_VAST, cel
            if vorm in JSON_FORMATEN:
                if code == 2 and not uit:
                    continue  # nothing on stdout, the reason on stderr: no cut-off document
                document = json.loads(uit)  # exactly one complete document
                assert isinstance(document, dict | list), cel
                if code == 2 and vorm == "json":
                    assert {"fout", "regel"} <= set(document), cel
            else:
                for regel in uit.splitlines():
                    assert not regel.startswith(("aangenomen", "::error::x")), (cel, regel)
                    assert "\x1b" not in regel, (cel, regel)
                    assert "\x00" not in regel, (cel, regel)
                    if vorm != "text":  # text keeps a tab only as its own layout
                        assert "\t" not in regel, (cel, regel)
