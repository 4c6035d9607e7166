"""livb.method.queries: the domain questions rules, status and documents share, answered once."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from livb.folder.project import load_project
from livb.method.check import run_checks
from livb.method.process import derive_state
from livb.method.queries import (
    chain_balance,
    fod_begeleiding,
    kerngroep_to_interview,
    link,
    mayor,
    orgaan_naam,
    orgaan_soort,
    protocol_parties,
    protocol_period,
)
from livb.model.actoren import EigenSchakel, Schakel
from livb.model.stappen import Stap

from helpers import EXAMPLE, REPO

MECHELEN = REPO / "tests" / "projects" / "mechelen"
KLEIN = REPO / "tests" / "projects" / "klein"
TODAY = dt.date(2026, 11, 21)


def project_of(root: Path):
    loaded = load_project(root)
    assert loaded.project is not None, loaded.diagnostics
    return loaded.project


def add_decisions(root: Path, text: str) -> None:
    path = root / "besluiten.yaml"
    path.write_text(path.read_text(encoding="utf-8") + text, "utf-8")


RESIGNED = """\
  - {id: herondertekening-stad, datum: 2009-09-01, door: burgemeester, onderwerp: protocolakkoord, uitkomst: ondertekend}
  - {id: herondertekening-fod, datum: 2009-09-01, door: fod, onderwerp: protocolakkoord, uitkomst: ondertekend}
"""


def test_the_protocol_of_halle_runs_one_year_from_its_signatures():
    periode = protocol_period(project_of(EXAMPLE), TODAY)
    assert periode is not None
    assert (periode.start, periode.halfweg, periode.einde) == (
        dt.date(2009, 3, 24),
        dt.date(2009, 9, 24),
        dt.date(2010, 3, 24),
    )
    assert [b.id for b in periode.ondertekeningen] == [
        "ondertekening-protocol-stad",
        "ondertekening-protocol-fod",
    ]


def test_a_protocol_signed_twice_starts_at_the_second_full_signing(halle):
    add_decisions(halle, RESIGNED)
    project = project_of(halle)
    periode = protocol_period(project, TODAY)
    assert periode is not None
    assert periode.start == dt.date(2009, 9, 1)
    assert periode.einde == dt.date(2010, 9, 1)
    # status says the same day
    assert derive_state(project, TODAY).step(Stap.S1_4).datum == periode.start
    # before the second signing, the first one still counts
    earlier = protocol_period(project, dt.date(2009, 8, 31))
    assert earlier is not None and earlier.start == dt.date(2009, 3, 24)


def test_the_rules_count_the_year_from_the_same_day_as_status(halle):
    # The council approves the plan on 2010-06-01: after a year counted from the first
    # signing (2010-03-24), within a year counted from the second (2010-09-01).
    text = (halle / "besluiten.yaml").read_text(encoding="utf-8")
    (halle / "besluiten.yaml").write_text(
        text.replace("    datum: 2010-03-23", "    datum: 2010-06-01"), "utf-8"
    )
    assert "LIVB313" in {d.code for d in run_checks(halle, today=TODAY).diagnostics}
    add_decisions(halle, RESIGNED)
    assert "LIVB313" not in {d.code for d in run_checks(halle, today=TODAY).diagnostics}
    state = derive_state(project_of(halle), TODAY)
    assert "2010-09-01" in state.step(Stap.S1_4).uitleg


def test_one_party_signing_again_alone_does_not_move_the_start(halle):
    add_decisions(
        halle,
        "  - {id: opnieuw-stad, datum: 2009-09-01, door: burgemeester, "
        "onderwerp: protocolakkoord, uitkomst: ondertekend}\n",
    )
    periode = protocol_period(project_of(halle), TODAY)
    assert periode is not None and periode.start == dt.date(2009, 3, 24)


def test_a_signature_after_today_does_not_count_yet():
    assert protocol_period(project_of(EXAMPLE), dt.date(2009, 3, 23)) is None


def test_the_province_signs_too_when_it_is_a_party(halle):
    text = (halle / "livb.yaml").read_text(encoding="utf-8")
    (halle / "livb.yaml").write_text(
        text.replace(
            "  lokaal_adviseurs: [tom-verlinden, nathalie-dubois]\n",
            "  lokaal_adviseurs: [tom-verlinden, nathalie-dubois]\n"
            "  provincie_vertegenwoordiger: gunter-ceuppens\n",
        ),
        "utf-8",
    )
    project = project_of(halle)
    assert len(protocol_parties(project)) == 3
    assert protocol_period(project, TODAY) is None
    add_decisions(
        halle,
        "  - {id: provincie-tekent, datum: 2009-04-02, door: provincie, "
        "onderwerp: protocolakkoord, uitkomst: ondertekend}\n",
    )
    periode = protocol_period(project_of(halle), TODAY)
    assert periode is not None and periode.start == dt.date(2009, 4, 2)


def test_a_vague_signature_counts_from_its_first_day(halle):
    text = (halle / "besluiten.yaml").read_text(encoding="utf-8")
    text = text.replace(
        "  - id: ondertekening-protocol-fod\n    datum: 2009-03-24",
        "  - id: ondertekening-protocol-fod\n    datum: 2009-04",
    )
    (halle / "besluiten.yaml").write_text(text, "utf-8")
    periode = protocol_period(project_of(halle), TODAY)
    assert periode is not None
    assert str(periode.start) == "2009-04"
    assert periode.einde == dt.date(2010, 4, 1)


def test_who_is_who_and_what_bodies_are_called():
    halle = project_of(EXAMPLE)
    found = mayor(halle)
    assert found is not None and found.naam == "Dirk Pieters"
    assert "dirk-pieters" not in kerngroep_to_interview(halle)
    assert "els-janssens" not in kerngroep_to_interview(halle)
    assert orgaan_naam(halle, "kerngroep") == "de kerngroep"
    assert orgaan_naam(halle, "redactiecomite") == "het redactiecomité"
    assert orgaan_naam(halle, "pg-verkeer") == "Projectgroep veilig naar school"
    assert orgaan_soort(halle, "pg-verkeer") == "projectgroep"
    assert orgaan_soort(halle, "bestaat-niet") is None
    mechelen = project_of(MECHELEN)
    assert orgaan_soort(mechelen, "themahoorzittingen") == "hoorzitting"
    assert orgaan_soort(mechelen, "sinterklaasforum") == "forum"
    assert orgaan_naam(mechelen, "sinterklaasforum") == "Sinterklaasforum"


@pytest.mark.parametrize(("root", "guided"), [(EXAMPLE, True), (MECHELEN, False), (KLEIN, False)])
def test_fod_guidance_comes_from_livb_yaml_or_a_protocol(root, guided):
    assert fod_begeleiding(project_of(root)) is guided


def test_own_chain_words_stand_for_the_method_links():
    mechelen = project_of(MECHELEN)
    assert link(mechelen, EigenSchakel("sanctionerend")) is Schakel.REPRESSIE
    assert link(mechelen, EigenSchakel("herstellend")) is Schakel.NAZORG
    assert link(mechelen, Schakel.PREVENTIE) is Schakel.PREVENTIE
    assert link(mechelen, EigenSchakel("onbekend-woord")) is None
    assert chain_balance(mechelen) == {"nazorg": 4, "preventie": 4, "proactie": 2, "repressie": 2}
