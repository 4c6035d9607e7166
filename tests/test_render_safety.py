"""livb render with hostile data, templates and interruptions: nothing leaks, nothing is lost."""

from __future__ import annotations

import copy
import datetime as dt
import errno
import io
import json
import os
import random
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from livb.core.diagnostics import Severity
from livb.core.errors import LivbError
from livb.documents.environment import md_escape, split_marks
from livb.documents.render import RenderRequest, plan_jobs, render_documents
from livb.folder.project import load_project
from livb.word.docx import docx_text
from livb.word.ir import Paragraph
from livb.word.markdown import parse

from helpers import EXAMPLE, copy_example, copy_folder, sweep_is_full, sweep_rng

DAY = dt.date(2026, 11, 21)

# Markdown that data must never turn into structure (each also alone on a line of a value).
CONSTRUCTS = [
    "::: kader",
    "::: titelpagina",
    "::: handtekeningen",
    "::: paginaeinde",
    "::: inhoudstafel",
    ":::",
    "    code",
    "\tcode",
    "> citaat",
    "1. lijst",
    "1) lijst",
    "- lijst",
    "+ lijst",
    "* lijst",
    "---",
    "===",
    "***",
    "___",
    "# titel",
    "###### titel",
    "<b>vet</b>",
    "<!-- commentaar -->",
    "<https://x.be>",
    "[link](https://x.be)",
    "![beeld](x.png)",
    "[ref]: https://x.be",
    '{breedtes="10,90"}',
    "a\\*b\\",
    "\\",
    "| a | b |",
    "|---|---|",
    "**vet** _schuin_ `code`",
    "```",
    "~~~",
    "&amp; &#42;",
    "⟦a|b|c⟧",
    "⟦in te vullen⟧",
]


def copy_halle(target: Path) -> Path:
    copy_example(target)
    return target


def render_all(root: Path, **options: Any) -> dict[str, list[str]]:
    render_documents(RenderRequest(root, ["alle"], today=DAY, **options))
    return {p.name: docx_text(p.read_bytes()) for p in sorted((root / "output").glob("*.docx"))}


@dataclass(frozen=True)
class Rendered:
    """examples/halle with every document rendered once, for the tests of this module."""

    root: Path
    text: dict[str, list[str]]
    data: dict[str, bytes]

    def copy(self, target: Path) -> Path:
        """A copy of the folder with its output, as a user's folder after `render alle`."""
        copy_folder(self.root, target)
        return target


@pytest.fixture(scope="module")
def rendered(halle_rendered: Path) -> Rendered:
    assert dt.date(2026, 11, 21) == DAY  # the day of halle_rendered (tests/conftest.py)
    paths = sorted((halle_rendered / "output").glob("*.docx"))
    text = {p.name: docx_text(p.read_bytes()) for p in paths}
    return Rendered(halle_rendered, text, {p.name: p.read_bytes() for p in paths})


# -- filling every free-text value of a folder ------------------------------------------------

Leaf = tuple[tuple[Any, ...], Any, Any]


def _leaves(node: Any, path: tuple[Any, ...] = ()) -> Iterator[Leaf]:
    items = node.items() if isinstance(node, CommentedMap) else enumerate(node)
    for key, value in items:
        if isinstance(value, str):
            yield (*path, key), node, key
        elif isinstance(value, CommentedMap | CommentedSeq):
            yield from _leaves(value, (*path, key))


def _position(parent: Any, key: Any) -> tuple[int, int]:
    line, column = parent.lc.value(key) if isinstance(parent, CommentedMap) else parent.lc.item(key)
    return line + 1, column + 1


