"""Import planning and writing: decide add / merge / skip for every record, then write in one transaction.

Nothing is written while planning. `apply_*` writes everything in a single transaction:
it completes, or leaves the database exactly as it was.

The decisions hold inside the write transaction: `apply_*` takes the write lock (BEGIN IMMEDIATE)
and, unless the plan was made on the same connection with nothing committed since (Database.change_mark),
plans again under the lock before writing. Two imports of the same file at once therefore
serialise: the second sees the first one's clients and merges into them instead of adding them again.
"""

from __future__ import annotations

import re
import unicodedata
import weakref
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from loyaldesk.core.db import Database
from loyaldesk.core.i18n import CATALOG, t
from loyaldesk.core.io import normalize
from loyaldesk.core.clients import write_more_values
from loyaldesk.core.io.records import ClientRecord, Labeled, PostalAddress, RowProblem, SessionRecord
from loyaldesk.core.migrations import BUILTIN_ROLES

CATALOG.update({
    "import.duplicate_of_client": {
        "en": "same person as client #{id} {name} ({why})",
        "ja": "既存の顧客 #{id} {name} と同一人物です（{why}）",
    },
    "import.duplicate_of_row": {
        "en": "same person as row {row} of this file ({why})",
        "ja": "このファイルの {row}行目と同一人物です（{why}）",
    },
    "import.why_email": {"en": "same e-mail", "ja": "メールアドレスが一致"},
    "import.why_name_reading": {"en": "same name and reading", "ja": "氏名とフリガナが一致"},
    "import.why_name_phone": {"en": "same name and phone", "ja": "氏名と電話番号が一致"},
    "import.conflict": {
        "en": "differs from the saved value “{old}”; the saved value is kept",
        "ja": "登録済みの値「{old}」と異なります。登録済みの値を残します",
    },
    "import.similar": {
        "en": "similar to existing client #{id} {name}: check whether it is the same person",
        "ja": "既存の顧客 #{id} {name} と似ています。同一人物か確認してください",
    },
    "import.no_client": {
        "en": "no client with this e-mail or name",
        "ja": "このメールアドレス・氏名の顧客が見つかりません",
    },
    "import.ambiguous_client": {
        "en": "{count} clients have this name; add the e-mail to tell them apart",
        "ja": "同じ氏名の顧客が {count}名います。区別するためにメールアドレスを指定してください",
    },
    "import.session_exists": {
        "en": "this session is already recorded (same client, date, amount and topic)",
        "ja": "同じセッション（顧客・日付・金額・内容が同一）が登録済みです",
    },
    "import.cancelled": {"en": "The import was cancelled; nothing was written.", "ja": "取り込みを中止しました。何も書き込んでいません。"},
})

ADD, MERGE, SKIP, ERROR = "add", "merge", "skip", "error"
FILLABLE = ("name_kana", "honorific", "company", "title", "email", "phone", "postal_code", "address1",
            "address2", "birthday", "source", "notes", "country")
# A different e-mail, phone or address of a known client is kept as one more value, not a conflict.
KEPT_AS_MORE = frozenset({"email", "phone", "postal_code", "address1", "address2", "country"})
FUZZY_LIMIT = 30_000_000  # name comparisons; beyond this the near-match warning is skipped


class ImportCancelled(Exception):
    """The user cancelled; nothing was written."""


_key = normalize.name_key  # the same person whatever the spacing and width of the name


def _kana_key(text: str) -> str:
    import jaconv

    return jaconv.kata2hira(_key(text))


def _digits(text: str) -> str:
    return re.sub(r"\D", "", unicodedata.normalize("NFKC", text or ""))


@dataclass(slots=True)
class PlannedClient:
    record: ClientRecord
    action: str
    target_id: int | None = None  # existing client (merge / skip)
    target_row: int | None = None  # earlier row of the same file (merge into it)
    fills: dict[str, object] = field(default_factory=dict)
    problems: list[RowProblem] = field(default_factory=list)  # duplicates, conflicts, near-matches


