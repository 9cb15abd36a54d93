"""Letter templates: stored in the database, seeded from resources/letters/templates.toml,
rendered in a Jinja2 sandbox.

A template is plain text with placeholders (`{{ name }}`) and simple conditions
(`{% if last_session_topic %}...{% endif %}`). It runs in a SandboxedEnvironment with
StrictUndefined and no loader: it cannot read files, import anything, reach Python
internals (`__class__`, `__globals__`...) or call anything unsafe. An unknown
placeholder, a syntax error or a forbidden construct is reported by `check_template`
(called on save) with its line number.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import dataclass
from functools import lru_cache

import jinja2
from jinja2 import nodes
from jinja2.sandbox import ImmutableSandboxedEnvironment, SandboxedEnvironment

from loyaldesk import paths
from loyaldesk.core import dates
from loyaldesk.core.db import Database
from loyaldesk.core.errors import LoyalDeskError, NotFoundError, ValidationError
from loyaldesk.core.i18n import CATALOG, t

LANGS = ("ja", "en")
DESIGNS = ("auto", "standard", "vip")  # auto: the VIP design for vip clients, standard for the others
SEASON_VARIANTS = ("new_year", "summer", "winter_mourning", "year_end")
# postcard message sides (はがき文面), one per greeting season (loyaldesk.core.addresses.message)
POSTCARD_VARIANTS = ("new_year", "summer", "winter", "year_end")
KINDS = ("thank_you", "follow_up", "reconnect", "birthday", "anniversary", "season_greeting", "vip_invitation",
         "referral_request", "referral_thanks", "recognition", "role_offer", "feedback_invite", "event_invitation",
         "postcard")
_VARIANTS = {"season_greeting": SEASON_VARIANTS, "postcard": POSTCARD_VARIANTS}
TEMPLATE_KEYS = tuple(
    k for kind in KINDS
    for k in ([f"{kind}.{v}" for v in _VARIANTS[kind]] if kind in _VARIANTS else [kind])
)
MAX_BODY = 20_000
# Limits of one render (a letter's subject or body, a card's message): a template can neither hang
# the app nor fill its memory, whatever it computes.
MAX_OUTPUT = 200_000  # characters of text produced
MAX_STEPS = 200_000  # template lines executed (loops included)
MAX_SECONDS = 5.0  # wall-clock time
MAX_SEQUENCE = 100_000  # a string or list built by * or + in a template
MAX_INT_BITS = 256  # a number computed in a template

# 時候の挨拶: the customary seasonal phrase of each month for a business letter (拝啓 ○○の候、...).
SEASONAL_GREETINGS = {
    1: "新春の候", 2: "立春の候", 3: "早春の候", 4: "陽春の候", 5: "新緑の候", 6: "梅雨の候",
    7: "盛夏の候", 8: "残暑の候", 9: "初秋の候", 10: "秋冷の候", 11: "晩秋の候", 12: "師走の候",
}

# The placeholders every template may use, in the order the editor lists them.
PLACEHOLDERS = (
    "name", "honorific", "addressee", "recipient", "company", "title",
    "last_session_date", "last_session_topic", "last_fee", "lifetime_revenue", "sessions", "years_together",
    "referrer_name", "referred_name",
    "sender_name", "sender_business", "sender_postal_code", "sender_address", "sender_phone", "sender_email",
    "sender_website",
    "today", "seasonal_greeting", "well_wishes", "new_year", "year_ja", "new_year_ja",
    "event_title", "event_date", "event_place",  # the event of an invitation or recognition ('' otherwise)
    "event_fee", "event_capacity", "event_reply_by", "event_reply_how",
    "award_title", "award_note", "award_period",  # the award of a recognition letter ('' otherwise)
    "personal_note",  # a line written for one recipient ('' otherwise)
)

CATALOG.update({
    "template.upgrade_check": {
        "en": "After the upgrade, the letter template {template} does not pass the template checks: {detail} "
              "Letters with it are refused until it is fixed (Letters > Edit templates).",
        "ja": "更新後の確認で、レターのテンプレート {template} がテンプレートの検査に通りませんでした: {detail} "
              "修正するまで、このテンプレートでのレター作成はできません（レター > テンプレートの編集）。",
    },
    "placeholder.name": {"en": "client's name", "ja": "顧客の氏名"},
    "placeholder.honorific": {"en": "honorific (様, 御中, Ms., Dr. …)", "ja": "敬称（様・御中・Ms. など）"},
    "placeholder.addressee": {"en": "name with honorific, as written in the letter", "ja": "敬称付きの宛名"},
    "placeholder.recipient": {"en": "the recipient in a Japanese sentence (山田様, or 貴社 for an organization)",
                               "ja": "文中の呼び方（山田様、団体宛は貴社）"},
    "placeholder.company": {"en": "company", "ja": "会社名"},
    "placeholder.title": {"en": "job title", "ja": "役職"},
    "placeholder.last_session_date": {"en": "date of the last session", "ja": "前回セッションの日付"},
    "placeholder.last_session_topic": {"en": "topic of the last session", "ja": "前回セッションのテーマ"},
    "placeholder.last_fee": {"en": "fee of the last session ($150.00, or EUR 80.00 when in another currency)",
                             "ja": "前回セッションの料金（¥30,000。他の通貨なら USD 150.00）"},
    "placeholder.lifetime_revenue": {"en": "the client's revenue so far, in the practice's currency",
                                     "ja": "これまでの売上の合計（事業の通貨）"},
    "placeholder.sessions": {"en": "number of sessions", "ja": "セッション回数"},
    "placeholder.years_together": {"en": "years since the first session", "ja": "お付き合いの年数"},
    "placeholder.referrer_name": {"en": "who referred this client", "ja": "この顧客の紹介者"},
    "placeholder.referred_name": {"en": "whom this client referred (latest)", "ja": "この顧客が紹介した方（最新）"},
    "placeholder.sender_name": {"en": "your name", "ja": "差出人の氏名"},
    "placeholder.sender_business": {"en": "your business name", "ja": "差出人の屋号"},
    "placeholder.sender_postal_code": {"en": "your postal code", "ja": "差出人の郵便番号"},
    "placeholder.sender_address": {"en": "your address", "ja": "差出人の住所"},
    "placeholder.sender_phone": {"en": "your phone", "ja": "差出人の電話番号"},
    "placeholder.sender_email": {"en": "your e-mail", "ja": "差出人のメールアドレス"},
    "placeholder.sender_website": {"en": "your website", "ja": "差出人のウェブサイト"},
    "placeholder.today": {"en": "the letter's date", "ja": "日付"},
    "placeholder.seasonal_greeting": {"en": "Japanese seasonal greeting of the month (時候の挨拶)",
                                      "ja": "時候の挨拶（月ごと）"},
    "placeholder.well_wishes": {"en": "Japanese opening wishes (ご清祥 / 貴社ご清栄)",
                                "ja": "安否の挨拶（ご清祥・貴社ご清栄）"},
    "placeholder.event_title": {"en": "the event's title (invitations)", "ja": "イベント名（ご案内状）"},
    "placeholder.event_date": {"en": "the event's day with its weekday and time (Saturday, February 20, 2027, "
                                     "2:00–4:00 pm)", "ja": "イベントの日時（2027年2月20日（土）14:00〜16:00）"},
    "placeholder.event_fee": {"en": "the event's fee (Free when none)", "ja": "イベントの参加費（なければ 無料）"},
    "placeholder.event_capacity": {"en": "the event's capacity (20 people; empty without a limit)",
                                   "ja": "イベントの定員（20名。定員なしは空）"},
    "placeholder.event_reply_by": {"en": "the reply deadline with its weekday (empty without one)",
                                   "ja": "ご回答の期限（曜日付き。期限なしは空）"},
    "placeholder.event_reply_how": {"en": "how to reply (the event's text, else your phone and e-mail)",
                                    "ja": "ご回答の方法（イベントの設定、なければ差出人の電話とメール）"},
    "placeholder.event_place": {"en": "the event's place (or online; English letters: its English venue when given)",
                                "ja": "イベントの会場（またはオンライン。英語の書状には英語の会場名があればそれ）"},
    "placeholder.award_title": {"en": "the award (recognition letters)", "ja": "表彰の名称（表彰状・お祝い状）"},
    "placeholder.award_note": {"en": "your note on the award", "ja": "表彰の理由・コメント"},
    "placeholder.personal_note": {"en": "a personal line written for this recipient (else before the closing)",
                                   "ja": "この方への一言（テンプレートにない場合は結びの前）"},
    "placeholder.award_period": {"en": "the period the award is for (e.g. first half of 2026)",
                                 "ja": "表彰の対象期間（例: 2026年上半期）"},
    "placeholder.new_year": {"en": "the coming New Year (next year from November on)", "ja": "新年の年"},
    "placeholder.year_ja": {"en": "this year as Japanese cards write it (2026年, or 令和8年 in the Japanese era)",
                            "ja": "今年（2026年、和暦なら令和8年）"},
    "placeholder.new_year_ja": {"en": "the coming New Year as Japanese cards write it (2027年, or 令和9年)",
                                "ja": "新年の年（2027年、和暦なら令和9年）"},
    "template.syntax_error": {
        "en": "Line {line}: the template cannot be read: {detail}",
        "ja": "{line}行目: テンプレートの書き方に誤りがあります: {detail}",
    },
    "template.unknown_placeholder": {
        "en": "Line {line}: unknown placeholder {{{{ {name} }}}}.",
        "ja": "{line}行目: 不明な差し込み項目 {{{{ {name} }}}} があります。",
    },
    "template.forbidden": {
        "en": "Line {line}: templates cannot include, import or extend other files.",
        "ja": "{line}行目: テンプレートから他のファイルを読み込むことはできません。",
    },
    "template.unsafe": {
        "en": "Line {line}: this is not allowed in a template: {detail}",
        "ja": "{line}行目: テンプレートでは使用できない記述です: {detail}",
    },
    "template.render_error": {
        "en": "Line {line}: the template failed: {detail}",
        "ja": "{line}行目: テンプレートを処理できません: {detail}",
    },
    "template.limit_output": {
        "en": "The template {template} produces more than {limit:,} characters; nothing was written.",
        "ja": "テンプレート {template} の出力が {limit:,}文字を超えます。何も出力していません。",
    },
    "template.limit_steps": {
        "en": "The template {template} repeats too much (more than {limit:,} steps); nothing was written.",
        "ja": "テンプレート {template} の繰り返しが多すぎます（{limit:,} 手順を超過）。何も出力していません。",
    },
    "template.limit_time": {
        "en": "The template {template} takes too long (more than {limit} seconds); nothing was written.",
        "ja": "テンプレート {template} の処理に時間がかかりすぎます（{limit}秒を超過）。何も出力していません。",
    },
    "template.limit_value": {
        "en": "Line {line}: the template {template} computes a value too large for a letter ({detail}).",
        "ja": "{line}行目: テンプレート {template} が手紙には大きすぎる値を計算しています（{detail}）。",
    },
    "template.too_long": {"en": "The template is too long (at most 20,000 characters).",
                          "ja": "テンプレートが長すぎます（20,000文字まで）。"},
    "template.name_required": {"en": "A template needs a name.", "ja": "テンプレート名を入力してください。"},
    "template.lang_invalid": {"en": "A template is in Japanese (ja) or English (en), not {value}.",
                              "ja": "テンプレートの言語は ja か en です（{value} は使えません）。"},
    "template.design_invalid": {"en": "Unknown letter design: {value}", "ja": "不明なデザインです: {value}"},
    "template.unknown": {"en": "Unknown letter template: {template}. See `loyaldesk templates`.",
                         "ja": "レターのテンプレート {template} はありません。`loyaldesk templates` で一覧を確認できます。"},
    "template.missing_lang": {"en": "The template {template} has no {lang} version.",
                              "ja": "テンプレート {template} には {lang} 版がありません。"},
    "template.no_default": {"en": "{template} ({lang}) has no default text to go back to.",
                            "ja": "{template}（{lang}）には初期状態の文面がありません。"},
})


# =========================================================================================
# Dates and seasons
# =========================================================================================
def seasonal_greeting(day: dt.date) -> str:
    """時候の挨拶 of the month: 新春の候 in January ... 師走の候 in December."""
    return SEASONAL_GREETINGS[day.month]


def format_year_ja(year: int, style: str = "western") -> str:
    """A year as Japanese cards write it: 2027年, or in the era (style "era") 令和9年, 令和元年;
    the era of the year's first day (令和元年 began on 1 May 2019: 2019 is 平成31年)."""
    if style == "era":
        era, number = dates.to_era(dt.date(year, 1, 1))
        return f"{era}{'元' if number == 1 else number}年"
    return f"{year}年"


