"""Edit a .docx in LibreOffice itself, through UNO, and save it as Word: a real client's edit.

Run by the system's Python, which has LibreOffice's ``uno`` module (Debian: python3-uno):

    /usr/bin/python3 uno_edit.py PROFILE IN.docx OUT.docx OLD NEW [OLD NEW ...]

Starts its own headless LibreOffice (with the profile folder PROFILE), opens IN.docx, turns
on change tracking as a reviewer would, replaces each OLD text by NEW (an OLD of the form
``@TEXT`` instead puts a comment NEW on the first TEXT), and stores the document with
LibreOffice's own Word filter as OUT.docx. Prints how often each text was found.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import uno  # type: ignore[import-not-found]
from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]

AUTHOR = "Lies Reviewer"
"""The reviewer's name LibreOffice writes on each tracked change (its user profile's name)."""


def _property(name: str, value: object) -> PropertyValue:
    found = PropertyValue()
    found.Name = name
    found.Value = value
    return found


def _connect(pipe: str) -> object:
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local
    )
    deadline = time.monotonic() + 120
    while True:
        try:
            return resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
        except Exception:  # LibreOffice is still starting
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def _set_author(context: object) -> None:
    """The name on tracked changes: the user profile's given name, as a reviewer sets it."""
    provider = context.ServiceManager.createInstanceWithContext(  # type: ignore[attr-defined]
        "com.sun.star.configuration.ConfigurationProvider", context
    )
    access = provider.createInstanceWithArguments(
        "com.sun.star.configuration.ConfigurationUpdateAccess",
        (_property("nodepath", "/org.openoffice.UserProfile/Data"),),
    )
    given, _, family = AUTHOR.partition(" ")
    access.setPropertyValue("givenname", given)
    access.setPropertyValue("sn", family)
    access.commitChanges()


def _comment(document: object, anchor: str, text: str) -> int:
    """A reviewer's comment on the first place the anchor text appears (0: not found)."""
    search = document.createSearchDescriptor()  # type: ignore[attr-defined]
    search.SearchString = anchor
    found = document.findFirst(search)  # type: ignore[attr-defined]
    if found is None:
        return 0
    note = document.createInstance("com.sun.star.text.textfield.Annotation")  # type: ignore[attr-defined]
    note.Author = AUTHOR
    note.Content = text
    found.getText().insertTextContent(found, note, True)
    return 1


def main(profile: str, source: str, target: str, pairs: list[str]) -> int:
    pipe = f"livb_uno_{Path(profile).name}"
    office = subprocess.Popen(
        [
            "soffice",
            f"-env:UserInstallation={Path(profile).resolve().as_uri()}",
            "--headless",
            "--invisible",
            "--norestore",
            "--nologo",
            f"--accept=pipe,name={pipe};urp;",
        ]
    )
    try:
        context = _connect(pipe)
        _set_author(context)
        desktop = context.ServiceManager.createInstanceWithContext(  # type: ignore[attr-defined]
            "com.sun.star.frame.Desktop", context
        )
        url = uno.systemPathToFileUrl(str(Path(source).resolve()))
        document = desktop.loadComponentFromURL(url, "_blank", 0, (_property("Hidden", True),))
        document.RecordChanges = True
        # A comment's note window cannot open without a screen (LibreOffice 7.4 aborts): the
        # view stays locked until the document is closed, unseen.
        document.lockControllers()
        for old, new in zip(pairs[::2], pairs[1::2], strict=True):
            if old.startswith("@"):
                print(f"{old!r}: {_comment(document, old[1:], new)}")
                continue
            descriptor = document.createReplaceDescriptor()
            descriptor.SearchString = old
            descriptor.ReplaceString = new
            print(f"{old!r}: {document.replaceAll(descriptor)}")
        out = uno.systemPathToFileUrl(str(Path(target).resolve()))
        document.storeToURL(out, (_property("FilterName", "MS Word 2007 XML"),))
        document.close(True)
        desktop.terminate()
    finally:
        try:
            office.wait(timeout=60)
        except subprocess.TimeoutExpired:
            office.kill()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]))
