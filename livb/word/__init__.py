"""Constrained Markdown to Word (and PDF): blocks and spans, the .docx writer, LibreOffice.

This half knows nothing of a gemeente: it turns Markdown with a few containers into a
WordprocessingML package built into a house-style reference document.
"""