@dataclass
class ClientImportPlan:
    items: list[PlannedClient]
    duplicates: str = MERGE
    made_on: object = None  # (weak reference to the Database, its change mark) when planned
    # a large file's records (files.Records), gone through again to write: then an item without problems
    # holds an empty record (row 0), the records come from the source in the items' order
    source: object = None

    def replace(self, other: ClientImportPlan) -> None:
        self.items[:] = other.items

    def count(self, action: str) -> int:
        return sum(1 for i in self.items if i.action == action)

    @property
    def counts(self) -> dict[str, int]:
        c = Counter(i.action for i in self.items)
        return {a: c.get(a, 0) for a in (ADD, MERGE, SKIP, ERROR)}

    def problems(self) -> list[RowProblem]:
        out = []
        for item in self.items:
            if item.record is not None:
                out.extend(item.record.problems)
            out.extend(item.problems)
        return sorted(out, key=lambda p: p.row)

    def records(self):
        """(item, record) for every item, the records read again from a large file's source."""
        if self.source is None:
            return ((item, item.record) for item in self.items)
        return zip(self.items, self.source)


@dataclass
class ImportResult:
    added: int = 0
    merged: int = 0
    skipped: int = 0
    errors: int = 0
    written: bool = False
    client_ids: list[int] = field(default_factory=list)


# --- clients -------------------------------------------------------------------------------
@dataclass
class _Known:
    id: int | None
    row: int | None
    name: str
    kana_key: str
    phone: str
    values: dict[str, object]


def plan_client_import(
    db: Database,
    records: list[ClientRecord],
    *,
    duplicates: str = MERGE,
    progress: Callable[[float], None] | None = None,
    is_cancelled: Callable[[], bool] | None = None,
) -> ClientImportPlan:
    """Decide, without writing, what happens to each record.

    duplicates: MERGE (fill the empty fields of the existing client) or SKIP.
    """
    mark = _mark(db)
    by_email, by_name, names_by_id, all_choices, choices_by_first = _existing_clients(db)
    if not isinstance(records, list):  # a large file's records, read as they come (files.Records)
        return _plan_streamed_clients(db, records, duplicates, progress, is_cancelled, mark, by_email, by_name,
                                      names_by_id, all_choices, choices_by_first)
    items: list[PlannedClient] = []
    total = max(1, len(records))
    fuzzy_budget = FUZZY_LIMIT
    for n, rec in enumerate(records):
        if is_cancelled and n % 500 == 0 and is_cancelled():
            raise ImportCancelled()
        if progress and n % 2000 == 0:
            progress(n / total)
        if rec.has_errors:
            items.append(PlannedClient(rec, ERROR))
            continue
        match, why = _find_duplicate(rec, by_email, by_name)
        if match is None:
            item = PlannedClient(rec, ADD)
            known = _Known(None, rec.row, rec.name, _kana_key(rec.name_kana), _digits(rec.phone), _record_values(rec))
            for email in [rec.email] + [e.value for e in rec.more_emails]:
                if email:
                    by_email.setdefault(email.lower(), known)
            name_key = _key(rec.name)
            # near-matches against the database (same first character, similar name)
            fuzzy_budget = _near_match(item, rec, name_key, all_choices, choices_by_first, names_by_id, fuzzy_budget)
            by_name[name_key].append(known)
            items.append(item)
            continue
        why_text = t(f"import.why_{why}")
        if match.id is not None:
            dup = RowProblem(rec.row, "name", t("import.duplicate_of_client", id=match.id, name=match.name, why=why_text),
                             "warning")
        else:
            dup = RowProblem(rec.row, "name", t("import.duplicate_of_row", row=match.row, why=why_text), "warning")
        if duplicates == SKIP:
            items.append(PlannedClient(rec, SKIP, match.id, match.row, problems=[dup]))
            continue
        fills, conflicts = _merge_values(match.values, _record_values(rec), rec.row)
        for k, v in fills.items():
            match.values[k] = v
        items.append(PlannedClient(rec, MERGE, match.id, match.row, fills, [dup] + conflicts))
    if progress:
        progress(1.0)
    return ClientImportPlan(items, duplicates, mark)


