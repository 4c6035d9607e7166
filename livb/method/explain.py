"""What each code means: the rules' own docstrings, and the codes of loading a folder."""

from __future__ import annotations

import inspect
from dataclasses import dataclass

from livb.core.diagnostics import Severity
from livb.core.i18n import N_, tr
from livb.method.rules import RULES
from livb.method.zone_check import ZONE_CODES


@dataclass(frozen=True)
class CodeInfo:
    """A code with its name, severity, source in the method and explanation."""

    code: str
    name: str
    severity: Severity
    methode: str
    text: str


_LOADING = {
    "LIVB001": (
        "yaml-syntax",
        N_(
            "Het bestand is geen geldige YAML, of niet in UTF-8 opgeslagen.\n\n"
            "Oplossing:\n    Verbeter de schrijfwijze op de gemelde plaats: spring in met "
            "spaties (geen tabs), zet\n    ': ' na elke sleutel en sluit haakjes en "
            "aanhalingstekens af."
        ),
    ),
    "LIVB002": (
        "geen-mapping",
        N_(
            "Het bestand bestaat niet uit 'sleutel: waarde'-paren, maar "
            "bv. uit een lijst.\n\nOplossing:\n    Vergelijk met het sjabloon van "
            "livb init of met 'livb schema SOORT'."
        ),
    ),
    "LIVB003": (
        "geen-gemeentemap",
        N_(
            "De map heeft geen livb.yaml.\n\nOplossing:\n    Geef de "
            "juiste map op, of maak er een met 'livb init MAP --gemeente NAAM'."
        ),
    ),
    "LIVB004": (
        "onbekend-bestand",
        N_(
            "Een YAML-bestand dat livb niet leest: een tikfout in de "
            "naam, of de extensie .yml.\n\nOplossing:\n    Hernoem het bestand zoals "
            "voorgesteld, of verplaats het uit de map."
        ),
    ),
    "LIVB005": (
        "onbekende-regel-uitgeschakeld",
        N_(
            "livb.yaml schakelt een regel uit die niet "
            "bestaat.\n\nOplossing:\n    Verbeter de code; 'livb check --regels' toont de "
            "lijst."
        ),
    ),
    "LIVB006": (
        "uitschakeling-voor-onbekend",
        N_(
            "Een regel in livb.yaml wordt uitgeschakeld 'voor' een id of bestand dat in de map "
            "niet bestaat, zodat de regel daar toch blijft gelden.\n\nOplossing:\n    Verbeter de "
            "id (van een vergadering, actor, prioriteit, doelstelling, ...) of het pad van het "
            "bestand,\n    bv. vergaderingen/2026-03-20-kerngroep.yaml."
        ),
    ),
    "LIVB007": (
        "onleesbaar-bestand",
        N_(
            "Een bestand of map van de gemeentemap die livb niet leest: een map waar een "
            "bestand\nhoort, een koppeling (symlink) naar buiten de gemeentemap, een pijp "
            "(FIFO), een bestand\nzonder leesrechten of groter dan 20 MB. De verwijzingen "
            "naar wat erin staat, worden dan\nniet gecontroleerd.\n\nOplossing:\n    "
            "Zet een gewoon YAML-bestand in de map, of vraag leesrechten aan wie de gedeelde\n"
            "    map beheert."
        ),
    ),
    "LIVB010": (
        "onbekende-sleutel",
        N_(
            "Een sleutel die in dit soort bestand niet bestaat, "
            "meestal een tikfout.\n\nOplossing:\n    Neem de voorgestelde schrijfwijze over."
        ),
    ),
    "LIVB011": (
        "verplichte-sleutel",
        N_(
            "Een sleutel die verplicht is, ontbreekt.\n\n"
            "Oplossing:\n    Voeg de sleutel toe met een waarde."
        ),
    ),
    "LIVB012": (
        "ongeldige-waarde",
        N_(
            "Een waarde van de verkeerde soort: geen geldige datum, "
            "geen getal, een keuze die niet in de lijst staat, een id met spaties.\n\n"
            "Oplossing:\n    Verbeter de waarde zoals de hulp bij de melding aangeeft."
        ),
    ),
    "LIVB013": (
        "csv-fout",
        N_(
            "Een fout in een CSV-bestand met cijfers.\n\nOplossing:\n    De "
            "eerste regel noemt de kolommen (met 'jaar'); daarna één jaar per regel."
        ),
    ),
    "LIVB014": (
        "csv-ontbreekt",
        N_(
            "Een cijferreeks verwijst naar een CSV-bestand dat niet "
            "bestaat.\n\nOplossing:\n    Zet het bestand in diagnostiek/ of verbeter de naam."
        ),
    ),
    "LIVB015": (
        "monitoring-zonder-jaar",
        N_(
            "Een bestand in monitoring/ heet niet naar een jaar: livb weet niet welk jaar het "
            "opvolgt.\n\nOplossing:\n    Noem het bestand naar zijn jaar, bv. monitoring/2011.yaml "
            "(livb new monitoring --jaar 2011\n    begint er een)."
        ),
    ),
}


WARNINGS = ("LIVB004", "LIVB005", "LIVB006")


def all_codes() -> list[CodeInfo]:
    """Every code livb can report, in order."""
    found = [
        CodeInfo(
            code,
            name,
            Severity.WAARSCHUWING if code in WARNINGS else Severity.FOUT,
            tr("livb: het formaat van de gemeentemap"),
            tr(text),
        )
        for code, (name, text) in _LOADING.items()
    ]
    zone = tr("livb: de gedeelde map van een politiezone")
    found += [
        CodeInfo(code, info.name, info.severity, zone, tr(info.text))
        for code, info in ZONE_CODES.items()
    ]
    for code, rule in RULES.items():
        doc = inspect.getdoc(rule) or ""  # a rule's docstring is a marked text (i18n.py)
        found.append(CodeInfo(code, rule.NAME, rule.SEVERITY, tr(rule.METHODE), tr(doc)))
    return sorted(found, key=lambda info: info.code)


def explain(code: str) -> CodeInfo | None:
    """The explanation of one code (case-insensitive), or None."""
    wanted = code.strip().upper()
    wanted = wanted[:4] + wanted[4:].replace("O", "0")  # LIVB2O3 typed for LIVB203
    return next((info for info in all_codes() if info.code == wanted), None)
