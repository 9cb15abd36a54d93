"""Rules of the house that a test can hold: the core never imports Qt; no network at all."""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "loyaldesk"


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_core_never_imports_pyside6():
    offenders = {
        str(p.relative_to(PACKAGE)): sorted(m for m in imported_modules(p) if m.split(".")[0] == "PySide6")
        for p in (PACKAGE / "core").rglob("*.py")
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_importing_core_loads_no_qt():
    code = ("import sys, importlib, pkgutil, loyaldesk.core as c\n"
            "for m in pkgutil.walk_packages(c.__path__, 'loyaldesk.core.'): importlib.import_module(m.name)\n"
            "assert 'PySide6' not in sys.modules")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr


def test_no_network_modules_in_the_package():
    banned = {"urllib.request", "http.client", "requests", "httpx", "PySide6.QtNetwork", "socket", "ftplib", "smtplib"}
    found = {str(p.relative_to(PACKAGE)): sorted(imported_modules(p) & banned) for p in PACKAGE.rglob("*.py")}
    assert {k: v for k, v in found.items() if v} == {}


@pytest.mark.skipif(shutil.which("strace") is None, reason="strace not installed")
def test_app_opens_no_network_connection(tmp_path):
    """Run the whole app (self-test: window, sample data, every screen) under strace: no inet connect()."""
    log = tmp_path / "trace.txt"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run(
        ["strace", "-f", "-qq", "-e", "trace=connect,sendto", "-o", str(log), sys.executable, "-m", "loyaldesk", "self-test"],
        capture_output=True, text=True, env=env, timeout=300,
    )
    if "PTRACE" in proc.stderr or "Operation not permitted" in proc.stderr:
        pytest.skip("ptrace not permitted here")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    inet = [line for line in log.read_text().splitlines() if "AF_INET" in line]
    assert inet == []
