"""A synthetic large city: a valid gemeente folder of any size, for benchmarks.

At scale 1.0 (a large city's realistic plan): 150 actors, 60 meetings of the kerngroep,
40 orientation interviews, 20 series of figures over 10 years (2015-2024), 30 findings,
5 priorities, 20 strategic goals, 100 operational goals and 1,000 actions: about 0.5 MB
of YAML. ``scale`` multiplies every count except the five priorities and the ten years;
every date stays in the past (before :data:`TODAY`, the day the benchmarks check against),
so the folder checks without errors or warnings at any size.

    python bench/synthetic.py [FOLDER] [SCALE]
"""

from __future__ import annotations

import datetime as dt
import random
import shutil
import sys
from pathlib import Path

import yaml_writer

TODAY = dt.date(2026, 11, 21)
"""The day the benchmarks pass with --datum; every meeting and interview lies before it."""

SECTORS = ["bestuur", "gemeentediensten", "politie", "welzijn", "justitie", "middenveld", "jeugd"]
LINKS = ["proactie", "preventie", "repressie", "nazorg"]
WORDS = ["overlast", "veiligheid", "buurt", "jongeren", "preventie", "wijk", "samenwerking", "partners", "politie", "school", "verkeer", "inbraken", "sensibilisering", "bewoners", "controle", "opvolging", "evaluatie", "netwerk"]  # fmt: skip
PRIORITIES = 5
YEARS = range(2015, 2025)
MEETINGS = (dt.date(2021, 1, 6), dt.date(2025, 12, 17))
"""The first and last day of the kerngroep's meetings, however many there are."""
INTERVIEWS = (dt.date(2020, 9, 1), dt.date(2020, 12, 18))
"""The orientation interviews (step 2.2) come before the first meeting."""


def sentence(rng: random.Random, n: int = 12) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def spread(n: int, first: dt.date, last: dt.date) -> list[dt.date]:
    """``n`` days from ``first`` to ``last``, evenly apart."""
    if n == 1:
        return [first]
    step = (last - first) / (n - 1)
    return [first + step * i for i in range(n)]


def counts(scale: float) -> dict[str, int]:
    """How many of each thing a city of this scale has."""
    return {
        "actoren": max(12, round(150 * scale)),
        "vergaderingen": max(2, round(60 * scale)),
        "gesprekken": max(2, round(40 * scale)),
        "reeksen": max(2, round(20 * scale)),
        "bevindingen": max(2, round(30 * scale)),
        "strategische": PRIORITIES * max(1, round(4 * scale)),
        "operationele": PRIORITIES * max(1, round(4 * scale)) * 5,
        "acties": PRIORITIES * max(1, round(4 * scale)) * 5 * 10,
    }


