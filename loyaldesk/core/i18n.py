"""The core's message catalog (English and Japanese) and the choice of language.

The UI translates its own strings with Qt; messages that come out of the core
(errors the user can cause, reasons, later letters and reports) are looked up here.
"""

from __future__ import annotations

import locale
import os

SUPPORTED = ("en", "ja")
_current = "en"

CATALOG: dict[str, dict[str, str]] = {
    # database
    "db.not_found": {
        "en": "Database file not found: {path}",
        "ja": "データベースファイルが見つかりません: {path}",
    },
    "db.dir_not_found": {
        "en": "The folder for the database does not exist: {path}",
        "ja": "データベースを置くフォルダがありません: {path}",
    },
    "db.newer": {
        "en": "{path} was written by a newer version of LoyalDesk (schema {found}, this version knows up to {known}). "
        "Please update LoyalDesk; the file was not changed.",
        "ja": "{path} は新しいバージョンの LoyalDesk で作成されています（スキーマ {found}、このバージョンは {known} まで）。"
        "LoyalDesk を更新してください。ファイルは変更していません。",
    },
    "db.not_a_database": {
        "en": "{path} is not a LoyalDesk database (or it is damaged); the file was not changed.",
        "ja": "{path} は LoyalDesk のデータベースではないか、壊れています。ファイルは変更していません。",
    },
    "db.foreign": {
        "en": "{path} is an SQLite file that belongs to another program; LoyalDesk will not change it.",
        "ja": "{path} は他のプログラムの SQLite ファイルです。LoyalDesk は変更しません。",
    },
    "db.locked": {
        "en": "The database {path} is in use by another program (locked). Close the other program and try again.",
        "ja": "データベース {path} は他のプログラムが使用中です（ロック中）。他のプログラムを閉じてから、もう一度お試しください。",
    },
    "db.passphrase_required": {
        "en": "this practice file is protected by a passphrase: set LOYALDESK_PASSPHRASE or use --passphrase-file",
        "ja": "この顧客ファイルはパスフレーズで保護されています: LOYALDESK_PASSPHRASE を設定するか --passphrase-file を"
        "指定してください",
    },
    "db.wrong_passphrase": {
        "en": "wrong passphrase",
        "ja": "パスフレーズが違います",
    },
    "db.readonly": {
        "en": "The database {path} is read-only; LoyalDesk cannot save changes to it.",
        "ja": "データベース {path} は読み取り専用のため、変更を保存できません。",
    },
    "db.readonly_folder": {
        "en": "The database {path} is read-only: its folder {folder} cannot be written, so LoyalDesk can show it "
              "but cannot save changes to it. Nothing was changed.",
        "ja": "データベース {path} は読み取り専用です。フォルダ {folder} に書き込めないため、表示はできますが変更を"
              "保存できません。何も変更していません。",
    },
    "db.readonly_disk": {
        "en": "The database {path} is read-only: it is on a read-only disk, so LoyalDesk can show it but cannot "
              "save changes to it. Nothing was changed.",
        "ja": "データベース {path} は読み取り専用です。読み取り専用のディスクにあるため、表示はできますが変更を"
              "保存できません。何も変更していません。",
    },
    "db.readonly_unsaved": {
        "en": "The database {path} cannot be read in the read-only folder {folder}: its changes are still in "
              "{path}-wal. Open it once where it can be written (or copy the folder to one).",
        "ja": "データベース {path} は読み取り専用のフォルダ {folder} では読めません。変更がまだ {path}-wal に"
              "残っています。書き込みできる場所で一度開いてください（またはフォルダごとコピーしてください）。",
    },
    "db.no_permission": {
        "en": "LoyalDesk has no permission to open {path}.",
        "ja": "{path} を開く権限がありません。",
    },
    "db.disk_full": {
        "en": "The disk is full; the change was not saved. Free some space and try again.",
        "ja": "ディスクの空き容量がありません。変更は保存されていません。空き容量を確保してから、もう一度お試しください。",
    },
    "db.error": {
        "en": "The database could not be used: {detail}",
        "ja": "データベースを使用できません: {detail}",
    },
    "db.not_empty": {
        "en": "{path} already holds {count} clients; use --force to replace them with sample data.",
        "ja": "{path} にはすでに顧客 {count}名の記録があります。サンプルデータで置き換えるには --force を指定してください。",
    },
    # validation
    "date.invalid": {
        "en": "Not a valid date: {value} (use YYYY-MM-DD).",
        "ja": "日付が正しくありません: {value}（YYYY-MM-DD の形式で入力してください）",
    },
    "client.name_required": {"en": "A client needs a name.", "ja": "顧客の氏名を入力してください。"},
    "client.email_invalid": {
        "en": "Not a valid e-mail address: {value}",
        "ja": "メールアドレスが正しくありません: {value}",
    },
    "client.cadence_invalid": {
        "en": "The contact interval must be a whole number of days between 1 and 3650.",
        "ja": "連絡間隔は 1〜3650 の日数で入力してください。",
    },
    "client.referrer_self": {
        "en": "A client cannot be their own referrer.",
        "ja": "本人を紹介者にすることはできません。",
    },
    "client.not_found": {"en": "No client with id {id}.", "ja": "ID {id} の顧客はいません。"},
    "session.fee_invalid": {
        "en": "The fee must be a whole amount of 0 or more.",
        "ja": "料金は 0 以上の整数で入力してください。",
    },
    "session.duration_invalid": {
        "en": "The duration must be a number of minutes between 0 and 1440.",
        "ja": "時間は 0〜1440分で入力してください。",
    },
    "touchpoint.channel_invalid": {
        "en": "Unknown contact channel: {value}",
        "ja": "連絡手段が正しくありません: {value}",
    },
    "tag.name_required": {"en": "A tag needs a name.", "ja": "タグ名を入力してください。"},
    "tag.category_invalid": {
        "en": "A tag is either a community role or a segment.",
        "ja": "タグの種類は「役割」か「分類タグ」です。",
    },
    # built-in community roles
    "role.event_committee": {"en": "Event committee", "ja": "イベント実行委員"},
    "role.sns_admin": {"en": "SNS admin", "ja": "SNS管理"},
    "role.community_host": {"en": "Community host", "ja": "コミュニティ運営"},
    "role.study_group_host": {"en": "Study-group host", "ja": "勉強会主催"},
    "role.ambassador": {"en": "Ambassador", "ja": "アンバサダー"},
    # overdue reason
    "overdue.reason": {
        "en": "last contact {last}, {days} days ago; interval {interval} days",
        "ja": "最終連絡 {last}（{days}日前）・連絡間隔 {interval}日",
    },
    "overdue.reason_never": {
        "en": "never contacted; added {last}, {days} days ago; interval {interval} days",
        "ja": "連絡記録なし・登録 {last}（{days}日前）・連絡間隔 {interval}日",
    },
    # cli
    "cli.init_done": {"en": "Database ready: {path} (schema {version})", "ja": "データベースの準備ができました: {path}（スキーマ {version}）"},
    "cli.demo_done": {
        "en": "Wrote sample practice to {path}: {clients} clients, {sessions} sessions, {touchpoints} contacts.",
        "ja": "{path} にサンプルデータを書き込みました: 顧客 {clients}名、セッション {sessions}件、連絡 {touchpoints}件。",
    },
    "cli.demo_backed_up": {
        "en": "The {count} clients it held were backed up first: {backup}",
        "ja": "置き換える前の顧客 {count}名をバックアップしました: {backup}",
    },
    "db.not_a_practice": {
        "en": "{path} is not a LoyalDesk practice (the file is empty): create one with `loyaldesk init --db {path}`. "
              "Nothing was changed.",
        "ja": "{path} は LoyalDesk のデータではありません（空のファイルです）。`loyaldesk init --db {path}` で作成してください。"
              "何も変更していません。",
    },
    "db.damaged": {
        "en": "{path} is damaged ({detail}); nothing was written to it. Restore the latest good backup: "
              "loyaldesk restore --db {path} {backup}",
        "ja": "{path} は破損しています（{detail}）。何も書き込んでいません。最新の正常なバックアップを復元してください: "
              "loyaldesk restore --db {path} {backup}",
    },
    "db.damaged_no_backup": {
        "en": "{path} is damaged ({detail}); nothing was written to it, and no backup of it was found. "
              "Keep a copy of the file and try `sqlite3 {path} .recover`.",
        "ja": "{path} は破損しています（{detail}）。何も書き込んでいません。バックアップも見つかりません。"
              "ファイルのコピーを保管し、`sqlite3 {path} .recover` をお試しください。",
    },
    "cli.clients_invalid": {"en": "--clients must be between 1 and 1000000.", "ja": "--clients は 1〜1000000 で指定してください。"},
    "export.unknown_format": {
        "en": "{name}: choose a .csv, .xlsx, .vcf or .zip file to export to.",
        "ja": "{name}: 書き出し先は .csv .xlsx .vcf .zip のいずれかにしてください。",
    },
    "export.csv_all": {
        "en": "A CSV file holds one table: use --what clients, sessions or touchpoints, or export all to .xlsx or .zip.",
        "ja": "CSV には1つの表しか入りません。--what に clients / sessions / touchpoints を指定するか、全部を .xlsx か .zip に書き出してください。",
    },
    "cli.no_display": {
        "en": "Cannot start the window: no display is available ({detail}). Start it in a desktop session or under a "
              "virtual display (xvfb-run -a loyaldesk), or offscreen for checks (QT_QPA_PLATFORM=offscreen loyaldesk "
              "self-test); the commands need no display (loyaldesk --help).",
        "ja": "ウィンドウを表示できません: ディスプレイがありません（{detail}）。デスクトップ環境か仮想ディスプレイ"
              "（xvfb-run -a loyaldesk）で起動するか、確認だけなら画面なしで実行してください（QT_QPA_PLATFORM=offscreen "
              "loyaldesk self-test）。コマンドはディスプレイなしで使えます（loyaldesk --help）。",
    },
    "cli.os_disk_full": {"en": "The disk is full: nothing was changed. Free some space and try again.",
                         "ja": "ディスクの空き容量がありません。何も変更していません。空き容量を確保してから、もう一度お試しください。"},
    "cli.os_no_permission": {"en": "No permission to write {path}: nothing was changed.",
                             "ja": "{path} に書き込む権限がありません。何も変更していません。"},
    "cli.os_read_only": {"en": "{path} is on a read-only disk or folder: nothing was changed.",
                         "ja": "{path} は読み取り専用のディスクまたはフォルダにあります。何も変更していません。"},
    "cli.os_not_found": {"en": "The folder or file {path} does not exist: nothing was changed.",
                         "ja": "フォルダまたはファイル {path} がありません。何も変更していません。"},
    "cli.unexpected": {
        "en": "Unexpected error: {detail}. Details were written to {log}.",
        "ja": "予期しないエラーが発生しました: {detail}。詳細は {log} に記録しました。",
    },
}


