"""Japanese texts as a Japanese user reads them: numbers with their counters (2名, 3通, 5件), lists joined
with 、, a season card named 2027年の年賀状; tiers capitalised in English. The rules are in docs/glossary.md."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from loyaldesk import paths
from loyaldesk.core import greetings
from loyaldesk.core.letters.sender import SenderProfile, save_sender
from tests.conftest import add_client, add_session

TS_FILE = paths.resource("translations", "loyaldesk_ja.ts")


@pytest.fixture
def japanese(qapp):
    from loyaldesk.core.i18n import set_language
    from loyaldesk.ui.app import install_translators

    translators = install_translators(qapp, "ja")
    set_language("ja")
    yield
    for tr in translators:
        qapp.removeTranslator(tr)
    set_language("en")


@pytest.fixture
def season_clients(db):
    """AS_OF is 2026-11-23: the season is the New Year 2027. One client in mourning, one do-not-contact."""
    save_sender(db, SenderProfile(name="高橋 恵子", business="高橋経営相談室", postal_code="1500041",
                                  address="東京都渋谷区神南1-2-3"))
    a = add_client(db, "山田 太郎", name_kana="やまだ", honorific="様", postal_code="1500001",
                   address1="東京都渋谷区神宮前1-1-1")
    b = add_client(db, "伊藤 蓮", name_kana="いとう", postal_code="2110004", address1="神奈川県川崎市中原区2-3")
    c = add_client(db, "佐藤 花子", name_kana="さとう", postal_code="1600022", address1="東京都新宿区新宿3-1")
    d = add_client(db, "連絡 不要", name_kana="れんらく", address1="東京都", do_not_contact=1)
    e = add_client(db, "住所 なし", name_kana="じゅうしょ")
    for cid in (a, b, c, e):
        add_session(db, cid, "2026-10-01")
    greetings.save_greeting(db, b, 2027, "new_year", "mourning", "2026-11-10")
    return a, b, c, d, e


def test_addresses_in_japanese_count_people_and_name_the_card_with_its_year(qtbot, japanese, services, season_clients,
                                                                            tmp_path):
    from loyaldesk.ui.addresses.screen import AddressesScreen

    screen = AddressesScreen(services)
    qtbot.addWidget(screen)
    screen.resize(1280, 720)
    screen.show()
    assert screen.season_combo.currentText() == "2027年の年賀状"
    with qtbot.waitSignal(screen.preview_ready, timeout=20000):
        screen.refresh_preview()
    panel = screen.panel
    # 、 between the reasons, 名 after each number (no ASCII ", ")
    assert panel.skipped_label.text() == "対象外: 喪中 1名（年賀状なし）、連絡不要 1名、住所なし 1名。"
    assert panel.summary_label.text() == "2名中 2名を選択"
    with qtbot.waitSignal(panel.saved, timeout=20000):
        panel.save_to(str(tmp_path / "cards.pdf"))
    text = panel.banner_label.text()
    assert "宛先 2名それぞれに" in text  # the number is there, where it belongs
    assert "「2027年の年賀状」として送付済みに記録されます。" in text
    assert "年 年賀状" not in text and ", " not in text
    panel.record_button.click()
    assert "送付済みとして記録しました: 2件。" in panel.banner_label.text()


def test_lists_are_joined_as_the_language_writes_them():
    from loyaldesk.core.i18n import join_list

    assert join_list(["経営者", "ニュースレター"], "ja") == "経営者、ニュースレター"
    assert join_list(["owner", "newsletter"], "en") == "owner, newsletter"


def test_status_bar_counts_clients_with_mei(qtbot, japanese, services, db):
    from loyaldesk.settings import Preferences
    from loyaldesk.ui.main_window import MainWindow

    for name in ("山田 太郎", "佐藤 花子", "鈴木 一郎"):
        add_client(db, name)
    services.reload_all()
    window = MainWindow(services, Preferences.load())
    qtbot.addWidget(window)
    window.show()
    window.show_screen(window.clients_screen)
    qtbot.waitUntil(lambda: "顧客 3名" in window.count_label.text(), timeout=10000)
    assert re.fullmatch(r"顧客 3名 · 連絡超過 \d+名", window.count_label.text())


def _translations() -> list[tuple[str, str, str]]:
    root = ET.parse(TS_FILE).getroot()
    found = []
    for ctx in root.iter("context"):
        for m in ctx.iter("message"):
            tr = m.find("translation")
            if tr is not None and tr.get("type") != "unfinished" and tr.text:
                found.append((ctx.find("name").text, m.find("source").text or "", tr.text))
    return found


def _core_catalog() -> dict[str, dict[str, str]]:
    import importlib
    import pkgutil

    import loyaldesk.core as core
    from loyaldesk.core import i18n

    for mod in pkgutil.walk_packages(core.__path__, "loyaldesk.core."):
        importlib.import_module(mod.name)
    for name in ("loyaldesk.cli", "loyaldesk.cli_protect", "loyaldesk.cli_addresses"):
        importlib.import_module(name)
    return i18n.CATALOG


JAPANESE = r"[\u3040-\u30ff\u3400-\u9fff\uff00-\uffef]"
RULES = {
    "an ASCII comma between Japanese words (use 、)": re.compile(JAPANESE + r", |, (?=" + JAPANESE + ")"),
    "a space between a number and its counter (3件, 2名, 5通)": re.compile(r"(%\d|\}|\d) (件|名(?!前)|通|人)"),
    "a year before a season card without の (2027年の年賀状)": re.compile(r"年 (年賀状|寒中見舞い|暑中見舞い)"),
    "a term the glossary replaces": re.compile(r"セグメント|ヒアリング|お誘いする|クライアント|離反リスク|歳末のご挨拶"),
}


def test_every_japanese_text_follows_the_glossary():
    """docs/glossary.md: 、 between items, counters right after the number, one word per thing."""
    texts = [(f"{ctx}: {source[:50]}", tr) for ctx, source, tr in _translations()]
    texts += [(key, entry["ja"]) for key, entry in _core_catalog().items() if entry.get("ja")]
    assert len(texts) > 1000
    broken = [f"{where} → {text[:80]} ({rule})" for where, text in texts for rule, pattern in RULES.items()
              if pattern.search(text)]
    assert not broken, "\n".join(broken)


def test_english_texts_write_tier_names_capitalised():
    """Tier keys (vip, candidate…) are values for the command line and JSON; sentences say VIP, Regular…"""
    root = ET.parse(TS_FILE).getroot()
    sources = [m.find("source").text or "" for m in root.iter("message")]
    assert not [s for s in sources if re.search(r"\bvip\b", s)]
    assert "Candidates %1 · Regular %2 · New %3" in sources
    catalog = _core_catalog()
    assert not [k for k, v in catalog.items() if re.search(r"\bvip\b", v.get("en", "")) and not k.endswith("_invalid")]
