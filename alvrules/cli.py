"""The command line: ``alvrules COMMAND …`` (see the docs' CLI reference).

Exit codes (the public contract): 0 no errors (warnings allowed), 1 the input has errors,
2 the input could not be read or the command was used wrongly, with a one-line reason on
stderr (in English with ``--lang en``; with ``--format json`` also as one JSON object
``{"fout": …, "regel": …}`` on stdout) and never a traceback. Each command's work lives
in ``alvrules._cli.<command>`` and is imported only when that command runs, so start-up
stays fast.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import json
import os
import sys
from collections.abc import Callable, Sequence
from typing import Any, NoReturn

__all__ = ["main"]

#: command -> (English alias, handler module, one-line help)
COMMANDS: dict[str, tuple[str, str, str]] = {
    "termijnen": ("deadlines", "termijnen", "de termijnen van een ALV (TRM01-TRM09)"),
    "controleer": ("check", "controleer", "controleer een dossier: alle bevindingen"),
    "stemgewichten": ("weights", "stemgewichten", "stemmen per lid (STM01, STM02)"),
    "uitslag": ("tally", "uitslag", "de uitslag van elke stemming in een dossier"),
    "verantwoording": ("accounting", "verantwoording", "verantwoording van moties (AFD)"),
    "regels": ("rules", "regels", "de regelcatalogus of één regel"),
    "bevolking": ("population", "bevolking", "CBS-bevolkingscijfers (STM02) ophalen"),
}

#: (taal, format) of the command line being run, for errors before the options are parsed.
_VOORKEUR: list[str] = ["nl", "text"]


class _Parser(argparse.ArgumentParser):
    """argparse with a one-line error (exit 2) instead of usage plus message."""

    def error(self, message: str) -> NoReturn:
        from alvrules.model import een_regel  # noqa: PLC0415 - attrs only when needed

        taal, vorm = _VOORKEUR
        melding = f"{'error' if taal == 'en' else 'fout'}: {een_regel(message)}"
        if vorm == "json":
            _json_fout(melding, None)
        self.exit(2, f"{self.prog}: {melding}\n")


def _gemeenschappelijk(p: argparse.ArgumentParser, formats: Sequence[str]) -> None:
    p.add_argument("--format", choices=formats, default="text", help="uitvoervorm")
    p.add_argument("--lang", choices=("nl", "en"), default="nl", help="taal van meldingen")
    p.add_argument(
        "--tijdstip",
        action="store_true",
        help="zet het tijdstip van uitvoeren in de herkomst (dan is de uitvoer niet meer "
        "byte-gelijk bij dezelfde invoer)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="alvrules",
        description="De procedure van de ALV van de VNG als uitvoerbare regels.",
    )
    parser.add_argument("--version", action=_Versie, nargs=0, help="toon de versie")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True
    add: Callable[..., argparse.ArgumentParser] = sub.add_parser
    for naam, (alias, module, hulp) in COMMANDS.items():
        p = add(naam, aliases=[alias], help=hulp, description=hulp)
        p.set_defaults(handler=module)
        _ARGUMENTEN[naam](p)
    return parser


def _termijnen(p: argparse.ArgumentParser) -> None:
    p.add_argument("datum", help="vergaderdatum, JJJJ-MM-DD")
    p.add_argument("--sluitingstijd", help="sluitingstijd van TRM01/TRM02, UU:MM")
    _gemeenschappelijk(p, ("text", "json", "ics"))


def _dossier(formats: Sequence[str]) -> Callable[[argparse.ArgumentParser], None]:
    def toevoegen(p: argparse.ArgumentParser) -> None:
        p.add_argument("dossier", help="dossierbestand (.toml of .json); - leest stdin")
        _gemeenschappelijk(p, formats)

    return toevoegen


def _cijfers(p: argparse.ArgumentParser) -> None:
    """``--bevolking`` and ``--peildatum``: every command that needs weights (STM02)."""
    p.add_argument(
        "--bevolking", metavar="CSV", help="CBS-bevolkingscijfers (gaat voor het dossier)"
    )
    p.add_argument("--peildatum", metavar="JJJJ-MM-DD", help="peildatum van het bevolkingsbestand")


def _controleer(p: argparse.ArgumentParser) -> None:
    _dossier(("text", "json", "sarif", "github", "gitlab"))(p)
    p.add_argument(
        "--strikt",
        action="store_true",
        help="waarschuwingen tellen ook als fout (afsluitcode 1)",
    )


def _stemgewichten(p: argparse.ArgumentParser) -> None:
    p.add_argument("jaar", help="jaar van de ALV (JJJJ) of vergaderdatum (JJJJ-MM-DD)")
    _cijfers(p)
    _gemeenschappelijk(p, ("text", "json"))


def _met_cijfers(
    toevoegen: Callable[[argparse.ArgumentParser], None],
) -> Callable[[argparse.ArgumentParser], None]:
    def beide(p: argparse.ArgumentParser) -> None:
        toevoegen(p)
        _cijfers(p)

    return beide


def _bevolking(p: argparse.ArgumentParser) -> None:
    sub = p.add_subparsers(dest="actie", metavar="ACTIE", parser_class=_Parser)
    sub.required = True
    hulp = "haal de bevolking per gemeente op 1 januari van JAAR op bij CBS StatLine"
    o = sub.add_parser("ophalen", aliases=["fetch"], help=hulp, description=hulp)
    o.add_argument("jaar", help="jaar van de peildatum (1 januari), JJJJ")
    o.add_argument("--uitvoer", metavar="CSV", help="schrijf de cijfers naar dit bestand")
    o.add_argument(
        "--url", metavar="BASIS", help="basis-URL van de CBS-open-data-API (of ALVRULES_CBS_URL)"
    )
    o.add_argument(
        "--timeout", type=float, default=30.0, metavar="SECONDEN", help="wachttijd per verzoek"
    )
    _gemeenschappelijk(o, ("text", "json"))


def _regels(p: argparse.ArgumentParser) -> None:
    p.add_argument("id", nargs="?", help="regel-id, bijvoorbeeld SIG01")
    _gemeenschappelijk(p, ("text", "json"))


_ARGUMENTEN: dict[str, Callable[[argparse.ArgumentParser], None]] = {
    "termijnen": _termijnen,
    "controleer": _met_cijfers(_controleer),
    "stemgewichten": _stemgewichten,
    "uitslag": _met_cijfers(_dossier(("text", "json", "csv", "html", "popolo"))),
    "verantwoording": _dossier(("text", "json", "markdown")),
    "regels": _regels,
    "bevolking": _bevolking,
}


class _Versie(argparse.Action):
    """``--version``: the installed version, looked up only when asked (start-up time)."""

    def __call__(self, parser: argparse.ArgumentParser, *_args: object) -> None:
        parser.exit(0, f"alvrules {_versie()}\n")


def _versie() -> str:
    from alvrules import __version__  # noqa: PLC0415 - the one source of the version

    return __version__


def _json_fout(melding: str, regel: str | None) -> None:
    """Exit 2 with ``--format json``: one JSON object on stdout (docs/cli.md)."""
    from alvrules._cli._uitvoer import CONTROLE  # noqa: PLC0415 - only on this error path

    data = {"fout": melding, "regel": regel}
    for controle in CONTROLE:  # the test suite validates it against schemas/1/fout.json
        controle("fout", data)
    print(json.dumps(data, ensure_ascii=False))


def _voorkeur(argv: Sequence[str]) -> list[str]:
    """``--lang`` and ``--format`` as given, read before parsing (for parse errors)."""
    gezien = {"--lang": "nl", "--format": "text"}
    for i, a in enumerate(argv):
        optie, gelijk, waarde = a.partition("=")
        if optie in gezien:
            gezien[optie] = waarde if gelijk else (argv[i + 1] if i + 1 < len(argv) else "")
    return [gezien["--lang"], gezien["--format"]]


def _fout(args: argparse.Namespace, melding: str, regel: str | None = None) -> int:
    from alvrules.model import een_regel  # noqa: PLC0415

    melding = een_regel(melding)
    if getattr(args, "format", "text") == "json":
        _json_fout(melding, regel)
    print(f"alvrules: {melding}", file=sys.stderr)
    return 2


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the exit code."""
    _VOORKEUR[:] = _voorkeur(sys.argv[1:] if argv is None else argv)
    args = build_parser().parse_args(argv)
    from alvrules.fouten import AlvrulesFout, InvoerFout  # noqa: PLC0415

    taal = getattr(args, "lang", "nl")
    echt = sys.stdout
    sys.stdout = uitvoer = _Pijp(echt, tekst=getattr(args, "format", "text") == "text")
    try:
        handler = importlib.import_module(f"alvrules._cli.{args.handler}")
        code: int = handler.run(args)
        uitvoer.flush()
    except AlvrulesFout as e:
        tekst = e.tekst(taal) if isinstance(e, InvoerFout) else str(e)
        return _fout(args, tekst, getattr(e, "regel", None))
    except (OSError, UnicodeError) as e:
        wat = "cannot read or write" if taal == "en" else "kan niet lezen of schrijven"
        return _fout(args, f"{wat}: {e}")
    except KeyboardInterrupt:  # pragma: no cover - interactive only
        return 130
    finally:
        sys.stdout = echt
    return code


