#!/usr/bin/env bash
# Install livb as a wheel with its test dependencies into .venv-test, then run every check:
# ruff (lint and format), mypy --strict, import-linter, and pytest against the installed wheel.
set -euo pipefail
cd "$(dirname "$0")/.."

# LibreOffice, poppler and the fonts with Word's metrics: the tests open every rendered
# document in a real client. As root, the script installs what is missing with apt-get (and
# says so first); LIVB_NO_APT=1 keeps it from touching the system.
# Calc (libsclo) for the follow-up workbooks that tests/test_sheets_calc.py saves back;
# LibreOffice's Python bridge (python3-uno) for the edit a reviewer makes in LibreOffice itself
# (tests/test_roundtrip_uno.py, run by the system's /usr/bin/python3).
if ! command -v soffice >/dev/null || ! command -v pdftotext >/dev/null \
    || ! fc-list 2>/dev/null | grep -qi carlito \
    || { [ -d /usr/lib/libreoffice/program ] && [ ! -e /usr/lib/libreoffice/program/libsclo.so ]; } \
    || { [ -x /usr/bin/python3 ] && ! /usr/bin/python3 -c "import uno" 2>/dev/null; }; then
    if [ "${LIVB_NO_APT:-0}" != 1 ] && command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
        echo "== apt-get: LibreOffice (Writer, Calc, de Python-brug), poppler en de lettertypen installeren (overslaan: LIVB_NO_APT=1)"
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
            libreoffice-writer-nogui libreoffice-calc-nogui python3-uno poppler-utils \
            fonts-crosextra-carlito fonts-liberation >/dev/null
    else
        echo "LibreOffice ontbreekt en kan hier niet geïnstalleerd worden; die tests worden overgeslagen" >&2
    fi
fi
if command -v soffice >/dev/null; then
    export LIVB_REQUIRE_LIBREOFFICE=1
fi

python3 -m venv .venv-test
# shellcheck disable=SC1091
source .venv-test/bin/activate
python -m pip install --quiet --upgrade pip
# A regular (non-editable) install: the tests then use the wheel, so a file left out of the
# package fails here rather than on a user's machine.
python -m pip install --quiet ".[test]"
python -m pip install --quiet --force-reinstall --no-deps .

echo "== ruff"
ruff check livb tests scripts bench
ruff format --check livb tests scripts bench
echo "== mypy --strict"
mypy
echo "== import-linter"
lint-imports
echo "== pytest (installed wheel)"
# Run from tests/ so that the source tree is not on sys.path: `import livb` finds the wheel.
# One worker per core (LIVB_TEST_WORKERS=1 for one process); the 15 slowest tests are listed
# at the end, so a test that grows slow is seen.
cd tests
LIVB_TEST_INSTALLED=1 pytest -c ../pyproject.toml --rootdir .. \
    -n "${LIVB_TEST_WORKERS:-auto}" --dist worksteal --durations=15 "$@"
