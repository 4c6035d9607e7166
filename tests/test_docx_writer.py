"""The Word writer writes document.xml as text: exactly as lxml would write it back.

livb.word.docx builds the body as WordprocessingML text and puts it in the package without
parsing it (a large body parsed into lxml takes ~15 times its size in memory). Before, the
same text was parsed and python-docx serialized the tree; these tests hold that the text is
already in that serialized form, so the bytes of a document are what they were, and that the
comments on missing values are anchored as python-docx anchors them.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile

from docx.opc.oxml import serialize_part_xml
from docx.oxml import parse_xml
from hypothesis import HealthCheck, given
from hypothesis import strategies as st

from livb.core.resources import templates_dir
from livb.word.docx import DocumentMeta, _Writer, write_docx
from livb.word.ir import (
    DocumentIR,
    Heading,
    ListInfo,
    Missing,
    PageBreak,
    Paragraph,
    Span,
    Table,
    TableOfContents,
)

from helpers import repeatable

REFERENCE = templates_dir() / "nl" / "huisstijl.docx"
META = DocumentMeta("Titel", "Onderwerp", "Stad Halle", "LIVB", dt.datetime(2026, 3, 14, 12))
REPEATABLE = repeatable(150, HealthCheck.too_slow, HealthCheck.data_too_large)

TEXT = st.text(
    st.one_of(
        st.sampled_from(list("ab <>&\"'\t\n\r\x00\x01\x0b\ufffe\u2028\x85é€😀-_#[]{}")),
        st.characters(codec="utf-8", exclude_categories=["Cs"]),
    ),
    max_size=20,
)
NAME = st.text(
    st.characters(codec="utf-8", min_codepoint=32, exclude_categories=["Cs"]), max_size=12
)
MISSING = st.builds(Missing, NAME, st.just("plan.yaml"), NAME)  # livb's own words, a key
SPAN = st.one_of(
    st.builds(Span, TEXT, st.booleans(), st.booleans()),
    st.builds(Span, TEXT, link=st.sampled_from(["#_livb1", 'https://example.be/a?b=1&c="d"'])),
    st.builds(Span, st.just("[in te vullen]"), missing=MISSING),
    st.just(Span("", line_break=True)),
)
SPANS = st.lists(SPAN, max_size=4)
BLOCK = st.one_of(
    st.builds(Paragraph, SPANS, st.sampled_from([None, "Normal", "Title", "List Bullet"])),
    st.builds(
        Paragraph,
        SPANS,
        st.just("List Number"),
        st.builds(ListInfo, st.just(True), st.just(0), st.integers(1, 3)),
    ),
    st.builds(Heading, st.integers(1, 4), SPANS),
    st.builds(
        Table,
        st.lists(st.lists(SPANS, min_size=1, max_size=3), min_size=1, max_size=3),
        st.integers(0, 1),
        st.one_of(st.none(), st.just([2.0, 1.0, 1.0])),
        st.sampled_from(["data", "handtekeningen"]),
    ),
    st.just(PageBreak()),
    st.just(TableOfContents()),
)


@REPEATABLE
@given(cell=SPANS, style=st.sampled_from(["livb Tabelkop", "livb Tabeltekst"]))
def test_a_table_cell_is_written_as_a_paragraph_in_its_style(cell, style):
    """The writer's shortcut for plain cells writes what the general path writes."""
    shortcut, general = _Writer(REFERENCE, META), _Writer(REFERENCE, META)
    assert shortcut._cell(cell, shortcut._ppr(style)) == general._paragraph(cell, style)


def document_xml(data: bytes) -> bytes:
    return zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml")


@REPEATABLE
@given(blocks=st.lists(BLOCK, max_size=8))
def test_the_body_is_written_as_lxml_writes_it(blocks):
    xml = document_xml(write_docx(DocumentIR(blocks), REFERENCE, META))
    assert serialize_part_xml(parse_xml(xml)) == xml


def test_a_missing_value_gets_a_comment_anchored_as_python_docx_anchors_it():
    gaps = [Missing("de plaats", "vergaderingen/a.yaml", "plaats"), Missing("x", "b.yaml", "y")]
    blocks = [Paragraph([Span("Plaats: "), Span(g.text, missing=g)]) for g in gaps]
    data = write_docx(DocumentIR(blocks), REFERENCE, META)
    xml = document_xml(data).decode()
    for number in (0, 1):
        assert re.search(
            f'<w:commentRangeStart w:id="{number}"/><w:r><w:rPr><w:rStyle w:val="livbIntevullen"/>'
            f'</w:rPr><w:t xml:space="preserve">\\[in te vullen: [^<]*\\]</w:t></w:r>'
            f'<w:commentRangeEnd w:id="{number}"/><w:r><w:rPr><w:rStyle w:val="CommentReference"/>'
            f'</w:rPr><w:commentReference w:id="{number}"/></w:r>',
            xml,
        )
    comments = zipfile.ZipFile(io.BytesIO(data)).read("word/comments.xml").decode()
    assert (
        '<w:comment w:id="0" w:author="livb" w:initials="livb" w:date="2026-03-14T12:00:00Z">'
        in (comments)
    )
    assert "Vul de plaats in: 'plaats' in vergaderingen/a.yaml." in comments
    assert "Vul x in: 'y' in b.yaml." in comments


def test_the_same_document_is_the_same_bytes():
    blocks = [Heading(1, [Span("Titel")]), Paragraph([Span("tekst")])]
    assert write_docx(DocumentIR(blocks), REFERENCE, META) == write_docx(
        DocumentIR(blocks), REFERENCE, META
    )
