"""Practice-wide settings that change what the data means, stored in the database itself.

They live in the `settings` table (key -> JSON value), so the CLI, the app and any copy
of the file agree on them. Preferences of this computer (language, window layout) are in
loyaldesk.settings instead.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields

from loyaldesk.core import money
from loyaldesk.core.db import Database
from loyaldesk.core.errors import ValidationError
from loyaldesk.core.i18n import CATALOG, t

DEFAULT_CADENCE_DAYS = 90
BACKUP_KEEP_LAST_RANGE = (1, 1000)  # the newest N automatic backups are always kept
BACKUP_KEEP_MONTHLY_RANGE = (0, 600)  # plus the newest of each of the last N calendar months
INTERVAL_RANGE = (1, 3650)  # every contact interval, in days
NEW_CLIENT_DAYS_RANGE = (0, 3650)  # 0: no "new" tier, every client with a session is ranked
DORMANT_DAYS_RANGE = (1, 3650)
REFERRAL_REQUEST_DAYS_RANGE = (1, 3650)  # next actions: no second referral request within this period
DAILY_CAPACITY_RANGE = (1, 50)  # the daily plan: personal contacts the consultant makes in a day
# The tiers' contact intervals: the setting for each tier (prospects and clients not yet
# ranked use default_cadence_days). A client's own cadence_days overrides all of them.
TIER_INTERVAL_FIELDS = {
    "vip": "tier_interval_vip",
    "candidate": "tier_interval_candidate",
    "regular": "tier_interval_regular",
    "new": "tier_interval_new",
}

CATALOG.update({
    "tier.vip": {"en": "VIP", "ja": "ロイヤル"},
    "tier.candidate": {"en": "Candidate", "ja": "ロイヤル候補"},
    "tier.regular": {"en": "Regular", "ja": "一般"},
    "tier.new": {"en": "New", "ja": "新規"},
    "tier.prospect": {"en": "Prospect", "ja": "見込み客"},
    "settings.backup_keep_last_invalid": {
        "en": "The number of recent backups to keep must be a whole number between 1 and 1000.",
        "ja": "保持する最近のバックアップの数は 1〜1000 の整数で入力してください。",
    },
    "settings.backup_keep_monthly_invalid": {
        "en": "The number of months with a monthly backup must be a whole number between 0 and 600.",
        "ja": "月ごとのバックアップを残す月数は 0〜600 の整数で入力してください。",
    },
    "settings.vip_share_invalid": {
        "en": "The VIP share must be between 1 % and 100 % of the ranked clients (e.g. 0.20 for 20 %).",
        "ja": "ロイヤル顧客の割合は、順位付けした顧客の 1〜100 %（20 % なら 0.20）で指定してください。",
    },
    "settings.candidate_share_invalid": {
        "en": "The candidate share must be between 0 % and 100 % of the ranked clients (e.g. 0.20 for 20 %).",
        "ja": "ロイヤル候補の割合は、順位付けした顧客の 0〜100 %（20 % なら 0.20）で指定してください。",
    },
    "settings.shares_too_large": {
        "en": "The VIP and candidate shares together cannot exceed 100 % of the ranked clients.",
        "ja": "ロイヤル顧客とロイヤル候補の割合の合計は 100 % 以下にしてください。",
    },
    "settings.new_client_days_invalid": {
        "en": "The period during which a client counts as new must be a whole number of days between 0 and 3650.",
        "ja": "新規顧客とみなす期間は 0〜3650 の日数で入力してください。",
    },
    "settings.dormant_days_invalid": {
        "en": "The time without contact after which a client is dormant must be a whole number of days between 1 and 3650.",
        "ja": "休眠とみなすまでの連絡のない期間は 1〜3650 の日数で入力してください。",
    },
    "settings.referral_request_days_invalid": {
        "en": "The time before a client may be asked for a referral again must be a whole number of days between 1 and 3650.",
        "ja": "ご紹介を再びお願いするまでの期間は 1〜3650 の日数で入力してください。",
    },
    "settings.daily_capacity_invalid": {
        "en": "The number of personal contacts a day must be a whole number between 1 and 50.",
        "ja": "1日に行う個別の連絡の数は 1〜50 の整数で入力してください。",
    },
    "settings.currency_has_sessions": {
        "en": "This practice already records {count} sessions in {current}; its currency is not changed to {new} "
        "(amounts are not converted). Change it in Preferences if the amounts really are in {new}.",
        "ja": "この事業にはすでに {current} のセッションが {count}件あるため、通貨を {new} に変更しません"
        "（金額は換算されません）。金額が本当に {new} の場合は、環境設定で変更してください。",
    },
    "settings.tier_interval_invalid": {
        "en": "The contact interval for {tier} clients must be a whole number of days between 1 and 3650.",
        "ja": "{tier}の連絡間隔は 1〜3650 の日数で入力してください。",
    },
})


@dataclass
class PracticeSettings:
    """The practice's settings. Tiers and contact rhythm: see docs/loyalty.md."""

    default_cadence_days: int = DEFAULT_CADENCE_DAYS  # interval of prospects and of clients not yet ranked
    # ISO 4217 code of the practice's currency: sessions.fee and every revenue are in its minor
    # units (loyaldesk.core.money); sessions in another currency carry their own (docs/schema.md)
    currency: str = money.DEFAULT_CURRENCY
    backup_keep_last: int = 10
    backup_keep_monthly: int = 12
    # tiers (loyaldesk.core.loyalty): shares of the ranked clients, as fractions (0.20 = 20 %)
    vip_share: float = 0.20
    candidate_share: float = 0.20
    new_client_days: int = 90  # first session fewer days ago than this: tier "new", not ranked
    dormant_days: int = 365  # no contact for more days than this: status "dormant"
    # contact interval per tier, in days (a client's own cadence_days overrides)
    tier_interval_vip: int = 30
    tier_interval_candidate: int = 45
    tier_interval_regular: int = 90
    tier_interval_new: int = 14
    # next actions (loyaldesk.core.suggestions): a client is not asked for a referral twice within this period
    referral_request_days: int = 365
    # the daily plan (loyaldesk.core.today): how many personal contacts a day the plan holds
    daily_capacity: int = 8

    def validate(self) -> None:
        if not money.is_currency(self.currency):
            raise ValidationError("money.unknown_currency", field="currency", value=self.currency)
        if not _int_in(self.default_cadence_days, INTERVAL_RANGE):
            raise ValidationError("client.cadence_invalid", field="default_cadence_days")
        if not _int_in(self.backup_keep_last, BACKUP_KEEP_LAST_RANGE):
            raise ValidationError("settings.backup_keep_last_invalid", field="backup_keep_last")
        if not _int_in(self.backup_keep_monthly, BACKUP_KEEP_MONTHLY_RANGE):
            raise ValidationError("settings.backup_keep_monthly_invalid", field="backup_keep_monthly")
        if not _number_in(self.vip_share, 0.01, 1.0):
            raise ValidationError("settings.vip_share_invalid", field="vip_share")
        if not _number_in(self.candidate_share, 0.0, 1.0):
            raise ValidationError("settings.candidate_share_invalid", field="candidate_share")
        if share_basis_points(self.vip_share) + share_basis_points(self.candidate_share) > 10_000:
            raise ValidationError("settings.shares_too_large", field="candidate_share")
        if not _int_in(self.new_client_days, NEW_CLIENT_DAYS_RANGE):
            raise ValidationError("settings.new_client_days_invalid", field="new_client_days")
        if not _int_in(self.dormant_days, DORMANT_DAYS_RANGE):
            raise ValidationError("settings.dormant_days_invalid", field="dormant_days")
        if not _int_in(self.referral_request_days, REFERRAL_REQUEST_DAYS_RANGE):
            raise ValidationError("settings.referral_request_days_invalid", field="referral_request_days")
        if not _int_in(self.daily_capacity, DAILY_CAPACITY_RANGE):
            raise ValidationError("settings.daily_capacity_invalid", field="daily_capacity")
        for tier, name in TIER_INTERVAL_FIELDS.items():
            if not _int_in(getattr(self, name), INTERVAL_RANGE):
                raise ValidationError("settings.tier_interval_invalid", field=name, tier=t(f"tier.{tier}"))

    def tier_interval(self, tier: str | None) -> int:
        """The contact interval of a tier (default_cadence_days for prospects and unranked clients)."""
        name = TIER_INTERVAL_FIELDS.get(tier or "")
        return getattr(self, name) if name else self.default_cadence_days