def fill_strings(root: Path, make: Callable[[str], str], only: str = "") -> int:
    """Replace every free-text string of the folder's YAML by ``make(value)``.

    Ids, dates, enums and references refuse such text: the folder then fails to load, and the
    values the loader points at are put back, until it loads. Returns how many were filled.
    """
    yaml = YAML(typ="rt")
    yaml.width = 10**6
    files = [
        p
        for p in sorted(root.rglob("*.yaml"))
        if not p.name.startswith("_")
        and p.relative_to(root).parts[0] not in ("templates", ".livb")
        and p.relative_to(root).as_posix().startswith(only)
    ]
    originals = {p: yaml.load(p.read_text("utf-8")) for p in files}
    kept: set[tuple[Path, tuple[Any, ...]]] = set()
    for _ in range(40):
        written, filled = {}, 0
        for path, original in originals.items():
            document = copy.deepcopy(original)
            for where, parent, key in list(_leaves(document)):
                # a file name ('bestand') is not text in a document; the province decides which
                # law a decision cites, so changing it changes the document's structure
                if (
                    (path, where) not in kept
                    and parent[key].strip()
                    and where[-1] not in ("bestand", "provincie")
                ):
                    parent[key] = DoubleQuotedScalarString(make(str(parent[key])))
                    filled += 1
            buffer = io.StringIO()
            yaml.dump(document, buffer)
            path.write_text(buffer.getvalue(), "utf-8")
            written[path] = yaml.load(buffer.getvalue())
        loaded = load_project(root)
        errors = [d for d in loaded.diagnostics if d.severity is Severity.FOUT]
        if loaded.project is not None and not errors:
            return filled
        more = set()
        for error in errors:
            path = root / error.location.path
            if path in written:
                leaves = [(w, _position(p, k)) for w, p, k in _leaves(written[path])]
                here = (error.location.line, error.location.column)
                exact = [w for w, at in leaves if at == here]
                more |= {(path, w) for w in exact or [w for w, at in leaves if at[0] == here[0]]}
            else:  # a value naming something in another file (a CSV column)
                for other, document in written.items():
                    more |= {
                        (other, w) for w, p, k in _leaves(document) if str(p[k]) in error.message
                    }
        assert more - kept, [str(e) for e in errors][:3]
        kept |= more
    raise AssertionError("the folder does not load")


def _normal(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.long
def test_every_text_value_of_halle_stays_literal(tmp_path, rendered):
    clean = rendered.text
    root = copy_halle(tmp_path / "vol")
    lines = "\n".join(f"{c} x" for c in CONSTRUCTS) + "\n" + "\n".join(CONSTRUCTS)
    assert fill_strings(root, lambda value: f"MERKTEKEN\n{lines}\n{value}") > 300
    hostile = render_all(root)
    # A letter per supplier is named after the supplier: compare how many, not the names.
    assert sorted(map(_kind, hostile)) == sorted(map(_kind, clean))
    assert sorted(map(_shape, hostile.values())) == sorted(map(_shape, clean.values()))
    everything = _normal(" ".join(" ".join(text) for text in hostile.values()))
    shown = everything.count("MERKTEKEN")  # the values that reach a document
    assert shown > 100
    for construct in CONSTRUCTS:
        # twice in every value shown; data tables drop the marks of missing data (⟦⟧)
        least = 1 if "⟦" in construct else 2 * shown
        assert everything.count(_normal(construct)) >= least, construct


def _kind(name: str) -> str:
    return "gegevensaanvraag" if name.startswith("gegevensaanvraag-") else name


def _shape(text: list[str]) -> tuple[list[str], int]:
    """A document's structure: the style of every paragraph and the number of gaps."""
    return [line.split(" | ")[0] for line in text], sum(
        line.count("[in te vullen") for line in text
    )


@pytest.mark.parametrize("seed", range(3))
def test_random_markdown_in_a_value_is_one_literal_paragraph(seed):
    rng = random.Random(seed)
    alphabet = [*"#*_`[]()<>!|{}:=+-.)&;\\~ \t\n1aZ⟦⟧", "    ", ":::", "```", "1. "]
    for _ in range(300):
        value = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 40))).strip()
        value = "\n".join(line for line in value.split("\n") if line.strip())
        if not value:
            continue
        text, _ = split_marks(md_escape(value) + "\n")
        blocks = parse(text).blocks
        assert len(blocks) == 1 and isinstance(blocks[0], Paragraph), (value, text, blocks)
        assert not any(span.missing for span in blocks[0].spans)
        shown = "".join(span.text for span in blocks[0].spans)
        assert _normal(shown) == _normal(value), (value, text)


def test_paragraphs_of_a_value_stay_paragraphs_in_a_list_item(tmp_path, livb):
    root = copy_halle(tmp_path / "halle")
    meeting = root / "vergaderingen/2009-05-19-kerngroep.yaml"
    text = meeting.read_text("utf-8")
    marker = "    besluiten:\n      - "
    assert marker in text
    meeting.write_text(
        text.replace(marker, marker + '"Eerste besluit.\\n\\nMet uitleg."\n      - ')
    )
    result = livb("render", "verslag", root, "--vergadering", "2009-05-19-kerngroep")
    assert result.code == 0, result.err
    lines = docx_text((root / "output/verslag-2009-05-19-kerngroep.docx").read_bytes())
    first = lines.index("List Bullet | Eerste besluit.")
    assert lines[first + 1] == "List Bullet | Met uitleg."


