"""The command line warns on stderr, in the user's language, before it writes Japanese documents with only an
English sender profile (or the reverse), and an invitation whose event has no title in a letter's language; the
documents are still written (the warning does not block a script)."""

from __future__ import annotations

import datetime as dt

from pypdf import PdfReader

from loyaldesk.core import events
from loyaldesk.core.db import open_database
from loyaldesk.core.letters.sender import SenderProfile, save_sender
from tests.cli.test_cli import run
from tests.conftest import add_client


def practice(tmp_path):
    path = tmp_path / "p.db"
    with open_database(path) as db:
        save_sender(db, SenderProfile(name="Keiko Takahashi", business="Takahashi Business Advisory",
                                      address="1-2-3 Jinnan, Shibuya-ku, Tokyo", phone="+81 3 1234 5678"))
        ids = [add_client(db, "山田 太郎", honorific="様", postal_code="1500001", address1="東京都渋谷区神宮前1-1-1"),
               add_client(db, "Emily Carter", honorific="Ms", address1="12 High Street", address2="London")]
        event = events.save_event(db, events.Event(None, "Spring study session", "study_session",
                                                   dt.datetime(2027, 2, 20, 14, 0), "Shibuya Civic Hall"))
    return path, ids, event.id


def test_letters_and_postcards_warn_on_stderr_and_are_written(tmp_path):
    path, ids, _event = practice(tmp_path)
    out = tmp_path / "letters.pdf"
    proc = run("letters", "--db", str(path), "--template", "thank_you", "--clients", ",".join(map(str, ids)),
               "--out", str(out), "--as-of", "2027-01-15")
    assert proc.stderr.splitlines() == [
        "loyaldesk: warning: There is no Japanese sender profile: the Japanese documents (1) will be signed with the "
        "English one (Keiko Takahashi). Fill in the Japanese profile in Preferences > Sender."]
    assert "Wrote 2 letters" in proc.stdout and out.exists()
    assert "Keiko Takahashi" in PdfReader(str(out)).pages[0].extract_text()  # signed with the profile there is
    cards = tmp_path / "cards.pdf"
    proc = run("postcards", "--db", str(path), "--clients", str(ids[0]), "--out", str(cards), "--as-of", "2027-01-15",
               env_extra={"LOYALDESK_LANG": "ja"})
    assert [line.replace(" ", "") for line in proc.stderr.splitlines()] == [  # (the spaces around the number aside)
        "loyaldesk:注意:日本語の差出人情報がありません。日本語の書類1件に英語の差出人情報（KeikoTakahashi）を使います。"
        "環境設定>差出人で日本語の差出人情報を入力してください。"]
    assert cards.exists()
    # an English document alone: its own profile, nothing to say
    proc = run("letters", "--db", str(path), "--template", "thank_you", "--clients", str(ids[1]),
               "--out", str(tmp_path / "en.pdf"))
    assert proc.stderr == ""


def test_invite_warns_about_the_event_title_and_the_profile(tmp_path):
    path, ids, event_id = practice(tmp_path)
    out = tmp_path / "invite.pdf"
    proc = run("invite", "--db", str(path), "--event", str(event_id), "--wave", "general", "--out", str(out),
               "--as-of", "2027-01-15")
    lines = proc.stderr.splitlines()
    assert len(lines) == 2 and "There is no Japanese sender profile" in lines[0]
    assert lines[1] == ("loyaldesk: warning: The event has no Japanese title: the Japanese letters show “Spring study "
                        "session”. Add the Japanese title in the event's dialog.")
    assert out.exists()
