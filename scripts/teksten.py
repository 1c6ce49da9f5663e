"""The message catalogue's tool: read every message from the source, bring the ``.po`` up to date.

    python scripts/teksten.py            # add new messages to alvrules.po (English empty)
    python scripts/teksten.py --controle # list messages without English; exit 1 if any

A message is every literal passed to the functions of :mod:`alvrules.teksten` (``vertaal``,
``vertaal_n``, ``bericht``, ``bericht_n``, ``N_``), read with :mod:`ast`, never by running the
code. ``tests/test_teksten.py`` uses the same reader: a message without English fails it, and
so does a message in the ``.po`` that the source no longer uses (the script drops those), so
the catalogue does not fill up with dead text.
"""

from __future__ import annotations

import argparse
import ast
import re
import string
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAKKET = ROOT / "alvrules"
PO = PAKKET / "locale" / "en" / "LC_MESSAGES" / "alvrules.po"

#: function name -> the positions of its message arguments (singular, plural)
FUNCTIES: dict[str, tuple[int, ...]] = {
    "vertaal": (1,),
    "vertaal_n": (1, 2),
    "bericht": (0,),
    "bericht_n": (0, 1),
    "N_": (0,),
    "_": (0,),
}

KOP = """\
# English translation of the messages of alvrules.
# Dutch is the source language: every msgid is the Dutch text.
# Update with `python scripts/teksten.py`; check with `msgfmt --check-format -o /dev/null`.
msgid ""
msgstr ""
"Project-Id-Version: alvrules\\n"
"PO-Revision-Date: 2026-12-05 00:00+0100\\n"
"Last-Translator: alvrules <https://github.com/VNG-Realisatie/alvrules>\\n"
"Language-Team: English <https://github.com/VNG-Realisatie/alvrules>\\n"
"Language: en\\n"
"MIME-Version: 1.0\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Content-Transfer-Encoding: 8bit\\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\\n"
"""


class Bericht:
    """One message in the source: its id (and plural) and where it is used."""

    def __init__(self, msgid: str, meervoud: str | None) -> None:
        self.msgid = msgid
        self.meervoud = meervoud
        self.plekken: list[str] = []


class Probleem(Exception):
    """A call whose message is not a literal the reader can see."""


def _naam(func: ast.expr) -> str | None:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


def berichten_in(bron: str, plek: str) -> Iterator[tuple[str, str | None, str, str | None]]:
    """``(msgid, plural, place, problem)`` of every message call in the source ``bron``.

    An argument that is a name, an index or an attribute (``vertaal(taal, KOPPEN[k])``) is
    allowed: it reads a literal marked with ``N_`` elsewhere, and the test suite's strict mode
    catches one that is not. An f-string, a ``+`` or a ``%`` is never a message id: the fields
    belong in ``{naam}`` placeholders, so that the translator sees the whole sentence.
    """
    boom = ast.parse(bron)
    for knoop in ast.walk(boom):
        if not isinstance(knoop, ast.Call):
            continue
        naam = _naam(knoop.func)
        if naam not in FUNCTIES:
            continue
        posities = FUNCTIES[naam]
        if len(knoop.args) <= max(posities):
            continue  # e.g. a method of the same name with other arguments
        waar = f"{plek}:{knoop.lineno}"
        args = [knoop.args[i] for i in posities]
        probleem = None
        teksten: list[str | None] = []
        for a in args:
            if isinstance(a, ast.Constant) and isinstance(a.value, str):
                teksten.append(a.value)
            elif isinstance(a, ast.Name | ast.Subscript | ast.Attribute):
                teksten.append(None)
            else:
                probleem = f"{waar}: {naam}() met een {type(a).__name__} als bericht"
                teksten.append(None)
        if probleem:
            yield ("", None, waar, probleem)
        elif teksten[0] is not None:
            yield (teksten[0], teksten[1] if len(teksten) > 1 else None, waar, None)