# -- templates never see what they must not ----------------------------------------------------

SECRET = "GEHEIM-uit-een-vertrouwelijk-gesprek"


def _walk(value: Any, seen: set[int]) -> Iterator[str]:
    if id(value) in seen:
        return
    seen.add(id(value))
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _walk(key, seen)
            yield from _walk(item, seen)
    elif isinstance(value, list | tuple | set | frozenset):
        for item in value:
            yield from _walk(item, seen)
    elif hasattr(value, "__dict__") and not isinstance(value, type):
        yield from _walk(vars(value), seen)


def test_confidential_interviews_never_reach_a_template(tmp_path):
    root = copy_halle(tmp_path / "halle")
    assert fill_strings(root, lambda value: f"{SECRET} {value}", only="gesprekken/") > 10
    project = load_project(root).project
    assert project is not None and project.gesprekken
    assert all(g.vertrouwelijk for g in project.gesprekken.values())
    request = RenderRequest(root, ["alle"], today=DAY)
    # The interview's own report (livb render gesprek) is the one document that shows it.
    jobs = [job for job in plan_jobs(request, project) if job.document.name != "gesprek"]
    jobs += plan_jobs(RenderRequest(root, ["verslag"], today=DAY), project)
    assert len(jobs) > 10
    for job in jobs:
        assert not any(SECRET in text for text in _walk(job.context, set())), job.filename
    for name, text in render_all(root).items():
        if not name.startswith("gesprek-"):
            assert not any(SECRET in line for line in text), name


def test_a_link_inside_templates_to_another_template_is_refused(tmp_path, livb):
    """Even a link that stays in templates/: a template is a regular file, reached without links."""
    root = copy_halle(tmp_path / "halle")
    (root / "templates").mkdir()
    (root / "templates" / "_kop.md.j2").write_text("# Verklaring van {{ gemeente.naam }}\n")
    (root / "templates" / "kop.md.j2").symlink_to("_kop.md.j2")
    (root / "templates" / "intentieverklaring.md.j2").write_text('{% include "kop.md.j2" %}\n')
    result = livb("render", "intentieverklaring", root)
    assert result.code == 1
    assert "templates/kop.md.j2: een symbolische koppeling naar '_kop.md.j2'\n" in result.err
    assert not (root / "output/intentieverklaring.docx").exists()


def test_includes_may_nest_within_the_limit(tmp_path, livb):
    root = copy_halle(tmp_path / "halle")
    folder = root / "templates"
    folder.mkdir()
    for level in range(10):
        (folder / f"deel{level}.md.j2").write_text(
            f"Niveau {level}.\n\n"
            + (f'{{% include "deel{level + 1}.md.j2" %}}\n' if level < 9 else "")
        )
    (folder / "intentieverklaring.md.j2").write_text('{% include "deel0.md.j2" %}\n')
    assert livb("render", "intentieverklaring", root).code == 0
    text = docx_text((root / "output/intentieverklaring.docx").read_bytes())
    assert text == [f"Normal | Niveau {level}." for level in range(10)]


def test_a_document_has_a_time_limit(tmp_path, livb, monkeypatch):
    import livb.documents.render as pipeline

    monkeypatch.setattr(pipeline, "DOCUMENT_SECONDS", 0.0)
    root = copy_halle(tmp_path / "halle")
    (root / "templates").mkdir()
    (root / "templates" / "intentieverklaring.md.j2").write_text(
        "# Titel\n\n{% for i in range(10) %}{{ i }}{% endfor %}\n"
    )
    result = livb("render", "intentieverklaring", root)
    assert result.code == 1
    assert "templates/intentieverklaring.md.j2: het document is na 0 seconden nog niet klaar" in (
        result.err
    )


# -- an interrupted render never blocks the next one ---------------------------------------------


def _disk_full_at(monkeypatch, module: str, call: int, code: int = errno.ENOSPC) -> None:
    """From the ``call``-th write on (counting from 1), writing fails with ``code``."""
    import importlib

    target = importlib.import_module(module)
    real = target.write_atomic
    calls = {"n": 0}

    def write(path: Path, content: str | bytes, *, inside: Path) -> None:
        calls["n"] += 1
        if calls["n"] >= call:
            raise OSError(code, os.strerror(code))
        real(path, content, inside=inside)

    monkeypatch.setattr(target, "write_atomic", write)


