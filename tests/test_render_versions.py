"""livb render --versie and --wijzigingen-sinds: a document as it was in git, the plan's annex."""

from __future__ import annotations

import os
import shutil
import zipfile
from pathlib import Path

import pytest

from livb.word.docx import docx_text

from gitrepo import commit, git, init, needs_git
from helpers import copy_example, edit

pytestmark = needs_git

TAG = "plan-goedgekeurd-gemeenteraad-2010-03-23"
VERSION_DAY = "2010-03-24T10:00:00+01:00"
DAY = "2026-11-21"
GOLDEN = Path(__file__).parent / "golden" / "plan-bijlage-wijzigingen.txt"


def commit_on(top: Path, day: str, message: str, tag: str | None, monkeypatch) -> str:
    """Commit with a fixed date (so the version's day, and its hash, are known)."""
    monkeypatch.setenv("GIT_COMMITTER_DATE", day)
    monkeypatch.setenv("GIT_AUTHOR_DATE", day)
    try:
        return commit(top, message, tag)
    finally:
        monkeypatch.delenv("GIT_COMMITTER_DATE")
        monkeypatch.delenv("GIT_AUTHOR_DATE")


@pytest.fixture
def repo(tmp_path: Path, monkeypatch) -> tuple[Path, Path, str]:
    """The Halle folder inside a repository (output/ ignored, as livb init sets it up), tagged
    at its approval; returns the top, the folder and the tagged commit."""
    top = init(tmp_path / "repo")
    (top / ".gitignore").write_text("output/\n", encoding="utf-8")
    folder = top / "beleid" / "halle"
    copy_example(folder)
    head = commit_on(
        top, VERSION_DAY, "Het plan zoals de gemeenteraad het goedkeurde", TAG, monkeypatch
    )
    return top, folder, head


def lines_of(path: Path) -> list[str]:
    return docx_text(path.read_bytes())


def annex(path: Path) -> list[str]:
    """The lines of the plan from its annex on."""
    lines = lines_of(path)
    start = next(n for n, line in enumerate(lines) if line.startswith("Heading 1 | Bijlage"))
    return lines[start:]


def core_title(path: Path) -> str:
    with zipfile.ZipFile(path) as package:
        core = package.read("docProps/core.xml").decode("utf-8")
    return core.split("<dc:title>", 1)[1].split("</dc:title>", 1)[0]


def headers(path: Path) -> str:
    with zipfile.ZipFile(path) as package:
        return "".join(
            package.read(name).decode("utf-8")
            for name in package.namelist()
            if name.startswith("word/header")
        )


def files_and_times(root: Path) -> dict[str, tuple[int, bytes]]:
    return {
        p.relative_to(root).as_posix(): (p.stat().st_mtime_ns, p.read_bytes())
        for p in sorted(root.rglob("*"))
        if p.is_file() and ".git" not in p.relative_to(root).parts
    }


# -- --versie ----------------------------------------------------------------------------------


def test_a_plan_at_a_tag_shows_the_old_values_and_says_which_version_it_is(repo, livb):
    top, folder, head = repo
    edit(folder, "doelstellingen/inbraken.yaml", "budget: 8000", "budget: 9500")
    commit(top, "Meer budget voor de adviescampagne")
    assert livb("render", "plan", folder, "--datum", DAY).code == 0
    current = folder / "output" / "plan.docx"
    before = current.read_bytes()

    result = livb("render", "plan", folder, "--versie", TAG)
    assert result.code == 0, result.err
    old = folder / "output" / f"versie-{TAG}" / "plan.docx"
    assert f"1 document in {old.parent}:" in result.out
    text = "\n".join(lines_of(old))
    assert "€\u00a08.000" in text and "€\u00a09.500" not in text
    assert "€\u00a09.500" in "\n".join(lines_of(current))
    version = f"Versie van 24 maart 2010 (tag {TAG}, commit {head[:7]})"
    title_page = lines_of(old)[: lines_of(old).index("Normal | <pagina>")]
    assert title_page[-1] == f"livb Titelgegevens | {version}"
    # the properties and the header of every page name the version too
    assert core_title(old) == "Integraal plan levenskwaliteit, versie van 24 maart 2010"
    assert "Integraal plan levenskwaliteit, versie van 24 maart 2010" in headers(old)
    # the current plan is untouched, and says nothing of a version
    assert current.read_bytes() == before
    assert "Versie van" not in "\n".join(lines_of(current))
    assert core_title(current) == "Integraal plan levenskwaliteit"


