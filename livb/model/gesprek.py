"""gesprekken/*.yaml: one oriëntatiegesprek (step 1.2 or 2.2) along the Tool D checklist."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BeforeValidator

from livb.model._base import ONE_OR_MANY, ActorId, LivbModel, Tekst, as_list
from livb.model._tijd import Datering


class VraagAntwoord(LivbModel):
    """A question of the checklist and the answer given."""

    vraag: Tekst
    """De vraag; vertrouwelijk zoals het hele gesprek."""
    antwoord: str | None = None
    """Het antwoord; komt enkel in het eigen verslag van het gesprek (livb render gesprek)."""


class Gesprek(LivbModel):
    """An orientation interview; confidential unless marked otherwise."""

    stap: Literal["1.2", "2.2"]
    """1.2 (met de burgemeester, eventueel met korpschef, schepen of preventieambtenaar, in de
    voorbereiding) of 2.2 (met een lid van de kerngroep, terwijl de diagnostiek opgemaakt wordt)."""
    datum: Datering
    met: Annotated[list[ActorId], BeforeValidator(as_list), ONE_OR_MANY]
    """Met wie het gesprek gevoerd werd (ids uit actoren.yaml)."""
    door: Annotated[list[ActorId], BeforeValidator(as_list), ONE_OR_MANY] = []
    """Wie het gesprek voerde."""
    vertrouwelijk: bool = True
    """Vertrouwelijke gesprekken komen nooit woordelijk in een document."""
    werking_dienst: list[VraagAntwoord] = []
    """Tool D, deel 1: de algemene werking van de dienst."""
    livb_perspectief: list[VraagAntwoord] = []
    """Tool D, deel 2: het veiligheidsbeleid vanuit het perspectief van de dienst."""
    organisatie: list[VraagAntwoord] = []
    """Tool D, deel 3: partners, overlegstructuren, knelpunten."""
    samenvatting: str | None = None
    """Komt enkel in het eigen verslag van het gesprek, tenzij 'vertrouwelijk: false'."""
    aandachtspunten: list[str] = []
    """Komen enkel in het eigen verslag van het gesprek, tenzij 'vertrouwelijk: false'."""