def share_basis_points(share: float) -> int:
    """A share as a whole number of basis points (0.2 -> 2000): tier cuts use exact integer arithmetic."""
    return round(share * 10_000)


def _int_in(value: object, bounds: tuple[int, int]) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and bounds[0] <= value <= bounds[1]


def _number_in(value: object, low: float, high: float) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and low <= value <= high


def load(db: Database) -> PracticeSettings:
    """The stored settings; a missing, unreadable or invalid value keeps its default.

    (A value written by another tool may be out of range, or two shares may add up to more
    than 100 %: the offending value falls back to its default, then, if that is not enough,
    the other share too.)
    """
    stored = {row["key"]: row["value"] for row in db.query("SELECT key, value FROM settings")}
    result = PracticeSettings()
    defaults = PracticeSettings()
    for f in fields(PracticeSettings):
        if f.name not in stored:
            continue
        try:
            value = json.loads(stored[f.name])
        except ValueError:
            continue
        default = getattr(defaults, f.name)
        if isinstance(value, bool):
            continue
        if isinstance(default, float) and isinstance(value, int):
            value = float(value)  # 1 stored for 1.0
        if isinstance(value, type(default)):
            setattr(result, f.name, value)
    for _ in range(len(fields(PracticeSettings)) + 1):
        try:
            result.validate()
            return result
        except ValidationError as exc:
            name = exc.field
            if name and getattr(result, name) != getattr(defaults, name):
                setattr(result, name, getattr(defaults, name))
            elif name == "candidate_share":
                result.vip_share = defaults.vip_share
            else:  # pragma: no cover - the defaults are valid
                return PracticeSettings()
    return PracticeSettings()  # pragma: no cover