def format_date(day: dt.date | None, lang: str, style: str = "western") -> str:
    """A date as letters write it: 2026年11月29日 (style "era": 令和8年11月29日, 令和元年5月1日) /
    November 29, 2026 (English letters always)."""
    if day is None:
        return ""
    if lang == "ja":
        if style == "era":
            era, year = dates.to_era(day)
            return f"{era}{'元' if year == 1 else year}年{day.month}月{day.day}日"
        return f"{day.year}年{day.month}月{day.day}日"
    return f"{day:%B} {day.day}, {day.year}"


# =========================================================================================
# The sandbox
# =========================================================================================
class _LimitExceeded(Exception):
    """A render went over one of the limits (output, steps, time, value size)."""

    def __init__(self, key: str, limit: object, detail: str = "") -> None:
        super().__init__(key)
        self.key, self.limit, self.detail = key, limit, detail


def _too_big(value: object) -> str | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int) and value.bit_length() > MAX_INT_BITS:
        return f"a number of {value.bit_length()} bits"
    if isinstance(value, (str, list, tuple)) and len(value) > MAX_SEQUENCE:
        return f"{len(value):,} items"
    return None


class _Env(ImmutableSandboxedEnvironment):
    """Jinja2's immutable sandbox (no list.append, no dict.update...) with arithmetic and repetition
    bounded before they are computed: `9 ** (9 ** 9)` or `'a' * 10**9` are refused, not attempted."""

    intercepted_binops = frozenset(["**", "*", "+", "//", "%"])
    intercepted_unops = frozenset(["-"])

    def __init__(self) -> None:
        super().__init__(loader=None, undefined=jinja2.StrictUndefined, autoescape=False,
                         keep_trailing_newline=False, trim_blocks=False, lstrip_blocks=False)
        self.globals.clear()  # no range, dict, lipsum, cycler, joiner, namespace
        # no filters that reach outside the text (attr/map/tojson/... could probe objects)
        keep = {"upper", "lower", "title", "capitalize", "trim", "replace", "default", "length", "truncate",
                "int", "string", "join", "first", "last", "center", "round", "abs", "format"}
        self.filters = {k: v for k, v in self.filters.items() if k in keep}
        self.tests = {k: v for k, v in self.tests.items()
                      if k in {"defined", "undefined", "none", "number", "string", "odd", "even",
                               "eq", "ne", "lt", "le", "gt", "ge", "in"}}

    def call_binop(self, context, operator: str, left, right):
        ints = all(isinstance(x, int) and not isinstance(x, bool) for x in (left, right))
        if operator == "**" and ints and right > 0 and abs(left) > 1:
            if right * max(1, abs(left).bit_length()) > MAX_INT_BITS:
                raise _LimitExceeded("template.limit_value", MAX_INT_BITS, f"{left} ** {right}")
        elif operator == "**" and isinstance(right, (int, float)) and abs(right) > MAX_INT_BITS:
            raise _LimitExceeded("template.limit_value", MAX_INT_BITS, f"** {right}")
        elif operator == "*":
            for seq, times in ((left, right), (right, left)):
                if isinstance(seq, (str, list, tuple)) and isinstance(times, int) and len(seq) * times > MAX_SEQUENCE:
                    raise _LimitExceeded("template.limit_value", MAX_SEQUENCE, f"{len(seq):,} × {times:,}")
            if ints and left.bit_length() + right.bit_length() > MAX_INT_BITS:
                raise _LimitExceeded("template.limit_value", MAX_INT_BITS, "*")
        elif operator == "+" and isinstance(left, (str, list, tuple)) and isinstance(right, (str, list, tuple)):
            if len(left) + len(right) > MAX_SEQUENCE:
                raise _LimitExceeded("template.limit_value", MAX_SEQUENCE, "+")
        result = super().call_binop(context, operator, left, right)
        detail = _too_big(result)
        if detail:
            raise _LimitExceeded("template.limit_value", MAX_INT_BITS, detail)
        return result

    def call(__self, __context, __obj, *args, **kwargs):  # noqa: N805 - Jinja2's signature
        _Budget.tick()
        result = super().call(__context, __obj, *args, **kwargs)
        detail = _too_big(result)
        if detail:
            raise _LimitExceeded("template.limit_value", MAX_SEQUENCE, detail)
        return result


