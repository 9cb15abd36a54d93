"""After the letters went out: touchpoints for every recipient, and the suggestions they answer marked done."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from loyaldesk.core import dates
from loyaldesk.core.db import Database
from loyaldesk.core.i18n import CATALOG
from loyaldesk.core.letters.compose import Letter

CATALOG.update({
    "letters.touchpoint_note": {"en": "Letter: {name}", "ja": "レター: {name}"},
    "letters.email_note": {"en": "E-mail: {name}", "ja": "メール: {name}"},
})


def answered_suggestions(db: Database, template_key: str, client_ids: Sequence[int],
                         as_of: dt.date | None = None) -> dict:
    """client id -> the open suggestion a letter with this template answers (same template key)."""
    from loyaldesk.core.suggestions import open_suggestions

    wanted = set(client_ids)
    result: dict = {}
    for s in open_suggestions(db, as_of or dates.today()):
        if s.client_id in wanted and s.template == template_key and s.client_id not in result:
            result[s.client_id] = s
    return result


def record_sent(db: Database, letters: Sequence[Letter], *, channel: str = "letter",
                on: dt.date | None = None) -> int:
    """Log one touchpoint per letter (dated `on`, default today) in one transaction; a letter that
    answers a suggestion marks it done. The document pipeline's record (loyaldesk.core.documents.pipeline),
    for letters planned by compose.plan_letters. Returns the count."""
    from loyaldesk.core.documents import pipeline
    from loyaldesk.core.documents.kinds import KINDS

    items = [pipeline.Item(x.client_id, x.recipient.name, note=x.personal_note, letter=x, suggestion=x.suggestion)
             for x in letters]
    batch = pipeline.Batch(pipeline.Request("letter"), KINDS["letter"], items=items)
    return pipeline.record(db, batch, on=on or dates.today(), channel=channel).count


CATALOG.update({
    "letters.written": {"en": "Wrote {count} letters to {path}.", "ja": "{path} に手紙 {count}通を書き出しました。"},
    "letters.logged": {"en": "Logged {count} letter contacts.", "ja": "手紙での連絡を {count}件記録しました。"},
    "letters.logged_email": {"en": "Logged {count} e-mail contacts.", "ja": "メールでの連絡を {count}件記録しました。"},
    "letters.eml_dir_invalid": {"en": "{path}: the e-mail drafts go into a folder (new, or an existing one).",
                                "ja": "{path}: メール下書きの書き出し先はフォルダにしてください（新規または既存）。"},
    "letters.out_missing": {"en": "Give --out FILE.pdf, --eml-dir DIR, or both.",
                            "ja": "--out FILE.pdf と --eml-dir DIR のどちらか（または両方）を指定してください。"},
    "cli.invite_log_needs_out": {"en": "--log-touchpoints records the invitation letters written: give --out FILE.pdf too.",
                                 "ja": "--log-touchpoints は書き出したご案内状を記録します。--out FILE.pdf も指定してください。"},
    "letters.none_written": {"en": "No letter was written: every client selected was left out.",
                             "ja": "手紙は作成されませんでした（選択した顧客はすべて対象外です）。"},
    "letters.skipped_line": {"en": "skipped: {name} (id {id}): {reason}", "ja": "対象外: {name}（ID {id}）: {reason}"},
    "letters.out_invalid": {"en": "{path}: the output must be a .pdf file in an existing folder.",
                            "ja": "{path}: 出力先は既存のフォルダ内の .pdf ファイルにしてください。"},
})