@pytest.mark.parametrize(
    ("module", "call", "code", "reason"),
    [
        ("livb.documents.render", 3, errno.ENOSPC, "de schijf is vol"),
        ("livb.documents.manifest", 4, errno.ENOSPC, "de schijf is vol"),
        ("livb.documents.manifest", 1, errno.ENOSPC, "de schijf is vol"),
        ("livb.documents.render", 1, errno.EACCES, "geen toelating om daar te schrijven"),
        ("livb.documents.manifest", 2, errno.EROFS, "de schijf is alleen-lezen"),
    ],
)
def test_a_failed_write_is_explained_and_the_next_render_works(
    tmp_path, monkeypatch, rendered, module, call, code, reason
):
    root = rendered.copy(tmp_path / "halle")
    path = root / "actoren.yaml"
    path.write_text(path.read_text("utf-8").replace("Dirk Pieters", "Dirk Peeters"), "utf-8")
    with monkeypatch.context() as patch:
        _disk_full_at(patch, module, call, code)
        with pytest.raises(LivbError) as failed:
            render_documents(RenderRequest(root, ["alle"], today=DAY))
    assert reason in failed.value.message
    assert failed.value.message.startswith("kan '")
    text = render_all(root)  # no --force
    assert all("Dirk Pieters" not in " ".join(lines) for lines in text.values())
    assert not [p.name for p in (root / "output").iterdir() if p.name.endswith(".tmp")]


@pytest.mark.long
def test_a_full_disk_in_a_real_process_is_explained(tmp_path, rendered):
    """RLIMIT_FSIZE makes every larger write fail with EFBIG, as a nearly full disk would."""
    resource = pytest.importorskip("resource")
    import signal

    root = rendered.copy(tmp_path / "halle")
    path = root / "actoren.yaml"
    path.write_text(path.read_text("utf-8").replace("Dirk Pieters", "Dirk Peeters"), "utf-8")

    def small_files() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (20_000, 20_000))

    done = subprocess.run(
        [sys.executable, "-m", "livb", "render", "alle", str(root), "--datum", DAY.isoformat()],
        capture_output=True,
        text=True,
        preexec_fn=small_files,
        check=False,
    )
    assert done.returncode == 1, done.stderr
    assert "het bestand is te groot voor de schijf" in done.stderr
    assert "Traceback" not in done.stderr
    text = render_all(root)
    assert all("Dirk Pieters" not in " ".join(lines) for lines in text.values())


def test_a_libreoffice_failure_does_not_block_the_next_render(tmp_path, monkeypatch):
    import livb.word.pdf

    root = copy_halle(tmp_path / "halle")

    def failing(documents: list[Path], converted: object = None) -> list[Path]:
        documents[1].with_suffix(".pdf").write_bytes(b"%PDF")  # one made, then it fails
        raise LivbError(f"LibreOffice kon {documents[2].name} niet omzetten naar PDF")

    monkeypatch.setattr(livb.word.pdf, "convert_to_pdf", failing)
    with pytest.raises(LivbError):
        render_documents(RenderRequest(root, ["alle"], today=DAY, pdf=True))
    recorded = _manifest(root / "output")
    assert len([name for name in recorded if name.endswith(".docx")]) > 10  # every Word file
    assert render_all(root)  # the next render is not refused as changed by hand


def _manifest(out: Path) -> dict[str, Any]:
    return json.loads((out / ".livb-manifest.json").read_text("utf-8"))


def _clean_bytes(tmp_path: Path, name: str, person: str) -> dict[str, bytes]:
    root = copy_halle(tmp_path / name)
    _rename(root, person)
    render_documents(RenderRequest(root, ["alle"], today=DAY))
    return {p.name: p.read_bytes() for p in (root / "output").glob("*.docx")}


def _rename(root: Path, person: str) -> None:
    path = root / "actoren.yaml"
    text = (EXAMPLE / "actoren.yaml").read_text("utf-8")
    path.write_text(text.replace("naam: Dirk Pieters", f"naam: {person}"), "utf-8")


def _wait_for_writing(out: Path, process: subprocess.Popen[bytes], before: int) -> None:
    """Until the render starts writing (a temporary file, a new manifest) or ends."""
    manifest = out / ".livb-manifest.json"
    while process.poll() is None:
        if any(p.name.endswith(".tmp") for p in out.iterdir()):
            return
        if manifest.exists() and manifest.stat().st_mtime_ns != before:
            return
        time.sleep(0.0005)


