"""The profile of the coordinator (Tool A, step 1.1): the basis of a job description."""

from __future__ import annotations

from livb.core.i18n import tr
from livb.documents import _process_view as pv
from livb.documents._base import Context, Document
from livb.documents.views import Views
from livb.method.queries import chain_words
from livb.model.actoren import Rol, Sector
from livb.model.stappen import Stap


def build(views: Views, item: str | None) -> Context:
    """The gemeente, the coordinator's title and where the function sits."""
    project = views.project
    config = project.instellingen
    coordinator = next((a for a in project.actoren.actoren if a.id == config.coordinator), None)
    police = coordinator is not None and (
        coordinator.sector is Sector.POLITIE or coordinator.rol in (Rol.POLITIE, Rol.KORPSCHEF)
    )
    return views.common() | {
        "functietitel": (views.field(coordinator, "functie") if coordinator else "")
        or tr("coördinator integrale veiligheid"),
        "plaats": (views.field(coordinator, "organisatie") if coordinator else "") or "",
        "politie": police,
        "secretaris": project.organen.kerngroep.secretaris in (None, config.coordinator),
        "datum": pv.event_date(views, Stap.S1_1),
        "keten": chain_words(project),
        "gewest": pv.region(project),
    }


DOCUMENT = Document(
    name="profiel",
    title="Profiel van de coördinator",
    stap="1.1",
    template="profiel.md.j2",
    filename="profiel-coordinator.docx",
    build=build,
    why_not=lambda project, today: None,
)
