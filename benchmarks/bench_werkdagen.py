"""Benchmark of CAL02: ``werkdagen_voor`` against ``numpy.busday_offset``.

Run with ``python benchmarks/bench_werkdagen.py`` (needs the ``bench`` extra). Not a test:
it first checks that both give the same answer for every day of 2000-2040, then times
scalar calls of each and prints the ratio.

numpy's equivalent of "the n-th working day before d, d not counted" is
``busday_offset(d, -n, roll="forward")``: a non-working d first rolls forward to the next
working day, from which n working days back is the same day as counting back from d.
"""

from __future__ import annotations

import random
import timeit
from collections.abc import Callable
from datetime import date, timedelta

import numpy as np

from alvrules.kalender import ATW, feestdagen, werkdagen_voor

EERSTE, LAATSTE = date(2000, 3, 1), date(2040, 12, 31)
N = 9


def meet() -> tuple[float, float, float]:
    """Check agreement, then return seconds per call: ours, numpy scalar, numpy vectorised."""
    vrij = sorted(d for jaar in range(1999, 2042) for d in feestdagen(jaar))
    kalender = np.busdaycalendar(weekmask="1111100", holidays=np.array(vrij, dtype="M8[D]"))
    dagen = [EERSTE + timedelta(days=i) for i in range((LAATSTE - EERSTE).days + 1)]
    np_dagen = np.array(dagen, dtype="M8[D]")

    verwacht = np.busday_offset(np_dagen, -N, roll="forward", busdaycal=kalender)
    ons = np.array([werkdagen_voor(d, N) for d in dagen], dtype="M8[D]")
    assert (verwacht == ons).all(), "werkdagen_voor and numpy disagree"
    na = np.busday_offset(np_dagen, N, roll="backward", busdaycal=kalender)
    assert (na == np.array([ATW.werkdagen_na(d, N) for d in dagen], dtype="M8[D]")).all()
    print(f"identical answers for {len(dagen)} meeting dates {EERSTE}..{LAATSTE}, n={N}")

    steekproef = random.Random(2023).choices(dagen, k=20_000)
    np_steekproef = [np.datetime64(d, "D") for d in steekproef]

    def ons_scalair() -> None:
        for d in steekproef:
            werkdagen_voor(d, N)

    def numpy_scalair() -> None:
        for d in np_steekproef:
            np.busday_offset(d, -N, roll="forward", busdaycal=kalender)

    def numpy_vector() -> None:
        np.busday_offset(np_dagen[: len(steekproef)], -N, roll="forward", busdaycal=kalender)

    def beste(f: Callable[[], None]) -> float:
        return min(timeit.repeat(f, number=1, repeat=5)) / len(steekproef)

    t_ons, t_np, t_vec = beste(ons_scalair), beste(numpy_scalair), beste(numpy_vector)
    print(f"werkdagen_voor          {t_ons * 1e6:8.3f} µs per call")
    print(f"numpy.busday_offset     {t_np * 1e6:8.3f} µs per scalar call")
    print(f"numpy.busday_offset     {t_vec * 1e6:8.3f} µs per element, vectorised")
    print(f"ratio werkdagen_voor / numpy scalar:     {t_ons / t_np:6.2f}")
    print(f"ratio werkdagen_voor / numpy vectorised: {t_ons / t_vec:6.2f}")
    return t_ons, t_np, t_vec


def main() -> None:
    meet()


if __name__ == "__main__":
    main()
