"""Greeting-card history, the "to send this season" list, mourning (喪中) in the suggestions."""

from __future__ import annotations

import datetime as dt

import pytest

from loyaldesk.core import greetings
from loyaldesk.core.errors import ValidationError
from loyaldesk.core.i18n import set_language
from loyaldesk.core.suggestions import act, open_suggestions
from tests.conftest import add_client, add_session

D = dt.date


def season_suggestions(db, day, cid):
    return {s.template: s for s in open_suggestions(db, day, client_id=cid) if s.kind == "season_greeting"}


@pytest.fixture
def clients(db):
    ids = {
        "yamada": add_client(db, "山田 太郎", name_kana="やまだ たろう", address1="東京都渋谷区1-1", created="2020-01-01"),
        "ito": add_client(db, "伊藤 蓮", name_kana="いとう れん", address1="神奈川県川崎市2-2", created="2020-01-01"),
        "dnc": add_client(db, "連絡 不要", name_kana="れんらく", address1="東京都", do_not_contact=1),
        "archived": add_client(db, "古い 顧客", name_kana="ふるい", address1="東京都", archived=1),
        "nowhere": add_client(db, "住所 なし", name_kana="じゅうしょ"),
    }
    for key in ("yamada", "ito"):
        add_session(db, ids[key], "2026-11-01")
    return ids


def test_history_is_kept_per_year_and_season_and_editable(db, clients):
    cid = clients["yamada"]
    a = greetings.save_greeting(db, cid, 2026, "new_year", "sent", "2025-12-20")
    greetings.save_greeting(db, cid, 2026, "new_year", "received", "2026-01-01")
    greetings.save_greeting(db, cid, 2026, "summer", "sent")
    greetings.save_greeting(db, cid, 2027, "new_year", "mourning", "2026-11-20")
    assert greetings.save_greeting(db, cid, 2026, "new_year", "sent") == a  # the same record
    history = [(g.year, g.season, g.kind, g.date) for g in greetings.client_greetings(db, cid)]
    assert history == [(2027, "new_year", "mourning", D(2026, 11, 20)),
                       (2026, "new_year", "sent", D(2025, 12, 20)),
                       (2026, "new_year", "received", D(2026, 1, 1)),
                       (2026, "summer", "sent", None)]
    greetings.save_greeting(db, cid, 2025, "year_end", "sent", None, greeting_id=a)
    assert (2025, "year_end", "sent") in [(g.year, g.season, g.kind) for g in greetings.client_greetings(db, cid)]
    greetings.delete_greeting(db, a)
    assert len(greetings.client_greetings(db, cid)) == 3
    assert greetings.client_greetings(db, cid)[0].kind_text == "in mourning (喪中)"


@pytest.mark.parametrize("args", [(2027, "spring", "sent"), (2027, "new_year", "lost"), ("20x7", "new_year", "sent"),
                                  (1800, "new_year", "sent")])
def test_invalid_records_are_user_errors(db, clients, args):
    with pytest.raises(ValidationError):
        greetings.save_greeting(db, clients["yamada"], *args)


def test_to_send_leaves_out_mourning_dnc_archived_sent_and_addressless(db, clients):
    greetings.save_greeting(db, clients["ito"], 2027, "new_year", "mourning")
    send = greetings.to_send(db, "new_year", 2027)
    assert send.client_ids == [clients["yamada"]]
    reasons = {s.client_id: s.reason for s in send.skipped}
    assert reasons == {clients["ito"]: "mourning", clients["dnc"]: "do_not_contact", clients["nowhere"]: "no_address"}
    assert clients["archived"] not in reasons  # not an active client
    # the summer list still has the client in mourning; the winter list has only them
    assert greetings.to_send(db, "summer", 2027).client_ids == [clients["ito"], clients["yamada"]]
    assert greetings.to_send(db, "winter", 2027).client_ids == [clients["ito"]]
    greetings.record_cards_sent(db, [clients["yamada"]], "new_year", 2027, on=D(2026, 12, 20))
    send = greetings.to_send(db, "new_year", 2027)
    assert send.client_ids == [] and {s.reason for s in send.skipped} >= {"already_sent", "mourning"}


def test_record_cards_sent_logs_greetings_and_card_touchpoints(db, clients):
    cid = clients["yamada"]
    assert greetings.record_cards_sent(db, [cid, cid, 999], "new_year", 2027, on=D(2026, 12, 20)) == 1
    assert [(g.year, g.season, g.kind, g.date) for g in greetings.client_greetings(db, cid)] == [
        (2027, "new_year", "sent", D(2026, 12, 20))]
    rows = db.query("SELECT date, channel, note FROM touchpoints WHERE client_id = ?", (cid,), plain=True)
    assert [tuple(r) for r in rows] == [("2026-12-20", "card", "New Year card 2027")]
    # the New Year suggestion is answered; the year-end greeting is still open
    assert set(season_suggestions(db, D(2026, 12, 21), cid)) == {"season_greeting.year_end"}


def test_mourning_replaces_the_new_year_card_by_a_winter_greeting_after_matsu_no_uchi(db, clients):
    cid, other = clients["ito"], clients["yamada"]
    greetings.save_greeting(db, cid, 2027, "new_year", "mourning", "2026-11-20")
    assert set(season_suggestions(db, D(2026, 12, 2), cid)) == {"season_greeting.year_end"}
    assert "season_greeting.new_year" in season_suggestions(db, D(2026, 12, 2), other)
    # no winter greeting during 松の内 (1-7 January), then one from 8 January to 3 February
    assert season_suggestions(db, D(2027, 1, 7), cid) == {}
    winter = season_suggestions(db, D(2027, 1, 8), cid)["season_greeting.winter_mourning"]
    assert (winter.cycle, winter.channel, winter.due) == ("winter:2027", "card", D(2027, 1, 20))
    assert winter.label == "Winter greeting (in mourning)"
    assert winter.reason.startswith("Winter greeting instead of a New Year card for 2027 (in mourning)")
    assert season_suggestions(db, D(2027, 2, 4), cid) == {}
    assert season_suggestions(db, D(2027, 1, 8), other) == {}  # not in mourning: no winter greeting
    act(db, winter, "done", on=D(2027, 1, 10))
    assert season_suggestions(db, D(2027, 1, 11), cid) == {}
    rows = db.query("SELECT channel, note FROM touchpoints WHERE client_id = ?", (cid,), plain=True)
    assert [tuple(r) for r in rows] == [("card", "Winter greeting")]


def test_winter_greeting_in_japanese_and_gone_once_recorded_as_sent(db, clients):
    set_language("ja")
    cid = clients["ito"]
    greetings.save_greeting(db, cid, 2027, "new_year", "mourning")
    winter = season_suggestions(db, D(2027, 1, 12), cid)["season_greeting.winter_mourning"]
    assert winter.label == "寒中見舞い" and winter.reason.startswith("喪中のため 2027年の年賀状に代えて寒中見舞い")
    greetings.record_cards_sent(db, [cid], "winter", 2027, on=D(2027, 1, 12))
    assert season_suggestions(db, D(2027, 1, 13), cid) == {}


def test_current_season():
    assert greetings.current_season(D(2026, 11, 23)) == ("new_year", 2027)
    assert greetings.current_season(D(2027, 1, 3)) == ("new_year", 2027)
    assert greetings.current_season(D(2027, 1, 15)) == ("winter", 2027)
    assert greetings.current_season(D(2027, 7, 15)) == ("summer", 2027)