def make_city(root: Path, scale: float = 1.0, seed: int = 1) -> Path:
    """Write a valid gemeente folder; ``scale`` multiplies every count (see :func:`counts`)."""
    rng = random.Random(seed)
    n = counts(scale)
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    n_sd = n["strategische"] // PRIORITIES
    write = yaml_writer.write

    write(root / "livb.yaml", {
        "gemeente": {"naam": "Antwerpen", "nis_code": "11002", "provincie": "Antwerpen",
                     "bestuursvorm": "stad"},
        "beleid": {"titel": "integrale veiligheid", "plannaam": "integraal veiligheidsplan",
                   "periode": {"van": dt.date(2026, 1, 1), "tot": dt.date(2030, 12, 31)}},
        "coordinator": "actor-1",
    })  # fmt: skip
    actors = [f"actor-{i}" for i in range(1, n["actoren"] + 1)]
    write(root / "actoren.yaml", {"actoren": [
        {"id": a, "naam": f"Persoon {i}", "rol": "coordinator" if i == 1 else
         ("burgemeester" if i == 2 else "partner"), "functie": sentence(rng, 3),
         "organisatie": f"Dienst {i % 17}", "sector": SECTORS[i % len(SECTORS)],
         "schakels": [LINKS[i % 4], LINKS[(i + 1) % 4]]}
        for i, a in enumerate(actors, start=1)
    ]})  # fmt: skip
    kerngroep = actors[:12]
    priorities = [f"prio-{p}" for p in range(1, PRIORITIES + 1)]
    write(root / "organen.yaml", {
        "kerngroep": {"voorzitter": "actor-2", "secretaris": "actor-1", "leden": kerngroep},
        "projectgroepen": [
            {"id": f"pg-{p}", "naam": f"Projectgroep {p}", "prioriteit": p,
             "projectleider": kerngroep[i + 2], "leden": rng.sample(actors, 8)}
            for i, p in enumerate(priorities)
        ],
    })  # fmt: skip
    write(root / "besluiten.yaml", {"besluiten": [
        {"id": "cbs-2021-06-14-voortgangsrapport", "datum": dt.date(2021, 6, 14),
         "door": "college", "onderwerp": "voortgangsrapport", "referentie": "CBS 2021/0612"},
    ]})  # fmt: skip
    bronnen = [{"id": f"bron-{k}", "naam": f"Bron {k}", "soort": k}
               for k in ("feit", "waarneming", "context")]  # fmt: skip
    (root / "diagnostiek").mkdir()
    write(root / "diagnostiek/bronnen.yaml", {"bronnen": bronnen})
    write(root / "diagnostiek/cijfers.yaml", {"reeksen": [
        {"id": f"reeks-{r}", "naam": f"Reeks {r}", "bron": "bron-feit",
         "waarden": {year: rng.randint(50, 500) for year in YEARS}}
        for r in range(n["reeksen"])
    ]})  # fmt: skip
    write(root / "diagnostiek/bevindingen.yaml", {"bevindingen": [
        {"id": f"b-{b}", "titel": sentence(rng, 5), "tekst": sentence(rng, 40),
         "onveiligheid": ["objectief", "subjectief"][b % 2],
         "reeksen": [f"reeks-{b % n['reeksen']}"]}
        for b in range(n["bevindingen"])
    ]})  # fmt: skip
    write(root / "swot.yaml", {q: [{"id": f"{q[0]}{i}", "tekst": sentence(rng, 8)} for i in range(1, 8)]
                               for q in ("sterktes", "zwaktes", "kansen", "bedreigingen")}
          | {"confrontatie": {"sterktes_kansen": [{"tekst": sentence(rng), "punten": ["s1", "k1"]}]},
             "conclusies": [sentence(rng)]})  # fmt: skip
    write(root / "prioriteiten.yaml", {"prioriteiten": [
        {"id": p, "titel": f"Prioriteit {p}", "bevindingen": ["b-1"], "swot": ["s1"], "lokaal": True}
        for p in priorities
    ]})  # fmt: skip
    write(root / "plan.yaml", {"visie": sentence(rng, 80), "doelen_extern": [sentence(rng)]})
    (root / "doelstellingen").mkdir()
    for p in priorities:
        write(root / f"doelstellingen/{p}.yaml", {"prioriteit": p, "strategische_doelstellingen": [
            {"id": f"sd-{p}-{s}", "titel": sentence(rng, 10), "operationele_doelstellingen": [
                {"id": f"od-{p}-{s}-{o}", "titel": sentence(rng, 10),
                 "indicatoren": [{"id": f"i-{p}-{s}-{o}", "naam": sentence(rng, 6), "eenheid": "feiten",
                                  "basiswaarde": {"waarde": 100, "jaar": 2024},
                                  "streefwaarde": {"waarde": 80, "jaar": 2029},
                                  "deadline": dt.date(2029, 12, 31), "bron": "bron-feit"}],
                 "acties": [{"id": f"a-{p}-{s}-{o}-{a}", "titel": sentence(rng, 7),
                             "trekker": rng.choice(actors),
                             "partners": [rng.choice(actors)], "start": dt.date(2026, 3, 1),
                             "einde": dt.date(2028, 6, 30), "budget": rng.randint(0, 50) * 1000,
                             "schakel": LINKS[a % 4]}
                            for a in range(10)]}
                for o in range(5)]}
            for s in range(n_sd)]})  # fmt: skip
    (root / "vergaderingen").mkdir()
    days = spread(n["vergaderingen"], *MEETINGS)
    previous = None
    for m, day in enumerate(days):
        meeting_id = f"{day.isoformat()}-kerngroep-{m}"
        following = days[m + 1] if m + 1 < len(days) else day + dt.timedelta(days=28)
        write(root / f"vergaderingen/{meeting_id}.yaml", {
            "orgaan": "kerngroep", "datum": day, "aanwezig": kerngroep,
            "keurt_verslag_goed": [previous] if previous else [],
            "agenda": [{"punt": sentence(rng, 5), "verslag": sentence(rng, 12),
                        "besluiten": [sentence(rng)]} for _ in range(5)],
            "volgende_stap": sentence(rng), "huiswerk": [{"wie": [rng.choice(kerngroep)],
                                                          "wat": sentence(rng)}],
            "volgende_vergadering": {"datum": following},
        })  # fmt: skip
        previous = meeting_id
    (root / "gesprekken").mkdir()
    for g, day in enumerate(spread(n["gesprekken"], *INTERVIEWS)):
        member = actors[2 + g % (len(actors) - 2)]
        write(root / f"gesprekken/{day.isoformat()}-{g}-{member}.yaml", {
            "stap": "2.2", "datum": day, "met": [member], "door": ["actor-1"],
            "livb_perspectief": [{"vraag": sentence(rng, 8), "antwoord": sentence(rng, 30)}
                                 for _ in range(10)],
        })  # fmt: skip
    return root


def yaml_bytes(root: Path) -> int:
    """The size of a folder's YAML files."""
    return sum(path.stat().st_size for path in root.rglob("*.yaml"))


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/livb-bench-city")
    scale = float(sys.argv[2]) if len(sys.argv) > 2 else 1.0
    make_city(target, scale)
    print(f"{target}: {yaml_bytes(target) / 1e6:.2f} MB of YAML, {counts(scale)}")
