"""Build templates/nl/huisstijl.docx, the house-style reference document livb renders into.

Run: python scripts/make_huisstijl.py
A municipality restyles its documents by editing a copy of this file in Word (styles, margins,
header and footer, logo); livb only ever uses the styles by name. The file is generated so that
every change to it is reviewable here.
"""

from pathlib import Path

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

OUT = Path(__file__).resolve().parent.parent / "templates" / "nl" / "huisstijl.docx"
BLUE = RGBColor(0x1F, 0x38, 0x64)
GREY = RGBColor(0x59, 0x59, 0x59)
FONT = "Calibri"

document = docx.Document()

# python-docx's template carries a Word 2010 stylesWithEffects part that disagrees with its
# styles; Word then "repairs" the file. Drop it.
main = document.part
for rel_id, rel in list(main.rels.items()):
    if rel.reltype.endswith("/stylesWithEffects"):
        del main.rels[rel_id]

styles = document.styles


def font(style, size, bold=None, color=None, italic=None):
    style.font.name = FONT
    style.font.size = Pt(size)
    if bold is not None:
        style.font.bold = bold
    if italic is not None:
        style.font.italic = italic
    if color is not None:
        style.font.color.rgb = color
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        if fonts is not None and fonts.get(qn(attribute)) is not None:
            del fonts.attrib[qn(attribute)]


def spacing(style, before=0, after=6, line=1.15, keep=False):
    pf = style.paragraph_format
    pf.space_before = Pt(before)
    pf.space_after = Pt(after)
    pf.line_spacing = line
    if keep:
        pf.keep_with_next = True


def language(element, lang="nl-BE"):
    rpr = element.get_or_add_rPr()
    tag = rpr.find(qn("w:lang"))
    if tag is None:
        tag = OxmlElement("w:lang")
        rpr.append(tag)
    tag.set(qn("w:val"), lang)
    tag.set(qn("w:eastAsia"), lang)
    tag.set(qn("w:bidi"), "ar-SA")


# -- document defaults: Calibri 11, Dutch (Belgium) for spell checking
defaults = styles.element.find(qn("w:docDefaults"))
rpr_default = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
for child in list(rpr_default):
    if child.tag in (qn("w:rFonts"), qn("w:lang")):
        rpr_default.remove(child)
fonts = OxmlElement("w:rFonts")
for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
    fonts.set(qn(attribute), FONT)
rpr_default.insert(0, fonts)
lang = OxmlElement("w:lang")
lang.set(qn("w:val"), "nl-BE")
lang.set(qn("w:eastAsia"), "nl-BE")
lang.set(qn("w:bidi"), "ar-SA")
rpr_default.append(lang)

normal = styles["Normal"]
font(normal, 11)
spacing(normal, 0, 6, 1.15)
language(normal.element)

for name, size, before, after in (("Heading 1", 16, 18, 6), ("Heading 2", 13, 12, 4),
                                  ("Heading 3", 11.5, 10, 3), ("Heading 4", 11, 8, 3)):  # fmt: skip
    style = styles[name]
    font(style, size, bold=True, color=BLUE, italic=False)
    spacing(style, before, after, 1.0, keep=True)
styles["Heading 1"].paragraph_format.page_break_before = False
styles["Heading 4"].font.color.rgb = RGBColor(0x26, 0x26, 0x26)

title = styles["Title"]
font(title, 30, bold=True, color=BLUE)
spacing(title, 120, 12, 1.0)
pbdr = title.element.pPr.find(qn("w:pBdr"))
if pbdr is not None:
    title.element.pPr.remove(pbdr)
subtitle = styles["Subtitle"]
font(subtitle, 16, color=GREY, italic=False)
spacing(subtitle, 0, 36, 1.0)

for name in ("List Bullet", "List Bullet 2", "List Number", "List Number 2"):
    style = styles[name]
    font(style, 11)
    spacing(style, 0, 3, 1.15)

caption = styles["Caption"]
font(caption, 9, bold=False, color=GREY, italic=True)
spacing(caption, 3, 12, 1.0)

toc_heading = styles["TOC Heading"]
font(toc_heading, 16, bold=True, color=BLUE)
for level, indent in ((1, 0), (2, 0.5), (3, 1.0)):
    style = styles.add_style(f"toc {level}", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = normal
    style.paragraph_format.left_indent = Cm(indent)
    style.paragraph_format.space_after = Pt(2)
    style.paragraph_format.tab_stops.add_tab_stop(Cm(16), alignment=2, leader=1)  # right, dots
    if level == 1:
        style.font.bold = True

hyperlink = styles.add_style("Hyperlink", WD_STYLE_TYPE.CHARACTER)
hyperlink.font.color.rgb = RGBColor(0x05, 0x63, 0xC1)
hyperlink.font.underline = True

missing = styles.add_style("livb In te vullen", WD_STYLE_TYPE.CHARACTER)
missing.font.italic = True
missing_shading = OxmlElement("w:shd")
missing_shading.set(qn("w:val"), "clear")
missing_shading.set(qn("w:color"), "auto")
missing_shading.set(qn("w:fill"), "FFF2A8")
missing.element.get_or_add_rPr().append(missing_shading)

cell = styles.add_style("livb Tabeltekst", WD_STYLE_TYPE.PARAGRAPH)
cell.base_style = normal
font(cell, 9.5)
spacing(cell, 1, 1, 1.0)

header_cell = styles.add_style("livb Tabelkop", WD_STYLE_TYPE.PARAGRAPH)
header_cell.base_style = cell
header_cell.font.bold = True
header_cell.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)

