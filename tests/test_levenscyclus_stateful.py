"""The motion lifecycle across several meetings (AFD02-AFD05), as a Hypothesis state machine.

Motions are submitted, signed, voted (adopted, rejected, held, withdrawn), brought back
and accounted for at each following ALV with random proposals, which the members adopt
or reject. An independent model of the expected statuses checks the library: no motion
is lost or counted twice, an afgedaan motion never returns, a motion kept open appears in
every later accounting until afgedaan, and every step AFD05 forbids raises.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from alvrules.levenscyclus import Categorie, EerdereMotie, OngeldigeOvergang, Status, aannemen
from alvrules.verantwoording import Afdoening, Verantwoording, stel_op, vaststellen

S = Status
#: AFD05 written out again, independently of the library's table.
TOEGESTAAN: dict[Status, set[Status]] = {
    S.INGEDIEND: {S.DEFINITIEF, S.INGETROKKEN},
    S.DEFINITIEF: {S.AANGENOMEN, S.VERWORPEN, S.INGETROKKEN, S.AANGEHOUDEN},
    S.AANGEHOUDEN: {S.DEFINITIEF, S.INGETROKKEN},
    S.AANGENOMEN: {S.AFGEDAAN},
    S.VERWORPEN: set(),
    S.INGETROKKEN: set(),
    S.AFGEDAAN: set(),
}


class Levenscyclus(RuleBasedStateMachine):
    @initialize()
    def begin(self) -> None:
        self.datum = date(2023, 6, 14)
        self.moties: dict[str, EerdereMotie] = {}
        self.model: dict[str, Status] = {}  # expected status of every motion ever submitted
        self.aangehouden: set[str] = set()  # open motions that were already accounted for
        self.afgedaan_op: dict[str, date] = {}
        self.vergaderingen = 0

    def _kies(self, data: st.DataObject, *statussen: Status) -> str:
        kandidaten = sorted(i for i, s in self.model.items() if s in statussen)
        return data.draw(st.sampled_from(kandidaten))

    def _heeft(self, *statussen: Status) -> bool:
        return any(s in statussen for s in self.model.values())

    def _stap(self, motie_id: str, naar: Status) -> None:
        self.moties[motie_id] = self.moties[motie_id].naar(naar)
        self.model[motie_id] = naar

    # --- one meeting -----------------------------------------------------------------

    @rule()
    def indienen(self) -> None:
        motie_id = f"M{len(self.model) + 1:03}"
        self.moties[motie_id] = EerdereMotie(id=motie_id, status=S.INGEDIEND)
        self.model[motie_id] = S.INGEDIEND

    @precondition(lambda self: self._heeft(S.INGEDIEND))
    @rule(data=st.data())
    def ondertekenen(self, data: st.DataObject) -> None:
        self._stap(self._kies(data, S.INGEDIEND), S.DEFINITIEF)

    @precondition(lambda self: self._heeft(S.DEFINITIEF))
    @rule(
        data=st.data(),
        uitkomst=st.sampled_from([S.VERWORPEN, S.INGETROKKEN, S.AANGEHOUDEN]),
    )
    def niet_aannemen(self, data: st.DataObject, uitkomst: Status) -> None:
        self._stap(self._kies(data, S.DEFINITIEF), uitkomst)

    @precondition(lambda self: self._heeft(S.DEFINITIEF))
    @rule(data=st.data(), categorie=st.none() | st.sampled_from(Categorie))
    def aannemen(self, data: st.DataObject, categorie: Categorie | None) -> None:
        motie_id = self._kies(data, S.DEFINITIEF)
        self.moties[motie_id] = aannemen(self.moties[motie_id], self.datum, categorie)
        direct = categorie is Categorie.DIRECT_AFGEDAAN
        self.model[motie_id] = S.AFGEDAAN if direct else S.AANGENOMEN
        if direct:
            self.afgedaan_op[motie_id] = self.datum

    @precondition(lambda self: self._heeft(S.AANGEHOUDEN))
    @rule(data=st.data(), terug=st.booleans())
    def aangehouden_motie(self, data: st.DataObject, terug: bool) -> None:
        """A motion held at a meeting comes back (definitief again) or is withdrawn."""
        self._stap(self._kies(data, S.AANGEHOUDEN), S.DEFINITIEF if terug else S.INGETROKKEN)

    @precondition(lambda self: bool(self.model))
    @rule(data=st.data())
    def ongeldige_overgang(self, data: st.DataObject) -> None:
        motie_id = self._kies(data, *Status)
        van = self.model[motie_id]
        verboden = sorted(set(Status) - TOEGESTAAN[van])
        naar = data.draw(st.sampled_from(verboden))
        voor = self.moties[motie_id]
        with pytest.raises(OngeldigeOvergang, match=f"van '{van}' naar '{naar}'"):
            voor.naar(naar)
        assert self.moties[motie_id] == voor

    # --- the next meeting and its accounting ------------------------------------------

    @rule(data=st.data(), aangenomen=st.booleans())
    def volgende_vergadering(self, data: st.DataObject, aangenomen: bool) -> None:
        self.datum += timedelta(days=data.draw(st.integers(150, 200)))
        self.vergaderingen += 1
        verwacht = {i for i, s in self.model.items() if s is S.AANGENOMEN}
        posten = [
            Verantwoording(
                motie=i,
                verantwoording=f"verantwoording {i}",
                voorstel=(v := data.draw(st.sampled_from(Afdoening))),
                reden="reden" if v is Afdoening.AANHOUDEN else None,
            )
            for i in sorted(verwacht)
        ]
        lijst = stel_op(self.datum, self.moties.values(), posten)
        ids = [p.motie.id for p in lijst.posten]
        assert len(ids) == len(set(ids)), "a motion counted twice"
        assert set(ids) == verwacht, "an open motion lost, or a closed one listed"
        assert self.aangehouden <= set(ids), "a kept-open motion did not return (AFD03)"
        assert not set(ids) & set(self.afgedaan_op), "an afgedaan motion returned"
        assert lijst.bevindingen.fouten == ()
        assert lijst.afdoen + lijst.aanhouden == len(verwacht)
        # held motions are listed first, as in the annex
        eerder = [p.motie.aangehouden_sinds is not None for p in lijst.posten]
        assert eerder == sorted(eerder, reverse=True)
        na = vaststellen(self.moties.values(), lijst, aangenomen=aangenomen)
        self.moties = {m.id: m for m in na}
        for p in lijst.posten:
            if aangenomen and p.voorstel is Afdoening.AFDOEN:
                self.model[p.motie.id] = S.AFGEDAAN
                self.afgedaan_op[p.motie.id] = self.datum
                self.aangehouden.discard(p.motie.id)
            else:
                self.aangehouden.add(p.motie.id)
                assert self.moties[p.motie.id].aangehouden_sinds is not None

    @precondition(lambda self: bool(self.aangehouden))
    @rule(data=st.data())
    def vergeten_motie_is_fout(self, data: st.DataObject) -> None:
        """Leaving a kept-open motion out of the accounting is an AFD03 error."""
        vergeten = data.draw(st.sampled_from(sorted(self.aangehouden)))
        posten = [
            Verantwoording(motie=i, verantwoording="v")
            for i, s in self.model.items()
            if s is S.AANGENOMEN and i != vergeten
        ]
        lijst = stel_op(self.datum + timedelta(days=1), self.moties.values(), posten)
        assert vergeten in {p.motie.id for p in lijst.posten}  # listed all the same
        fouten = [b for b in lijst.bevindingen if b.ernst.value == "fout"]
        assert [(b.regel, b.pad) for b in fouten] == [("AFD03", f"eerdere_moties[{vergeten}]")]

    # --- invariants ------------------------------------------------------------------

    @invariant()
    def niets_verloren(self) -> None:
        assert list(self.moties) == list(self.model)
        assert {i: m.status for i, m in self.moties.items()} == self.model
        assert all(m.id == i for i, m in self.moties.items())

    @invariant()
    def afgedaan_blijft_afgedaan(self) -> None:
        for i in self.afgedaan_op:
            assert self.moties[i].status is S.AFGEDAAN
            assert not self.moties[i].open


TestLevenscyclus = Levenscyclus.TestCase
