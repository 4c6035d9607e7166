"""A gemeente's own templates: symlinks, includes, limits."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path

import pytest

from corpus import Case

RENDER = ("render", "intentieverklaring", "{map}")
OWN = "templates/intentieverklaring.md.j2"
LIMIT_HINT = "hulp: kijk na of een lus, macro of include niet eindeloos herhaalt of te veel maakt"
OUTSIDE = "ligt buiten de map met sjablonen"
# A confidential interview of examples/halle: its words must never reach a document.
SECRET_FILE = "gesprekken/2009-01-20-burgemeester.yaml"
SECRET = "Draagvlak bij het hele college zoeken"
LINK_HINT = (
    "hulp: een sjabloon moet een gewoon bestand in templates/ zijn, zonder koppelingen: "
    "kopieer de tekst erin"
)
PLAN = ("render", "plan", "{map}")


def template(text: str, name: str = "intentieverklaring.md.j2") -> Callable[[Path], None]:
    """A setup that writes a template of the gemeente."""

    def setup(root: Path) -> None:
        folder = root / "templates"
        folder.mkdir(exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")

    return setup


def link(
    target: str, name: str = "intentieverklaring.md.j2", text: str | None = None
) -> Callable[[Path], None]:
    """A setup that makes templates/NAME a symbolic link (and the document template TEXT)."""

    def setup(root: Path) -> None:
        folder = root / "templates"
        folder.mkdir(exist_ok=True)
        if text is not None:
            (folder / "intentieverklaring.md.j2").write_text(text, encoding="utf-8")
        (folder / name).symlink_to(target)

    return setup


def no_document(root: Path, name: str = "intentieverklaring.docx") -> None:
    assert not (root / "output" / name).exists()


def limited(name: str, text: str, message: str) -> Case:
    """A template that crosses a limit: the message at line 1, the hint, no document."""
    return Case(
        name,
        template(text),
        RENDER,
        1,
        (f"{OWN}:1: {message}", LIMIT_HINT),
        check=no_document,
    )


def _templates_to_gesprekken(root: Path) -> None:
    (root / "templates").symlink_to("gesprekken", target_is_directory=True)


def _fifo(root: Path) -> None:
    template('{% include "pijp.md.j2" %}\n')(root)
    os.mkfifo(root / "templates" / "pijp.md.j2")


def _not_utf8(root: Path) -> None:
    (root / "templates").mkdir()
    (root / "templates" / "intentieverklaring.md.j2").write_bytes(
        b"# Verklaring\n\nDe gemeente\ncaf\xe9 en \xff\n"
    )


def _too_large(root: Path) -> None:
    template("# Verklaring\n\n" + "Tekst.\n" * 200_000)(root)


def _inner_link(root: Path) -> None:
    template("# Eigen verklaring\n\nVan {{ gemeente.naam }}.\n", "eigen.md.j2")(root)
    (root / "templates" / "intentieverklaring.md.j2").symlink_to("eigen.md.j2")


def _nested(levels: int) -> Callable[[Path], None]:
    """The document's template includes deel0, which includes deel1, ... down to LEVELS."""

    def setup(root: Path) -> None:
        template('# Verklaring\n\n{% include "deel0.md.j2" %}\n')(root)
        for level in range(levels):
            text = f'Niveau {level}. {{% include "deel{level + 1}.md.j2" %}}\n'
            template(text, f"deel{level}.md.j2")(root)
        template("Het einde.\n", f"deel{levels}.md.j2")(root)

    return setup


STYLE_HINT = (
    "hulp: huisstijl.docx moet een gewoon Word-bestand in de gemeentemap zijn, zonder "
    "koppelingen: kopieer het erin (of verwijder het: dan gebruikt livb zijn eigen huisstijl)"
)


def _style_linked_out(root: Path) -> None:
    """huisstijl.docx a link to a Word file outside the folder (its headers would be copied)."""
    from livb.core.resources import templates_dir

    elsewhere = root.parent / "vertrouwelijk.docx"
    elsewhere.write_bytes((templates_dir() / "nl" / "huisstijl.docx").read_bytes())
    (root / "huisstijl.docx").symlink_to(elsewhere)


def _style_fifo(root: Path) -> None:
    os.mkfifo(root / "huisstijl.docx")