def test_a_document_without_title_page_says_its_version_at_the_top(repo, livb):
    _, folder, head = repo
    meeting = "2009-04-21-kerngroep-opstart"
    result = livb("render", "agenda", folder, "--vergadering", meeting, "--versie", head[:10])
    assert result.code == 0, result.err
    path = folder / "output" / f"versie-{head[:7]}" / f"agenda-{meeting}.docx"
    assert lines_of(path)[0] == f"livb Kader | Versie van 24 maart 2010 (commit {head[:7]})"


def test_a_branch_is_named_by_its_commit_not_by_its_name(repo, livb):
    top, folder, head = repo
    git(top, "branch", "werk")
    edit(folder, "plan.yaml", "visie: |\n", "visie: |\n  NIEUW.\n")
    commit(top, "Een nieuwe visie")  # main moves on; the old commit keeps its name
    result = livb("render", "plan", folder, "--versie", "main~1")
    assert result.code == 0, result.err
    assert (folder / "output" / f"versie-{head[:7]}" / "plan.docx").is_file()
    assert livb("render", "plan", folder, "--versie", "werk").code == 0
    assert sorted(p.name for p in (folder / "output").iterdir()) == [f"versie-{head[:7]}"]


def test_rendering_a_revision_touches_neither_the_index_nor_the_working_tree(repo, livb):
    top, folder, _ = repo
    assert livb("render", "plan", folder, "--datum", DAY).code == 0  # the current output
    edit(folder, "organen.yaml", "    - peter-wouters\n", "    - ann-mertens\n")
    git(top, "add", "beleid/halle/organen.yaml")  # staged
    edit(folder, "actoren.yaml", "functie: korpschef", "functie: korpschef a.i.")  # unstaged
    (folder / "notities.txt").write_text("nog uit te zoeken\n", encoding="utf-8")  # untracked
    index = (top / ".git" / "index").read_bytes()
    status = git(top, "status", "--porcelain=v1", "--untracked-files=all")
    files = files_and_times(top)

    result = livb("render", "alle", folder, "--versie", TAG)
    assert result.code == 0, result.err
    made = folder / "output" / f"versie-{TAG}"
    assert (made / "plan.docx").is_file() and (made / ".livb-manifest.json").is_file()

    assert (top / ".git" / "index").read_bytes() == index
    assert git(top, "status", "--porcelain=v1", "--untracked-files=all") == status
    assert {
        name: value
        for name, value in files_and_times(top).items()
        if not name.startswith(f"beleid/halle/output/versie-{TAG}/")
    } == files


def test_the_revisions_own_templates_and_house_style_are_used(repo, livb):
    top, folder, _ = repo
    (folder / "templates").mkdir()
    (folder / "templates" / "intentieverklaring.md.j2").write_text(
        "# Intentieverklaring van {{ gemeente.naam }}\n\nHet sjabloon van versie 1.\n",
        encoding="utf-8",
    )
    commit(top, "Een eigen sjabloon", tag="v1")
    (folder / "templates" / "intentieverklaring.md.j2").write_text(
        "# Intentieverklaring\n\nHet sjabloon van nu.\n", encoding="utf-8"
    )
    (folder / "huisstijl.docx").write_bytes(b"geen Word-bestand")  # only in the working tree
    result = livb("render", "intentieverklaring", folder, "--versie", "v1")
    assert result.code == 0, result.err
    text = lines_of(folder / "output" / "versie-v1" / "intentieverklaring.docx")
    assert "Normal | Het sjabloon van versie 1." in text
    assert not any("sjabloon van nu" in line for line in text)
    # the house style of the working tree is broken: the current document cannot be made
    assert livb("render", "intentieverklaring", folder).code == 1


