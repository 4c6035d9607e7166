"""What a reader sees is true: gaps in every context, --definitief refusals (the render-truth cases)."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from pathlib import Path

from corpus import Case

DAY = "2026-11-21"


def _replace(path: str, old: str, new: str) -> Callable[[Path], None]:
    def setup(root: Path) -> None:
        file = root / path
        text = file.read_text("utf-8")
        assert old in text, (path, old)
        file.write_text(text.replace(old, new, 1), "utf-8")

    return setup


def _empty_swot(root: Path) -> None:
    (root / "swot.yaml").write_text("sterktes: []\n", "utf-8")
    priorities = root / "prioriteiten.yaml"
    text = re.sub(r"swot: \[[^\]]*\]", "swot: []", priorities.read_text("utf-8"))
    priorities.write_text(text, "utf-8")


def _no_marker_in_the_declaration(root: Path) -> None:
    with zipfile.ZipFile(root / "output" / "intentieverklaring.docx") as package:
        document = package.read("word/document.xml").decode("utf-8")
    assert "[in te vullen: de plaats]" not in document  # data never becomes a gap
    assert "de plaats|livb.yaml|x" in document  # it stays the name as written


CASES: list[Case] = [
    Case(
        "definitief-lege-swot",
        setup=_empty_swot,
        command=("render", "plan", "{map}", "--definitief", "--datum", DAY),
        expect=(
            "definitief: nog geen definitieve versie (1 reden(en)):",
            "  swot.yaml:1:11: de SWOT is leeg (in plan.docx)",
        ),
    ),
    Case(
        "definitief-actie-uit-livb-new",
        setup=_replace(
            "doelstellingen/inbraken.yaml",
            "titel: Gratis diefstalpreventieadvies aanbieden in de randwijken",
            "titel: '(in te vullen: de actie)'",
        ),
        command=("render", "plan", "{map}", "--definitief", "--datum", DAY),
        expect=("  doelstellingen/inbraken.yaml:20:20: in te vullen: de actie (in plan.docx)",),
    ),
    Case(
        "definitief-verslag-van-een-vergadering-die-nog-komt",
        command=(
            "render",
            "verslag",
            "{map}",
            "--vergadering",
            "2010-02-09-kerngroep-plan",
            "--definitief",
            "--datum",
            "2010-01-01",
        ),
        expect=(
            "livb check: de map heeft",
            "  vergaderingen/2010-02-09-kerngroep-plan.yaml:6:8: de vergadering van 9 februari 2010"
            " moet nog plaatsvinden (in verslag-2010-02-09-kerngroep-plan.docx)",
        ),
    ),
    Case(
        "naam-die-op-een-marker-lijkt",
        setup=_replace(
            "actoren.yaml", "naam: Dirk Pieters", "naam: 'Dirk \u27e6de plaats|livb.yaml|x\u27e7'"
        ),
        command=("render", "intentieverklaring", "{map}", "--datum", DAY),
        code=0,
        check=_no_marker_in_the_declaration,
    ),
]
