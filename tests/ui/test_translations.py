"""The Japanese UI translation: complete, loadable, and faithful to the placeholders."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "packaging" / "build_translations.py"
TS = ROOT / "resources" / "translations" / "loyaldesk_ja.ts"
QM = ROOT / "resources" / "translations" / "loyaldesk_ja.qm"

PLACEHOLDER = re.compile(r"%(?:\d+|n)")


def _build_script():
    spec = importlib.util.spec_from_file_location("build_translations", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def _messages():
    """(context, source, translation element) for every live message of the .ts."""
    root = ET.parse(TS).getroot()
    for context in root.iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.get("type") in ("obsolete", "vanished"):
                continue
            yield name, message.findtext("source", ""), translation


def test_every_ui_string_has_a_japanese_translation():
    """A new self.tr()/translate() string without a finished Japanese translation fails here."""
    if _build_script().find_tool("pyside6-lupdate") is None:
        pytest.skip("pyside6-lupdate is not available")
    proc = subprocess.run(
        [sys.executable, str(SCRIPT), "--check"],
        cwd=ROOT, capture_output=True, text=True, encoding="utf-8", timeout=300,
    )
    assert proc.returncode == 0, (
        "UI strings without a Japanese translation; run packaging/build_translations.py and "
        f"translate them:\n{proc.stdout}\n{proc.stderr}"
    )


@pytest.mark.parametrize(
    ("context", "source", "expected"),
    [
        ("ClientsScreen", "Overdue only", "連絡超過のみ"),
        ("ClientsTableModel", "Last contact", "最終連絡"),
        ("ClientsTableModel", "Days since", "経過日数"),
        ("ClientsTableModel", "Lifetime revenue", "累計売上"),
        ("ClientDetail", "Log session…", "セッションを記録…"),
        ("ClientDetail", "Referred by", "紹介者"),
        ("MainWindow", "Clients", "顧客"),
        ("MainWindow", "&File", "ファイル(&F)"),
        ("ClientDialog", "&Name *", "氏名(&N) *"),
        ("WelcomeView", "Welcome to LoyalDesk", "LoyalDeskへようこそ"),
        ("Labels", "Letter", "手紙"),  # through labels._tr, which lupdate cannot see by itself
    ],
)
def test_compiled_translation_loads(qapp, context, source, expected):
    from PySide6.QtCore import QCoreApplication, QTranslator

    assert QM.is_file(), "run packaging/build_translations.py to compile the .qm"
    translator = QTranslator()
    assert translator.load(str(QM))
    QCoreApplication.installTranslator(translator)
    try:
        assert QCoreApplication.translate(context, source) == expected
    finally:
        QCoreApplication.removeTranslator(translator)


def test_placeholders_survive_translation():
    checked = 0
    problems = []
    for context, source, translation in _messages():
        wanted = sorted(PLACEHOLDER.findall(source))
        if not wanted or translation is None:
            continue
        texts = [n.text or "" for n in translation.iter("numerusform")] or [translation.text or ""]
        for text in texts:
            if not text.strip():
                continue  # missing translations are the --check test's business
            checked += 1
            if sorted(PLACEHOLDER.findall(text)) != wanted:
                problems.append(f"{context}: {source!r} -> {text!r}")
    assert checked, "no translated message with a placeholder found"
    assert not problems, "placeholders lost or changed:\n" + "\n".join(problems)


def test_accelerators_keep_their_letter():
    """'&File' -> 'ファイル(&F)': a translated menu entry keeps an accelerator."""
    problems = []
    for context, source, translation in _messages():
        text = (translation.text or "") if translation is not None else ""
        marks = re.findall(r"&(\w)", source.replace("&&", ""))
        if not marks or not text.strip():
            continue
        if not re.search(r"&\w", text.replace("&&", "")):
            problems.append(f"{context}: {source!r} -> {text!r}")
    assert not problems, "accelerators lost:\n" + "\n".join(problems)