def _hard_link(root: Path) -> None:
    template('{% include "g.md.j2" %}\n', "plan.md.j2")(root)
    os.link(root / SECRET_FILE, root / "templates" / "g.md.j2")


def _hard_link_outside(root: Path) -> None:
    elsewhere = root.parent / "elders.md.j2"
    elsewhere.write_text("# Van elders\n", encoding="utf-8")
    (root / "templates").mkdir()
    os.link(elsewhere, root / OWN)


def _linked_subfolder(root: Path) -> None:
    template('{% include "delen/2009-01-20-burgemeester.yaml" %}\n')(root)
    (root / "templates" / "delen").symlink_to("../gesprekken", target_is_directory=True)


def _device(root: Path) -> None:
    template('{% include "nul.md.j2" %}\n')(root)
    try:  # a device node like /dev/null; making one needs privileges
        os.mknod(root / "templates" / "nul.md.j2", 0o600 | stat.S_IFCHR, os.makedev(1, 3))
    except PermissionError:
        pytest.skip("no privilege to make a device node")


CASES: list[Case] = [
    # -- what a template may read -----------------------------------------------------------
    Case(
        "template-symlink-to-etc-passwd",
        link("/etc/passwd"),
        RENDER,
        1,
        (
            f"{OWN}: een symbolische koppeling naar '/etc/passwd'\n",
            LINK_HINT,
        ),
        absent=("root:x:0:0",),
        check=no_document,
    ),
    Case(
        "template-symlink-to-a-confidential-interview",
        link(f"../{SECRET_FILE}", "geheim.md.j2", '{% include "geheim.md.j2" %}\n'),
        RENDER,
        1,
        (
            f"{OWN}:1: ",
            f"templates/geheim.md.j2: een symbolische koppeling naar '../{SECRET_FILE}'\n",
        ),
        absent=("vertrouwelijk: true", SECRET),
        check=no_document,
    ),
    Case(
        "template-symlink-to-livb-yaml",
        link("../livb.yaml", "instellingen.md.j2", '{% include "instellingen.md.j2" %}\n'),
        RENDER,
        1,
        ("templates/instellingen.md.j2: een symbolische koppeling naar '../livb.yaml'\n",),
        absent=("nis_code",),
        check=no_document,
    ),
    Case(
        "template-dangling-symlink",
        link("bestaat-niet.md.j2"),
        RENDER,
        1,
        (
            f"{OWN}: een symbolische koppeling naar 'bestaat-niet.md.j2'\n",
            LINK_HINT,
        ),
    ),
    Case(
        "template-symlink-inside-templates-is-refused-too",
        _inner_link,
        RENDER,
        1,
        (f"{OWN}: een symbolische koppeling naar 'eigen.md.j2'\n", LINK_HINT),
        check=no_document,
    ),
    Case(
        "template-hard-link-to-a-confidential-interview",
        _hard_link,
        PLAN,
        1,
        (
            "templates/plan.md.j2:1: ",
            f"templates/g.md.j2: een harde koppeling naar '{SECRET_FILE}' (het bestand heeft 2 "
            "namen); een sjabloon mag geen bestand met gegevens zijn",
            LINK_HINT,
        ),
        absent=("vertrouwelijk: true", SECRET),
        check=lambda root: no_document(root, "plan.docx"),
    ),
    Case(
        "template-hard-link-to-a-file-outside-the-folder",
        _hard_link_outside,
        RENDER,
        1,
        (
            f"{OWN}: een harde koppeling naar een bestand buiten de gemeentemap (het bestand "
            "heeft 2 namen); een sjabloon mag geen bestand met gegevens zijn",
        ),
        check=no_document,
    ),
    Case(
        "template-in-a-linked-subfolder",
        _linked_subfolder,
        RENDER,
        1,
        (
            f"{OWN}:1: ",
            "templates/delen/2009-01-20-burgemeester.yaml: 'templates/delen' is een symbolische "
            "koppeling naar '../gesprekken'\n",
            LINK_HINT,
        ),
        absent=(SECRET,),
        check=no_document,
    ),
    Case(
        "house-style-linked-to-a-document-elsewhere",
        _style_linked_out,
        RENDER,
        1,
        (
            "huisstijl: ",
            "/huisstijl.docx: een symbolische koppeling naar '",
            "/vertrouwelijk.docx'\n",
            STYLE_HINT,
        ),
        check=no_document,
    ),
    Case(
        "house-style-that-is-a-fifo",
        _style_fifo,
        RENDER,
        1,
        ("huisstijl: ", "/huisstijl.docx: een pijp (FIFO), geen gewoon bestand\n", STYLE_HINT),
        check=no_document,
    ),
    Case(
        "template-that-is-a-device",
        _device,
        RENDER,
        1,
        (f"{OWN}:1: ", "templates/nul.md.j2: een apparaat, geen gewoon bestand\n", LINK_HINT),
        check=no_document,
    ),
    Case(
        "templates-folder-linked-to-gesprekken",
        _templates_to_gesprekken,
        RENDER,
        1,
        (
            "/templates' is een koppeling (symlink) naar 'gesprekken': zo zouden sjablonen de "
            "gegevens van de gemeentemap kunnen lezen",
            "hulp: maak van templates/ een gewone map met enkel sjablonen",
        ),
    ),
    Case(
        "template-include-absolute-path",
        template('# Verklaring\n\n{% include "/etc/passwd" %}\n'),
        RENDER,
        1,
        (
            f"{OWN}:3: het sjabloon '/etc/passwd' {OUTSIDE}",
            "hulp: een sjabloon mag enkel sjablonen uit templates/ opnemen, met een naam als "
            "'deel.md.j2' (geen '/' vooraan, geen '..')",
        ),
        absent=("root:x:0:0",),
        check=no_document,
    ),
    Case(
        "template-include-parent-folder",
        template('{% include "../gesprekken/2009-01-20-burgemeester.yaml" %}\n'),
        RENDER,
        1,
        (f"{OWN}:1: het sjabloon '../gesprekken/2009-01-20-burgemeester.yaml' {OUTSIDE}",),
        absent=("vertrouwelijk", SECRET),
        check=no_document,
    ),
    Case(
        "template-extends-parent-folder",
        template('{% extends "../livb.yaml" %}\n'),
        RENDER,
        1,
        (f"{OWN}:1: het sjabloon '../livb.yaml' {OUTSIDE}",),
    ),
    Case(
        "template-import-absolute-path",
        template('{% import "/etc/hostname" as h %}\n# Verklaring\n'),
        RENDER,
        1,
        (f"{OWN}:1: het sjabloon '/etc/hostname' {OUTSIDE}",),
    ),
    Case(
        "template-include-windows-path",
        template('{% include "..\\\\livb.yaml" %}\n'),
        RENDER,
        1,
        (f"{OWN}:1: het sjabloon '..\\livb.yaml' {OUTSIDE}",),
    ),
    Case(
        "template-include-of-a-missing-template",
        template('# Verklaring\n{% include "deel.md.j2" %}\n'),
        RENDER,
        1,
        (f"{OWN}:2: het sjabloon 'deel.md.j2' bestaat niet",),
    ),
    Case(
        "template-not-utf8",
        _not_utf8,
        RENDER,
        1,
        (
            f"{OWN}:4: het sjabloon is geen UTF-8-tekst",
            "hulp: bewaar het sjabloon als UTF-8 (in Kladblok: Opslaan als, codering UTF-8)",
        ),
        check=no_document,
    ),
    Case(
        "template-include-of-a-fifo",
        _fifo,
        RENDER,
        1,
        (f"{OWN}:1: ", "templates/pijp.md.j2: een pijp (FIFO), geen gewoon bestand\n", LINK_HINT),
    ),
    Case(
        "template-too-large",
        _too_large,
        RENDER,
        1,
        (f"{OWN}: het sjabloon is groter dan 1.000.000 bytes",),
    ),
    Case(
        "template-asks-for-the-interviews",
        template("# Verklaring\n\n{{ gesprekken }}\n"),
        RENDER,
        1,
        (f"{OWN}:3: 'gesprekken' bestaat niet in de gegevens van dit document",),
        absent=(SECRET,),
        check=no_document,
    ),
    Case(
        "template-reaches-for-python-globals",
        template("{{ cycler.__init__.__globals__ }}\n"),
        RENDER,
        1,
        (f"{OWN}:1: het sjabloon probeert iets wat niet toegelaten is",),
    ),
    # -- what a template may do -------------------------------------------------------------
    limited(
        "template-huge-range",
        "{% for i in range(10**9) %}x{% endfor %}\n",
        "range() mag hoogstens 10.000 getallen geven",
    ),
    limited(
        "template-nested-loops",
        "{% for i in range(10000) %}{% for j in range(10000) %}{% endfor %}{% endfor %}\n",
        "het sjabloon doet te veel werk (meer dan 200.000 stappen: rondes van lussen, "
        "oproepen en filters)",
    ),
    limited(
        "template-huge-string",
        "{{ 'x' * 3000000000 }}\n",
        "een tekst of lijst wordt te groot (meer dan 5.000.000 tekens of elementen)",
    ),
    limited(
        "template-huge-number",
        "{{ 10 ** 5000 }}\n",
        "een getal wordt te groot (meer dan 1.000 cijfers)",
    ),
    limited(
        "template-includes-itself",
        '{% include "intentieverklaring.md.j2" %}\n',
        "sjablonen nemen elkaar te diep op (meer dan 20 niveaus), begonnen in "
        "'intentieverklaring.md.j2': 'intentieverklaring.md.j2' → 'intentieverklaring.md.j2' → "
        "'intentieverklaring.md.j2' → … → 'intentieverklaring.md.j2'; "
        "'intentieverklaring.md.j2' neemt zichzelf op",
    ),
    Case(
        "template-25-nested-includes-name-the-first",
        _nested(25),
        RENDER,
        1,
        (
            "templates/deel19.md.j2:1: sjablonen nemen elkaar te diep op (meer dan 20 niveaus), "
            "begonnen in 'intentieverklaring.md.j2': 'intentieverklaring.md.j2' → 'deel0.md.j2' "
            "→ 'deel1.md.j2' → … → 'deel19.md.j2'; neem minder sjablonen in elkaar op\n",
            LIMIT_HINT,
        ),
        check=no_document,
    ),
    Case(
        "template-macro-recursion",
        template("{% macro m(n) %}{{ m(n + 1) }}{% endmacro %}{{ m(1) }}\n"),
        RENDER,
        1,
        (
            f"{OWN}:1: een macro, lus of sjabloon roept zichzelf eindeloos aan",
            "hulp: zorg dat een macro die zichzelf aanroept ergens stopt",
        ),
        check=no_document,
    ),
    limited(
        "template-string-doubling",
        '{% set ns = namespace(s="x") %}{% for i in range(60) %}{% set ns.s = ns.s ~ ns.s %}'
        "{% endfor %}{{ ns.s }}\n",
        "een tekst of lijst wordt te groot (meer dan 5.000.000 tekens of elementen)",
    ),
    limited(
        "template-nested-list-printed",
        "{% set ns = namespace(l=[1]) %}{% for i in range(60) %}{% set ns.l = [ns.l, ns.l] %}"
        "{% endfor %}{{ ns.l }}\n",
        "een tekst of lijst wordt te groot (meer dan 5.000.000 tekens of elementen)",
    ),
    limited(
        "template-format-width",
        "{{ '{:>999999999}'.format(1) }}\n",
        "een tekst of lijst wordt te groot (meer dan 5.000.000 tekens of elementen)",
    ),
    limited(
        "template-center-filter",
        "{{ 'x' | center(1000000000) }}\n",
        "een tekst of lijst wordt te groot (meer dan 5.000.000 tekens of elementen)",
    ),
    limited(
        "template-buffered-output",
        '{% set big = "x" * 4000000 %}{% filter upper %}{% for i in range(100) %}{{ big }}'
        "{% endfor %}{% endfilter %}\n",
        "het document wordt te groot (meer dan 10.000.000 tekens Markdown)",
    ),
    Case(
        "template-divides-by-zero",
        template("# Verklaring\n\n{{ 1 / 0 }}\n"),
        RENDER,
        1,
        (
            f"{OWN}:3: het sjabloon faalt: een deling door nul (division by zero)",
            "hulp: verbeter de Jinja-code op die regel",
        ),
    ),
    Case(
        "template-lipsum-is-gone",
        template("{{ lipsum(100000000) }}\n"),
        RENDER,
        1,
        (f"{OWN}:1: 'lipsum' bestaat niet in de gegevens van dit document",),
    ),
]
