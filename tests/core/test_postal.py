from loyaldesk.core import postal


def test_lookup_known_code_in_any_width():
    assert postal.lookup("150-0001") == "東京都渋谷区神宮前"
    assert postal.lookup("１５００００１") == "東京都渋谷区神宮前"
    assert postal.lookup("〒100-0001") == "東京都千代田区千代田"


def test_unknown_or_malformed_codes():
    assert postal.lookup("000-0000") is None
    assert postal.lookup("12345") is None
    assert postal.lookup("") is None


def test_format():
    assert postal.format_postal_code("１５００００１") == "150-0001"
    assert postal.format_postal_code("abc") == "abc"
