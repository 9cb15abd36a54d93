"""Templates cannot hang or exhaust the app: arithmetic, repetition, loops and output are bounded,
and each refusal says which template and which limit (on save, on render, in an archive)."""

from __future__ import annotations

import sqlite3
import zipfile

import pytest

from loyaldesk.core import errors
from loyaldesk.core.letters import templates as T

LOOP = "{% set s = 'abcdefghij' * 100 %}{% for a in s %}{% for b in s %}{% for c in s %}BODY{% endfor %}{% endfor %}{% endfor %}"

BOMBS = {
    "huge power": ("{{ 9 ** (9 ** 9) }}", "template.limit_value"),
    "huge repetition": ("{{ 'a' * 10**9 }}", "template.limit_value"),
    "repetition of a placeholder": ("{{ (name * 1000) * 1000 }}", "template.limit_value"),
    "list grown inside its own loop": ("{% set l = [1, 2] %}{% for x in l %}{{ l.append(x) }}{% endfor %}",
                                       "template.unsafe"),
    "three nested loops writing": (LOOP.replace("BODY", "x"), "template.limit_steps"),
    "a loop writing a lot": ("{% set s = 'abcdefghij' * 100 %}{% for a in s %}{{ s }}{% endfor %}",
                             "template.limit_output"),
    "three nested loops writing nothing": (LOOP.replace("BODY", "{% set q = a %}"), "template.limit_steps"),
}


@pytest.mark.timeout(60)  # a bomb the limits miss would run for minutes or exhaust memory
@pytest.mark.parametrize("name", BOMBS)
def test_each_template_bomb_is_refused_within_its_limit(name):
    text, key = BOMBS[name]
    with pytest.raises(errors.ValidationError) as caught:
        T.render_text(T.compile_template(text), T.sample_context("en"), name="thank_you (en)")
    assert caught.value.key == key
    if key.startswith("template.limit"):
        assert "thank_you (en)" in caught.value.message


def test_saving_a_bomb_is_refused_with_the_reason(db):
    template = T.get_template(db, "thank_you", "en")
    template.body = "{{ 'ha' * 10**8 }}"
    with pytest.raises(errors.ValidationError) as caught:
        T.save_template(db, template)
    assert "too large for a letter" in caught.value.message
    assert T.get_template(db, "thank_you", "en").body != template.body  # nothing saved


def test_ordinary_templates_render_as_before():
    body = "Dear {{ name }},\n{% if sessions > 3 %}Thank you for {{ sessions }} sessions.{% endif %} {{ 2 ** 10 }}"
    out = T.render_text(T.compile_template(body), T.sample_context("en"))
    assert out == "Dear Emily Carter,\nThank you for 12 sessions. 1024"


def test_a_long_letter_within_the_output_limit_is_fine():
    body = "{% set s = 'abcdefghij' * 100 %}{% for a in s %}{{ s[:150] }}{% endfor %}"
    assert len(T.render_text(T.compile_template(body), T.sample_context("en"))) == 150_000


def test_an_archive_carrying_a_template_bomb_is_refused(db, tmp_path):
    from loyaldesk.core.db import open_database
    from loyaldesk.core.io import export

    archive = tmp_path / "practice.zip"
    export.export_zip(db, archive)
    # the archive's template, edited by hand into a bomb (and its checksum updated, as an attacker would)
    import hashlib
    import json

    with zipfile.ZipFile(archive) as zf:
        members = {n: zf.read(n) for n in zf.namelist()}
    lines = members["letter_templates.jsonl"].decode().splitlines()
    rows = [json.loads(line) for line in lines]
    for row in rows:
        if row.get("key") == "thank_you" and row.get("lang") == "en":
            row["body"] = "{{ 'a' * 10**9 }}"
    members["letter_templates.jsonl"] = ("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n").encode()
    manifest = json.loads(members["manifest.json"])
    manifest["tables"]["letter_templates"]["sha256"] = hashlib.sha256(members["letter_templates.jsonl"]).hexdigest()
    members["manifest.json"] = json.dumps(manifest).encode()
    with zipfile.ZipFile(archive, "w") as zf:
        for n, data in members.items():
            zf.writestr(n, data)
    fresh = open_database(tmp_path / "fresh.db")
    try:
        with pytest.raises(errors.LoyalDeskError) as caught:
            export.import_zip(fresh, archive)
        assert "thank_you (en)" in caught.value.message and "Nothing was imported" in caught.value.message
        assert fresh.scalar("SELECT body FROM letter_templates WHERE key = 'thank_you' AND lang = 'en'") != \
            "{{ 'a' * 10**9 }}"
    finally:
        fresh.close()
    assert sqlite3.sqlite_version
