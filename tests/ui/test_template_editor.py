"""The template editor: placeholders inserted, errors shown with their line, save, reset, live preview."""

from __future__ import annotations

import pytest

from loyaldesk.core.letters.templates import get_template
from tests.conftest import add_client


@pytest.fixture
def editor(qtbot, services, db):
    from loyaldesk.ui.letters.editor import TemplateEditor

    add_client(db, "Emily Carter", honorific="Ms", address1="12 High Street")
    w = TemplateEditor(services)
    qtbot.addWidget(w)
    w.resize(1200, 760)
    w.show()
    return w


def test_edit_insert_placeholder_save_and_reset(editor, services):
    editor.select("thank_you", "en")
    assert editor.current.key == "thank_you" and editor.current.lang == "en"
    assert editor.document.pageCount() == 1  # the live preview
    editor.body_edit.setPlainText("Dear ")
    editor.body_edit.moveCursor(editor.body_edit.textCursor().MoveOperation.End)
    editor.insert_placeholder("addressee")
    assert editor.body_edit.toPlainText() == "Dear {{ addressee }}"
    editor.client_combo.setCurrentIndex(editor.client_combo.findText("Emily Carter"))
    editor.update_preview()
    assert editor.error_label.text() == ""
    assert editor.save()
    assert get_template(services.db, "thank_you", "en").body == "Dear {{ addressee }}"
    editor.reset_button.click()
    assert "Thank you for taking the time" in get_template(services.db, "thank_you", "en").body
    assert "Thank you for taking the time" in editor.body_edit.toPlainText()


def test_errors_are_shown_with_their_line_and_nothing_saved(editor, services):
    editor.select("thank_you", "ja")
    before = get_template(services.db, "thank_you", "ja").body
    editor.body_edit.setPlainText("拝啓\n本文\n{{ 顧客名 }}\n")
    editor.update_preview()
    assert "Line 3" in editor.error_label.text()
    assert len(editor.body_edit.extraSelections()) == 1
    assert not editor.save()
    assert get_template(services.db, "thank_you", "ja").body == before
    editor.body_edit.setPlainText("{{ name.__class__ }}")
    assert not editor.save()
    assert editor.error_label.text()