def _existing_clients(db: Database):
    """The practice's clients by e-mail (every e-mail of theirs) and by name, and their names for near-matches."""
    by_email: dict[str, _Known] = {}
    by_name: dict[str, list[_Known]] = defaultdict(list)
    existing_names: dict[str, list[tuple[int, str]]] = defaultdict(list)
    known_by_id: dict[int, _Known] = {}
    for row in db.query(
        "SELECT id, name, name_kana, honorific, company, title, email, phone, postal_code, address1, address2, "
        "birthday, source, notes, country FROM clients"
    ):
        values = {k: row[k] for k in FILLABLE}
        known = _Known(row["id"], None, row["name"], _kana_key(row["name_kana"] or ""), _digits(row["phone"] or ""), values)
        known_by_id[row["id"]] = known
        if row["email"]:
            by_email.setdefault(row["email"].strip().lower(), known)
        name_key = _key(row["name"])
        by_name[name_key].append(known)
        existing_names[name_key[:1]].append((row["id"], row["name"]))

    for cid, value in db.query("SELECT client_id, value FROM client_contacts WHERE kind = 'email'", plain=True):
        if cid in known_by_id:
            by_email.setdefault(value.strip().lower(), known_by_id[cid])
    names_by_id = {cid: name for group in existing_names.values() for cid, name in group}
    all_choices = {cid: _key(name) for cid, name in names_by_id.items()}
    choices_by_first: dict[str, dict[int, str]] = defaultdict(dict)
    for cid, key in all_choices.items():
        choices_by_first[key[:1]][cid] = key
    return by_email, by_name, names_by_id, all_choices, choices_by_first


def _near_match(item, rec, name_key, all_choices, choices_by_first, names_by_id, fuzzy_budget: int) -> int:
    """A warning on the item when an existing client has a similar name; the fuzzy budget left."""
    choices = all_choices if len(all_choices) <= 20_000 else choices_by_first.get(name_key[:1], {})
    if choices and fuzzy_budget > 0:
        fuzzy_budget -= len(choices)
        similar = _similar(name_key, choices)
        if similar is not None:
            item.problems.append(RowProblem(rec.row, "name", t("import.similar", id=similar, name=names_by_id[similar]),
                                            "warning"))
    return fuzzy_budget


# shared by a large file's rows added without a remark: the record is read again from the file to write it
_PLAIN_ADD = PlannedClient(ClientRecord(row=0), ADD, problems=[])
KEEP_RECORDS = 5000  # a large file's first rows keep their record (the import dialog's preview shows them)


def _plan_streamed_clients(db, records, duplicates, progress, is_cancelled, mark, by_email, by_name, names_by_id,
                           all_choices, choices_by_first) -> ClientImportPlan:
    """plan_client_import for a large file's records, read as they come: the same decisions, in a fraction
    of the memory. The file's own rows are known by hashes of their e-mails, name, reading and phone (not
    their values); a row added without a remark is one shared item (its record is read again to write);
    the values a row merged into an earlier row of the file fills are worked out by a second pass."""
    items: list[PlannedClient] = []
    file_email: dict[int, int] = {}  # hash of an e-mail -> the row that has it
    file_name: dict[int, list[tuple[int, int | None, int | None]]] = {}  # hash of a name -> (row, reading, phone)
    pending: dict[int, list[PlannedClient]] = defaultdict(list)  # an earlier row -> the merges into it
    total = max(1, len(records))
    fuzzy_budget = FUZZY_LIMIT
    for n, rec in enumerate(records):
        if is_cancelled and n % 500 == 0 and is_cancelled():
            raise ImportCancelled()
        if progress and n % 2000 == 0:
            progress(0.9 * n / total)
        if rec.has_errors:
            items.append(PlannedClient(rec, ERROR))
            continue
        match, row, why = _find_streamed(rec, by_email, by_name, file_email, file_name)
        if match is None and row is None:
            item = PlannedClient(rec, ADD)
            for email in [rec.email] + [e.value for e in rec.more_emails]:
                if email and email.lower() not in by_email:
                    file_email.setdefault(hash(email.lower()), rec.row)
            name_key = _key(rec.name)
            fuzzy_budget = _near_match(item, rec, name_key, all_choices, choices_by_first, names_by_id, fuzzy_budget)
            kana, phone = _kana_key(rec.name_kana), _digits(rec.phone)
            file_name.setdefault(hash(name_key), []).append(
                (rec.row, hash(kana) if kana else None, hash(phone) if phone else None))
            items.append(item if item.problems or rec.problems or n < KEEP_RECORDS else _PLAIN_ADD)
            continue
        why_text = t(f"import.why_{why}")
        if match is not None:
            dup = RowProblem(rec.row, "name", t("import.duplicate_of_client", id=match.id, name=match.name, why=why_text),
                             "warning")
        else:
            dup = RowProblem(rec.row, "name", t("import.duplicate_of_row", row=row, why=why_text), "warning")
        if duplicates == SKIP:
            items.append(PlannedClient(rec, SKIP, match.id if match else None, row, problems=[dup]))
            continue
        if match is not None:
            fills, conflicts = _merge_values(match.values, _record_values(rec), rec.row)
            match.values.update(fills)
            items.append(PlannedClient(rec, MERGE, match.id, None, fills, [dup] + conflicts))
            continue
        item = PlannedClient(rec, MERGE, None, row, {}, [dup])
        pending[row].append(item)
        items.append(item)
    if pending:  # the earlier rows merged into, read again: their values filled in the file's order
        for rec in records:
            merges = pending.get(rec.row)
            if merges:
                values = _record_values(rec)
                for item in merges:
                    fills, conflicts = _merge_values(values, _record_values(item.record), item.record.row)
                    values.update(fills)
                    item.fills = fills
                    item.problems.extend(conflicts)
    if progress:
        progress(1.0)
    return ClientImportPlan(items, duplicates, mark, records)


