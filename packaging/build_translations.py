"""Update the Japanese translation of the UI and compile it.

Usage (from the project root):

    .venv/bin/python packaging/build_translations.py          # update the .ts, then compile the .qm
    .venv/bin/python packaging/build_translations.py --check  # fail if a UI string lacks a translation

Without options the script

1. runs ``pyside6-lupdate`` over every ``.py`` file under ``loyaldesk/ui/`` and
   merges what it finds into ``resources/translations/loyaldesk_ja.ts``: existing
   translations are kept, new strings are added as unfinished, and strings that no
   longer occur in the code are dropped (``-no-obsolete``);
2. runs ``pyside6-lrelease`` to compile the ``.ts`` into ``loyaldesk_ja.qm``, which
   the app loads at start. Unfinished translations are left out of the ``.qm``: the
   UI shows the English text until a translation is marked finished.

``--check`` changes nothing in the project: it runs lupdate into a temporary copy of
the ``.ts`` and exits 1, listing every source string that has no finished Japanese
translation (missing or unfinished), or 0 when every string is translated. It also
warns (without failing) when the ``.qm`` is missing or was not rebuilt after the
last change to the ``.ts``.

Both tools are taken from the bin (Scripts) folder of the Python running this
script, i.e. the project's virtual environment, falling back to ``PATH``.

Every user-visible string in loyaldesk/ui must be a literal in a direct call of
``self.tr()`` or ``QCoreApplication.translate()``: that is what lupdate finds.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UI_DIR = Path("loyaldesk") / "ui"
TS_FILE = Path("resources") / "translations" / "loyaldesk_ja.ts"
QM_FILE = TS_FILE.with_suffix(".qm")
SOURCE_LANGUAGE = "en"
TARGET_LANGUAGE = "ja"


class BuildError(Exception):
    """A tool is missing or failed; the message says which."""


# --- tools ------------------------------------------------------------------------------
def find_tool(name: str) -> Path | None:
    """`pyside6-lupdate` / `pyside6-lrelease` next to this Python, else on PATH."""
    bin_dir = Path(sys.executable).parent  # not resolved: a venv's python is a symlink
    for candidate in (name, name + ".exe", name + ".cmd"):
        path = bin_dir / candidate
        if path.is_file() and os.access(path, os.X_OK):
            return path
    found = shutil.which(name)
    return Path(found) if found else None


def _tool(name: str) -> Path:
    path = find_tool(name)
    if path is None:
        raise BuildError(f"{name} not found next to {sys.executable} or on PATH; install PySide6 in this environment")
    return path


def _run(cmd: list[str], cwd: Path) -> str:
    proc = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, encoding="utf-8", errors="replace")
    output = (proc.stdout + proc.stderr).strip()
    if proc.returncode != 0:
        raise BuildError(f"{Path(cmd[0]).name} failed (exit {proc.returncode}):\n{output}")
    return output


# --- translation helpers such as labels._tr ---------------------------------------------
def ui_sources(root: Path) -> list[Path]:
    return sorted(p for p in (root / UI_DIR).rglob("*.py") if "__pycache__" not in p.parts)


# --- lupdate / lrelease ------------------------------------------------------------------
def run_lupdate(root: Path, ts_out: Path) -> str:
    """Merge the UI strings into `ts_out` (created when missing), dropping vanished ones."""
    lupdate = _tool("pyside6-lupdate")
    ts_out.parent.mkdir(parents=True, exist_ok=True)
    cmd = [str(lupdate), "-no-obsolete", "-source-language", SOURCE_LANGUAGE,
           "-target-language", TARGET_LANGUAGE,
           *(str(p.relative_to(root)) for p in ui_sources(root)), "-ts", str(ts_out)]
    return _run(cmd, root)


def run_lrelease(ts: Path, qm: Path) -> str:
    lrelease = _tool("pyside6-lrelease")
    return _run([str(lrelease), "-nounfinished", str(ts), "-qm", str(qm)], ts.parent)


# --- checking -----------------------------------------------------------------------------
@dataclass(frozen=True)
class Missing:
    context: str
    source: str
    location: str
    state: str  # "missing" or "unfinished"


def untranslated(ts: Path) -> list[Missing]:
    """Every message of the .ts without a finished, non-empty translation."""
    root = ET.parse(ts).getroot()
    missing = []
    for context in root.iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            kind = translation.get("type") if translation is not None else None
            if kind in ("obsolete", "vanished"):
                continue
            if translation is None:
                texts = []
            elif message.get("numerus") == "yes":
                texts = [n.text or "" for n in translation.iter("numerusform")]
            else:
                texts = [translation.text or ""]
            empty = not texts or any(not t.strip() for t in texts)
            if empty or kind == "unfinished":
                loc = message.find("location")
                where = ""
                if loc is not None:
                    # locations are relative to the real .ts, wherever this copy of it lives
                    path = Path(os.path.normpath(TS_FILE.parent / loc.get("filename", ""))).as_posix()
                    where = f"{path}:{loc.get('line', '?')}"
                missing.append(Missing(name, message.findtext("source", ""), where,
                                       "missing" if empty else "unfinished"))
    return missing


def _qm_is_current(root: Path) -> bool:
    qm = root / QM_FILE
    ts = root / TS_FILE
    if not qm.is_file() or not ts.is_file():
        return False
    with tempfile.TemporaryDirectory(prefix="loyaldesk-lrelease-") as tmp:
        fresh = Path(tmp) / "fresh.qm"
        run_lrelease(ts, fresh)
        return fresh.read_bytes() == qm.read_bytes()


def check(root: Path) -> int:
    with tempfile.TemporaryDirectory(prefix="loyaldesk-check-") as tmp:
        ts = Path(tmp) / TS_FILE.name
        if (root / TS_FILE).is_file():
            shutil.copyfile(root / TS_FILE, ts)  # lupdate merges into the copy, never the real file
        run_lupdate(root, ts)
        missing = untranslated(ts)
        total = sum(1 for _ in ET.parse(ts).getroot().iter("message"))
    if missing:
        print(f"{len(missing)} of {total} UI strings have no finished Japanese translation "
              f"in {TS_FILE.as_posix()}:")
        for m in missing:
            print(f"  [{m.state}] {m.context}: {m.source!r}  ({m.location})")
        print("Run `python packaging/build_translations.py`, translate these strings in the .ts "
              "(remove type=\"unfinished\"), then run it again to compile the .qm.")
        return 1
    print(f"All {total} UI strings have a Japanese translation.")
    if not _qm_is_current(root):
        print(f"warning: {QM_FILE.as_posix()} is missing or older than the .ts; "
              "run `python packaging/build_translations.py` to rebuild it.", file=sys.stderr)
    return 0


def build(root: Path) -> int:
    ts, qm = root / TS_FILE, root / QM_FILE
    print(run_lupdate(root, ts))
    print(run_lrelease(ts, qm))
    missing = untranslated(ts)
    if missing:
        print(f"note: {len(missing)} strings still need a Japanese translation "
              f"(see `{Path(__file__).name} --check`).")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true",
                        help="change nothing; exit 1 if a UI string has no finished Japanese translation")
    args = parser.parse_args(argv)
    try:
        return check(ROOT) if args.check else build(ROOT)
    except BuildError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