class _Budget:
    """The steps and the time of the render running in this thread, counted by a trace function that
    follows only the template's own frames (its loops), not the rest of the program."""

    import threading as _threading

    _local = _threading.local()

    @classmethod
    def start(cls) -> None:
        import time

        cls._local.steps = 0
        cls._local.deadline = time.monotonic() + MAX_SECONDS

    @classmethod
    def tick(cls, steps: int = 1) -> None:
        import time

        local = cls._local
        if not hasattr(local, "steps"):
            return
        local.steps += steps
        if local.steps > MAX_STEPS:
            raise _LimitExceeded("template.limit_steps", MAX_STEPS)
        if local.steps % 1000 < steps and time.monotonic() > local.deadline:
            raise _LimitExceeded("template.limit_time", MAX_SECONDS)

    @classmethod
    def stop(cls) -> None:
        for name in ("steps", "deadline"):
            if hasattr(cls._local, name):
                delattr(cls._local, name)


def _trace_template_lines(frame, event, arg):
    """sys.settrace: line events of the template's frames only (its code is named TEMPLATE_NAME)."""
    if frame.f_code.co_filename != TEMPLATE_NAME:
        return None

    def local(frame, event, arg):
        if event == "line":
            _Budget.tick()
        return local

    return local


@lru_cache(maxsize=1)
def environment() -> SandboxedEnvironment:
    return _Env()


