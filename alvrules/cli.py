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
import gc
import importlib
import json
import os
import sys
from collections.abc import Callable, Sequence
from typing import Any, NoReturn

from alvrules.teksten import N_

__all__ = ["COMMANDS", "build_parser", "formaten", "main"]

#: command -> (English alias, handler module, help: a message of the catalogue)
COMMANDS: dict[str, tuple[str, str, str]] = {
    "termijnen": (
        "deadlines",
        "termijnen",
        N_("de termijnen van een ALV (TRM01-TRM09)"),
    ),
    "nieuw": (
        "new",
        "nieuw",
        N_("een leeg dossier voor een ALV: sjabloon met de termijnen en een voorbeeld van alles"),
    ),
    "controleer": (
        "check",
        "controleer",
        N_("controleer een dossier: alle bevindingen"),
    ),
    "stemgewichten": (
        "weights",
        "stemgewichten",
        N_("stemmen per lid (STM01, STM02)"),
    ),
    "uitslag": (
        "tally",
        "uitslag",
        N_("de uitslag van elke stemming in een dossier"),
    ),
    "verantwoording": (
        "accounting",
        "verantwoording",
        N_("verantwoording van moties (AFD)"),
    ),
    "regels": (
        "rules",
        "regels",
        N_("de regelcatalogus of één regel"),
    ),
    "bevolking": (
        "population",
        "bevolking",
        N_("CBS-bevolkingscijfers (STM02) ophalen"),
    ),
}

#: (taal, format) of the command line being run, for errors before the options are parsed.
_VOORKEUR: list[str] = ["nl", "text"]

#: TRM01/TRM02: the cut-off time when neither the meeting nor --sluitingstijd sets one
#: (``Procedure.sluitingstijd``; a test keeps the two equal).
STANDAARD_SLUITINGSTIJD = "12:00"


def _(msgid: str, /, **waarden: Any) -> str:
    """The message ``msgid`` (Dutch) in the language of the command line being run."""
    from alvrules.teksten import vertaal  # noqa: PLC0415 - start-up time

    return vertaal(_VOORKEUR[0], msgid, **waarden)


def _breedte() -> int:
    """The terminal's width as :func:`shutil.get_terminal_size` gives it (``COLUMNS``, else
    the terminal of stdout, else 80), without importing :mod:`shutil`: that import (with
    bz2 and lzma) cost about 3 ms of every start-up, and argparse makes a formatter for
    every argument it adds."""
    try:
        breedte = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        breedte = 0
    if breedte <= 0:
        try:
            breedte = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            breedte = 0
    return breedte or 80


class _Opmaak(argparse.RawDescriptionHelpFormatter):
    """argparse's layout (descriptions as written), its width from :func:`_breedte`."""

    def __init__(
        self,
        prog: str,
        indent_increment: int = 2,
        max_help_position: int = 24,
        width: int | None = None,
    ) -> None:
        breedte = _breedte() - 2 if width is None else width  # as argparse computes it
        super().__init__(prog, indent_increment, max_help_position, breedte)