def test_an_error_in_a_revisions_own_template_names_the_version_and_the_folder(repo, livb):
    top, folder, _ = repo
    (folder / "templates").mkdir()
    (folder / "templates" / "swot.md.j2").write_text(
        "# SWOT\n\n{{ bestaat_niet }}\n", encoding="utf-8"
    )
    broken = commit(top, "Een sjabloon met een fout", tag="v1")
    shutil.rmtree(folder / "templates")  # fixed since
    result = livb("render", "swot", folder, "--versie", "v1")
    assert result.code == 1
    assert result.err.startswith(
        f"sjabloon: in de versie v1 ({broken[:7]}): {folder}/templates/swot.md.j2:3: "
        "'bestaat_niet' bestaat niet in de gegevens van dit document"
    )
    assert "livb-versie-" not in result.err  # not the temporary copy


def test_a_revisions_document_keeps_its_hand_edits_like_any_other(repo, livb):
    _, folder, _ = repo
    assert livb("render", "plan", folder, "--versie", TAG).code == 0
    made = folder / "output" / f"versie-{TAG}" / "plan.docx"
    first = made.read_bytes()
    assert livb("render", "plan", folder, "--versie", TAG).code == 0  # the same bytes again
    assert made.read_bytes() == first
    made.write_bytes(first + b"met de hand")
    refused = livb("render", "plan", folder, "--versie", TAG)
    assert refused.code == 1
    assert (
        "plan.docx: met de hand gewijzigd sinds livb het maakte; niet overschreven" in refused.err
    )
    assert made.read_bytes() == first + b"met de hand"
    assert livb("render", "plan", folder, "--versie", TAG, "--force").code == 0
    assert made.read_bytes() == first


def test_a_revision_is_rendered_on_the_day_of_its_commit_unless_told_otherwise(
    tmp_path, livb, monkeypatch
):
    top = init(tmp_path / "repo")
    folder = top / "halle"
    copy_example(folder)
    for decision in ("cbs-2010-02-22-plan", "gr-2010-03-23-plan"):  # a draft: not approved yet
        text = (folder / "besluiten.yaml").read_text(encoding="utf-8")
        start = text.index(f"  - id: {decision}\n")
        end = text.find("\n  - id:", start + 1)
        (folder / "besluiten.yaml").write_text(
            text[:start] + (text[end + 1 :] if end >= 0 else ""), encoding="utf-8"
        )
    head = commit_on(top, "2010-01-15T09:00:00+01:00", "Ontwerp", "ontwerp", monkeypatch)
    assert livb("render", "plan", folder, "--versie", "ontwerp").code == 0
    title_page = lines_of(folder / "output" / "versie-ontwerp" / "plan.docx")[:6]
    assert "livb Titelgegevens | Ontwerp van 15 januari 2010" in title_page
    assert f"livb Titelgegevens | Versie van 15 januari 2010 (tag ontwerp, commit {head[:7]})" in (
        title_page
    )
    assert livb("render", "plan", folder, "--versie", "ontwerp", "--datum", DAY).code == 0
    title_page = lines_of(folder / "output" / "versie-ontwerp" / "plan.docx")[:6]
    assert "livb Titelgegevens | Ontwerp van 21 november 2026" in title_page


# -- --wijzigingen-sinds -----------------------------------------------------------------------