def _find_streamed(rec: ClientRecord, by_email, by_name, file_email, file_name) -> tuple[_Known | None, int | None, str]:
    """_find_duplicate among the practice's clients (match) and the file's earlier rows (row), in the same order."""
    for email in [rec.email] + [e.value for e in rec.more_emails]:
        if email:
            hit = by_email.get(email.lower())
            if hit is not None:
                return hit, None, "email"
            row = file_email.get(hash(email.lower()))
            if row is not None:
                return None, row, "email"
    name_key = _key(rec.name)
    same_name = by_name.get(name_key, ())
    in_file = file_name.get(hash(name_key), ())
    if same_name or in_file:
        kana = _kana_key(rec.name_kana)
        phone = _digits(rec.phone)
        for known in same_name:
            if kana and known.kana_key == kana:
                return known, None, "name_reading"
            if phone and known.phone == phone:
                return known, None, "name_phone"
        kana_h, phone_h = hash(kana) if kana else None, hash(phone) if phone else None
        for row, row_kana, row_phone in in_file:
            if kana_h is not None and row_kana == kana_h:
                return None, row, "name_reading"
            if phone_h is not None and row_phone == phone_h:
                return None, row, "name_phone"
    return None, None, ""


def _record_values(rec: ClientRecord) -> dict[str, object]:
    values: dict[str, object] = {k: getattr(rec, k) for k in FILLABLE}
    values["birthday"] = rec.birthday.isoformat() if rec.birthday else None
    return values


def _find_duplicate(rec: ClientRecord, by_email, by_name) -> tuple[_Known | None, str]:
    for email in [rec.email] + [e.value for e in rec.more_emails] if rec.more_emails else [rec.email]:
        if email:
            hit = by_email.get(email.lower())
            if hit is not None:
                return hit, "email"
    same_name = by_name.get(_key(rec.name), ())
    if same_name:
        kana = _kana_key(rec.name_kana)
        phone = _digits(rec.phone)
        for known in same_name:
            if kana and known.kana_key == kana:
                return known, "name_reading"
            if phone and known.phone == phone:
                return known, "name_phone"
    return None, ""


def _merge_values(old: dict[str, object], new: dict[str, object], row: int) -> tuple[dict[str, object], list[RowProblem]]:
    """Fill what is empty; never overwrite silently: a different non-empty value becomes a warning."""
    fills, conflicts = {}, []
    for k in FILLABLE:
        value = new.get(k)
        if value in (None, ""):
            continue
        current = old.get(k)
        if current in (None, ""):
            fills[k] = value
        elif k == "notes":
            if str(value) not in str(current):
                fills[k] = f"{current}\n{value}"
        elif k in KEPT_AS_MORE:
            continue  # kept as one more e-mail, phone or address of the client (apply_client_import)
        elif _key(str(current)) != _key(str(value)):
            conflicts.append(RowProblem(row, k, t("import.conflict", old=current), "warning"))
    return fills, conflicts


