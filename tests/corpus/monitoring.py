"""Hostile scenarios for the follow-up of the plan: monitoring/JJJJ.yaml and livb new monitoring."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from corpus import Case
from corpus.loader import replace, write
from corpus.new import untouched


def _same_bytes(name: str, data: bytes) -> Callable[[Path], None]:
    def check(root: Path) -> None:
        assert (root / "monitoring" / name).read_bytes() == data

    return check


def _monitoring_2011() -> bytes:
    from helpers import EXAMPLE

    return (EXAMPLE / "monitoring" / "2011.yaml").read_bytes()


def _year_2099(root: Path) -> None:
    text = (root / "monitoring" / "2010.yaml").read_text("utf-8")
    (root / "monitoring" / "2099.yaml").write_text(text.replace("datum: 2010", "datum: 2099"))


CHECK_ON = ("check", "{map}", "--datum", "2026-11-21")

CASES = [
    Case(
        "monitoring-for-the-year-2099",
        _year_2099,
        CHECK_ON,
        0,
        (
            "monitoring/2099.yaml:5:1: waarschuwing LIVB318 monitoring/2099.yaml volgt het jaar "
            "2099 op, dat nog moet beginnen (vandaag is 2026-11-21); livb telt het niet mee\n",
            "hulp: hernoem het bestand naar het jaar dat het opvolgt, of laat het leeg tot dat "
            "jaar begonnen is",
        ),
    ),
    Case(
        "monitoring-for-the-year-2099-fails-a-strict-check",
        _year_2099,
        (*CHECK_ON, "--strikt"),
        1,
        ("LIVB318",),
    ),
    Case(
        "monitoring-measurement-dated-in-another-year",
        replace(
            "monitoring/2010.yaml",
            "    waarde: 188\n    datum: 2010\n",
            "    waarde: 188\n    datum: 2014-03-01\n",
        ),
        CHECK_ON,
        0,
        (
            "monitoring/2010.yaml:13:12: waarschuwing LIVB319 de meting van 'i-inbraken' is "
            "gedateerd in 2014, maar staat in de opvolging van 2010\n",
            "hulp: verbeter de datum, of verplaats de meting naar monitoring/2014.yaml",
        ),
    ),
    Case(
        "monitoring-measurement-closed-the-next-year-is-fine",
        replace(
            "monitoring/2010.yaml",
            "    waarde: 188\n    datum: 2010\n",
            "    waarde: 188\n    datum: 2011-04-30\n",
        ),
        CHECK_ON,
        0,
        absent=("LIVB319",),
    ),
    Case(
        "monitoring-meting-zonder-datum",
        replace("monitoring/2010.yaml", "    waarde: 82\n    datum: 2010\n", "    waarde: 82\n"),
        expect=("monitoring/2010.yaml:6:5: fout LIVB011 de verplichte sleutel 'datum' ontbreekt",),
    ),
    Case(
        "monitoring-meting-zonder-bron",
        replace("monitoring/2010.yaml", "    bron: jaarverslag buurtbemiddeling\n", ""),
        expect=("monitoring/2010.yaml:15:5: fout LIVB011 de verplichte sleutel 'bron' ontbreekt",),
    ),
    Case(
        "monitoring-vertraagd-zonder-reden",
        replace(
            "monitoring/2010.yaml",
            "{actie: a-premie, status: gepland}",
            "{actie: a-premie, status: vertraagd}",
        ),
        expect=(
            "monitoring/2010.yaml:30:5: fout LIVB012 de actie 'a-premie' is vertraagd, maar "
            "'reden' zegt niet waarom",
        ),
    ),
    Case(
        "monitoring-onbekende-status",
        replace(
            "monitoring/2010.yaml",
            "{actie: a-controles, status: lopend}",
            "{actie: a-controles, status: klaar}",
        ),
        expect=(
            "monitoring/2010.yaml:31:34: fout LIVB012 ongeldige waarde 'klaar' voor 'status'",
            "kies uit: 'gepland', 'lopend', 'afgerond', 'vertraagd' of 'geschrapt'",
        ),
    ),
    Case(
        "monitoring-negatief-bedrag",
        replace(
            "monitoring/2010.yaml",
            "status: lopend, besteed: 2000}",
            "status: lopend, besteed: -2000}",
        ),
        expect=("monitoring/2010.yaml:36:56: fout LIVB012 'besteed' is te klein (-2000)",),
    ),
    Case(
        "monitoring-bestand-zonder-jaar",
        write("monitoring/2012-extra.yaml", "metingen: []\n"),
        expect=(
            "monitoring/2012-extra.yaml:1:1: fout LIVB015 'monitoring/2012-extra.yaml' heeft geen "
            "jaar als naam",
            "noem het bestand naar het jaar dat het opvolgt, bv. monitoring/2011.yaml",
        ),
    ),
    Case(
        "monitoring-lijst-in-plaats-van-sleutels",
        write("monitoring/2012.yaml", "- a\n- b\n"),
        expect=("monitoring/2012.yaml:1:1: fout LIVB002",),
    ),
    Case(
        "monitoring-onbekende-indicator",
        replace("monitoring/2011.yaml", "indicator: i-adviezen", "indicator: i-adviezn"),
        expect=(
            "monitoring/2011.yaml:5:16: fout LIVB101 onbekende indicator 'i-adviezn'; bedoelde "
            "je 'i-adviezen'?",
            "voeg 'i-adviezn' toe in de doelstellingen (doelstellingen/*.yaml)",
        ),
    ),
    Case(
        "monitoring-huiswerk-zonder-die-taak",
        replace("monitoring/2011.yaml", "    taak: 1\n", "    taak: 4\n"),
        expect=(
            "monitoring/2011.yaml:60:11: fout LIVB109 de vergadering '2009-12-01-pg-verkeer' gaf "
            "1 taak huiswerk, geen taak 4",
        ),
    ),
    Case(
        "monitoring-new-bestaat-al",
        command=("new", "monitoring", "{map}", "--jaar", "2011"),
        expect=(
            "fout: monitoring/2011.yaml bestaat al; livb new overschrijft het niet",
            "vul monitoring/2011.yaml zelf aan, of kies een ander jaar met --jaar",
        ),
        check=untouched(),
    ),
    Case(
        "monitoring-new-geen-jaar",
        command=("new", "monitoring", "{map}", "--jaar", "elf"),
        code=2,
        expect=("--jaar",),
        check=untouched(),
    ),
    Case(
        "monitoring-new-jaar-buiten-bereik",
        code=2,
        command=("new", "monitoring", "{map}", "--jaar", "20111"),
        expect=("gebruik: 20111 is geen jaar voor de opvolging",),
        check=untouched(),
    ),
]