TEMPLATE_NAME = "<letter>"


def _line_of(exc: BaseException) -> int:
    """The template line where a render error happened (Jinja rewrites tracebacks to template lines)."""
    line = getattr(exc, "lineno", None)
    tb = exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == TEMPLATE_NAME:
            line = tb.tb_lineno
        tb = tb.tb_next
    return int(line or 1)


def _static_check(text: str, field: str) -> None:
    env = environment()
    try:
        tree = env.parse(text, name=TEMPLATE_NAME)
    except jinja2.TemplateSyntaxError as exc:
        raise ValidationError("template.syntax_error", field=field, line=exc.lineno or 1, detail=exc.message) from None
    for node in tree.find_all((nodes.Include, nodes.Import, nodes.FromImport, nodes.Extends)):
        raise ValidationError("template.forbidden", field=field, line=node.lineno)
    stored = {n.name for n in tree.find_all(nodes.Name) if n.ctx in ("store", "param")}
    known = set(PLACEHOLDERS) | stored | {"loop", "true", "false", "none", "True", "False", "None"}
    for n in sorted(tree.find_all(nodes.Name), key=lambda n: n.lineno):
        if n.ctx == "load" and n.name not in known:
            raise ValidationError("template.unknown_placeholder", field=field, line=n.lineno, name=n.name)