class _Pijp:
    """stdout whose reader may go away (``alvrules … | head``): the rest of the output is
    dropped and the command still ends with its own exit code (a closed pipe is not a
    finding). ``buffer`` (bytes, for ics) behaves the same. With ``tekst`` (the text
    format, meant for a terminal) control characters from the input are written as
    escapes (:func:`alvrules.tekens.terminal`)."""

    def __init__(self, echt: Any, tekst: bool = False) -> None:
        self._echt = echt
        self._dicht = False
        self._filter: Callable[[str], str] | None = None
        if tekst:
            from alvrules.tekens import terminal  # noqa: PLC0415

            self._filter = terminal

    def write(self, data: Any) -> int:
        if not self._dicht:
            try:
                if self._filter is not None:
                    self._echt.write(self._filter(data))
                    return len(data)
                return int(self._echt.write(data))
            except BrokenPipeError:
                self._sluit()
        return len(data)

    def flush(self) -> None:
        if not self._dicht:
            try:
                self._echt.flush()
            except BrokenPipeError:
                self._sluit()

    @property
    def buffer(self) -> _Pijp:
        return _Pijp(self._echt.buffer)

    def _sluit(self) -> None:
        """Point the file descriptor at /dev/null, so that the interpreter's last flush at
        exit does not fail again (the recipe of Python's signal documentation)."""
        self._dicht = True
        with contextlib.suppress(OSError, ValueError, AttributeError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), self._echt.fileno())

    def __getattr__(self, naam: str) -> Any:
        return getattr(self._echt, naam)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
