"""livb import: one command for what comes back, refusing any file it cannot read back."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("name", "what"),
    [
        ("opvolging.ods", "een LibreOffice-rekenblad (.ods)"),
        ("opvolging.xls", "een oud Excel-bestand (.xls)"),
        ("plan.odt", "een LibreOffice-tekstdocument (.odt)"),
        ("plan.PDF", "een PDF"),
        ("notities", "een bestand zonder extensie"),
    ],
)
def test_a_format_livb_does_not_read_back_is_named_with_what_to_do(
    halle, livb, tmp_path, name, what
):
    path = tmp_path / name
    path.write_bytes(b"iets")
    before = {p: p.read_bytes() for p in halle.rglob("*") if p.is_file()}
    result = livb("import", path, halle)
    assert result.code == 2
    assert f"gebruik: '{name}' is {what}; livb leest enkel" in result.err
    assert "sla het op als .xlsx of .docx" in result.err
    assert {p: p.read_bytes() for p in halle.rglob("*") if p.is_file()} == before


def test_a_missing_file_is_a_usage_error(halle, livb, tmp_path):
    result = livb("import", tmp_path / "weg.xlsx", halle)
    assert result.code == 2
    assert "bestaat niet of is geen bestand" in result.err