def compile_template(text: str, field: str = "body") -> jinja2.Template:
    """Check and compile; ValidationError with the line on any problem."""
    if len(text) > MAX_BODY:
        raise ValidationError("template.too_long", field=field)
    _static_check(text, field)
    env = environment()
    try:  # compiled under TEMPLATE_NAME: errors name the template's lines, and the step limit finds its frames
        code = env.compile(text, name=TEMPLATE_NAME, filename=TEMPLATE_NAME)
        return env.template_class.from_code(env, code, env.make_globals(None), None)
    except jinja2.TemplateSyntaxError as exc:  # pragma: no cover - caught by _static_check
        raise ValidationError("template.syntax_error", field=field, line=exc.lineno or 1, detail=exc.message) from None


def render_text(template: jinja2.Template, context: dict, field: str = "body", name: str = "") -> str:
    """Render a compiled template within the limits (MAX_OUTPUT characters, MAX_STEPS steps, MAX_SECONDS);
    a runtime failure (unsafe access, bad filter use, a limit) is a ValidationError naming the template
    (`name`, else the field) and the line or the limit."""
    import sys

    label = name or field
    previous = sys.gettrace()
    _Budget.start()
    sys.settrace(_trace_template_lines)
    try:
        out: list[str] = []
        size = 0
        for chunk in template.generate(context):
            size += len(chunk)
            if size > MAX_OUTPUT:
                raise _LimitExceeded("template.limit_output", MAX_OUTPUT)
            out.append(chunk)
        return "".join(out)
    except _LimitExceeded as exc:
        raise ValidationError(exc.key, field=field, template=label, limit=exc.limit, line=_line_of(exc),
                              detail=exc.detail) from None
    except jinja2.exceptions.SecurityError as exc:
        raise ValidationError("template.unsafe", field=field, line=_line_of(exc), detail=str(exc)) from None
    except jinja2.UndefinedError as exc:
        raise ValidationError("template.render_error", field=field, line=_line_of(exc), detail=exc.message) from None
    except (jinja2.TemplateError, TypeError, ValueError, ArithmeticError, AttributeError, KeyError,
            IndexError, OverflowError, RecursionError, MemoryError) as exc:
        raise ValidationError("template.render_error", field=field, line=_line_of(exc), detail=str(exc)) from None
    finally:
        sys.settrace(previous)
        _Budget.stop()


