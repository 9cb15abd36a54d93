import datetime as dt

import pytest

from loyaldesk.core.letters.sender import SenderProfile, save_sender
from tests.conftest import add_client, add_session

DAY = dt.date(2026, 4, 10)


@pytest.fixture
def practice(db):
    """A Japanese person with company and title, an organisation (御中), an English client,
    a do-not-contact, an archived and an address-less client; the sender profile filled in."""
    save_sender(db, SenderProfile(name="高橋 恵子", business="高橋経営相談室", postal_code="1500041",
                                  address="東京都渋谷区神南1-2-3", phone="03-1234-5678", email="keiko@example.com"))
    ids = {
        "yamada": add_client(db, "山田 太郎", honorific="様", company="株式会社サンプル", title="代表取締役",
                             postal_code="1500001", address1="東京都渋谷区神宮前1-1-1", email="taro@example.com"),
        "org": add_client(db, "株式会社みらい", honorific="御中", address1="大阪府大阪市北区梅田1-1"),
        "carter": add_client(db, "Emily Carter", honorific="Ms", company="Carter & Co.", address1="12 High Street",
                             address2="London", email="emily@example.com"),
        "dnc": add_client(db, "連絡 不要", address1="東京都", do_not_contact=1),
        "archived": add_client(db, "古い 顧客", address1="東京都", archived=1),
        "nowhere": add_client(db, "住所 なし"),
    }
    add_session(db, ids["yamada"], "2026-03-20", topic="新規事業の資金計画")
    add_session(db, ids["yamada"], "2023-02-01")
    add_session(db, ids["carter"], "2026-03-25", topic="pricing")
    return ids
