"""PDF through LibreOffice, when it is installed: an isolated profile per run and a time limit."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from functools import cache
from importlib import resources
from pathlib import Path

from livb.errors import LivbError

TIMEOUT = 180
INSTALL_HINT = (
    "PDF maken vraagt LibreOffice: installeer het (Debian/Ubuntu: "
    "sudo apt-get install libreoffice-writer-nogui python3-uno; anders libreoffice.org)"
)


def find_soffice() -> str | None:
    """The LibreOffice program, if installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


@cache
def _uno_python() -> str | None:
    for candidate in ("/usr/lib/libreoffice/program/python", "/usr/bin/python3", "python3"):
        path = shutil.which(candidate) or (candidate if Path(candidate).is_file() else None)
        if path is None:
            continue
        probe = subprocess.run([path, "-c", "import uno"], capture_output=True, check=False)
        if probe.returncode == 0:
            return path
    return None


def convert_to_pdf(docx: Path, pdf: Path) -> None:
    """Convert a .docx to PDF, refreshing its table of contents when LibreOffice's 'uno' is there.

    Raises:
        LivbError: LibreOffice is missing, fails or takes longer than the time limit.
    """
    soffice = find_soffice()
    if soffice is None:
        raise LivbError("LibreOffice is niet geïnstalleerd", INSTALL_HINT)
    with tempfile.TemporaryDirectory(prefix="livb-lo-") as work:
        profile = Path(work, "profiel").as_uri()
        python = _uno_python()
        try:
            if python is not None:
                script = Path(work, "convert.py")
                script.write_text(
                    resources.files("livb.word").joinpath("lo_convert.py.txt").read_text("utf-8"),
                    encoding="utf-8",
                )
                done = subprocess.run(
                    [
                        python,
                        str(script),
                        soffice,
                        str(docx.resolve()),
                        str(pdf.resolve()),
                        profile,
                    ],
                    capture_output=True,
                    text=True,
                    timeout=TIMEOUT,
                    check=False,
                )
            else:
                done = subprocess.run(
                    [
                        soffice,
                        f"-env:UserInstallation={profile}",
                        "--headless",
                        "--convert-to",
                        "pdf",
                        "--outdir",
                        work,
                        str(docx.resolve()),
                    ],
                    capture_output=True,
                    text=True,
                    timeout=TIMEOUT,
                    check=False,
                )
                produced = Path(work, docx.with_suffix(".pdf").name)
                if produced.is_file():
                    shutil.move(str(produced), pdf)
        except subprocess.TimeoutExpired:
            raise LivbError(
                f"LibreOffice deed er langer dan {TIMEOUT} s over om {docx.name} om te zetten",
                "probeer opnieuw, of open het document in Word en bewaar het als PDF",
            ) from None
        if done.returncode != 0 or not pdf.is_file():
            raise LivbError(
                f"LibreOffice kon {docx.name} niet omzetten naar PDF",
                (done.stderr or "").strip().splitlines()[-1:][0] if done.stderr.strip() else None,
            )