def sample_context(lang: str) -> dict:
    """Values for every placeholder, to try a template out (check on save, the editor without a client)."""
    day = dt.date(2026, 4, 10)
    if lang == "ja":
        values = dict(name="山田 太郎", honorific="様", addressee="山田 太郎 様", recipient="山田 太郎様", company="株式会社サンプル",
                      title="代表取締役", last_session_topic="新規事業の資金計画", referrer_name="佐藤 花子 様",
                      referred_name="鈴木 一郎 様", sender_name="高橋 恵子", sender_business="高橋経営相談室",
                      sender_address="東京都渋谷区神南1-2-3", sender_phone="03-1234-5678",
                      well_wishes="ますますご清祥のこととお慶び申し上げます。")
    else:
        values = dict(name="Emily Carter", honorific="Ms.", addressee="Ms. Emily Carter", recipient="Ms. Carter", company="Carter & Co.",
                      title="Director", last_session_topic="pricing your services", referrer_name="Tom Baker",
                      referred_name="Anna Lee", sender_name="Keiko Takahashi", sender_business="Takahashi Consulting",
                      sender_address="1-2-3 Jinnan, Shibuya-ku, Tokyo", sender_phone="+81 3 1234 5678",
                      well_wishes="ますますご清祥のこととお慶び申し上げます。")
    values.update(last_fee="¥30,000" if lang == "ja" else "$150.00",
                  lifetime_revenue="¥360,000" if lang == "ja" else "$1,800.00")
    values.update(last_session_date=format_date(day - dt.timedelta(days=20), lang), sessions=12, years_together=3,
                  sender_postal_code="150-0041", sender_email="keiko@example.com",
                  sender_website="https://example.com", today=format_date(day, lang),
                  seasonal_greeting=seasonal_greeting(day), new_year=day.year,
                  year_ja=format_year_ja(day.year), new_year_ja=format_year_ja(day.year))
    if lang == "ja":
        values.update(event_title="春の経営勉強会", event_date="2026年5月16日（土）14:00〜16:00",
                      event_place="渋谷区民会館 第1会議室", event_fee="3,000円", event_capacity="20名",
                      event_reply_by="2026年5月8日（金）", event_reply_how="お電話（03-1234-5678）またはメール（keiko@example.com）にて",
                      award_title="最優秀成果賞", award_note="売上を前年の1.5倍に伸ばされました。", award_period="2026年上半期")
    else:
        values.update(event_title="Spring study session", event_date="Saturday, May 16, 2026, 2:00\u20134:00 pm",
                      event_place="Shibuya Civic Hall, Room 1", event_fee="¥3,000", event_capacity="20 people",
                      event_reply_by="Friday, May 8, 2026", event_reply_how="by e-mail to keiko@example.com",
                      award_title="Best progress", award_note="You doubled your repeat rate in six months.",
                      award_period="first half of 2026")
    values["personal_note"] = "先日はありがとうございました。" if lang == "ja" else "It was lovely to see you last week."
    return values