class _Parser(argparse.ArgumentParser):
    """argparse with a one-line error (exit 2) instead of usage plus message."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Opmaak)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> NoReturn:
        from alvrules.model import een_regel  # noqa: PLC0415 - attrs only when needed

        vorm = _VOORKEUR[1]
        melding = _("fout: {melding}", melding=een_regel(message))
        if vorm == "json":
            _json_fout(melding, None)
        self.exit(2, f"{self.prog}: {melding}\n")


def _afsluitcodes(een: tuple[str, str]) -> str:
    if een[1] == "-":
        return _("afsluitcodes: 0 {nul}, 2 invoer onleesbaar of verkeerd gebruik", nul=_(een[0]))
    return _(
        "afsluitcodes: 0 {nul}, 1 {een}, 2 invoer onleesbaar of verkeerd gebruik",
        nul=_(een[0]),
        een=_(een[1]),
    )


#: command -> (formats, exit codes 0/1, the arguments of an example: a command line, no text)
_HULP: dict[str, tuple[Sequence[str], tuple[str, str], tuple[str, ...]]] = {
    "termijnen": (
        ("text", "json", "ics"),
        (N_("termijnen berekend"), "-"),
        ("2023-12-01", "--sluitingstijd", "13:00"),
    ),
    "nieuw": (
        ("toml",),
        (N_("sjabloon geschreven"), "-"),
        ("2026-06-17", "--sluitingstijd", "13:00", "--uitvoer", "alv-2026-06-17.toml"),
    ),
    "controleer": (
        ("text", "json", "sarif", "github", "gitlab"),
        (N_("geen fouten (waarschuwingen mogen)"), N_("het dossier heeft fouten")),
        ("examples/najaars-alv-2023.toml", "--format", "json"),
    ),
    "stemgewichten": (
        ("text", "json"),
        (N_("gewichten berekend"), "-"),
        ("2023",),
    ),
    "uitslag": (
        ("text", "json", "csv", "html", "popolo"),
        (N_("geen fouten"), N_("een stemming heeft fouten")),
        ("examples/najaars-alv-2023.toml",),
    ),
    "verantwoording": (
        ("text", "json", "markdown"),
        (N_("geen fouten"), N_("de verantwoording heeft fouten")),
        ("examples/najaars-alv-2023.toml", "--format", "markdown"),
    ),
    "regels": (("text", "json"), (N_("regel(s) getoond"), "-"), ("SIG01",)),
    "bevolking": (
        ("text", "json"),
        (N_("cijfers opgehaald"), "-"),
        ("ophalen", "2024", "--uitvoer", "bevolking-2024.csv"),
    ),
}


def formaten(opdracht: str) -> tuple[str, ...]:
    """The output formats (``--format``) of ``opdracht`` (its Dutch name), for the docs."""
    return tuple(_HULP[opdracht][0])


def _epiloog(naam: str, opdracht: str) -> str:
    formats, codes_nl, voorbeeld = _HULP[naam]
    codes = _afsluitcodes(codes_nl)
    standaard = "text" if "text" in formats else formats[0]
    return "\n".join(
        [
            _("uitvoervormen (--format): ")
            + " | ".join(formats)
            + _(" (standaard {standaard})", standaard=standaard),
            _("taal (--lang): nl | en (standaard nl; en bij LANG=en*)"),
            codes,
            _("voorbeeld:") + f"\n  alvrules {opdracht} {' '.join(voorbeeld)}",
        ]
    )


def _gemeenschappelijk(p: argparse.ArgumentParser, formats: Sequence[str]) -> None:
    p.add_argument(
        "--format",
        choices=formats,
        default="text",
        help=_("uitvoervorm (standaard: text)"),
    )
    p.add_argument(
        "--lang",
        choices=("nl", "en"),
        default=_VOORKEUR[0],
        help=_("taal van de uitvoer (standaard: nl; en bij LANG=en*)"),
    )
    p.add_argument(
        "--tijdstip",
        action="store_true",
        help=_(
            "zet het tijdstip van uitvoeren in de herkomst (dan is de uitvoer niet meer "
            "byte-gelijk bij dezelfde invoer)"
        ),
    )


def build_parser(opdracht: str | None = None) -> argparse.ArgumentParser:
    """The parser of the whole command line, in the language of :data:`_VOORKEUR`.

    With ``opdracht`` (the command the command line names, :func:`_opdracht`), only that
    command's arguments are added; the others are listed with their help, as in
    ``alvrules --help``, without their arguments (start-up time).
    """
    parser = _Parser(
        prog="alvrules",
        description=_("De procedure van de ALV van de VNG als uitvoerbare regels."),
        epilog=_(
            "afsluitcodes: 0 geen fouten, 1 de invoer heeft fouten, 2 invoer onleesbaar of "
            "verkeerd gebruik\nhulp bij een opdracht: alvrules OPDRACHT --help"
        ),
    )
    parser.add_argument("--version", action=_Versie, nargs=0, help=_("toon de versie"))
    parser.add_argument(
        "--lang",
        choices=("nl", "en"),
        default=_VOORKEUR[0],
        help=_("taal (standaard: nl; en bij LANG=en*)"),
    )
    sub = parser.add_subparsers(
        dest="command",
        metavar=_("OPDRACHT"),
        parser_class=_Parser,
        title=_("opdrachten"),
    )
    add: Callable[..., argparse.ArgumentParser] = sub.add_parser
    for naam, (alias, module, hulp_nl) in COMMANDS.items():
        hulp = _(hulp_nl)
        for woord in (naam, alias):
            if woord == naam:
                p = add(naam, aliases=[alias], help=hulp, description=hulp)
            elif opdracht not in (None, naam, alias):
                break  # a command not run: listed, not built
            else:  # the alias has a parser of its own, so that its usage shows its name
                p = _Parser(prog=f"alvrules {alias}", description=hulp)
                sub.choices[alias] = p
            p.set_defaults(handler=module)
            if opdracht in (None, naam, alias):
                p.epilog = _epiloog(naam, woord)
                _ARGUMENTEN[naam](p)
    return parser


def _opdracht(argv: Sequence[str]) -> str | None:
    """The command that ``argv`` runs: its first word that names one (as argparse reads
    it: the options before the command take no command as their value), else ``None``."""
    woorden = {w for naam, (alias, _m, _h) in COMMANDS.items() for w in (naam, alias)}
    return next((a for a in argv if a in woorden), None)


def _termijnen(p: argparse.ArgumentParser) -> None:
    _termijnen_argumenten(p)
    _gemeenschappelijk(p, _HULP["termijnen"][0])


def _termijnen_argumenten(p: argparse.ArgumentParser) -> None:
    """DATUM and ``--sluitingstijd``: a meeting (``termijnen``, ``nieuw``)."""
    p.add_argument(
        "datum",
        metavar=_("DATUM"),
        help=_("vergaderdatum, JJJJ-MM-DD"),
    )
    p.add_argument(
        "--sluitingstijd",
        metavar=_("UU:MM"),
        help=_(
            "sluitingstijd van TRM01/TRM02 (standaard: {tijd}, uit de procedure)",
            tijd=STANDAARD_SLUITINGSTIJD,
        ),
    )


def _nieuw(p: argparse.ArgumentParser) -> None:
    _termijnen_argumenten(p)
    p.add_argument(
        "-o",
        "--uitvoer",
        metavar=_("BESTAND"),
        help=_(
            "schrijf het sjabloon naar dit bestand, dat nog niet mag bestaan (standaard: stdout)"
        ),
    )
    p.add_argument(
        "--format",
        choices=_HULP["nieuw"][0],
        default="toml",
        help=_("uitvoervorm (standaard: toml)"),
    )
    p.add_argument(
        "--lang",
        choices=("nl", "en"),
        default=_VOORKEUR[0],
        help=_("taal van de uitleg in het sjabloon (standaard: nl; en bij LANG=en*)"),
    )


def _dossier(naam: str) -> Callable[[argparse.ArgumentParser], None]:
    def toevoegen(p: argparse.ArgumentParser) -> None:
        p.add_argument(
            "dossier",
            metavar="DOSSIER",
            help=_("dossierbestand (.toml of .json); - leest stdin"),
        )
        _gemeenschappelijk(p, _HULP[naam][0])

    return toevoegen


def _cijfers(p: argparse.ArgumentParser) -> None:
    """``--bevolking`` and ``--peildatum``: every command that needs weights (STM02)."""
    p.add_argument(
        "--bevolking",
        metavar="CSV",
        help=_(
            "CBS-bevolkingscijfers (gaat voor het dossier; standaard: de cijfers in het pakket)"
        ),
    )
    p.add_argument(
        "--peildatum",
        metavar=_("JJJJ-MM-DD"),
        help=_("peildatum van het bevolkingsbestand (standaard: uit het bestand)"),
    )


def _controleer(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "dossier",
        nargs="+",
        metavar="DOSSIER",
        help=_("dossierbestanden (.toml of .json) of mappen (de dossiers daarin); - leest stdin"),
    )
    _gemeenschappelijk(p, _HULP["controleer"][0])
    p.add_argument(
        "--alleen-dossiers",
        action="store_true",
        help=_(
            "sla genoemde bestanden zonder [vergadering]-tabel over, zoals in een map "
            "(de pre-commit-hook)"
        ),
    )
    p.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        help=_("meld overgeslagen bestanden en de aantallen op stderr"),
    )
    p.add_argument(
        "--strikt",
        action="store_true",
        help=_("waarschuwingen tellen ook als fout (afsluitcode 1)"),
    )


def _stemgewichten(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "jaar",
        metavar=_("JAAR"),
        help=_("jaar van de ALV (JJJJ) of vergaderdatum (JJJJ-MM-DD)"),
    )
    _cijfers(p)
    _gemeenschappelijk(p, _HULP["stemgewichten"][0])


def _met_cijfers(
    toevoegen: Callable[[argparse.ArgumentParser], None],
) -> Callable[[argparse.ArgumentParser], None]:
    def beide(p: argparse.ArgumentParser) -> None:
        toevoegen(p)
        _cijfers(p)

    return beide


def _bevolking(p: argparse.ArgumentParser) -> None:
    sub = p.add_subparsers(dest="actie", metavar=_("ACTIE"), parser_class=_Parser)
    sub.required = True
    hulp = _("haal de bevolking per gemeente op 1 januari van JAAR op bij CBS StatLine")
    o = sub.add_parser("ophalen", aliases=["fetch"], help=hulp, description=hulp)
    o.add_argument(
        "jaar",
        metavar=_("JAAR"),
        help=_("jaar van de peildatum (1 januari), JJJJ"),
    )
    o.add_argument(
        "--uitvoer",
        metavar="CSV",
        help=_(
            "schrijf de cijfers naar dit bestand (standaard: een bestand met de peildatum in "
            "de naam, in de huidige map)"
        ),
    )
    o.add_argument(
        "--url",
        metavar=_("BASIS"),
        help=_("basis-URL van de CBS-open-data-API (of ALVRULES_CBS_URL; standaard: CBS)"),
    )
    o.add_argument(
        "--timeout",
        type=float,
        default=30.0,
        metavar=_("SECONDEN"),
        help=_("wachttijd voor de hele download (standaard: 30)"),
    )
    _gemeenschappelijk(o, _HULP["bevolking"][0])


def _regels(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "id",
        nargs="?",
        metavar="ID",
        help=_("regel-id, bijvoorbeeld SIG01 (standaard: de hele catalogus)"),
    )
    _gemeenschappelijk(p, _HULP["regels"][0])


_ARGUMENTEN: dict[str, Callable[[argparse.ArgumentParser], None]] = {
    "termijnen": _termijnen,
    "nieuw": _nieuw,
    "controleer": _met_cijfers(_controleer),
    "stemgewichten": _stemgewichten,
    "uitslag": _met_cijfers(_dossier("uitslag")),
    "verantwoording": _dossier("verantwoording"),
    "regels": _regels,
    "bevolking": _bevolking,
}


class _Versie(argparse.Action):
    """``--version``: the installed version, looked up only when asked (start-up time)."""

    def __call__(self, parser: argparse.ArgumentParser, *_args: object) -> None:
        print(f"alvrules {_versie()}")  # on stdout, as `pip --version` and others do
        parser.exit(0)


def _versie() -> str:
    from alvrules import __version__  # noqa: PLC0415 - the one source of the version

    return __version__


def _json_fout(
    melding: str, regel: str | None, problemen: list[dict[str, Any]] | None = None
) -> None:
    """Exit 2 with ``--format json``: one JSON object on stdout (docs/cli.md)."""
    from alvrules._cli._uitvoer import CONTROLE  # noqa: PLC0415 - only on this error path

    data: dict[str, Any] = {"fout": melding, "regel": regel}
    if problemen:
        data["problemen"] = problemen
    for controle in CONTROLE:  # the test suite validates it against schemas/1/fout.json
        controle("fout", data)
    print(json.dumps(data, ensure_ascii=False))


def _voorkeur(argv: Sequence[str]) -> list[str]:
    """The language (``--lang``, else ``LANG``) and ``--format`` as given, read before
    parsing (for the help texts and parse errors)."""
    from alvrules._cli._taal import taal_van  # noqa: PLC0415

    vorm = "text"
    for i, a in enumerate(argv):
        optie, gelijk, waarde = a.partition("=")
        if optie == "--format":
            vorm = waarde if gelijk else (argv[i + 1] if i + 1 < len(argv) else "")
    return [taal_van(argv), vorm]


def _fout(
    args: argparse.Namespace,
    melding: str,
    regel: str | None = None,
    problemen: Sequence[Any] = (),
    taal: str = "nl",
    *,
    bestand: str | None = None,
) -> int:
    """Exit 2: the one line on stderr (and the JSON object); an unreadable dossier's every
    problem (:class:`~alvrules.fouten.Leesprobleem`) after it, one per line (``bestand:line:``
    first when its line is known, as ``controleer`` writes it), and in JSON."""
    from alvrules.model import een_regel  # noqa: PLC0415

    melding = een_regel(melding)
    lijst = [
        {"pad": p.pad, "regelnummer": p.lijn, "melding": een_regel(p.tekst(taal))}
        for p in problemen
    ]
    if getattr(args, "format", "text") == "json":
        _json_fout(melding, regel, lijst)
    print(f"alvrules: {melding}", file=sys.stderr)
    if len(lijst) > 1:
        for p in lijst:
            lijn = (
                f"{een_regel(bestand)}:{p['regelnummer']}: " if bestand and p["regelnummer"] else ""
            )
            plek = f"{p['pad']}: " if p["pad"] else ""
            print(f"alvrules:   {lijn}{plek}{p['melding']}", file=sys.stderr)
    return 2


def _opdrachtmodule(naam: str) -> Any:
    """The module of command ``naam``, imported the first time with the cyclic garbage
    collector paused, and what the import made frozen (:func:`gc.freeze`) after it.

    The import makes the ±40 modules and ±55 attrs classes of a check, which are never
    garbage; without this the collector passes over them again and again during the
    imports and the first dossier: ±5 % of the instructions of ``alvrules controleer``
    (benchmarks/opstart.py). Objects made later are collected as always. In a process that
    calls :func:`main` often (tests) this happens once per command module.
    """
    module = f"alvrules._cli.{naam}"
    if module in sys.modules:
        return sys.modules[module]
    aan = gc.isenabled()
    gc.disable()
    try:
        return importlib.import_module(module)
    finally:
        gc.freeze()
        if aan:
            gc.enable()


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the exit code."""
    from alvrules._cli._taal import argparse_in  # noqa: PLC0415

    _VOORKEUR[:] = _voorkeur(sys.argv[1:] if argv is None else argv)
    with argparse_in(_VOORKEUR[0]):
        parser = build_parser(_opdracht(sys.argv[1:] if argv is None else argv))
        args = parser.parse_args(argv)
        if args.command is None:  # bare `alvrules`: usage and the commands, exit 2
            parser.print_help(sys.stderr)
            return 2
    from alvrules.fouten import AlvrulesFout, InvoerFout  # noqa: PLC0415

    taal = getattr(args, "lang", "nl")
    echt = sys.stdout
    sys.stdout = uitvoer = _Pijp(echt, tekst=getattr(args, "format", "text") == "text")
    try:
        handler = _opdrachtmodule(args.handler)
        code: int = handler.run(args)
        uitvoer.flush()
    except AlvrulesFout as e:
        tekst = e.tekst(taal)
        problemen = e.problemen if isinstance(e, InvoerFout) else ()
        bestand = e.bestand if isinstance(e, InvoerFout) else None
        return _fout(args, tekst, getattr(e, "regel", None), problemen, taal, bestand=bestand)
    except (OSError, UnicodeError) as e:
        return _fout(args, _("kan niet lezen of schrijven: {fout}", fout=e))
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
