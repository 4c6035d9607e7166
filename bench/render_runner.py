"""One render of a city's plan in its own process, for bench/run.py: livb, docxtpl or the floor.

    python render_runner.py MODE FOLDER OUT.docx   (MODE: livb | docxtpl | floor | livb-grafieken | livb-gc)

Prints, as JSON on the last line, the phases in seconds (``start``: imports and setup,
``load``: reading the folder, ``render``: from the loaded folder to the .docx on disk) and the
peak memory of the process in MiB. The three modes write the same plan: livb's own pipeline
(Jinja → Markdown → WordprocessingML; its charts left out, ``livb-grafieken`` draws them,
``livb-gc`` leaves the cyclic GC as usual while rendering), docxtpl (a Word template with
``{%tr %}`` loops) and the floor (the same WordprocessingML, with the table grid, widths and
styles livb writes, as strings zipped into the house style; no template engine, no charts).
"""

from __future__ import annotations

import datetime as dt
import json
import resource
import sys
import time
from pathlib import Path
from typing import Any

TODAY = dt.date(2026, 11, 21)
BEGIN = time.perf_counter()


def plan_context(project: Any) -> dict:
    from livb.documents import DOCUMENTS
    from livb.documents.views import Views

    return DOCUMENTS["plan"].build(Views(project, TODAY), None)


def load(folder: Path) -> Any:
    from livb.folder.project import load_project

    loaded = load_project(folder)
    assert loaded.project is not None, "the synthetic city must load"
    return loaded


def run_livb(
    folder: Path, out: Path, charts: bool = False, pause_gc: bool = True
) -> dict[str, float]:
    import contextlib

    import livb.documents.environment as environment
    import livb.documents.render as render

    if not charts:  # the same content as docxtpl and the floor, which draw no charts
        environment.LimitedEnvironment.chart_block = (  # type: ignore[method-assign]
            lambda self, chart: environment.Markdown("")
        )
    if not pause_gc:  # to measure what livb's handling of the cyclic GC (livb/core/nogc.py) saves
        render.paused_gc = contextlib.nullcontext
        render.frozen_heap = contextlib.nullcontext
    started = time.perf_counter()
    loaded = load(folder)
    loaded_at = time.perf_counter()
    render.load_project = lambda root, **_: loaded  # rendering alone: the folder is loaded already
    render.render_documents(
        render.RenderRequest(folder, ["plan"], out=out.parent, force=True, today=TODAY)
    )
    return phases(started, loaded_at)


def docxtpl_template(path: Path) -> None:
    """A Word template with the same structure as livb's plan, in docxtpl's tags."""
    import docx

    document = docx.Document()
    document.add_paragraph("{{ titel }}", style="Title")
    document.add_paragraph("{%p for p in prioriteiten %}")
    document.add_paragraph("{{ p.titel }}", style="Heading 1")
    document.add_paragraph("{{ p.omschrijving }}")
    document.add_paragraph("{%p for sd in p.doelstellingen %}")
    document.add_paragraph("{{ sd.titel }}", style="Heading 2")
    document.add_paragraph("{%p for od in sd.operationele %}")
    document.add_paragraph("{{ od.titel }}", style="Heading 3")
    for header, row in (
        (["Indicator", "Vertrek", "Doel", "Tegen", "Bron"], "od.indicator_rijen"),
        (["Actie", "Trekker", "Van", "Tot", "Schakel"], "od.actie_rijen"),
    ):
        table = document.add_table(rows=4, cols=len(header), style="Table Grid")
        for cell, text in zip(table.rows[0].cells, header, strict=True):
            cell.text = text
        table.rows[1].cells[0].text = "{%tr for r in " + row + " %}"
        for index, cell in enumerate(table.rows[2].cells):
            cell.text = f"{{{{ r[{index}] }}}}"
        table.rows[3].cells[0].text = "{%tr endfor %}"
        document.add_paragraph("")
    document.add_paragraph("{%p endfor %}")
    document.add_paragraph("{%p endfor %}")
    document.add_paragraph("{%p endfor %}")
    document.add_paragraph("Planning", style="Heading 1")
    table = document.add_table(rows=4, cols=4, style="Table Grid")
    for cell, text in zip(table.rows[0].cells, ["Actie", "Trekker", "Van", "Tot"], strict=True):
        cell.text = text
    table.rows[1].cells[0].text = "{%tr for r in planning_rijen %}"
    for index, cell in enumerate(table.rows[2].cells):
        cell.text = f"{{{{ r[{index}] }}}}"
    table.rows[3].cells[0].text = "{%tr endfor %}"
    document.save(str(path))