def check_template(subject: str, body: str, lang: str = "en") -> None:
    """Everything that save does not accept: ValidationError naming the field and the line."""
    for field, text in (("subject", subject), ("body", body)):
        render_text(compile_template(text, field), sample_context(lang), field)


def stored_template_problems(db: Database) -> list[str]:
    """The stored templates that do not pass check_template (the checks and limits of save and of an
    archive's import), one line each naming the template and why: run after an upgrade, whose newer
    limits an older template may exceed. Such a template is refused with that reason when a letter
    uses it, until it is fixed in the template editor."""
    problems = []
    for key, lang, subject, body in db.query("SELECT key, lang, subject, body FROM letter_templates ORDER BY key, lang",
                                             plain=True):
        try:
            check_template(subject or "", body or "", lang if lang in ("ja", "en") else "en")
        except LoyalDeskError as exc:
            problems.append(t("template.upgrade_check", template=f"{key} ({lang})", detail=exc.message))
    return problems


# =========================================================================================
# The stored templates
# =========================================================================================
@dataclass(slots=True)
class LetterTemplate:
    id: int | None
    key: str  # thank_you, season_greeting.new_year, ...
    lang: str  # ja or en
    name: str
    subject: str
    body: str
    design: str = "auto"
    builtin: bool = True  # seeded by LoyalDesk (it has a default text to reset to)
    updated_at: str | None = None

    @property
    def kind(self) -> str:
        return self.key.split(".", 1)[0]


_COLUMNS = "id, key, lang, name, subject, body, design, builtin, updated_at"


def _from_row(row) -> LetterTemplate:
    return LetterTemplate(row[0], row[1], row[2], row[3] or "", row[4] or "", row[5] or "", row[6] or "auto",
                          bool(row[7]), row[8])


@lru_cache(maxsize=1)
def _defaults_cached() -> tuple[LetterTemplate, ...]:
    with open(paths.resource("letters", "templates.toml"), "rb") as fh:
        data = tomllib.load(fh)
    return tuple(
        LetterTemplate(None, item["key"], item["lang"], item["name"], item.get("subject", ""),
                       item["body"].strip("\n") + "\n", item.get("design", "auto"), True)
        for item in data["template"]
    )


def default_templates() -> list[LetterTemplate]:
    """The default set shipped in resources/letters/templates.toml (fresh copies)."""
    return [LetterTemplate(**{f: getattr(x, f) for f in x.__slots__}) for x in _defaults_cached()]


def default_template(key: str, lang: str) -> LetterTemplate | None:
    return next((x for x in default_templates() if x.key == key and x.lang == lang), None)


