"""The Qt binding the app runs on: signals emitted from Python must not corrupt the interpreter.

PySide6 6.12.0 dropped a reference to True on every emit of a signal from Python (True among
the arguments, or any signal with several arguments); the interpreter then aborts in
bool_dealloc, at exit or sooner. pyproject.toml excludes that version; this test fails on any
binding with the same defect.
"""

from __future__ import annotations

import sys


def test_emitting_signals_keeps_the_reference_counts_of_true(qapp):
    from PySide6.QtCore import QObject, Signal

    class Emitter(QObject):
        flag = Signal(bool)
        anything = Signal(object)
        pair = Signal(int, bool)

    emitter = Emitter()
    received = []
    emitter.pair.connect(lambda client_id, on: received.append(on))
    before = sys.getrefcount(True)
    for _ in range(50):
        emitter.flag.emit(True)
        emitter.anything.emit(True)
        emitter.pair.emit(1, True)
    assert received == [True] * 50
    received.clear()
    # 150 emits: the defect loses 150 references; a binding may keep one or two for itself
    assert abs(sys.getrefcount(True) - before) < 10
