"""A synthetic large city: a valid gemeente folder of any size, for benchmarks.

At scale 1.0: 300 actors, 200 meetings, 50 interviews, 5 priorities, 50 strategic goals,
500 operational goals and 5,000 actions (about 1.5 MB of YAML).
"""

from __future__ import annotations

import datetime as dt
import random
import shutil
import sys
from pathlib import Path

import yaml_writer

SECTORS = ["bestuur", "gemeentediensten", "politie", "welzijn", "justitie", "middenveld", "jeugd"]
LINKS = ["proactie", "preventie", "repressie", "nazorg"]
WORDS = ["overlast", "veiligheid", "buurt", "jongeren", "preventie", "wijk", "samenwerking", "partners", "politie", "school", "verkeer", "inbraken", "sensibilisering", "bewoners", "controle", "opvolging", "evaluatie", "netwerk"]  # fmt: skip


def sentence(rng: random.Random, n: int = 12) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def make_city(root: Path, scale: float = 1.0, seed: int = 1) -> Path:
    """Write a valid gemeente folder; ``scale`` multiplies every count."""
    rng = random.Random(seed)
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    n_actors = max(12, int(300 * scale))
    n_meetings = max(2, int(200 * scale))
    n_sd = max(1, int(10 * scale))
    write = yaml_writer.write

    write(root / "livb.yaml", {
        "gemeente": {"naam": "Antwerpen", "nis_code": "11002", "provincie": "Antwerpen",
                     "bestuursvorm": "stad"},
        "beleid": {"titel": "integrale veiligheid", "plannaam": "integraal veiligheidsplan",
                   "periode": {"van": dt.date(2026, 1, 1), "tot": dt.date(2030, 12, 31)}},
        "coordinator": "actor-1",
    })  # fmt: skip
    actors = [f"actor-{i}" for i in range(1, n_actors + 1)]
    write(root / "actoren.yaml", {"actoren": [
        {"id": a, "naam": f"Persoon {i}", "rol": "coordinator" if i == 1 else
         ("burgemeester" if i == 2 else "partner"), "functie": sentence(rng, 3),
         "organisatie": f"Dienst {i % 17}", "sector": SECTORS[i % len(SECTORS)],
         "schakels": [LINKS[i % 4], LINKS[(i + 1) % 4]]}
        for i, a in enumerate(actors, start=1)
    ]})  # fmt: skip
    kerngroep = actors[:12]
    priorities = [f"prio-{p}" for p in range(1, 6)]
    write(root / "organen.yaml", {
        "kerngroep": {"voorzitter": "actor-2", "secretaris": "actor-1", "leden": kerngroep},
        "projectgroepen": [
            {"id": f"pg-{p}", "naam": f"Projectgroep {p}", "prioriteit": p,
             "projectleider": kerngroep[i + 2], "leden": rng.sample(actors, 8)}
            for i, p in enumerate(priorities)
        ],
    })  # fmt: skip
    bronnen = [{"id": f"bron-{k}", "naam": f"Bron {k}", "soort": k}
               for k in ("feit", "waarneming", "context")]  # fmt: skip
    (root / "diagnostiek").mkdir()
    write(root / "diagnostiek/bronnen.yaml", {"bronnen": bronnen})
    write(root / "diagnostiek/cijfers.yaml", {"reeksen": [
        {"id": f"reeks-{r}", "naam": f"Reeks {r}", "bron": "bron-feit",
         "waarden": {y: rng.randint(50, 500) for y in range(2019, 2025)}}
        for r in range(20)
    ]})  # fmt: skip
    write(root / "diagnostiek/bevindingen.yaml", {"bevindingen": [
        {"id": f"b-{b}", "titel": sentence(rng, 5), "tekst": sentence(rng, 40),
         "onveiligheid": ["objectief", "subjectief"][b % 2], "reeksen": [f"reeks-{b % 20}"]}
        for b in range(30)
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
                for o in range(10)]}
            for s in range(n_sd)]})  # fmt: skip
    (root / "vergaderingen").mkdir()
    day = dt.date(2021, 1, 6)
    previous = None
    for m in range(n_meetings):
        meeting_id = f"{day.isoformat()}-kerngroep-{m}"
        write(root / f"vergaderingen/{meeting_id}.yaml", {
            "orgaan": "kerngroep", "datum": day, "aanwezig": kerngroep,
            "keurt_verslag_goed": [previous] if previous else [],
            "agenda": [{"punt": sentence(rng, 5), "verslag": sentence(rng, 12),
                        "besluiten": [sentence(rng)]} for _ in range(5)],
            "volgende_stap": sentence(rng), "huiswerk": [{"wie": [rng.choice(kerngroep)],
                                                          "wat": sentence(rng)}],
            "volgende_vergadering": {"datum": day + dt.timedelta(days=7)},
        })  # fmt: skip
        previous = meeting_id
        day += dt.timedelta(days=7)
    (root / "gesprekken").mkdir()
    for g, member in enumerate(kerngroep[2:]):
        write(root / f"gesprekken/2024-0{1 + g % 9}-1{g % 9}-{member}.yaml", {
            "stap": "2.2", "datum": dt.date(2024, 1 + g % 9, 10 + g % 9), "met": [member],
            "door": ["actor-1"],
            "livb_perspectief": [{"vraag": sentence(rng, 8), "antwoord": sentence(rng, 30)}
                                 for _ in range(10)],
        })  # fmt: skip
    return root


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/livb-bench-city")
    scale = float(sys.argv[2]) if len(sys.argv) > 2 else 1.0
    make_city(target, scale)
    size = sum(p.stat().st_size for p in target.rglob("*.yaml"))
    print(f"{target}: {size / 1e6:.2f} MB of YAML")
