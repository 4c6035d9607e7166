"""One render in its own process, for bench_render.py: livb, docxtpl or the lxml floor.

    python render_runner.py MODE FOLDER OUT.docx      (MODE: livb | docxtpl | floor)

Prints the peak memory (MiB) of the process as JSON on the last line.
"""

from __future__ import annotations

import datetime as dt
import json
import resource
import sys
from pathlib import Path

TODAY = dt.date(2026, 11, 21)


def plan_context(folder: Path) -> dict:
    from livb.documents import DOCUMENTS
    from livb.documents.views import Views
    from livb.project import load_project

    project = load_project(folder).project
    assert project is not None
    return DOCUMENTS["plan"].build(Views(project, TODAY), None)


def run_livb(folder: Path, out: Path) -> None:
    from livb.documents.render import RenderRequest, render_documents

    render_documents(RenderRequest(folder, ["plan"], out=out.parent, force=True, today=TODAY))


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


def run_docxtpl(folder: Path, out: Path) -> None:
    from docxtpl import DocxTemplate

    from livb.documents.environment import plain

    context = plan_context(folder)
    template_path = out.with_suffix(".template.docx")
    docxtpl_template(template_path)
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


def run_floor(folder: Path, out: Path) -> None:
    """The same content written as WordprocessingML strings and zipped: no Jinja, no docx library."""
    import zipfile
    from xml.sax.saxutils import escape

    from livb.documents.environment import plain
    from livb.resources import templates_dir

    context = plan_context(folder)

    def p(text: str, style: str = "") -> str:
        ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
        return f'<w:p>{ppr}<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'

    def table(header: list[str], rows: list[list[object]]) -> str:
        cells = lambda row: "".join(f"<w:tc>{p(plain(c))}</w:tc>" for c in row)  # noqa: E731
        body = "".join(f"<w:tr>{cells(row)}</w:tr>" for row in [header, *rows])
        return f'<w:tbl><w:tblPr><w:tblStyle w:val="livbTabel"/></w:tblPr>{body}</w:tbl><w:p/>'

    parts = [p(str(context["beleid"]["plannaam"]), "Title")]
    for priority in context["prioriteiten"]:
        parts += [p(priority["titel"], "Heading1"), p(plain(priority["omschrijving"]))]
        for sd in priority["doelstellingen"]:
            parts.append(p(sd["titel"], "Heading2"))
            for od in sd["operationele"]:
                parts.append(p(od["titel"], "Heading3"))
                parts.append(
                    table(["Indicator", "Vertrek", "Doel", "Tegen", "Bron"], od["indicator_rijen"])
                )
                parts.append(
                    table(["Actie", "Trekker", "Van", "Tot", "Schakel"], od["actie_rijen"])
                )
    parts.append(table(["Actie", "Trekker", "Van", "Tot"], context["planning_rijen"]))
    namespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{namespace}">'
                f"<w:body>{''.join(parts)}</w:body></w:document>")  # fmt: skip
    reference = zipfile.ZipFile(templates_dir() / "nl" / "huisstijl.docx")
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for name in reference.namelist():
            data = document.encode() if name == "word/document.xml" else reference.read(name)
            package.writestr(name, data)


if __name__ == "__main__":
    mode, folder, target = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
    {"livb": run_livb, "docxtpl": run_docxtpl, "floor": run_floor}[mode](folder, target)
    print(json.dumps({"rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