def _similar(name_key: str, choices: dict[int, str]) -> int | None:
    """The id of an existing client whose name is close to (but not the same as) this one."""
    from rapidfuzz import fuzz, process

    best = process.extractOne(name_key, choices, scorer=fuzz.ratio, score_cutoff=80)
    if best is None or best[0] == name_key:
        return None
    return best[2]


def apply_client_import(
    db: Database,
    plan: ClientImportPlan,
    *,
    on_error: str = "abort",
    progress: Callable[[float], None] | None = None,
    is_cancelled: Callable[[], bool] | None = None,
) -> ImportResult:
    """Write the plan in one transaction. on_error='abort' writes nothing if any row has an error.

    The plan is made again inside the transaction when the database may have changed since
    (plan.items then hold what was really decided)."""
    if plan.count(ERROR) and on_error == "abort":
        return ImportResult(errors=plan.count(ERROR), skipped=plan.count(SKIP))
    roles = _role_names(db)
    tag_ids: dict[str, int] = {}
    created_for_row: dict[int, int] = {}
    total = max(1, len(plan.items))
    from loyaldesk.core.search import deferred_index

    with db.transaction() as conn, deferred_index(conn):  # the new rows' texts indexed together at the end
        if not _still_valid(db, plan):
            source = plan.source if plan.source is not None else [i.record for i in plan.items]
            plan.replace(plan_client_import(db, source, duplicates=plan.duplicates, is_cancelled=is_cancelled))
        result = ImportResult(errors=plan.count(ERROR), skipped=plan.count(SKIP))
        if result.errors and on_error == "abort":
            return result
        for n, (item, rec) in enumerate(plan.records()):
            if n % 500 == 0:
                if is_cancelled and is_cancelled():
                    raise ImportCancelled()  # the transaction rolls back
                if progress:
                    progress(n / total)
            if item.action == ADD:
                values = _record_values(rec)
                cur = conn.execute(
                    "INSERT INTO clients (name, name_kana, honorific, company, title, email, phone, postal_code, "
                    "address1, address2, birthday, source, notes, country) VALUES (:name, :name_kana, :honorific, "
                    ":company, :title, :email, :phone, :postal_code, :address1, :address2, :birthday, :source, "
                    ":notes, :country)",
                    values | {"name": rec.name},
                )
                cid = cur.lastrowid
                created_for_row[rec.row] = cid
                result.added += 1
                if rec.more_emails or rec.more_phones or rec.more_addresses:
                    write_more_values(conn, cid, rec.more_emails, rec.more_phones, rec.more_addresses)
            elif item.action == MERGE:
                cid = item.target_id if item.target_id is not None else created_for_row.get(item.target_row)
                if cid is None:
                    continue
                if item.fills:
                    sets = ", ".join(f"{k} = :{k}" for k in item.fills)
                    conn.execute(f"UPDATE clients SET {sets} WHERE id = :id", dict(item.fills) | {"id": cid})
                # the values the client does not have yet are kept as more e-mails, phones and addresses
                main_address = PostalAddress("", rec.postal_code, rec.address1, rec.address2, rec.country)
                write_more_values(conn, cid, [Labeled("", rec.email)] + rec.more_emails,
                                  [Labeled("", rec.phone)] + rec.more_phones,
                                  [main_address] + rec.more_addresses, replace=False)
                result.merged += 1
            else:
                continue
            result.client_ids.append(cid)
            for tag in rec.tags:
                tag_id = tag_ids.get(tag)
                if tag_id is None:
                    row = conn.execute("SELECT id FROM tags WHERE name = ?", (tag,)).fetchone()
                    if row is None:
                        category = "role" if tag in roles else "segment"
                        tag_id = conn.execute("INSERT INTO tags (name, category) VALUES (?, ?)", (tag, category)).lastrowid
                    else:
                        tag_id = row[0]
                    tag_ids[tag] = tag_id
                conn.execute("INSERT OR IGNORE INTO client_tags (client_id, tag_id, since) VALUES (?, ?, date('now', 'localtime'))",
                             (cid, tag_id))
    result.written = bool(result.added or result.merged)
    if progress:
        progress(1.0)
    return result


