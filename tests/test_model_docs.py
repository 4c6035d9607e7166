"""Every field that reaches no document says so in its own description (the JSON Schema)."""

from __future__ import annotations

from test_truth import NOT_SHOWN

from livb.model import FILE_KINDS

INTERNAL = ("intern", "in geen document", "eigen verslag van het gesprek", "vertrouwelijk")


def models() -> dict[str, type]:
    found: dict[str, type] = {}

    def walk(model: type) -> None:
        found[model.__name__] = model
        for field in model.model_fields.values():
            for inner in (field.annotation, *getattr(field.annotation, "__args__", ())):
                for candidate in (inner, *getattr(inner, "__args__", ())):
                    if hasattr(candidate, "model_fields") and candidate.__name__ not in found:
                        walk(candidate)

    for kind in FILE_KINDS:
        walk(kind.model)
    return found


def test_a_field_shown_in_no_document_says_so_in_its_description():
    known = models()
    for where in NOT_SHOWN:
        model, name = where.split(".")
        description = (known[model].model_fields[name].description or "").lower()
        assert any(word in description for word in INTERNAL), (where, description)
