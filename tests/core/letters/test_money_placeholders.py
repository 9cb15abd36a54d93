"""Letters speak the practice's currency: {{ last_fee }} and {{ lifetime_revenue }}."""

import datetime as dt

from loyaldesk.core import practice
from loyaldesk.core.letters import compose
from loyaldesk.core.letters.templates import LetterTemplate
from tests.conftest import add_client, add_session

DAY = dt.date(2026, 4, 10)


def _letter(db, client_id, lang="en"):
    template = LetterTemplate(None, "custom", lang, "Fees", "Your fee", "Last: {{ last_fee }}. So far: {{ lifetime_revenue }}.")
    return compose.preview_letter(db, template, client_id, as_of=DAY).body.strip()


def test_dollars_with_cents(db):
    practice.set_currency(db, "USD")
    cid = add_client(db, "Emily Carter")
    add_session(db, cid, "2026-01-10", fee=123456)
    add_session(db, cid, "2026-03-20", fee=15050)
    add_session(db, cid, "2026-05-01", fee=99900)  # after the letter's date: not yet
    assert _letter(db, cid) == "Last: $150.50. So far: $1,385.06."


def test_yen_as_before(db):
    cid = add_client(db, "山田 太郎")
    add_session(db, cid, "2026-03-20", fee=30000)
    assert _letter(db, cid, "ja") == "Last: ¥30,000. So far: ¥30,000."


def test_a_client_without_sessions_gets_empty_text(db):
    cid = add_client(db, "New Person")
    assert _letter(db, cid) == "Last: . So far: $0.00." if practice.currency(db) == "USD" else "Last: . So far: ¥0."


def test_sample_recipient_in_the_practice_currency(db):
    practice.set_currency(db, "EUR")
    assert _letter(db, None) == "Last: €150.00. So far: €1,800.00."