signature = styles.add_style("livb Handtekening", WD_STYLE_TYPE.PARAGRAPH)
signature.base_style = normal
spacing(signature, 0, 0, 1.0)

meta = styles.add_style("livb Titelgegevens", WD_STYLE_TYPE.PARAGRAPH)
meta.base_style = normal
font(meta, 12, color=GREY)
spacing(meta, 0, 4, 1.0)

note = styles.add_style("livb Kader", WD_STYLE_TYPE.PARAGRAPH)
note.base_style = normal
note.font.italic = True
note.paragraph_format.left_indent = Cm(0.5)
note.font.color.rgb = GREY

# -- the table style: thin grid, a blue header row that repeats on every page
table = styles.add_style("livb Tabel", WD_STYLE_TYPE.TABLE)
table.base_style = styles["Table Grid"]
style_element = table.element
first_row = OxmlElement("w:tblStylePr")
first_row.set(qn("w:type"), "firstRow")
rpr = OxmlElement("w:rPr")
bold = OxmlElement("w:b")
rpr.append(bold)
color = OxmlElement("w:color")
color.set(qn("w:val"), "FFFFFF")
rpr.append(color)
first_row.append(rpr)
tc_pr = OxmlElement("w:tcPr")
shading = OxmlElement("w:shd")
shading.set(qn("w:val"), "clear")
shading.set(qn("w:color"), "auto")
shading.set(qn("w:fill"), "1F3864")
tc_pr.append(shading)
first_row.append(tc_pr)
table_props = style_element.find(qn("w:tblPr"))
if table_props is None:
    table_props = OxmlElement("w:tblPr")
    style_element.append(table_props)
style_element.append(first_row)  # tblStylePr comes after tblPr
margins = OxmlElement("w:tblCellMar")
for side, width in (("left", 80), ("right", 80)):
    margin = OxmlElement(f"w:{side}")
    margin.set(qn("w:w"), str(width))
    margin.set(qn("w:type"), "dxa")
    margins.append(margin)
table_props.append(margins)

# -- A4 page, 2.5 cm margins, first page (the title page) without header or footer
section = document.sections[0]
section.page_width, section.page_height = Cm(21.0), Cm(29.7)
section.left_margin = section.right_margin = Cm(2.5)
section.top_margin, section.bottom_margin = Cm(2.5), Cm(2.2)
section.header_distance, section.footer_distance = Cm(1.2), Cm(1.0)
section.different_first_page_header_footer = True


def field(paragraph, instruction, cached):
    run = paragraph.add_run()
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    run._r.append(begin)
    run = paragraph.add_run()
    text = OxmlElement("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = f" {instruction} "
    run._r.append(text)
    run = paragraph.add_run()
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    run._r.append(separate)
    paragraph.add_run(cached)
    run = paragraph.add_run()
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run._r.append(end)


footer = section.footer.paragraphs[0]
footer.style = styles["Footer"]
footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
footer.add_run("Pagina ")
field(footer, "PAGE", "1")
footer.add_run(" van ")
field(footer, "NUMPAGES", "1")
font(styles["Footer"], 9, color=GREY)

header = section.header.paragraphs[0]
header.style = styles["Header"]
header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
font(styles["Header"], 9, color=GREY)
# the document's own title (its properties: the plan's name, 'Protocolakkoord', ...), as a
# field: livb fills the properties and never writes in a header, so a gemeente's own header
# keeps working, and one that wants this title uses the same field (Invoegen > Snelonderdelen >
# Veld > Title)
field(header, "TITLE", "Lokaal integraal veiligheidsbeleid")

# -- an empty body: livb fills it
body = document.element.body
for child in list(body):
    if child.tag != qn("w:sectPr"):
        body.remove(child)

properties = document.core_properties
properties.author = "livb"
properties.title = "Huisstijl"
properties.comments = "Referentiedocument voor livb: pas de stijlen aan, niet de tekst."
properties.last_modified_by = "livb"
properties.revision = 1
import datetime as dt  # noqa: E402

properties.created = properties.modified = dt.datetime(2026, 1, 1)
# the thumbnail of python-docx's template shows an English page; drop it
for rel_id, rel in list(document.part.package.rels.items()):
    if rel.reltype == RT.THUMBNAIL:
        del document.part.package.rels[rel_id]

OUT.parent.mkdir(parents=True, exist_ok=True)
document.save(OUT)
print(f"wrote {OUT}")