def save(db: Database, settings: PracticeSettings) -> None:
    settings.validate()
    with db.transaction() as conn:
        conn.executemany(
            "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [(k, json.dumps(v, ensure_ascii=False)) for k, v in asdict(settings).items()],
        )


def currency(db: Database) -> str:
    """The practice's currency (ISO 4217 code), JPY unless set."""
    return load(db).currency


def session_count(db: Database) -> int:
    return int(db.scalar("SELECT COUNT(*) FROM sessions") or 0)


def currency_sample_fee(db: Database) -> int:
    """A fee as recorded (the latest non-zero one), to show what a change of currency does to it."""
    return int(db.scalar("SELECT fee FROM sessions WHERE fee > 0 ORDER BY date DESC, id DESC LIMIT 1") or 0)


def set_currency(db: Database, code: str, *, keep_amounts: bool = False) -> str:
    """Make `code` the practice's currency; returns the ISO code stored.

    Amounts are never converted. On a practice that already records sessions a different
    currency is refused (ValidationError "settings.currency_has_sessions") unless
    keep_amounts=True: the user has been told that the stored amounts stay as they are and are
    read in the new currency from now on.
    """
    code = money.normalize_currency(code)
    current = load(db)
    if code == current.currency:
        if not db.scalar("SELECT 1 FROM settings WHERE key = 'currency'"):
            save(db, current)  # written down, so that any copy or tool reads the same
        return code
    count = session_count(db)
    if count and not keep_amounts:
        raise ValidationError("settings.currency_has_sessions", field="currency", count=f"{count:,}",
                              current=current.currency, new=code)
    current.currency = code
    save(db, current)
    return code