def change_everything(folder: Path) -> None:
    """Add, remove, change and rename items of every level of the plan, and of its bodies."""
    edit(
        folder,
        "prioriteiten.yaml",
        "  - id: verkeer\n",
        "  - id: drugs\n    titel: Drugsoverlast\n    omschrijving: Minder overlast rond het station.\n"
        "  - id: verkeer\n",
    )
    edit(
        folder, "prioriteiten.yaml", "titel: Veilig naar school", "titel: Veilig naar en van school"
    )
    (folder / "doelstellingen" / "drugs.yaml").write_text(
        "prioriteit: drugs\nstrategische_doelstellingen:\n"
        "  - id: sd-drugs\n    titel: Minder drugsoverlast rond het station\n",
        encoding="utf-8",
    )
    edit(
        folder,
        "doelstellingen/verkeer.yaml",
        "titel: Elke school heeft een veilige, aangeduide schoolroute",
        "titel: Elke school heeft een veilige schoolroute",
    )
    edit(
        folder,
        "doelstellingen/inbraken.yaml",
        "basiswaarde: {waarde: 60, jaar: 2009}",
        "basiswaarde: {waarde: 65, jaar: 2009}",
    )
    edit(folder, "doelstellingen/inbraken.yaml", "budget: 8000", "budget: 9500")
    edit(folder, "doelstellingen/verkeer.yaml", "id: a-gemachtigde-opzichters", "id: a-opzichters")
    edit(
        folder,
        "doelstellingen/verkeer.yaml",
        (
            "          - id: a-snelheidscontroles\n"
            "            titel: Snelheidscontroles in de zone 30 rond scholen\n"
            "            trekker: koen-deprez\n"
            "            start: 2010-09-01\n"
            "            einde: 2012-12-31\n"
            "            schakel: repressie\n"
        ),
        "",
    )
    edit(folder, "organen.yaml", "    - peter-wouters\n", "    - ann-mertens\n")


def test_the_annex_lists_every_change_with_old_and_new_values(repo, livb):
    _, folder, head = repo
    change_everything(folder)
    result = livb("render", "plan", folder, "--wijzigingen-sinds", TAG, "--datum", DAY)
    assert result.code == 0, result.err
    plan = folder / "output" / "plan.docx"  # the current plan, with its annex
    lines = annex(plan)
    assert lines[0] == "Heading 1 | Bijlage: wijzigingen sinds de versie van 24 maart 2010"
    assert lines_of(plan)[-len(lines) - 1] == "Normal | <pagina>"  # on a page of its own
    assert "toc 1 | Bijlage: wijzigingen sinds de versie van 24 maart 2010" in lines_of(plan)
    assert lines[1].startswith("Normal | Deze bijlage somt op wat er veranderde in het plan")
    assert "9 wijzigingen, in de volgorde van het plan" in lines[1]
    assert f"de versie van 24 maart 2010 (tag {TAG}, commit {head[:7]}) en deze versie" in lines[1]
    rows = [line for line in lines if line.startswith(("table", "Heading"))]
    assert rows == [
        "Heading 1 | Bijlage: wijzigingen sinds de versie van 24 maart 2010",
        "Heading 2 | Prioriteiten en doelstellingen",
        "Heading 3 | Prioriteit ‘Woninginbraken’",
        "table | Onderdeel | Wijziging",
        "table | Indicator i-adviezen 'Diefstalpreventieadviezen aan huis per jaar'"
        " | basiswaarde 60 (2009) → 65 (2009)",
        "table | Actie a-adviescampagne 'Gratis diefstalpreventieadvies aanbieden in de randwijken'"
        " | budget € 8.000 → € 9.500",
        "Heading 3 | Prioriteit ‘Drugsoverlast’",
        "table | Onderdeel | Wijziging",
        "table | Prioriteit drugs 'Drugsoverlast' | toegevoegd",
        "table |  | omschrijving 'Minder overlast rond het station.'",
        "table |  | lokaal nee",
        "table | Strategische doelstelling sd-drugs 'Minder drugsoverlast rond het station'"
        " | toegevoegd",
        "Heading 3 | Prioriteit ‘Veilig naar en van school’",
        "table | Onderdeel | Wijziging",
        "table | Prioriteit verkeer 'Veilig naar en van school'"
        " | nieuwe titel (zelfde id): 'Veilig naar school' → 'Veilig naar en van school'",
        "table | Operationele doelstelling od-schoolroutes"
        " 'Elke school heeft een veilige schoolroute'"
        " | nieuwe titel (zelfde id): 'Elke school heeft een veilige, aangeduide schoolroute'"
        " → 'Elke school heeft een veilige schoolroute'",
        "table | Actie a-opzichters 'Gemachtigde opzichters aan alle schoolpoorten'"
        " | nieuwe id (was a-gemachtigde-opzichters), zelfde inhoud",
        "table | Actie a-snelheidscontroles 'Snelheidscontroles in de zone 30 rond scholen'"
        " | verwijderd",
        "Heading 2 | Kerngroep, comités en projectgroepen",
        "table | Onderdeel | Wijziging",
        "table | Kerngroep | leden + ann-mertens, − peter-wouters",
    ]
    # the reviewed snapshot of the whole annex (the commit varies with the example's content)
    text = "\n".join(lines).replace(head[:7], "<commit>") + "\n"
    if os.environ.get("LIVB_UPDATE_GOLDEN"):
        GOLDEN.write_text(text, encoding="utf-8")
    assert text == GOLDEN.read_text(encoding="utf-8")


