"""vCard (.vcf) import and export.

Import reads vCard 2.1, 3.0 and 4.0 as iPhone, Android, Google Contacts, Outlook and Japanese
feature phones write them: UTF-8 or Shift_JIS (cp932) files, folded lines, quoted-printable and
base64 values, phonetic names (X-PHONETIC-*, N;SORT-AS, SOUND;X-IRMC-N, SORT-STRING), Apple
item labels, and birthdays with or without a year. Every BEGIN:VCARD..END:VCARD block is read on
its own: a damaged card becomes a ClientRecord carrying an error, and the rest of the file still
imports. `parse_vcards` never raises for malformed input.

The content lines are tokenized here rather than by vobject's reader: its line regex backtracks
exponentially on some malformed parameter lists (a 20-character garbage line can hang it), its
unfolding is quadratic in the length of a folded value (a large PHOTO), and its text unescaping
mangles a trailing backslash. Export builds the cards with vobject and serializes them with it,
then folds the lines at 75 octets (vobject folds by characters, so a line of Japanese text could
reach 225 octets).
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import quopri
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from loyaldesk.core import dates
from loyaldesk.core.i18n import CATALOG, t
from loyaldesk.core.io.normalize import has_controls, normalize_client_record, strip_controls
from loyaldesk.core.io.records import ClientRecord, Labeled, PostalAddress, RowProblem
from loyaldesk.core.models import Client

CATALOG.update({
    "import.vcard_no_cards": {
        "en": "No contacts found: the file contains no BEGIN:VCARD.",
        "ja": "連絡先が見つかりません（BEGIN:VCARD がありません）。",
    },
    "import.vcard_not_closed": {
        "en": "This contact is incomplete: END:VCARD is missing (the file may be cut off or damaged).",
        "ja": "この連絡先は途中で終わっています（END:VCARD がありません）。ファイルが途中で切れているか、壊れている可能性があります。",
    },
    "import.vcard_line": {"en": "line {line}", "ja": "{line}行目"},
    "import.vcard_unreadable": {
        "en": "Unreadable line {line}: {text}",
        "ja": "{line}行目を読み取れません: {text}",
    },
    "import.vcard_more_unreadable": {
        "en": "{count} more unreadable lines in this contact",
        "ja": "この連絡先には、ほかにも読み取れない行が {count}行あります",
    },
    "import.vcard_decode": {
        "en": "Some characters could not be read ({detail}); they were replaced with \ufffd.",
        "ja": "一部の文字を読み取れませんでした（{detail}）。読み取れない文字は \ufffd に置き換えています。",
    },
    "import.vcard_no_name": {
        "en": "This contact has no name (FN or N).",
        "ja": "この連絡先には氏名（FN / N）がありません。",
    },
    "import.vcard_birthday_no_year": {
        "en": "The birthday {value} has no year: it is kept in the notes.",
        "ja": "誕生日 {value} には年がないため、メモに残しました。",
    },
    "import.vcard_birthday_invalid": {
        "en": "Not a valid birthday: {value}; it was left empty.",
        "ja": "誕生日 {value} を日付として読み取れないため、空欄にしました。",
    },
    "import.vcard_email_invalid": {
        "en": "Not a valid e-mail address: {value}; it was left empty.",
        "ja": "メールアドレス {value} が正しくないため、空欄にしました。",
    },
    "import.vcard_note.NICKNAME": {"en": "Nickname", "ja": "ニックネーム"},
    "import.vcard_note.URL": {"en": "Web", "ja": "ウェブ"},
    "import.vcard_note.ROLE": {"en": "Role", "ja": "役割"},
    "import.vcard_note.ANNIVERSARY": {"en": "Anniversary", "ja": "記念日"},
    "import.vcard_failed": {
        "en": "This contact could not be read: {detail}",
        "ja": "この連絡先を読み取れませんでした: {detail}",
    },
})

__all__ = ["parse_vcards", "export_vcards"]

_LABELS = {"name": "FN", "email": "EMAIL", "phone": "TEL", "postal_code": "ADR", "birthday": "BDAY"}

_MAX_LINE_PROBLEMS = 5
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")  # the rule ClientRepository applies
_NAME = re.compile(r"^(?:([A-Za-z0-9_-]+)\.)?([A-Za-z0-9_-]+)$")
_CJK = re.compile(
    "[\u1100-\u11ff\u2e80-\u2fdf\u3005-\u3007\u3021-\u3029\u3040-\u30ff\u3130-\u318f\u31f0-\u31ff"
    "\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\uff66-\uff9f\U00020000-\U0003134f]"
)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_GOOGLE_SYSTEM_GROUPS = {"mycontacts", "* mycontacts"}
_BASE64_LINE = re.compile(r"^\s*[A-Za-z0-9+/=]+\s*$")
_APPLE_LABEL = re.compile(r"^_\$!<(.*)>!\$_$")
_CHARSET_ALIASES = {"shift_jis": "cp932", "shift-jis": "cp932", "sjis": "cp932", "x-sjis": "cp932",
                    "ms_kanji": "cp932", "windows-31j": "cp932", "csshiftjis": "cp932"}
_QP = "QUOTED-PRINTABLE"


# --------------------------------------------------------------------------- import


def parse_vcards(data: bytes | bytearray | str, home_country: str = "JP") -> list[ClientRecord]:
    """Every contact in a .vcf file as a ClientRecord (row = its position: 1, 2, 3, ...).

    Never raises for malformed input: what cannot be read becomes a RowProblem on the card
    it belongs to ('error': that card cannot be imported; 'warning': imported, worth a look).
    """
    try:
        text = _decode_file(data)
    except Exception as exc:  # noqa: BLE001 - a reader of arbitrary files reports, it does not crash
        return [ClientRecord(row=1, problems=[RowProblem(1, "", t("import.vcard_failed", detail=_brief(exc)))])]
    records = list(_card_records(text.split("\n"), home_country))
    if not records and text.strip():
        records.append(ClientRecord(row=1, problems=[RowProblem(1, "BEGIN", t("import.vcard_no_cards"))]))
    return records


def iter_vcard_file(path, home_country: str = "JP") -> Iterator[ClientRecord]:
    """The contacts of a .vcf file as parse_vcards reads them, made as the file is read line by line (a
    large file is never held in memory whole)."""
    yield from _card_records(_file_lines(path), home_country)


def count_vcards(path) -> int:
    """The number of contacts iter_vcard_file yields (BEGIN:VCARD lines), read in blocks."""
    count = 0
    for line in _file_lines(path):
        keyword, _, value = line.partition(":")
        if value.strip().upper() == "VCARD" and keyword.strip().upper() == "BEGIN":
            count += 1
    return count


def _file_lines(path) -> Iterator[str]:
    """The lines of a file decoded as _decode_file decodes the whole file, read line by line."""
    import codecs

    with open(path, "rb") as fh:
        head = fh.read(4)
    encoding = None
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "utf-16"
    elif len(head) >= 4 and head[1:4:2] == b"\0\0" and head[0:4:2] != b"\0\0":
        encoding = "utf-16-le"
    elif len(head) >= 4 and head[0:4:2] == b"\0\0" and head[1:4:2] != b"\0\0":
        encoding = "utf-16-be"
    else:
        decoder = codecs.getincrementaldecoder("utf-8")()
        try:
            with open(path, "rb") as fh:
                while block := fh.read(1 << 20):
                    decoder.decode(block)
                decoder.decode(b"", final=True)
            encoding = "utf-8-sig"
        except UnicodeDecodeError:
            encoding = None
    if encoding is not None:
        with open(path, encoding=encoding, errors="replace", newline=None) as fh:
            first = True
            for line in fh:
                if first:
                    line, first = line.lstrip("\ufeff"), False
                yield line[:-1] if line.endswith("\n") else line
        return
    # not UTF-8 as a whole: each line in UTF-8 or Shift_JIS, the others in the one most lines are in
    sjis = utf8 = 0
    with open(path, "rb") as fh:
        for raw in fh:
            if _try_decode(raw, "utf-8") is not None:
                utf8 += not raw.isascii()
            elif _try_decode(raw, "cp932") is not None:
                sjis += 1
    fallback = "cp932" if sjis >= utf8 else "utf-8"
    with open(path, "rb") as fh:
        for raw in fh:
            text = _try_decode(raw, "utf-8")
            if text is None:
                text = _try_decode(raw, "cp932")
            if text is None:
                text = raw.decode(fallback, errors="replace")
            text = text.replace("\r\n", "\n").replace("\r", "\n")
            yield from (text[:-1] if text.endswith("\n") else text).split("\n")


def _card_records(text_lines: Iterable[str], home_country: str) -> Iterator[ClientRecord]:
    """The ClientRecord of each card in these lines of text."""
    for row, (lines, closed) in enumerate(_split_cards(_logical_lines(text_lines)), start=1):
        try:
            record = _Card(row, lines).record()
        except Exception as exc:  # noqa: BLE001 - one bad card must not stop the others
            record = ClientRecord(row=row, problems=[RowProblem(row, "", t("import.vcard_failed", detail=_brief(exc)))])
        if not closed:
            record.problems.insert(0, RowProblem(row, "END", t("import.vcard_not_closed")))
        record.problems.extend(_control_warnings(row, lines))
        try:
            if record.own_export:
                _take_main_values(record)  # our own export: the values exactly as they were saved
            else:
                normalize_client_record(record, _LABELS, home_country)
        except Exception as exc:  # noqa: BLE001 - one bad card must not stop the others
            record.problems.append(RowProblem(row, "", t("import.vcard_failed", detail=_brief(exc))))
        yield record


def _take_main_values(rec: ClientRecord) -> None:
    """The first e-mail and the first phone that is no fax are the main ones; the others stay in more_*."""
    if rec.more_emails:
        rec.email = rec.more_emails.pop(0).value
    main = next((p for p in rec.more_phones if p.label != "fax"), None)
    if main is not None:
        rec.phone = main.value
        rec.more_phones.remove(main)
    if not rec.name:
        rec.problems.append(RowProblem(rec.row, "FN", t("import.vcard_no_name")))


# --- bytes -> text -> logical lines -> cards


def _decode_file(data: bytes | bytearray | str) -> str:
    if isinstance(data, str):
        text = data
    else:
        raw = bytes(data)
        if raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
            text = raw.decode("utf-16", errors="replace")
        elif len(raw) >= 4 and raw[1:4:2] == b"\0\0" and raw[0:4:2] != b"\0\0":
            text = raw.decode("utf-16-le", errors="replace")
        elif len(raw) >= 4 and raw[0:4:2] == b"\0\0" and raw[1:4:2] != b"\0\0":
            text = raw.decode("utf-16-be", errors="replace")
        else:
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError:
                text = _decode_lines(raw)
    if text.startswith("\ufeff"):
        text = text[1:]
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _decode_lines(raw: bytes) -> str:
    """Not UTF-8 as a whole: Shift_JIS (cp932) from a Japanese phone, or a mixture; decide line by line."""
    out: list[str | bytes] = []
    sjis = utf8 = 0
    for line in raw.split(b"\n"):
        text = _try_decode(line, "utf-8")
        if text is not None:
            utf8 += not line.isascii()
        else:
            text = _try_decode(line, "cp932")
            sjis += text is not None
        out.append(line if text is None else text)
    fallback = "cp932" if sjis >= utf8 else "utf-8"
    return "\n".join(x if isinstance(x, str) else x.decode(fallback, errors="replace") for x in out)


_CP932_STRAYS = re.compile("[\x80\uf8f0-\uf8f3]")  # what Python's cp932 makes of bytes 0x80, 0xA0, 0xFD-0xFF


def _try_decode(raw: bytes, charset: str) -> str | None:
    """`raw` in `charset`, or None if it is not (cp932: single bytes no Shift_JIS text contains are not)."""
    try:
        text = raw.decode(charset)
    except Exception:  # noqa: BLE001 - UnicodeError, LookupError, or a codec that is no charset
        return None
    if charset == "cp932" and _CP932_STRAYS.search(text):
        return None
    return text


def _control_warnings(row: int, lines: list[tuple[int, str]]) -> list[RowProblem]:
    """A warning for each property that holds control characters (NUL …): they are left out of the value."""
    out = []
    for _, line in lines:
        if has_controls(line):
            name = line.partition(":")[0].split(";")[0].split(".")[-1].strip().upper()
            out.append(RowProblem(row, name, t("import.control_chars", count=strip_controls(line)[1]), "warning"))
    return out


def _logical_lines(lines: Iterable[str]) -> Iterator[tuple[int, str]]:
    """Unfold: a line starting with a space or tab continues the previous one (RFC 6350 3.2);
    a quoted-printable value ending in '=' continues on the next line (vCard 2.1 soft line break)."""
    parts: list[str] = []
    start = 0
    qp = False
    for number, line in enumerate(lines, start=1):
        if parts and line[:1] in (" ", "\t"):
            if qp and parts[-1].endswith("="):
                parts[-1] = parts[-1][:-1]
            parts.append(line[1:])
            continue
        if parts and qp and parts[-1].endswith("=") and line.strip() and line.strip().upper() != "END:VCARD":
            parts[-1] = parts[-1][:-1]
            parts.append(line)
            continue
        if parts:
            yield start, "".join(parts)
            parts = []
        if not line.strip():
            continue
        start = number
        parts = [line]
        head = line.split(":", 1)[0] if ":" in line else ""
        qp = _QP in head.upper()
    if parts:
        yield start, "".join(parts)


def _split_cards(lines: Iterable[tuple[int, str]]) -> Iterator[tuple[list[tuple[int, str]], bool]]:
    """(the lines of one card, whether END:VCARD closed it). A BEGIN:VCARD inside an open card
    starts a new card; what stands outside any card is ignored."""
    current: list[tuple[int, str]] | None = None
    for number, line in lines:
        keyword, _, value = line.partition(":")
        keyword = keyword.strip().upper()
        if value.strip().upper() == "VCARD" and keyword in ("BEGIN", "END"):
            if keyword == "BEGIN":
                if current is not None:
                    yield current, False
                current = []
            elif current is not None:
                yield current, True
                current = None
            continue
        if current is not None:
            current.append((number, line))
    if current is not None:
        yield current, False


# --- one content line


@dataclass
class _Prop:
    line: int
    group: str
    name: str
    params: dict[str, list[str]]
    types: set[str]
    raw: str
    _text: str | None = field(default=None, repr=False)
    decode_problem: str = ""

    @property
    def pref(self) -> tuple[int, int]:
        """Sort key: preferred values first (TYPE=pref, vCard 4 PREF=1..100)."""
        for value in self.params.get("PREF", []):
            try:
                return (0, int(value))
            except ValueError:
                return (0, 1)
        return (0, 1) if "PREF" in self.types else (1, 0)

    @property
    def is_base64(self) -> bool:
        encodings = {v.upper() for v in self.params.get("ENCODING", [])} | self.types
        return bool(encodings & {"B", "BASE64"})

    @property
    def text(self) -> str:
        """The value after transfer decoding (quoted-printable, base64, charset); still escaped."""
        if self._text is None:
            self._text = self._decode()
        return self._text

    def _decode(self) -> str:
        encodings = {v.upper() for v in self.params.get("ENCODING", [])} | (self.types & {_QP, "BASE64", "B"})
        if not encodings & {_QP, "BASE64", "B"}:
            return self.raw
        if _QP in encodings:
            try:
                payload = quopri.decodestring(self.raw.encode("utf-8", errors="replace"))
            except (ValueError, binascii.Error) as exc:
                self.decode_problem = _brief(exc)
                return self.raw
        else:
            try:
                payload = base64.b64decode("".join(self.raw.split()), validate=False)
            except (ValueError, binascii.Error) as exc:
                self.decode_problem = _brief(exc)
                return self.raw
        charset = (self.params.get("CHARSET") or ["utf-8"])[0].strip().lower() or "utf-8"
        charset = _CHARSET_ALIASES.get(charset, charset)
        for candidate in dict.fromkeys((charset, "utf-8", "cp932")):
            text = _try_decode(payload, candidate)
            if text is not None:
                return text
        self.decode_problem = f"{self.name}; CHARSET={charset}"
        return payload.decode("cp932" if charset == "cp932" else "utf-8", errors="replace")


def _tokenize(number: int, line: str) -> _Prop | None:
    """'group.NAME;PARAM=a,b;SINGLE:value' -> _Prop, in linear time; None if it is not a content line."""
    n = len(line)
    i = 0
    while i < n and line[i] not in ";:":
        i += 1
    match = _NAME.match(line[:i].strip())
    if i >= n or match is None:
        return None
    group = (match.group(1) or "").upper()
    name = match.group(2).upper().replace("_", "-")
    raw_params: list[str] = []
    colon = -1
    while i < n and line[i] == ";":
        j = i + 1
        quoted = False
        while j < n and (quoted or line[j] not in ";:"):
            if line[j] == '"':
                quoted = not quoted
            j += 1
        if j >= n:  # an unbalanced quote ran to the end: take the first ':' after the name instead
            colon = line.find(":", i)
            if colon < 0:
                return None
            raw_params.extend(line[i + 1:colon].split(";"))
            break
        raw_params.append(line[i + 1:j])
        i = j
    if colon < 0:
        if i >= n or line[i] != ":":
            return None
        colon = i
    params: dict[str, list[str]] = {}
    types: set[str] = set()
    for param in raw_params:
        key, eq, values = param.partition("=")
        key = key.strip().upper()
        items = [v.strip() for v in values.replace('"', "").split(",") if v.strip()] if eq else []
        if not eq:
            if key:
                types.add(key)  # vCard 2.1: TEL;CELL;PREF:...
            continue
        params.setdefault(key, []).extend(items)
        if key == "TYPE":
            types.update(v.upper() for v in items)
    return _Prop(number, group, name, params, types, line[colon + 1:])


# --- escaping


def _split_escaped(value: str, sep: str) -> list[str]:
    """Split on `sep` where it is not backslash-escaped; the parts keep their escapes."""
    parts: list[str] = []
    current: list[str] = []
    i, n = 0, len(value)
    while i < n:
        c = value[i]
        if c == "\\" and i + 1 < n:
            current.append(value[i:i + 2])
            i += 2
            continue
        if c == sep:
            parts.append("".join(current))
            current = []
        else:
            current.append(c)
        i += 1
    parts.append("".join(current))
    return parts


_UNESCAPE = re.compile(r"\\(.)", re.DOTALL)
_ESCAPED = {"n": "\n", "N": "\n", "\\": "\\", ",": ",", ";": ";", ":": ":", '"': '"'}


def _unescape(value: str) -> str:
    return _UNESCAPE.sub(lambda m: _ESCAPED.get(m.group(1), m.group(0)), value)


def _clean(value: str, multiline: bool = False) -> str:
    value = _CONTROL.sub("", value.replace("\r\n", "\n").replace("\r", "\n"))
    if not multiline and "\n" in value:
        value = " ".join(part.strip() for part in value.split("\n") if part.strip())
    return value.strip()


def _components(prop: _Prop, count: int) -> list[str]:
    parts = [_unescape(p) for p in _split_escaped(prop.text, ";")]
    return (parts + [""] * count)[:count]


def _has_cjk(text: str) -> bool:
    return _CJK.search(text) is not None


# --- one card -> ClientRecord


class _Card:
    def __init__(self, row: int, lines: list[tuple[int, str]]) -> None:
        self.row = row
        self.problems: list[RowProblem] = []
        self.props: dict[str, list[_Prop]] = {}
        labels: dict[str, str] = {}
        unreadable: list[tuple[int, str]] = []
        previous: _Prop | None = None
        for number, line in lines:
            prop = _tokenize(number, line)
            if prop is None:
                if previous is not None and previous.is_base64 and _BASE64_LINE.match(line):
                    previous.raw += line.strip()  # a PHOTO folded without the leading space
                else:
                    unreadable.append((number, line))
                continue
            previous = prop
            if prop.name == "X-ABLABEL" and prop.group:
                labels[prop.group] = _clean(_unescape(prop.raw))
                continue
            self.props.setdefault(prop.name, []).append(prop)
        for props in self.props.values():
            for prop in props:
                if prop.group in labels:
                    prop.types |= _label_types(labels[prop.group])
        for number, line in unreadable[:_MAX_LINE_PROBLEMS]:
            column = _column_guess(line) or t("import.vcard_line", line=number)
            snippet = line if len(line) <= 60 else line[:57] + "..."
            self.problems.append(RowProblem(row, column, t("import.vcard_unreadable", line=number, text=snippet)))
        if len(unreadable) > _MAX_LINE_PROBLEMS:
            self.problems.append(RowProblem(row, "", t("import.vcard_more_unreadable",
                                                       count=len(unreadable) - _MAX_LINE_PROBLEMS)))

    def all(self, name: str) -> list[_Prop]:
        return self.props.get(name, [])

    def first(self, *names: str) -> _Prop | None:
        for name in names:
            props = self.props.get(name)
            if props:
                return props[0]
        return None

    def text(self, prop: _Prop | None, multiline: bool = False) -> str:
        if prop is None:
            return ""
        value = prop.text
        if prop.decode_problem:
            self.problems.append(RowProblem(self.row, prop.name, t("import.vcard_decode", detail=prop.decode_problem),
                                            "warning"))
            prop.decode_problem = ""
        return _clean(_unescape(value), multiline)

    def components(self, prop: _Prop, count: int) -> list[str]:
        self.text(prop)  # report a decoding problem once
        return [_clean(c, multiline=True) for c in _components(prop, count)]

    # ------------------------------------------------------------------ fields

    def record(self) -> ClientRecord:
        rec = ClientRecord(row=self.row)
        rec.name = self.name()
        rec.name_kana = self.kana()
        rec.company = self.company()
        rec.title = self.text(self.first("TITLE"))
        rec.more_emails = self.emails()
        rec.more_phones = self.phones()
        own = self.first("X-LOYALDESK-ID") is not None or "LOYALDESK" in self.text(self.first("PRODID")).upper()
        addresses = self.addresses(own)
        if addresses:
            main = addresses[0]
            rec.postal_code, rec.address1, rec.address2, rec.country = (
                main.postal_code, main.address1, main.address2, main.country)
            rec.more_addresses = addresses[1:]
        rec.birthday = self.birthday(rec)
        notes = [v for v in (self.text(p, multiline=True) for p in self.all("NOTE")) if v]
        # values with no field of their own are kept in the notes, after what they are
        for name in ("NICKNAME", "URL", "ROLE", "ANNIVERSARY", "X-ANNIVERSARY"):
            for prop in self.all(name):
                value = self.text(prop)
                if value:
                    notes.append(f"{t('import.vcard_note.' + name.removeprefix('X-'))}: {value}")
        rec.notes = "\n".join(notes)
        rec.tags = self.tags()
        rec.honorific = self.text(self.first("X-LOYALDESK-HONORIFIC"))
        rec.source = self.text(self.first("X-LOYALDESK-SOURCE"))
        rec.own_export = own
        rec.problems = self.problems
        return rec

    def _main_n(self) -> _Prop | None:
        for prop in self.all("N"):
            if not _is_phonetic_n(prop):
                return prop
        return None

    def name(self) -> str:
        fn = self.text(self.first("FN"))
        built = ""
        n = self._main_n()
        if n is not None:
            family, given, additional = (_single_line(c) for c in self.components(n, 3))
            if _has_cjk(family + given):
                built = " ".join(x for x in (family, given, additional) if x)
            else:
                built = " ".join(x for x in (given, additional, family) if x)
        if built and not (fn and "".join(fn.split()) == "".join(built.split())):
            return built
        return fn or built

    def kana(self) -> str:
        last = self.text(self.first("X-PHONETIC-LAST-NAME", "X-FURIGANA-LAST-NAME", "X-PHONETIC-FAMILY-NAME",
                                    "X-FURIGANA-FAMILY-NAME", "X-YOMI-LAST-NAME"))
        first = self.text(self.first("X-PHONETIC-FIRST-NAME", "X-FURIGANA-FIRST-NAME", "X-PHONETIC-GIVEN-NAME",
                                     "X-FURIGANA-GIVEN-NAME", "X-YOMI-FIRST-NAME"))
        if last or first:
            return _join(last, first)
        for n in self.all("N"):  # vCard 4: N;SORT-AS="ヤマダ,タロウ":山田;太郎;;;
            sort_as = [_clean(part) for v in n.params.get("SORT-AS", []) for part in re.split(r"[;,]", v)]
            if any(sort_as):
                return _join(*sort_as[:2])
        for n in self.all("N"):  # vCard 4 with ALTID: a second N in kana (PHONETIC / ja-Kana / ja-Hira)
            if _is_phonetic_n(n):
                family, given = (_single_line(c) for c in self.components(n, 2))
                if family or given:
                    return _join(family, given)
        for sound in self.all("SOUND"):  # Japanese phones: SOUND;X-IRMC-N:ﾔﾏﾀﾞ;ﾀﾛｳ;;;
            if "X-IRMC-N" in sound.types or "X-IRMC-N" in {v.upper() for v in sound.params.get("TYPE", [])}:
                family, given = (_single_line(c) for c in self.components(sound, 2))
                if family or given:
                    return _join(family, given)
        whole = self.first("X-FURIGANA", "X-PHONETIC-NAME", "X-FURIGANA-NAME", "X-YOMI", "X-KANA")
        if whole is not None:
            parts = [_single_line(c) for c in self.components(whole, 2)]
            return _join(*parts)
        return self.text(self.first("SORT-STRING"))

    def company(self) -> str:
        org = self.first("ORG")
        if org is None:
            return ""
        units = [_single_line(c) for c in _components(org, 64)]
        self.text(org)
        return " ".join(u for u in units if u)

    def emails(self) -> list[Labeled]:
        """Every e-mail, the preferred first (validated later: an invalid one is left out with a warning)."""
        candidates = []
        for index, prop in enumerate(self.all("EMAIL")):
            value = self.text(prop)
            if value.lower().startswith("mailto:"):
                value = value[7:].strip()
            if value:
                candidates.append((prop.pref, index, Labeled(_type_label(prop.types), value, "EMAIL")))
        candidates.sort(key=lambda c: c[:2])
        return [c[2] for c in candidates]

    def phones(self) -> list[Labeled]:
        """Every phone, the preferred first; a fax is kept with its label (it is never the main phone)."""
        candidates = []
        for index, prop in enumerate(self.all("TEL")):
            value = self.text(prop)
            if value.lower().startswith("tel:"):
                value = value[4:].strip()
            if not value:
                continue
            types = prop.types
            if "PAGER" in types and not types & {"VOICE", "CELL"}:
                label = "other"
            else:
                label = _type_label(types)
            kind = 0 if label == "mobile" else 1 if label == "work" else 2
            candidates.append((label == "fax", prop.pref, kind, index, Labeled(label, value, "TEL")))
        if not candidates:
            return []
        main = min(candidates, key=lambda c: c[:4])  # the main phone: preferred, mobile, work; never a fax
        return [main[-1]] + [c[-1] for c in sorted(candidates, key=lambda c: (c[1], c[3])) if c is not main]

    def addresses(self, own: bool = False) -> list[PostalAddress]:
        props = [(p.pref, i, p) for i, p in enumerate(self.all("ADR"))]
        out: list[PostalAddress] = []
        for _, _, prop in sorted(props, key=lambda x: x[:2]):
            box, extended, street, locality, region, postal, country = self.components(prop, 7)
            street_lines = [s.strip() for s in street.split("\n") if s.strip()]
            street1 = street_lines[0] if street_lines else ""
            locality, region = _single_line(locality), _single_line(region)
            if _has_cjk(region + locality + street1):
                address1 = region + locality + street1
            else:
                address1 = ", ".join(x for x in (street1, locality, region) if x)
            address2 = " ".join(_single_line(x) for x in (*street_lines[1:], extended, box) if _single_line(x))
            if not address1 and address2 and not own:  # an address written only in the extended-address field
                address1, address2 = address2, ""
            postal = _single_line(postal).lstrip("〒").strip()
            if address1 or address2 or postal:
                out.append(PostalAddress(_type_label(prop.types), postal, address1, address2, _single_line(country),
                                         "ADR"))
        return out

    def birthday(self, rec: ClientRecord) -> dt.date | None:
        prop = self.first("BDAY")
        if prop is None:
            return None
        value = self.text(prop)
        if not value:
            return None
        omit = (prop.params.get("X-APPLE-OMIT-YEAR") or [""])[0]
        if value.startswith("--") or (omit and value.startswith(omit)) or value.startswith("1604"):
            shown = value[2:] if value.startswith("--") else value[5:] if len(value) > 5 else value
            self.problems.append(RowProblem(self.row, "BDAY", t("import.vcard_birthday_no_year", value=shown), "warning"))
            rec.birthday_no_year = shown
            return None
        try:
            return dates.parse_date(value, field="birthday")
        except Exception:  # noqa: BLE001 - ValidationError, or anything odd in the text
            self.problems.append(RowProblem(self.row, "BDAY", t("import.vcard_birthday_invalid", value=value), "warning"))
            return None

    def tags(self) -> list[str]:
        tags: dict[str, None] = {}
        ours = self.first("X-LOYALDESK-ID") is not None  # our own export: every tag is the user's
        for prop in self.all("CATEGORIES"):
            self.text(prop)
            for part in _split_escaped(prop.text, ","):
                tag = _single_line(_unescape(part))
                if tag and (ours or tag.lower() not in _GOOGLE_SYSTEM_GROUPS):
                    tags.setdefault(tag, None)
        return list(tags)


def _single_line(value: str) -> str:
    return _clean(value)


def _join(*parts: str) -> str:
    return " ".join(p for p in (_single_line(x) for x in parts) if p)


def _is_phonetic_n(prop: _Prop) -> bool:
    if "PHONETIC" in prop.params:
        return True
    tags = [v.lower() for v in prop.params.get("LANGUAGE", []) + prop.params.get("SCRIPT", [])]
    return any(v.endswith(("kana", "hira", "hrkt")) for v in tags)


def _type_label(types: set[str]) -> str:
    """TYPE=CELL / WORK,FAX / HOME ... -> 'mobile', 'fax', 'work', 'home', 'other' or ''."""
    if "FAX" in types:
        return "fax"
    if types & {"CELL", "MOBILE", "IPHONE"}:
        return "mobile"
    if "WORK" in types:
        return "work"
    if "HOME" in types:
        return "home"
    if "OTHER" in types:
        return "other"
    return ""


def _label_types(label: str) -> set[str]:
    match = _APPLE_LABEL.match(label)
    text = (match.group(1) if match else label).lower()
    types = set()
    if any(k in text for k in ("mobile", "cell", "iphone", "携帯")):
        types.add("CELL")
    if any(k in text for k in ("work", "仕事", "勤務", "会社")):
        types.add("WORK")
    if any(k in text for k in ("home", "自宅")):
        types.add("HOME")
    if "fax" in text or "ファックス" in text:
        types.add("FAX")
    if "pager" in text:
        types.add("PAGER")
    return types


def _column_guess(line: str) -> str:
    head = re.split(r"[;:]", line, maxsplit=1)[0].strip()
    match = _NAME.match(head)
    return match.group(2).upper() if match else ""


def _brief(exc: BaseException) -> str:
    text = str(exc) or type(exc).__name__
    return text if len(text) <= 120 else text[:117] + "..."


# --------------------------------------------------------------------------- export


def export_vcards(clients: list[Client], tags: dict[int, list[str]] | None = None) -> str:
    """The clients as vCard 3.0 (CRLF line ends, lines folded at 75 octets), one card each.

    `tags` maps a client id to its tag names (CATEGORIES). parse_vcards reads the result back
    to the same name, reading, company, title, e-mail, phone, address, birthday, notes and tags.
    """
    return "".join(_export_card(client, (tags or {}).get(client.id, []) if client.id is not None else [])
                   for client in clients)


def _export_card(client: Client, tag_names: Iterable[str] | None) -> str:
    import vobject

    card = vobject.vCard()

    def add(name: str, value: str, **params: list[str]) -> None:
        line = card.add(name.lower())
        line.value = value
        line.encoded = True  # escaped here already: vobject escapes FN only, and NOTE not at all
        line.isNative = False
        for key, values in params.items():
            line.params[key] = values

    def value(attr: str) -> str:
        return str(getattr(client, attr, "") or "").strip()

    name = value("name")
    family, given = _split_name(name)
    add("FN", _escape(name))
    add("N", ";".join((_escape(family), _escape(given), "", "", "")))
    kana = value("name_kana")
    parts = kana.split(" ")
    if len(parts) == 2 and all(p and p == p.strip() for p in parts):
        add("X-PHONETIC-LAST-NAME", _escape(parts[0]))
        add("X-PHONETIC-FIRST-NAME", _escape(parts[1]))
    elif kana:
        add("SORT-STRING", _escape(kana))
    if value("company"):
        add("ORG", _escape(value("company")))
    if value("title"):
        add("TITLE", _escape(value("title")))
    if value("email"):
        add("EMAIL", _escape(value("email")), TYPE=["INTERNET", "PREF"])
    for item in getattr(client, "more_emails", None) or ():
        add("EMAIL", _escape(item.value), TYPE=["INTERNET"] + _types(item.label))
    if value("phone"):
        add("TEL", _escape(value("phone")), TYPE=["PREF"])
    for item in getattr(client, "more_phones", None) or ():
        add("TEL", _escape(item.value), **({"TYPE": _types(item.label)} if item.label else {}))
    if value("postal_code") or value("address1") or value("address2"):
        adr = ("", _escape(value("address2")), _escape(value("address1")), "", "", _escape(value("postal_code")),
               _escape(value("country")))
        add("ADR", ";".join(adr), TYPE=["PREF"])
    for item in getattr(client, "more_addresses", None) or ():
        adr = ("", _escape(item.address2), _escape(item.address1), "", "", _escape(item.postal_code),
               _escape(item.country))
        add("ADR", ";".join(adr), **({"TYPE": _types(item.label)} if item.label else {}))
    if isinstance(client.birthday, dt.date):
        add("BDAY", client.birthday.isoformat()[:10])
    if value("notes"):
        add("NOTE", _escape(value("notes")))
    names = list(dict.fromkeys(str(n).strip() for n in tag_names or () if n and str(n).strip()))
    if names:
        add("CATEGORIES", ",".join(_escape(n) for n in names))
    if value("honorific"):
        add("X-LOYALDESK-HONORIFIC", _escape(value("honorific")))
    if value("source"):
        add("X-LOYALDESK-SOURCE", _escape(value("source")))
    if client.id is not None:
        add("X-LOYALDESK-ID", str(client.id))
    add("PRODID", "-//LoyalDesk//LoyalDesk//EN")
    return _refold(card.serialize())


def _types(label: str) -> list[str]:
    """A label as vCard TYPE values: mobile -> CELL, fax -> FAX, work -> WORK ..."""
    return {"mobile": ["CELL"], "fax": ["FAX"], "work": ["WORK"], "home": ["HOME"], "other": ["OTHER"]}.get(label, [])


def _escape(value: str) -> str:
    value = _CONTROL.sub("", value.replace("\r\n", "\n").replace("\r", "\n"))
    return (value.replace("\\", "\\\\").replace("\n", "\\n").replace(",", "\\,").replace(";", "\\;"))


def _split_name(name: str) -> tuple[str, str]:
    """(family, given): '山田 太郎' -> ('山田', '太郎') (CJK: family first); 'Emily Jane Carter' ->
    ('Carter', 'Emily Jane'); a single word is the family name."""
    name = name.strip()
    words = name.split()
    if len(words) < 2:
        return name, ""
    if _has_cjk(name):
        return words[0], name[len(words[0]):].strip()
    return words[-1], name[:len(name) - len(words[-1])].strip()


def _refold(text: str) -> str:
    """Unfold vobject's output and fold again at 75 octets, never inside a UTF-8 sequence."""
    logical: list[str] = []
    for line in text.split("\r\n"):
        if line.startswith(" ") and logical:
            logical[-1] += line[1:]
        elif line:
            logical.append(line)
    return "".join(_fold(line) for line in logical)


def _fold(line: str, limit: int = 75) -> str:
    if len(line.encode("utf-8")) <= limit:
        return line + "\r\n"
    chunks: list[str] = []
    current: list[str] = []
    size = 0
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            chunks.append("".join(current))
            current, size = [" "], 1
        current.append(char)
        size += width
    chunks.append("".join(current))
    return "\r\n".join(chunks) + "\r\n"