@pytest.mark.long
def test_a_render_killed_at_any_moment_never_blocks_the_next(tmp_path, rendered):
    people = ["Dirk Pieters", "Dirk Peeters", "Dirk Pauwels"]  # halle's own name first
    clean = [rendered.data]
    clean += [_clean_bytes(tmp_path, f"schoon{n}", person) for n, person in enumerate(people) if n]
    root = rendered.copy(tmp_path / "halle")
    out = root / "output"
    # 24 kills with --volledig, 4 in a normal run; the moments come from the printed seed.
    rng = sweep_rng("render-killed")
    attempts = 24 if sweep_is_full() else 4
    state, killed_while_writing = 0, 0
    command = [sys.executable, "-m", "livb", "render", "alle", str(root), "--datum", "2026-11-21"]
    for attempt in range(attempts):
        doing, after = (state + 1) % 3, (state + 2) % 3
        _rename(root, people[doing])
        before = (out / ".livb-manifest.json").stat().st_mtime_ns
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if attempt % 2:
            _wait_for_writing(out, process, before)
            time.sleep(rng.uniform(0, 0.03))
        else:
            time.sleep(rng.uniform(0, 2.5))
        process.kill()
        process.wait()
        killed_while_writing += process.returncode != 0 and any(
            (out / name).read_bytes() == data for name, data in clean[doing].items()
        )
        _manifest(out)  # never half written
        for path in out.glob("*.docx"):
            assert zipfile.ZipFile(path).testzip() is None
            assert path.read_bytes() in (clean[state][path.name], clean[doing][path.name])
        _rename(root, people[after])
        render_documents(RenderRequest(root, ["alle"], today=DAY))  # no --force
        assert {p.name: p.read_bytes() for p in out.glob("*.docx")} == clean[after]
        assert not [p.name for p in out.iterdir() if p.name.endswith(".tmp")]
        state = after
    assert killed_while_writing >= max(1, attempts // 8)  # half the kills aim at the writing


@pytest.mark.long
def test_two_renders_at_once_into_one_folder_stay_consistent(tmp_path):
    out = tmp_path / "documenten"
    roots = []
    for n, person in enumerate(["Dirk Pieters", "Dirk Peeters"]):
        root = copy_halle(tmp_path / f"halle{n}")
        _rename(root, person)
        roots.append(root)
    for _ in range(3 if sweep_is_full() else 2):  # rounds of two renders racing each other
        processes = [
            subprocess.Popen(
                [sys.executable, "-m", "livb", "render", "alle", str(root), "--uit", str(out)],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
            )
            for root in roots
        ]
        for process in processes:
            _, err = process.communicate(timeout=300)
            assert process.returncode == 0, err.decode()
        manifest = _manifest(out)
        from livb.documents.manifest import digest

        documents = sorted(p.name for p in out.glob("*.docx"))
        assert sorted(manifest) == documents
        for name in documents:
            assert manifest[name] == digest((out / name).read_bytes())
        assert not [p.name for p in out.iterdir() if p.name.endswith(".tmp")]


def test_a_macro_makes_markdown_and_its_data_stays_literal(tmp_path, livb):
    root = copy_halle(tmp_path / "halle")
    (root / "templates").mkdir()
    (root / "templates" / "intentieverklaring.md.j2").write_text(
        "{% macro kop(tekst) %}\n## {{ tekst }}\n\n**Vet** van het sjabloon.\n{% endmacro %}\n"
        '# Verklaring\n\n{{ kop("1. ::: kader **geen vet**") }}\n'
    )
    assert livb("render", "intentieverklaring", root).code == 0
    text = docx_text((root / "output/intentieverklaring.docx").read_bytes())
    # the template's lines carry their marks (file:line); none may show in the document
    assert text == [
        "Heading 1 | Verklaring",
        "Heading 2 | 1. ::: kader **geen vet**",
        "Normal | Vet van het sjabloon.",
    ]


def test_an_output_folder_without_write_permission_is_explained(tmp_path, livb, monkeypatch):
    """As root every folder is writable: the lock file's creation is made to fail instead."""
    import filelock

    def refuse(self, *args: Any, **kwargs: Any) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(filelock.FileLock, "acquire", refuse)
    root = copy_halle(tmp_path / "halle")
    result = livb("render", "plan", root)
    assert result.code == 1
    assert (
        f"fout: kan niet schrijven in '{root / 'output'}': geen toelating om daar te schrijven"
        in (result.err)
    )
    assert "hulp: kies met --uit een map waarin je mag schrijven" in result.err
    assert not (root / "output" / "plan.docx").exists()