def _mark(db: Database) -> tuple:
    return (weakref.ref(db), db.change_mark())


def _still_valid(db: Database, plan) -> bool:
    """True when the plan was made on this connection and nothing was committed to the file since."""
    if not plan.made_on:
        return False
    ref, mark = plan.made_on
    return ref() is db and db.change_mark() == mark


def _role_names(db: Database) -> set[str]:
    """Names that make a tag a community role: existing role tags and the built-in roles in both languages."""
    names = {r[0] for r in db.query("SELECT name FROM tags WHERE category = 'role'")}
    for key in BUILTIN_ROLES:
        names.update(CATALOG[f"role.{key}"].values())
    return names


# --- sessions ------------------------------------------------------------------------------
@dataclass(slots=True)
class PlannedSession:
    record: SessionRecord
    action: str  # ADD, SKIP (already recorded), ERROR
    client_id: int | None = None
    create_client: bool = False
    problems: list[RowProblem] = field(default_factory=list)


@dataclass
class SessionImportPlan:
    items: list[PlannedSession]
    create_clients: bool = False
    made_on: object = None  # (weak reference to the Database, its change mark) when planned
    source: object = None  # a large file's records (files.Records): see ClientImportPlan.source

    def replace(self, other: SessionImportPlan) -> None:
        self.items[:] = other.items

    def count(self, action: str) -> int:
        return sum(1 for i in self.items if i.action == action)

    @property
    def counts(self) -> dict[str, int]:
        c = Counter(i.action for i in self.items)
        return {a: c.get(a, 0) for a in (ADD, MERGE, SKIP, ERROR)}

    def problems(self) -> list[RowProblem]:
        out = []
        for item in self.items:
            if item.record is not None:
                out.extend(item.record.problems)
            out.extend(item.problems)
        return sorted(out, key=lambda p: p.row)

    def records(self):
        """(item, record) for every item, the records read again from a large file's source."""
        if self.source is None:
            return ((item, item.record) for item in self.items)
        return zip(self.items, self.source)


_NO_PROBLEMS: tuple = ()  # shared by a large file's sessions added without a remark ...
_NO_SESSION = SessionRecord(row=0)  # ... whose record is read again from the file to write it


def plan_session_import(
    db: Database,
    records: list[SessionRecord],
    *,
    create_clients: bool = False,
    progress: Callable[[float], None] | None = None,
    is_cancelled: Callable[[], bool] | None = None,
) -> SessionImportPlan:
    """Match every row to a client by e-mail, else by name (spaces ignored); report the rest."""
    mark = _mark(db)
    by_email: dict[str, int] = {}
    by_name: dict[str, list[int]] = defaultdict(list)
    for cid, name, email in db.query("SELECT id, name, email FROM clients", plain=True):
        if email:
            by_email.setdefault(email.strip().lower(), cid)
        by_name[_key(name)].append(cid)
    for cid, email in db.query("SELECT client_id, value FROM client_contacts WHERE kind = 'email'", plain=True):
        by_email.setdefault(email.strip().lower(), cid)
    existing = {  # a session in another currency is known by its own amount and currency
        (cid, d, fee if cur is None else f"{foreign_fee} {cur}", topic or "")
        for cid, d, fee, topic, cur, foreign_fee in db.query(
            "SELECT client_id, date, fee, topic, foreign_currency, foreign_fee FROM sessions", plain=True)
    }
    items: list[PlannedSession] = []
    pending_new: set[str] = set()
    total = max(1, len(records))
    streamed = not isinstance(records, list)  # a large file's records (files.Records): kept slim
    in_file: set[int] = set()  # a large file's sessions, by the hash of their signature
    for n, rec in enumerate(records):
        if is_cancelled and n % 500 == 0 and is_cancelled():
            raise ImportCancelled()
        if progress and n % 2000 == 0:
            progress(n / total)
        if rec.skip_reason:
            items.append(PlannedSession(rec, SKIP))
            continue
        if rec.has_errors:
            items.append(PlannedSession(rec, ERROR))
            continue
        cid = by_email.get(rec.client_email.lower()) if rec.client_email else None
        column = "client_email" if rec.client_email else "client_name"
        if cid is None and rec.client_name:
            candidates = by_name.get(_key(rec.client_name), [])
            if len(candidates) == 1:
                cid = candidates[0]
            elif len(candidates) > 1:
                items.append(PlannedSession(rec, ERROR, problems=[
                    RowProblem(rec.row, "client_name", t("import.ambiguous_client", count=len(candidates)))]))
                continue
        if cid is None:
            if create_clients and (rec.client_name or rec.client_email):
                pending_new.add(_key(rec.client_name) or rec.client_email.lower())
                keep = not streamed or rec.problems or n < KEEP_RECORDS
                items.append(PlannedSession(rec if keep else _NO_SESSION, ADD, None, create_client=True,
                                            problems=[] if keep else _NO_PROBLEMS))
            else:
                items.append(PlannedSession(rec, ERROR, problems=[RowProblem(rec.row, column, t("import.no_client"))]))
            continue
        signature = (cid, rec.date.isoformat(), f"{rec.fee} {rec.currency}" if rec.currency else rec.fee, rec.topic or "")
        if signature in existing or streamed and hash(signature) in in_file:
            items.append(PlannedSession(rec, SKIP, cid, problems=[
                RowProblem(rec.row, "date", t("import.session_exists"), "warning")]))
            continue
        if streamed:
            in_file.add(hash(signature))
            if not rec.problems and n >= KEEP_RECORDS:
                items.append(PlannedSession(_NO_SESSION, ADD, cid, problems=_NO_PROBLEMS))
                continue
        else:
            existing.add(signature)
        items.append(PlannedSession(rec, ADD, cid))
    if progress:
        progress(1.0)
    return SessionImportPlan(items, create_clients, mark, records if streamed else None)