def set_language(lang: str) -> None:
    global _current
    _current = lang if lang in SUPPORTED else "en"


def current_language() -> str:
    return _current


def t(key: str, lang: str | None = None, **params: object) -> str:
    entry = CATALOG[key]
    text = entry.get(lang or _current) or entry["en"]
    return text.format(**params) if params else text


def join_list(items, lang: str | None = None) -> str:
    """Items of a list in a sentence: 連絡不要 2名、住所なし 18名 in Japanese; "a, b" in English."""
    return ("、" if (lang or _current) == "ja" else ", ").join(str(i) for i in items)


def system_language() -> str:
    """The language of the system locale, 'ja' or 'en'."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(var)
        if value:
            return "ja" if value.lower().startswith("ja") else "en"
    try:
        loc = locale.getlocale()[0] or ""
    except ValueError:
        loc = ""
    return "ja" if loc.lower().startswith("ja") else "en"


def choose_language(cli_value: str | None = None, preference: str | None = None) -> str:
    """--lang wins, then LOYALDESK_LANG, then the saved preference, then the system locale."""
    for candidate in (cli_value, os.environ.get("LOYALDESK_LANG"), preference):
        if candidate and candidate.lower()[:2] in SUPPORTED:
            return candidate.lower()[:2]
    return system_language()