def verzamel(pakket: Path = PAKKET) -> tuple[dict[str, Bericht], list[str]]:
    """Every message of the package (in order of first use) and the problems found."""
    uit: dict[str, Bericht] = {}
    problemen: list[str] = []
    for pad in sorted(pakket.rglob("*.py")):
        plek = pad.relative_to(pakket.parent).as_posix()
        for msgid, meervoud, waar, probleem in berichten_in(pad.read_text("utf-8"), plek):
            if probleem:
                problemen.append(probleem)
                continue
            b = uit.setdefault(msgid, Bericht(msgid, meervoud))
            b.plekken.append(waar)
    return uit, problemen


def velden(tekst: str) -> set[str]:
    """The ``{naam}`` fields of a message (format specs ignored)."""
    return {v for _, v, _, _ in string.Formatter().parse(tekst) if v is not None}


def _po_tekst(sleutel: str, tekst: str) -> str:
    def citeer(s: str) -> str:
        for teken, ontsnapt in (
            ("\\", "\\\\"),
            ('"', '\\"'),
            ("\n", "\\n"),
            ("\t", "\\t"),
            ("\r", "\\r"),
        ):
            s = s.replace(teken, ontsnapt)
        return f'"{s}"'

    if len(tekst) < 70 and "\n" not in tekst:
        return f"{sleutel} {citeer(tekst)}"
    # after each space or line feed, as msgfmt wraps: the pieces put together are the text
    stukken, regel = [], ""
    for stuk in re.split(r"(?<=[ \n])", tekst):
        if regel and (regel.endswith("\n") or len(regel) + len(stuk.removesuffix(" ")) > 70):
            stukken.append(regel)
            regel = ""
        regel += stuk
    stukken.append(regel)
    return "\n".join([f'{sleutel} ""'] + [citeer(s) for s in stukken if s])


def schrijf_po(berichten: dict[str, Bericht], bestaand: dict[str, object]) -> str:
    """The ``.po`` text: every message in source order, with its existing translation."""
    from alvrules.teksten import Vertaling  # noqa: PLC0415

    delen = [KOP]
    for b in berichten.values():
        oud = bestaand.get(b.msgid)
        v = oud if isinstance(oud, Vertaling) else None
        regels = [f"#: {' '.join(dict.fromkeys(p.split(':')[0] for p in b.plekken))}"]
        vlaggen = ["fuzzy"] if v is not None and v.fuzzy else []
        if "{" in b.msgid:
            vlaggen.append("python-brace-format")
        if vlaggen:
            regels.append(f"#, {', '.join(vlaggen)}")
        regels.append(_po_tekst("msgid", b.msgid))
        if b.meervoud is not None:
            regels.append(_po_tekst("msgid_plural", b.meervoud))
            for i in (0, 1):
                regels.append(_po_tekst(f"msgstr[{i}]", v.msgstr.get(i, "") if v else ""))
        else:
            regels.append(_po_tekst("msgstr", v.msgstr.get(0, "") if v else ""))
        delen.append("\n".join(regels) + "\n")
    return "\n".join(delen)


def main(argv: list[str] | None = None) -> int:
    sys.path.insert(0, str(ROOT))
    from alvrules.teksten import lees_po  # noqa: PLC0415

    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--controle", action="store_true", help="only list what is missing")
    args = p.parse_args(argv)
    berichten, problemen = verzamel()
    for probleem in problemen:
        print(probleem, file=sys.stderr)
    bestaand = {v.msgid: v for v in lees_po(PO.read_text("utf-8"))} if PO.exists() else {}
    if args.controle:
        ontbreekt = [m for m in berichten if not (m in bestaand and bestaand[m].vertaald)]
        for m in ontbreekt:
            print(f"zonder Engels: {m!r} ({berichten[m].plekken[0]})")
        return 1 if ontbreekt or problemen else 0
    PO.parent.mkdir(parents=True, exist_ok=True)
    PO.write_text(schrijf_po(berichten, dict(bestaand)), "utf-8")
    nieuw = sum(1 for m in berichten if m not in bestaand)
    weg = sum(1 for m in bestaand if m and m not in berichten)
    print(f"{PO.relative_to(ROOT)}: {len(berichten)} berichten, {nieuw} nieuw, {weg} vervallen")
    return 1 if problemen else 0


if __name__ == "__main__":
    sys.exit(main())