def test_files_keep_their_names_and_an_interview_shows_nothing_of_its_content(repo, livb):
    _, folder, _ = repo
    edit(folder, "plan.yaml", "Veiligheid\n  is daarbij", "Veiligheid\n  is bovendien")
    interview = folder / "gesprekken" / "2009-01-20-burgemeester.yaml"
    edit(folder, "gesprekken/2009-01-20-burgemeester.yaml", "De burgemeester steunt", "GEHEIM")
    result = livb("render", "plan", folder, "--wijzigingen-sinds", TAG, "--datum", DAY)
    assert result.code == 0, result.err
    lines = annex(folder / "output" / "plan.docx")
    assert "Heading 2 | Het plan" in lines
    assert (
        "table | plan.yaml | visie … gaat. Veiligheid is [daarbij] geen taak van …"
        " → … gaat. Veiligheid is [bovendien] geen taak van …"
    ) in lines
    assert "Heading 2 | Andere bestanden" in lines
    assert f"table | gesprekken/{interview.name} | gewijzigd" in lines
    assert not any("GEHEIM" in line for line in lines_of(folder / "output" / "plan.docx"))


def test_no_changes_says_so(repo, livb):
    _, folder, _ = repo
    result = livb("render", "plan", folder, "--wijzigingen-sinds", TAG, "--datum", DAY)
    assert result.code == 0, result.err
    lines = annex(folder / "output" / "plan.docx")
    assert lines[1].startswith(
        "Normal | Er veranderde niets in het plan of in de gegevens waarop het steunt."
        " Vergeleken werden de versie van 24 maart 2010"
    )
    assert "pijl" not in lines[1]
    assert not any(line.startswith(("table", "Heading 2")) for line in lines)


def test_without_the_option_the_plan_has_no_annex(repo, livb):
    _, folder, _ = repo
    change_everything(folder)
    assert livb("render", "plan", folder, "--datum", DAY).code == 0
    assert not any("Bijlage" in line for line in lines_of(folder / "output" / "plan.docx"))


def test_the_plan_of_one_version_with_the_changes_since_another(repo, livb):
    top, folder, _ = repo
    edit(folder, "doelstellingen/inbraken.yaml", "budget: 8000", "budget: 9500")
    second = commit(top, "Meer budget", tag="v2")
    edit(folder, "doelstellingen/inbraken.yaml", "budget: 9500", "budget: 1000")  # not committed
    result = livb("render", "plan", folder, "--versie", "v2", "--wijzigingen-sinds", TAG)
    assert result.code == 0, result.err
    plan = folder / "output" / "versie-v2" / "plan.docx"
    text = "\n".join(annex(plan))
    assert "budget € 8.000 → € 9.500" in text and "1.000" not in text
    assert f"(tag v2, commit {second[:7]})." in text
    assert not (folder / "output" / "plan.docx").exists()


@pytest.mark.parametrize("document", [["alle"], ["verslag", "--alle"], ["swot"]])
def test_only_the_plan_takes_an_annex(repo, livb, document):
    _, folder, _ = repo
    result = livb("render", *document, folder, "--wijzigingen-sinds", TAG)
    assert result.code == 2
    assert "gebruik: --wijzigingen-sinds past alleen bij het plan" in result.err
    assert "hulp: livb render plan MAP --wijzigingen-sinds VERSIE" in result.err
    assert not (folder / "output").exists()


