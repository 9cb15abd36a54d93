"""Templates: the seeded set, placeholders, validation with line numbers, and the sandbox."""

from __future__ import annotations

import datetime as dt

import pytest

from loyaldesk.core.errors import NotFoundError, ValidationError
from loyaldesk.core.letters import templates as T
from loyaldesk.core.letters.compose import plan_letters


def test_every_kind_is_seeded_in_both_languages(db):
    keys = T.template_keys(db)
    assert set(keys) == set(T.TEMPLATE_KEYS)
    for kind in ("thank_you", "follow_up", "reconnect", "birthday", "anniversary", "vip_invitation",
                 "referral_request", "referral_thanks", "recognition", "role_offer", "feedback_invite",
                 "season_greeting.new_year", "season_greeting.summer", "season_greeting.winter_mourning",
                 "season_greeting.year_end"):
        assert keys[kind] == ["ja", "en"]
    for x in T.list_templates(db):  # every default passes its own check
        T.check_template(x.subject, x.body, x.lang)


def test_suggestion_templates_have_a_letter(db):
    from loyaldesk.core.suggestions import KINDS, SEASONS

    keys = T.template_keys(db)
    for kind in KINDS:
        if kind == "season_greeting":
            assert all(f"season_greeting.{s}" in keys for s in SEASONS)
        else:
            assert kind in keys


@pytest.mark.parametrize("month,greeting", [(1, "新春の候"), (4, "陽春の候"), (7, "盛夏の候"), (10, "秋冷の候"),
                                            (12, "師走の候")])
def test_seasonal_greeting_table(month, greeting):
    assert T.seasonal_greeting(dt.date(2026, month, 5)) == greeting
    assert len(set(T.SEASONAL_GREETINGS.values())) == 12


def test_dates_in_the_letter_language():
    assert T.format_date(dt.date(2026, 4, 1), "ja") == "2026年4月1日"
    assert T.format_date(dt.date(2026, 4, 1), "en") == "April 1, 2026"


def test_japanese_letters_in_the_japanese_era_when_asked():
    assert T.format_date(dt.date(2026, 4, 1), "ja", "era") == "令和8年4月1日"
    assert T.format_date(dt.date(2019, 5, 1), "ja", "era") == "令和元年5月1日"  # the first year: 元年
    assert T.format_date(dt.date(2019, 4, 30), "ja", "era") == "平成31年4月30日"
    assert T.format_date(dt.date(2026, 4, 1), "en", "era") == "April 1, 2026"  # English: never an era
    assert [T.format_year_ja(y, "era") for y in (2027, 2020, 2019, 1989)] == ["令和9年", "令和2年", "平成31年", "昭和64年"]
    assert T.format_year_ja(2027) == "2027年"


def test_the_sender_profile_chooses_how_letters_are_dated(db):
    from loyaldesk.core.errors import ValidationError
    from loyaldesk.core.letters import compose
    from loyaldesk.core.letters.sender import SenderProfile, load_sender, save_sender
    from tests.conftest import add_client, add_session

    cid = add_client(db, "山田 太郎", address1="東京都渋谷区神宮前1-1-1")
    add_session(db, cid, "2026-03-20")
    day = dt.date(2026, 4, 10)
    assert compose.plan_letters(db, "thank_you", [cid], as_of=day).letters[0].date_text == "2026年4月10日"
    save_sender(db, SenderProfile(name="高橋 恵子", date_style="era"))
    assert load_sender(db).date_style == "era"
    letter = compose.plan_letters(db, "thank_you", [cid], as_of=day).letters[0]
    assert letter.date_text == "令和8年4月10日"
    assert "令和8年3月20日" in letter.body  # the last session, cited in the same style
    with pytest.raises(ValidationError):
        save_sender(db, SenderProfile(date_style="showa"))
    with db.transaction() as conn:  # a value another tool wrote: the default
        conn.execute("UPDATE settings SET value = '\"meiji\"' WHERE key = 'sender_date_style'")
    assert load_sender(db).date_style == "western"


def test_unknown_placeholder_reported_with_line(db):
    body = "Dear {{ name }},\n\nThank you.\n{{ nmae }}\n"
    with pytest.raises(ValidationError) as info:
        T.save_template(db, T.LetterTemplate(None, "thank_you", "en", "Thanks", "Hi", body))
    assert info.value.field == "body"
    assert "Line 4" in info.value.message and "nmae" in info.value.message
    assert "{{ nmae }}" not in T.get_template(db, "thank_you", "en").body  # nothing saved


def test_syntax_error_reported_with_line(db):
    with pytest.raises(ValidationError) as info:
        T.save_template(db, T.LetterTemplate(None, "thank_you", "ja", "お礼", "", "拝啓\n{% if name %}\n本文\n"))
    assert info.value.message.startswith("Line ")
    set_ja = T.check_template
    with pytest.raises(ValidationError) as info:
        set_ja("", "one\ntwo {{ name \n")
    assert "Line 2" in info.value.message


@pytest.mark.parametrize("body", [
    "{{ name.__class__ }}",
    "{{ name.__class__.__mro__[1].__subclasses__() }}",
    "{{ ''.__class__.__base__.__subclasses__() }}",
    "{{ self.__init__.__globals__ }}",
    "{{ name.format.__globals__ }}",
    "{% import 'os' as os %}",
    "{% include '/etc/passwd' %}",
    "{% extends '/etc/passwd' %}",
    "{% from 'os' import path %}",
    "{{ open('/etc/passwd').read() }}",
    "{{ __import__('os').system('echo hi') }}",
    "{{ cycler.__init__.__globals__.os }}",
    "{{ lipsum.__globals__['os'] }}",
    "{{ range(10) }}",
    "{{ name|attr('__class__') }}",
])
def test_sandbox_escapes_are_rejected(db, body):
    with pytest.raises(ValidationError):
        T.save_template(db, T.LetterTemplate(None, "thank_you", "en", "x", "", body))


def test_save_and_reset(db, practice):
    saved = T.save_template(db, T.LetterTemplate(None, "thank_you", "en", "Mine", "Thanks {{ name }}",
                                                 "Dear {{ addressee }},\n{% set n = sessions %}{{ n }} sessions\n"))
    assert saved.updated_at and saved.name == "Mine"
    plan = plan_letters(db, "thank_you", [practice["carter"]], as_of=dt.date(2026, 4, 10))
    assert plan.letters[0].subject == "Thanks Emily Carter"
    assert "Dear Ms. Emily Carter,\n1 sessions" in plan.letters[0].body
    back = T.reset_template(db, "thank_you", "en")
    assert back.name == "Thank-you letter" and back.updated_at is None


def test_unknown_template_key(db, practice):
    with pytest.raises(NotFoundError) as info:
        plan_letters(db, "no_such", [practice["yamada"]])
    assert "no_such" in info.value.message


def test_placeholder_help_in_both_languages():
    en = dict(T.placeholder_help("en"))
    ja = dict(T.placeholder_help("ja"))
    assert set(en) == set(ja) == set(T.PLACEHOLDERS)
    assert "時候の挨拶" in ja["seasonal_greeting"]