def apply_session_import(
    db: Database,
    plan: SessionImportPlan,
    *,
    on_error: str = "abort",
    progress: Callable[[float], None] | None = None,
    is_cancelled: Callable[[], bool] | None = None,
) -> ImportResult:
    """Write the plan in one transaction (made again inside it when the database may have changed)."""
    if plan.count(ERROR) and on_error == "abort":
        return ImportResult(errors=plan.count(ERROR), skipped=plan.count(SKIP))
    created: dict[str, int] = {}
    total = max(1, len(plan.items))
    from loyaldesk.core import practice

    currency = practice.currency(db)
    from loyaldesk.core.search import deferred_index

    with db.transaction() as conn, deferred_index(conn):  # the new rows' texts indexed together at the end
        if not _still_valid(db, plan):
            source = plan.source if plan.source is not None else [i.record for i in plan.items]
            plan.replace(plan_session_import(db, source, create_clients=plan.create_clients, is_cancelled=is_cancelled))
        result = ImportResult(errors=plan.count(ERROR), skipped=plan.count(SKIP))
        if result.errors and on_error == "abort":
            return result
        for n, (item, rec) in enumerate(plan.records()):
            if n % 500 == 0:
                if is_cancelled and is_cancelled():
                    raise ImportCancelled()
                if progress:
                    progress(n / total)
            if item.action != ADD:
                continue
            cid = item.client_id
            if item.create_client:
                key = _key(rec.client_name) or rec.client_email.lower()
                cid = created.get(key)
                if cid is None:
                    cid = conn.execute(
                        "INSERT INTO clients (name, email, created_at) VALUES (?, ?, ?)",
                        (rec.client_name or rec.client_email, rec.client_email, rec.date.isoformat()),
                    ).lastrowid
                    created[key] = cid
            # a row in another currency than the practice's: a session in that currency, with no
            # amount in the practice's (left out of revenue totals until the user records one)
            foreign = rec.currency if rec.currency and rec.currency != currency else None
            conn.execute(
                "INSERT INTO sessions (client_id, date, kind, duration_minutes, fee, topic, notes, foreign_currency, "
                "foreign_fee) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (cid, rec.date.isoformat(), rec.kind, rec.duration_minutes, None if foreign else rec.fee, rec.topic,
                 rec.notes, foreign, rec.fee if foreign else None),
            )
            result.added += 1
            result.client_ids.append(cid)
    result.written = bool(result.added)
    if progress:
        progress(1.0)
    return result