def run_docxtpl(folder: Path, out: Path) -> dict[str, float]:
    from docxtpl import DocxTemplate

    from livb.documents.environment import plain

    template_path = out.with_suffix(".template.docx")
    docxtpl_template(template_path)  # setup: the template exists before a render
    started = time.perf_counter()
    project = load(folder).project
    loaded_at = time.perf_counter()
    context = plan_context(project)
    rows = lambda rows: [[plain(c) for c in row] for row in rows]  # noqa: E731
    data = {
        "titel": context["beleid"]["plannaam"],
        "planning_rijen": rows(context["planning_rijen"]),
        "prioriteiten": [
            {"titel": p["titel"], "omschrijving": plain(p["omschrijving"]),
             "doelstellingen": [
                 {"titel": sd["titel"], "operationele": [
                     {"titel": od["titel"], "indicator_rijen": rows(od["indicator_rijen"]),
                      "actie_rijen": rows(od["actie_rijen"])}
                     for od in sd["operationele"]]}
                 for sd in p["doelstellingen"]]}
            for p in context["prioriteiten"]
        ],
    }  # fmt: skip
    template = DocxTemplate(str(template_path))
    template.render(data, autoescape=True)
    template.save(str(out))
    return phases(started, loaded_at)


TEXT_WIDTH = 9638  # twips: A4 less 2 cm margins, as the house style


def run_floor(folder: Path, out: Path) -> dict[str, float]:
    """The plan's WordprocessingML as strings (grid, widths, styles as livb), zipped."""
    import zipfile
    from xml.sax.saxutils import escape

    from livb.core.resources import templates_dir
    from livb.documents.environment import plain

    started = time.perf_counter()
    project = load(folder).project
    loaded_at = time.perf_counter()
    context = plan_context(project)

    def p(text: str, style: str = "") -> str:
        ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
        return f'<w:p>{ppr}<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'

    def table(header: list[str], rows: list[list[object]], widths: list[float]) -> str:
        twips = [int(TEXT_WIDTH * w / sum(widths)) for w in widths]
        grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in twips)
        parts = [
            '<w:tbl><w:tblPr><w:tblStyle w:val="livbTabel"/>'
            f'<w:tblW w:w="{sum(twips)}" w:type="dxa"/><w:tblLayout w:type="fixed"/>'
            '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" '
            f'w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>'
        ]
        for position, row in enumerate([header, *rows]):
            head = position == 0
            parts.append(
                "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"
                if head
                else "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
            )
            for width, cell in zip(twips, row, strict=False):
                style = "livbTabelkop" if head else "livbTabeltekst"
                parts.append(
                    f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>'
                    f"{p(plain(cell), style)}</w:tc>"
                )
            parts.append("</w:tr>")
        parts.append("</w:tbl><w:p/>")
        return "".join(parts)

    parts = [p(str(context["beleid"]["plannaam"]), "Title")]
    for priority in context["prioriteiten"]:
        parts += [p(priority["titel"], "Heading1"), p(plain(priority["omschrijving"]))]
        for sd in priority["doelstellingen"]:
            parts.append(p(sd["titel"], "Heading2"))
            for od in sd["operationele"]:
                parts.append(p(od["titel"], "Heading3"))
                parts.append(
                    table(
                        ["Indicator", "Vertrek", "Doel", "Tegen", "Bron"],
                        od["indicator_rijen"],
                        [3, 1, 1, 1, 2],
                    )
                )
                parts.append(
                    table(
                        ["Actie", "Trekker", "Van", "Tot", "Schakel"],
                        od["actie_rijen"],
                        [4, 2, 1, 1, 1],
                    )
                )
    parts.append(p("Planning", "Heading1"))
    parts.append(table(["Actie", "Trekker", "Van", "Tot"], context["planning_rijen"], [4, 2, 1, 1]))
    namespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{namespace}">'
                f"<w:body>{''.join(parts)}</w:body></w:document>")  # fmt: skip
    reference = zipfile.ZipFile(templates_dir() / "nl" / "huisstijl.docx")
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for name in reference.namelist():
            data = document.encode() if name == "word/document.xml" else reference.read(name)
            package.writestr(name, data)
    return phases(started, loaded_at)


def phases(started: float, loaded_at: float) -> dict[str, float]:
    done = time.perf_counter()
    return {"start": started - BEGIN, "load": loaded_at - started, "render": done - loaded_at}


if __name__ == "__main__":
    mode, folder, target = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
    modes: dict[str, Any] = {"livb": run_livb, "docxtpl": run_docxtpl, "floor": run_floor}
    modes["livb-grafieken"] = lambda folder, out: run_livb(folder, out, charts=True)
    modes["livb-gc"] = lambda folder, out: run_livb(folder, out, pause_gc=False)
    result = modes[mode](folder, target)
    result["rss_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(result))