def test_an_own_plan_template_without_the_annex_is_refused(repo, livb):
    _, folder, _ = repo
    (folder / "templates").mkdir()
    (folder / "templates" / "plan.md.j2").write_text(
        "# {{ beleid.plannaam }}\n\nOns eigen plan.\n", encoding="utf-8"
    )
    result = livb("render", "plan", folder, "--wijzigingen-sinds", TAG)
    assert result.code == 1
    assert (
        "sjabloon: het sjabloon plan.md.j2 toont de bijlage met de wijzigingen niet" in result.err
    )
    assert "neem het einde van templates/nl/plan.md.j2 van livb over" in result.err
    assert not (folder / "output").exists()


# -- errors ------------------------------------------------------------------------------------


@pytest.mark.parametrize("option", ["--versie", "--wijzigingen-sinds"])
def test_not_in_a_repository(halle, livb, option):
    result = livb("render", "plan", halle, option, "v1")
    assert result.code == 1
    assert f"fout: de map '{halle}' staat niet in een git-repository" in result.err
    assert "hulp: zet de map onder git met 'git init'" in result.err
    assert not (halle / "output").exists()


@pytest.mark.parametrize("option", ["--versie", "--wijzigingen-sinds"])
@pytest.mark.parametrize("revision", ["v9", "HEAD~5", "-p"])
def test_an_unknown_revision(repo, livb, option, revision):
    _, folder, _ = repo
    result = livb("render", "plan", folder, f"{option}={revision}")
    assert result.code == 1, result.err
    assert "Traceback" not in result.err
    assert "bestaat niet in deze git-repository" in result.err or "geen geldige versie" in (
        result.err
    )
    assert "hulp: zie de versies met 'git log --oneline' en de tags met 'git tag'" in result.err
    assert not (folder / "output").exists()


def test_git_not_installed(repo, tmp_path, monkeypatch, livb):
    _, folder, _ = repo
    empty = tmp_path / "leeg"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    result = livb("render", "plan", folder, "--versie", TAG)
    assert result.code == 1
    assert "fout: git is niet geïnstalleerd" in result.err
    assert "hulp: installeer git (https://git-scm.com/downloads)" in result.err


def test_the_folder_did_not_exist_at_that_revision(tmp_path, livb):
    top = init(tmp_path / "repo")
    (top / "README.md").write_text("leeg\n", encoding="utf-8")
    commit(top, "Begin", tag="begin")
    folder = top / "halle"
    copy_example(folder)
    commit(top, "De gemeentemap")
    result = livb("render", "plan", folder, "--versie", "begin")
    assert result.code == 1
    assert "fout: de map 'halle' bestond nog niet in de versie begin (" in result.err
    assert "hulp: kies een latere versie;" in result.err


@pytest.mark.parametrize(
    ("option", "what"),
    [
        ("--versie", "er geen documenten van maken"),
        ("--wijzigingen-sinds", "niet zeggen wat er sindsdien veranderde"),
    ],
)
def test_a_revision_that_does_not_load_gives_its_findings(repo, livb, option, what):
    top, folder, _ = repo
    edit(folder, "actoren.yaml", "    rol: korpschef\n", "    rol: korpsleider\n")
    broken = commit(top, "Fout", tag="kapot")
    edit(folder, "actoren.yaml", "    rol: korpsleider\n", "    rol: korpschef\n")
    result = livb("render", "plan", folder, option, "kapot")
    assert result.code == 1
    assert "Traceback" not in result.err
    first, *findings = result.err.splitlines()
    assert first == (
        f"fout: de map '{folder}' had fouten in de versie kapot ({broken[:7]}); zo kan livb {what}:"
    )
    assert any(
        line.startswith("  actoren.yaml:") and "fout LIVB012" in line and "korpsleider" in line
        for line in findings
    ), findings
    assert "    hulp: kies een andere versie (zie 'git log --oneline' en 'git tag')" in findings
    assert not (folder / "output").exists()
