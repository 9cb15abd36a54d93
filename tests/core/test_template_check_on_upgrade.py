"""After an upgrade, the stored letter templates are checked against today's limits (the check of save
and of an archive's import): one that fails is reported (the command line on stderr, the app in a
message), never used silently; letters with it are refused with the reason."""

from __future__ import annotations

import subprocess
import sys

import pytest

from loyaldesk.core import db as dbmod
from loyaldesk.core import errors, migrations
from loyaldesk.core.db import open_database
from loyaldesk.core.letters import templates
from tests.conftest import add_client

BOMB = "{{ 'ab' * 10**9 }}"  # accepted by an older LoyalDesk, over the limits now


def older_practice(path, monkeypatch, body=BOMB):
    """A practice written one schema ago whose thank-you template (English) holds `body`."""
    with monkeypatch.context() as m:
        m.setattr(dbmod, "MIGRATIONS", migrations.MIGRATIONS[:-1])
        m.setattr(dbmod, "LATEST_VERSION", migrations.LATEST_VERSION - 1)
        with open_database(path) as db:
            add_client(db, "Kept")
            with db.transaction() as conn:
                conn.execute("UPDATE letter_templates SET body = ? WHERE key = 'thank_you' AND lang = 'en'", (body,))
            assert db.schema_version == migrations.LATEST_VERSION - 1
    return path


def test_the_upgrade_reports_a_template_over_the_limits(tmp_path, monkeypatch):
    path = older_practice(tmp_path / "old.db", monkeypatch)
    heard = []
    monkeypatch.setattr(dbmod, "_upgrade_reporter", heard.append)
    with open_database(path) as db:
        assert db.schema_version == migrations.LATEST_VERSION
        assert len(db.upgrade_problems) == 1 and heard == db.upgrade_problems
        line = heard[0]
        assert line.startswith("After the upgrade, the letter template thank_you (en) does not pass the template checks")
        assert "Letters with it are refused until it is fixed" in line
        template = templates.get_template(db, "thank_you", "en")
        with pytest.raises(errors.ValidationError):  # not used silently: a letter with it is refused
            templates.check_template(template.subject, template.body, "en")
    with open_database(path) as db:  # reported once, by the upgrade
        assert db.upgrade_problems == []


def test_an_upgrade_with_sound_templates_reports_nothing(tmp_path, monkeypatch):
    path = older_practice(tmp_path / "old.db", monkeypatch, body="Dear {{ addressee }},\n\nthank you.")
    heard = []
    monkeypatch.setattr(dbmod, "_upgrade_reporter", heard.append)
    with open_database(path) as db:
        assert db.upgrade_problems == [] and heard == []


def test_the_command_line_says_so_on_stderr(tmp_path, monkeypatch):
    path = older_practice(tmp_path / "old.db", monkeypatch)
    proc = subprocess.run([sys.executable, "-m", "loyaldesk", "--lang", "ja", "init", "--db", str(path)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("loyaldesk: 更新後の確認で、レターのテンプレート thank_you (en) が")
