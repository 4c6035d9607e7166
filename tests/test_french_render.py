"""livb render in a French folder: French messages, and no Dutch document in its place.

Issue 23 brings the French templates one document at a time. A French folder that asks for a
document livb cannot write in French yet is refused with a French message naming the document
(exit 1), never answered with the Dutch document or a traceback. The built-in templates are
replaced here by a copy that lacks one French template, so the test holds once every template
is written too.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from livb.core import i18n
from livb.core.errors import LivbError
from livb.core.resources import templates_dir
from livb.documents import render
from livb.documents.render import RenderRequest, render_documents

from helpers import REPO, copy_example

DAY = dt.date(2026, 11, 21)
UNWRITTEN = "swot"
"""The document whose French template the copy of the built-in templates lacks."""


def _speaking(root: Path, taal: str) -> Path:
    text = (root / "livb.yaml").read_text(encoding="utf-8")
    text = re.sub(r"(?m)^taal:.*\n", "", text).rstrip("\n") + f"\ntaal: {taal}\n"
    (root / "livb.yaml").write_text(text, encoding="utf-8")
    return root


@pytest.fixture
def french(tmp_path: Path) -> Path:
    return _speaking(copy_example(tmp_path / "esneux"), "fr")


@pytest.fixture
def without_french_swot(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Built-in templates whose French folder lacks the SWOT template."""
    builtin = tmp_path / "templates"
    shutil.copytree(templates_dir(), builtin)
    (builtin / "fr" / f"{UNWRITTEN}.md.j2").unlink(missing_ok=True)
    monkeypatch.setattr(render, "templates_dir", lambda: builtin)
    return builtin


def _refusal(root: Path, documents: list[str]) -> LivbError:
    with i18n.speaking(None), pytest.raises(LivbError) as raised:
        render_documents(RenderRequest(root, documents, today=DAY, toch=True))
    return raised.value


@pytest.mark.usefixtures("without_french_swot")
def test_a_document_without_its_french_template_is_refused_in_french(french: Path) -> None:
    error = _refusal(french, [UNWRITTEN])
    assert UNWRITTEN in error.message
    assert "en français" in error.message and "templates/fr/" in error.message
    assert "taal: nl" in (error.hint or "")
    assert not list((french / "output").glob("*.docx")), "no Dutch document in its place"


@pytest.mark.usefixtures("without_french_swot")
def test_every_document_asks_for_a_french_template(french: Path) -> None:
    error = _refusal(french, ["alle"])
    assert UNWRITTEN in error.message
    assert not list((french / "output").glob("*.docx"))


@pytest.mark.usefixtures("without_french_swot")
def test_a_dutch_folder_still_gets_the_document(tmp_path: Path) -> None:
    dutch = _speaking(copy_example(tmp_path / "halle"), "nl")
    with i18n.speaking(None):
        [made] = render_documents(RenderRequest(dutch, [UNWRITTEN], today=DAY, toch=True))
    assert made.path.name.startswith("swot")


def test_the_command_refuses_with_exit_1_and_no_traceback(
    french: Path, without_french_swot: Path
) -> None:
    script = (
        "import sys; from pathlib import Path; import livb.documents.render as r\n"
        "r.templates_dir = lambda: Path(sys.argv[1])\n"
        "from livb.cli.app import main\n"
        "sys.argv = ['livb', 'render', sys.argv[2], sys.argv[3], '--toch']\n"
        "main()\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(without_french_swot), UNWRITTEN, str(french)],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=120,
        check=False,
    )
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    assert f"livb n'établit pas encore {UNWRITTEN} en français" in done.stderr
    assert not list((french / "output").glob("*.docx"))


def test_an_unknown_document_is_named_in_french(french: Path) -> None:
    error = _refusal(french, ["rapportage"])
    assert error.message == "document 'rapportage' inconnu"
    assert (error.hint or "").startswith("choisissez parmi : ")


def test_an_unknown_meeting_is_named_in_french(french: Path) -> None:
    with i18n.speaking(None), pytest.raises(LivbError) as raised:
        render_documents(RenderRequest(french, ["verslag"], item="nergens", today=DAY, toch=True))
    assert raised.value.message.startswith("réunion 'nergens' introuvable")


def test_the_same_refusal_stays_dutch_in_a_dutch_folder(tmp_path: Path) -> None:
    dutch = copy_example(tmp_path / "halle")
    error = _refusal(dutch, ["rapportage"])
    assert error.message == "onbekend document 'rapportage'"
    assert (error.hint or "").startswith("kies uit: ")


def test_the_output_folder_refusal_is_french(french: Path) -> None:
    with i18n.speaking(None), pytest.raises(LivbError) as raised:
        render_documents(RenderRequest(french, ["swot"], out=french / "templates", today=DAY))
    assert raised.value.message.startswith("les documents ne peuvent pas être placés dans")
