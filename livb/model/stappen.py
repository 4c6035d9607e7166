"""The numbered steps of the federal method (phases 1 to 5)."""

from __future__ import annotations

from enum import StrEnum

from livb.core.i18n import N_


class Stap(StrEnum):
    """A step of the method: 1.1 ... 5.4.

    ``4`` and ``5`` name the phases 4 and 5 as a whole: a meeting of an older folder tagged
    ``stappen: ["4"]`` stays valid. ``livb status`` shows the numbered steps only.
    """

    S1_1 = "1.1"
    S1_2 = "1.2"
    S1_3 = "1.3"
    S1_4 = "1.4"
    S1_5 = "1.5"
    S1_6 = "1.6"
    S2_1 = "2.1"
    S2_2 = "2.2"
    S2_3 = "2.3"
    S2_4 = "2.4"
    S2_5 = "2.5"
    S2_6 = "2.6"
    S2_7 = "2.7"
    S3_1 = "3.1"
    S3_2 = "3.2"
    S3_3 = "3.3"
    S3_4 = "3.4"
    S3_5 = "3.5"
    S3_6 = "3.6"
    S4_1 = "4.1"
    S4_2 = "4.2"
    S4_3 = "4.3"
    S4_4 = "4.4"
    S5_1 = "5.1"
    S5_2 = "5.2"
    S5_3 = "5.3"
    S5_4 = "5.4"
    F4 = "4"
    F5 = "5"

    @property
    def fase(self) -> str:
        """The phase of the step ('1' ... '5')."""
        return self.value.split(".")[0]

    @property
    def is_fase(self) -> bool:
        """Whether this names a whole phase (``4``, ``5``) rather than one numbered step."""
        return "." not in self.value


STAP_TITELS: dict[Stap, str] = {
    Stap.S1_1: N_("Kennismaking en intentienota"),
    Stap.S1_2: N_("Oriëntatiegesprekken met de burgemeester"),
    Stap.S1_3: N_("Rapport en beslissing tot opstart"),
    Stap.S1_4: N_("Intentieverklaring en protocolakkoord"),
    Stap.S1_5: N_("Samenstelling van de kerngroep"),
    Stap.S1_6: N_("Opstartvergadering van de kerngroep"),
    Stap.S2_1: N_("Aanpak van de veiligheidsdiagnostiek"),
    Stap.S2_2: N_("Oriëntatiegesprekken met de leden van de kerngroep"),
    Stap.S2_3: N_("Voorstelling van de bestaande beleidsplannen"),
    Stap.S2_4: N_("Voorstelling van de veiligheidsdiagnostiek"),
    Stap.S2_5: N_("SWOT-analyse"),
    Stap.S2_6: N_("Prioriteiten en projectgroepen"),
    Stap.S2_7: N_("Voortgangsrapport"),
    Stap.S3_1: N_("Opstart van de projectgroepen"),
    Stap.S3_2: N_("Eerste ontwerp van het plan voor de kerngroep"),
    Stap.S3_3: N_("Brainstorm met de kerngroep"),
    Stap.S3_4: N_("Doelstellingen door de projectgroepen"),
    Stap.S3_5: N_("Voorstelling van het plan"),
    Stap.S3_6: N_("Goedkeuring door college en gemeenteraad"),
    Stap.S4_1: N_("Uitvoering van de acties en projecten"),
    Stap.S4_2: N_("Tussentijdse evaluatie"),
    Stap.S4_3: N_("Communicatie over de resultaten"),
    Stap.S4_4: N_("Rapportering over de stand van zaken"),
    Stap.S5_1: N_("Opvolging op lange termijn"),
    Stap.S5_2: N_("Bekendmaking van de resultaten"),
    Stap.S5_3: N_("Rapport over de resultaten"),
    Stap.S5_4: N_("Evaluatie van proces, producten en begeleiding"),
    Stap.F4: N_("Realiseren (de hele fase)"),
    Stap.F5: N_("Gebruiken en evalueren (de hele fase)"),
}

STAPPEN: tuple[Stap, ...] = tuple(stap for stap in Stap if not stap.is_fase)
"""The numbered steps, in the order of the method (what ``livb status`` shows)."""
