"""examples/halle: a complete folder that passes, and that fails clearly when broken."""

from __future__ import annotations

from livb.folder.project import load_project
from livb.method.check import run_checks

from helpers import EXAMPLE


def test_halle_passes_livb_check(livb):
    result = livb("check", EXAMPLE, "--strikt")
    assert result.code == 0, result.out
    findings = [line for line in result.out.splitlines() if not line.startswith(" ")]
    assert findings[-1].startswith("Geen fouten of waarschuwingen")
    assert all(": info LIVB" in line for line in findings[:-1]), findings


def test_halle_covers_the_whole_process():
    loaded = load_project(EXAMPLE)
    project = loaded.project
    assert project is not None
    assert len(project.prioriteiten.prioriteiten) >= 3
    assert len(project.gesprekken) >= 5
    assert len(project.vergaderingen) >= 4
    assert all(len(f.strategische_doelstellingen) >= 1 for f in project.doelstellingen.values())
    assert {p.prioriteit for p in project.doelstellingen.values()} == {
        p.id for p in project.prioriteiten.prioriteiten
    }
    ods = [
        od
        for f in project.doelstellingen.values()
        for sd in f.strategische_doelstellingen
        for od in sd.operationele_doelstellingen
    ]
    assert all(od.indicatoren and od.acties for od in ods)
    assert project.swot.sterktes and project.swot.bedreigingen
    assert len(project.series) >= 5 and all(len(v) >= 2 for v in project.series.values())
    approved = {(b.door, b.onderwerp) for b in project.besluiten.besluiten}
    assert ("gemeenteraad", "plan") in approved and ("college", "plan") in approved
    names = {a.naam for a in project.actoren.actoren}
    assert {"Dirk Pieters", "Guy Nechelpuut", "Johan Vanwezer"} <= names
    assert project.instellingen.beleid.titel == "levenskwaliteit"


def test_one_misspelt_key_fails_with_file_line_and_the_key_meant(halle, livb):
    path = halle / "actoren.yaml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    number = next(i for i, line in enumerate(lines) if line.strip() == "functie: korpschef")
    lines[number] = lines[number].replace("functie:", "functei:")
    path.write_text("".join(lines), encoding="utf-8")
    result = livb("check", halle)
    assert result.code == 1
    assert result.out.startswith(
        f"actoren.yaml:{number + 1}:5: fout LIVB010 onbekende sleutel 'functei'; "
        "bedoelde je 'functie'?"
    )
    assert "Traceback" not in result.out + result.err


def test_renaming_an_actor_id_breaks_every_reference_visibly(halle):
    path = halle / "actoren.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("id: sofie-claes", "id: sofie-claesen"), "utf-8"
    )
    found = {d.location.path for d in run_checks(halle).diagnostics if d.code == "LIVB101"}
    assert {"organen.yaml", "doelstellingen/verkeer.yaml", "diagnostiek/bronnen.yaml"} <= found