def seed_defaults(conn) -> int:
    """Insert the default templates that are missing (by key and language); the number added."""
    before = conn.total_changes
    conn.executemany(
        "INSERT OR IGNORE INTO letter_templates (key, lang, name, subject, body, design, builtin) "
        "VALUES (?, ?, ?, ?, ?, ?, 1)",
        [(x.key, x.lang, x.name, x.subject, x.body, x.design) for x in default_templates()],
    )
    return conn.total_changes - before


def list_templates(db: Database) -> list[LetterTemplate]:
    """All templates, in the order of TEMPLATE_KEYS (then any others), Japanese before English."""
    rows = [_from_row(r) for r in db.query(f"SELECT {_COLUMNS} FROM letter_templates", plain=True)]
    order = {k: i for i, k in enumerate(TEMPLATE_KEYS)}
    return sorted(rows, key=lambda x: (order.get(x.key, len(order)), x.key, LANGS.index(x.lang) if x.lang in LANGS else 9))


def template_keys(db: Database) -> dict[str, list[str]]:
    """key -> its languages, in list order (`loyaldesk templates`)."""
    result: dict[str, list[str]] = {}
    for x in list_templates(db):
        result.setdefault(x.key, []).append(x.lang)
    return result


def get_template(db: Database, key: str, lang: str) -> LetterTemplate:
    row = db.query_one(f"SELECT {_COLUMNS} FROM letter_templates WHERE key = ? AND lang = ?", (key, lang))
    if row is None:
        if db.scalar("SELECT 1 FROM letter_templates WHERE key = ?", (key,)) is None:
            raise NotFoundError("template.unknown", template=key)
        raise NotFoundError("template.missing_lang", template=key, lang=lang)
    return _from_row(tuple(row))


def find_template(db: Database, key: str, lang: str) -> LetterTemplate:
    """The template in `lang`, else in the other language; NotFoundError if the key is unknown."""
    try:
        return get_template(db, key, lang)
    except NotFoundError as exc:
        if exc.key == "template.unknown":
            raise
        other = "en" if lang == "ja" else "ja"
        return get_template(db, key, other)


def save_template(db: Database, template: LetterTemplate) -> LetterTemplate:
    """Check (placeholders, syntax, sandbox) and store; a new key+lang is added, an existing one replaced."""
    if template.lang not in LANGS:
        raise ValidationError("template.lang_invalid", field="lang", value=template.lang)
    if template.design not in DESIGNS:
        raise ValidationError("template.design_invalid", field="design", value=template.design)
    if not template.name.strip():
        raise ValidationError("template.name_required", field="name")
    check_template(template.subject, template.body, template.lang)
    with db.transaction() as conn:
        conn.execute(
            "INSERT INTO letter_templates (key, lang, name, subject, body, design, builtin, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime')) "
            "ON CONFLICT(key, lang) DO UPDATE SET name = excluded.name, subject = excluded.subject, "
            "body = excluded.body, design = excluded.design, updated_at = excluded.updated_at",
            (template.key, template.lang, template.name.strip(), template.subject, template.body, template.design,
             int(default_template(template.key, template.lang) is not None)),
        )
    return get_template(db, template.key, template.lang)


def reset_template(db: Database, key: str, lang: str) -> LetterTemplate:
    """Back to the text shipped with LoyalDesk."""
    default = default_template(key, lang)
    if default is None:
        raise ValidationError("template.no_default", template=key, lang=lang)
    with db.transaction() as conn:
        conn.execute(
            "INSERT INTO letter_templates (key, lang, name, subject, body, design, builtin, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, 1, NULL) ON CONFLICT(key, lang) DO UPDATE SET name = excluded.name, "
            "subject = excluded.subject, body = excluded.body, design = excluded.design, builtin = 1, updated_at = NULL",
            (key, lang, default.name, default.subject, default.body, default.design),
        )
    return get_template(db, key, lang)


def placeholder_help(lang: str | None = None) -> list[tuple[str, str]]:
    """(placeholder, what it holds) for the editor's list."""
    return [(p, t(f"placeholder.{p}", lang)) for p in PLACEHOLDERS]
