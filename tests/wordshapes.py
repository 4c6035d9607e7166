"""Word's shapes for the tests of 'livb import': runs, revisions and comments as Word saves them.

The fixtures are the rendered document's own XML, edited as Word edits it: runs split at every
edit and at every word the speller marks (w:proofErr), w:rsid attributes, tracked changes
(w:ins, w:del with w:author) and comments (comments.xml, commentRangeStart/End).
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable

MAP_NAMESPACE = "urn:livb:velden"
VISIE = "plan.yaml#/visie"
GOAL = "doelstellingen/samenleven.yaml#/strategische_doelstellingen/0/titel"

RSID = ' w:rsidR="00B51C2A" w:rsidRPr="00E4F2D7"'
REVIEWER = "Jan Peeters"
DATE = "2026-11-30T10:15:00Z"


def word_runs(*pieces: tuple[str, str]) -> str:
    """Runs as Word writes them after an edit: one per edit, with rsids and proofing marks.

    A piece is ('keep', text), ('type', text: typed without tracking), ('ins', text) or
    ('del', text), the last two tracked changes by the reviewer.
    """
    runs = []
    for number, (kind, text) in enumerate(pieces, start=900):
        run = f'<w:r{RSID}><w:t xml:space="preserve">{text}</w:t></w:r>'
        if kind == "keep" and " " in text.strip():
            first, rest = text.split(" ", 1)  # Word's speller marks a word: the run splits
            run = (
                f'<w:proofErr w:type="spellStart"/><w:r{RSID}><w:t>{first}</w:t></w:r>'
                f'<w:proofErr w:type="spellEnd"/>'
                f'<w:r{RSID}><w:t xml:space="preserve"> {rest}</w:t></w:r>'
            )
        elif kind == "ins":
            run = f'<w:ins w:id="{number}" w:author="{REVIEWER}" w:date="{DATE}">{run}</w:ins>'
        elif kind == "del":
            run = (
                f'<w:del w:id="{number}" w:author="{REVIEWER}" w:date="{DATE}">'
                f'<w:r{RSID}><w:delText xml:space="preserve">{text}</w:delText></w:r></w:del>'
            )
        runs.append(run)
    return "".join(runs)


def field_names(body: str, field_map: str) -> dict[str, str]:
    """Each place's bookmark name (the first, when a field is shown twice)."""
    found: dict[str, str] = {}
    for name, place in re.findall(r'<veld naam="([^"]+)" plaats="([^"]+)"', field_map):
        found.setdefault(place, name)
    assert set(found.values()) <= set(re.findall(r'w:name="(_livbv\d+)"', body))
    return found


def replace_control(body: str, name: str, runs: str, occurrence: int = 0) -> str:
    """The runs of the ``occurrence``-th content control of a field replaced."""
    pattern = re.compile(
        f'(<w:sdt><w:sdtPr>(?:(?!</w:sdtPr>).)*<w:tag w:val="{name}"/>.*?</w:sdtPr>'
        r"<w:sdtContent>)(.*?)(</w:sdtContent>)"
    )
    matches = list(pattern.finditer(body))
    match = matches[occurrence]
    return body[: match.start(2)] + runs + body[match.end(2) :]


def repack(
    data: bytes,
    edit: Callable[[str, dict[str, str]], str] | None = None,
    extra: dict[str, str] | None = None,
    drop: Callable[[str], bool] = lambda name: False,
    map_edit: Callable[[str], str] = lambda text: text,
) -> bytes:
    """The package with document.xml edited (given the places' names) and parts added."""
    source = zipfile.ZipFile(io.BytesIO(data))
    parts = {name: source.read(name) for name in source.namelist() if not drop(name)}
    map_name = next(n for n, b in parts.items() if MAP_NAMESPACE.encode() in b and "Props" not in n)
    field_map = map_edit(parts[map_name].decode("utf-8"))
    parts[map_name] = field_map.encode("utf-8")
    if edit is not None:
        body = parts["word/document.xml"].decode("utf-8")
        parts["word/document.xml"] = edit(body, field_names(body, field_map)).encode("utf-8")
    for name, text in (extra or {}).items():
        parts[name] = text.encode("utf-8")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name, blob in parts.items():
            target.writestr(name, blob)
    return out.getvalue()


FIRST = "Halle wil een stad zijn waar iedereen graag woont, werkt en naar school gaat."


def first_visie_paragraph(body: str, names: dict[str, str]) -> str:
    match = re.search(f'<w:tag w:val="{names[VISIE]}"/>.*?<w:sdtContent>(.*?)</w:sdtContent>', body)
    assert match is not None
    return "".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", match.group(1)))


COMMENTS_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    f'<w:comment w:id="7" w:author="{REVIEWER}" w:date="{DATE}" w:initials="JP">'
    "<w:p><w:r><w:t>Is dit nog de visie van het nieuwe college?</w:t></w:r></w:p>"
    "</w:comment></w:comments>"
)


def with_comment(body: str, names: dict[str, str]) -> str:
    name = names[GOAL]
    start = body.index('<w:bookmarkStart w:id="', body.index(f'w:name="{name}"') - 40)
    end = body.index("</w:p>", start)
    return (
        body[:start]
        + '<w:commentRangeStart w:id="7"/>'
        + body[start:end]
        + '<w:commentRangeEnd w:id="7"/><w:r><w:commentReference w:id="7"/></w:r>'
        + body[end:]
    )


def comment_parts(data: bytes) -> dict[str, str]:
    package = zipfile.ZipFile(io.BytesIO(data))
    rels = package.read("word/_rels/document.xml.rels").decode()
    types = package.read("[Content_Types].xml").decode()
    rel = (
        '<Relationship Id="rId900" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/comments" Target="comments.xml"/></Relationships>'
    )
    override = (
        '<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.wordprocessingml.comments+xml"/></Types>'
    )
    return {
        "word/comments.xml": COMMENTS_XML,
        "word/_rels/document.xml.rels": rels.replace("</Relationships>", rel),
        "[Content_Types].xml": types
        if "/word/comments.xml" in types
        else types.replace("</Types>", override),
    }
