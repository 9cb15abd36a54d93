"""Calendar exports written the way Google Calendar, Outlook and Apple Calendar write them (our own fixtures):
CRLF line ends, lines folded at 75 octets (a continuation starts with one space, never inside a UTF-8
character), VTIMEZONE blocks, TZID parameters, UTC times, recurrence with EXDATE and RECURRENCE-ID
overrides, cancelled and declined events, attendees with mailto: and CN, all-day events, Japanese text."""

from __future__ import annotations

from pathlib import Path


def fold(line: str) -> list[str]:
    """RFC 5545 3.1: at most 75 octets per line, continuation lines begin with a space."""
    out, current, size = [], "", 0
    for ch in line:
        n = len(ch.encode("utf-8"))
        limit = 75 if not out else 74
        if size + n > limit:
            out.append(current)
            current, size = "", 0
        current += ch
        size += n
    out.append(current)
    return [out[0]] + [" " + part for part in out[1:]]


def ics(lines: list[str]) -> bytes:
    folded = [part for line in lines for part in fold(line)]
    return ("\r\n".join(folded) + "\r\n").encode("utf-8")


def write(path: Path, lines: list[str]) -> Path:
    path.write_bytes(ics(lines))
    return path


TOKYO_VTIMEZONE = [
    "BEGIN:VTIMEZONE", "TZID:Asia/Tokyo", "X-LIC-LOCATION:Asia/Tokyo",
    "BEGIN:STANDARD", "TZOFFSETFROM:+0900", "TZOFFSETTO:+0900", "TZNAME:JST", "DTSTART:19700101T000000",
    "END:STANDARD", "END:VTIMEZONE",
]

OWNER = "keiko.consult@gmail.com"


def google(extra_events: list[list[str]] = ()) -> list[str]:
    """Google Calendar's export of the owner's primary calendar (X-WR-CALNAME is the owner's address)."""
    lines = [
        "BEGIN:VCALENDAR", "PRODID:-//Google Inc//Google Calendar 70.9054//EN", "VERSION:2.0",
        "CALSCALE:GREGORIAN", "METHOD:PUBLISH", f"X-WR-CALNAME:{OWNER}", "X-WR-TIMEZONE:Asia/Tokyo",
        *TOKYO_VTIMEZONE,
        # a weekly session: 4 Mondays from 2026-01-05, the 12th taken out (EXDATE), the 19th moved to Tuesday 20th
        "BEGIN:VEVENT",
        "DTSTART;TZID=Asia/Tokyo:20260105T100000", "DTEND;TZID=Asia/Tokyo:20260105T110000",
        "RRULE:FREQ=WEEKLY;WKST=SU;COUNT=4;BYDAY=MO",
        "EXDATE;TZID=Asia/Tokyo:20260112T100000",
        "DTSTAMP:20261201T021500Z",
        f"ORGANIZER;CN=佐藤恵子:mailto:{OWNER}",
        "UID:7kq2c1v1h3r8l0ms1p5o0q8j2a@google.com",
        f"ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;CN=佐藤恵子;X-NUM-GUESTS=0:mailto:{OWNER}",
        "ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;CN=山田太郎;X-NUM-GUESTS=0:mailto:taro.yamada@example.co.jp",
        "CREATED:20251220T080000Z", "DESCRIPTION:事業承継の進め方について継続相談。\\n料金: ¥30\\,000（税込）",
        "LAST-MODIFIED:20260110T000000Z", "LOCATION:", "SEQUENCE:1", "STATUS:CONFIRMED",
        "SUMMARY:山田様 定例ミーティング", "TRANSP:OPAQUE",
        "END:VEVENT",
        "BEGIN:VEVENT",
        "DTSTART;TZID=Asia/Tokyo:20260120T150000", "DTEND;TZID=Asia/Tokyo:20260120T163000",
        "DTSTAMP:20261201T021500Z", f"ORGANIZER;CN=佐藤恵子:mailto:{OWNER}",
        "UID:7kq2c1v1h3r8l0ms1p5o0q8j2a@google.com",
        "RECURRENCE-ID;TZID=Asia/Tokyo:20260119T100000",
        "ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;CN=山田太郎;X-NUM-GUESTS=0:mailto:taro.yamada@example.co.jp",
        "CREATED:20251220T080000Z", "DESCRIPTION:", "LAST-MODIFIED:20260115T000000Z", "SEQUENCE:2",
        "STATUS:CONFIRMED", "SUMMARY:山田様 定例ミーティング（振替）", "TRANSP:OPAQUE",
        "END:VEVENT",
        # a single event in UTC: 2026-03-10 15:30Z is 2026-03-11 00:30 in Tokyo
        "BEGIN:VEVENT",
        "DTSTART:20260310T153000Z", "DTEND:20260310T163000Z", "DTSTAMP:20261201T021500Z",
        "UID:0a1b2c3d4e5f6g7h8i9j@google.com",
        "CREATED:20260301T000000Z",
        "DESCRIPTION:オンライン（Zoom）。相続の件、資料を事前に送付済み。長い説明文がここに続きます。折り返しの確認のため、"
        "七十五オクテットを超える行を書いています。",
        "LAST-MODIFIED:20260301T000000Z", "SEQUENCE:0", "STATUS:CONFIRMED",
        "SUMMARY:鈴木花子さん 相続の相談", "TRANSP:OPAQUE",
        "END:VEVENT",
        # cancelled
        "BEGIN:VEVENT",
        "DTSTART;TZID=Asia/Tokyo:20260402T130000", "DTEND;TZID=Asia/Tokyo:20260402T140000",
        "DTSTAMP:20261201T021500Z", "UID:cancelled001@google.com", "STATUS:CANCELLED",
        "SUMMARY:鈴木花子さん フォローアップ", "TRANSP:OPAQUE",
        "END:VEVENT",
        # an invitation from someone else that the owner declined
        "BEGIN:VEVENT",
        "DTSTART;TZID=Asia/Tokyo:20260415T190000", "DTEND;TZID=Asia/Tokyo:20260415T210000",
        "DTSTAMP:20261201T021500Z", "ORGANIZER;CN=山田太郎:mailto:taro.yamada@example.co.jp",
        "UID:040000008200E00074C5B7101A82E008@example.co.jp",
        "ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;CN=山田太郎:mailto:taro.yamada@example.co.jp",
        f"ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=DECLINED;CN={OWNER};X-NUM-GUESTS=0:mailto:{OWNER}",
        "STATUS:CONFIRMED", "SUMMARY:山田様 懇親会", "TRANSP:OPAQUE",
        "END:VEVENT",
        # nobody we know
        "BEGIN:VEVENT",
        "DTSTART;TZID=Asia/Tokyo:20260420T100000", "DTEND;TZID=Asia/Tokyo:20260420T110000",
        "DTSTAMP:20261201T021500Z", "UID:unknown001@google.com", "STATUS:CONFIRMED",
        "SUMMARY:田中様 初回面談", "TRANSP:OPAQUE",
        "END:VEVENT",
    ]
    for event in extra_events:
        lines += event
    return lines + ["END:VCALENDAR"]


def outlook() -> list[str]:
    """Outlook's "Save Calendar" export: Windows time zone names, quoted TZID, busy status, all-day events."""
    return [
        "BEGIN:VCALENDAR", "PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN", "VERSION:2.0",
        "METHOD:PUBLISH", "X-CALSTART:20260101T000000Z", "X-WR-CALNAME:予定表",
        "BEGIN:VTIMEZONE", "TZID:Tokyo Standard Time",
        "BEGIN:STANDARD", "DTSTART:16010101T000000", "TZOFFSETFROM:+0900", "TZOFFSETTO:+0900", "END:STANDARD",
        "END:VTIMEZONE",
        "BEGIN:VTIMEZONE", "TZID:Eastern Standard Time",
        "BEGIN:STANDARD", "DTSTART:16011104T020000", "RRULE:FREQ=YEARLY;BYDAY=1SU;BYMONTH=11",
        "TZOFFSETFROM:-0400", "TZOFFSETTO:-0500", "END:STANDARD",
        "BEGIN:DAYLIGHT", "DTSTART:16010311T020000", "RRULE:FREQ=YEARLY;BYDAY=2SU;BYMONTH=3",
        "TZOFFSETFROM:-0500", "TZOFFSETTO:-0400", "END:DAYLIGHT",
        "END:VTIMEZONE",
        "BEGIN:VEVENT", "CLASS:PUBLIC", "CREATED:20260201T010203Z",
        "DESCRIPTION:キックオフ。報酬 30,000円 を当日請求。\\n",
        'DTEND;TZID="Tokyo Standard Time":20260305T153000',
        "DTSTAMP:20261201T000000Z",
        'DTSTART;TZID="Tokyo Standard Time":20260305T140000',
        "LAST-MODIFIED:20260201T010203Z", "LOCATION:事務所", "PRIORITY:5", "SEQUENCE:0",
        "SUMMARY;LANGUAGE=ja:経営戦略セミナー個別フォロー",
        "TRANSP:OPAQUE",
        "UID:040000008200E00074C5B7101A82E00800000000A0F3D8F3F29FDA01000000000000000010000000",
        "ORGANIZER;CN=\"佐藤 恵子\":mailto:keiko@sato-office.jp",
        "ATTENDEE;CN=\"Hanako Suzuki (work)\";RSVP=TRUE:mailto:h.suzuki@work.example.com",
        "X-MICROSOFT-CDO-BUSYSTATUS:BUSY", "X-MICROSOFT-CDO-IMPORTANCE:1", "X-MICROSOFT-DISALLOW-COUNTER:FALSE",
        "END:VEVENT",
        # a client in New York: 2026-03-10 20:00 EDT is 2026-03-11 09:00 in Tokyo
        "BEGIN:VEVENT", "CLASS:PUBLIC", "CREATED:20260201T010203Z", "DESCRIPTION:Fee: $150",
        'DTEND;TZID="Eastern Standard Time":20260310T210000', "DTSTAMP:20261201T000000Z",
        'DTSTART;TZID="Eastern Standard Time":20260310T200000', "PRIORITY:5", "SEQUENCE:0",
        "SUMMARY;LANGUAGE=en-us:Coaching call with Mr. John Smith", "TRANSP:OPAQUE",
        "UID:040000008200E00074C5B7101A82E00800000000B1F3D8F3F29FDA01000000000000000010000000",
        "X-MICROSOFT-CDO-BUSYSTATUS:BUSY",
        "END:VEVENT",
        # all-day: a client's company anniversary (skipped unless all-day events are kept)
        "BEGIN:VEVENT", "CLASS:PUBLIC", "DTSTART;VALUE=DATE:20260320", "DTEND;VALUE=DATE:20260321",
        "DTSTAMP:20261201T000000Z", "SUMMARY:鈴木花子様 合宿研修", "TRANSP:TRANSPARENT",
        "UID:040000008200E00074C5B7101A82E00800000000C2F3D8F3F29FDA01000000000000000010000000",
        "X-MICROSOFT-CDO-ALLDAYEVENT:TRUE", "X-MICROSOFT-CDO-BUSYSTATUS:FREE",
        "END:VEVENT",
        # marked free (a tentative hold)
        "BEGIN:VEVENT", "CLASS:PUBLIC", 'DTSTART;TZID="Tokyo Standard Time":20260325T100000',
        'DTEND;TZID="Tokyo Standard Time":20260325T110000', "DTSTAMP:20261201T000000Z",
        "SUMMARY:鈴木花子様 仮押さえ", "TRANSP:TRANSPARENT",
        "UID:040000008200E00074C5B7101A82E00800000000D3F3D8F3F29FDA01000000000000000010000000",
        "X-MICROSOFT-CDO-BUSYSTATUS:FREE",
        "END:VEVENT",
        "END:VCALENDAR",
    ]


def apple() -> list[str]:
    """Apple Calendar (macOS) export: GUID UIDs, EMAIL parameters, a monthly series with an exception."""
    return [
        "BEGIN:VCALENDAR", "METHOD:PUBLISH", "VERSION:2.0", "X-WR-CALNAME:Clients", "PRODID:-//Apple Inc.//macOS 15.1//EN",
        "X-APPLE-CALENDAR-COLOR:#1BADF8", "X-WR-TIMEZONE:Asia/Tokyo", "CALSCALE:GREGORIAN",
        *TOKYO_VTIMEZONE,
        # the 2nd Tuesday of each month, February to May 2026; March taken out, April moved to the 15th
        "BEGIN:VEVENT", "TRANSP:OPAQUE", "DTEND;TZID=Asia/Tokyo:20260210T113000",
        "UID:5D3A1F0E-9B7C-4E2A-8F61-2C4B9D0E7A13", "DTSTAMP:20261201T000000Z", "SEQUENCE:0",
        "X-APPLE-TRAVEL-ADVISORY-BEHAVIOR:AUTOMATIC",
        "DESCRIPTION:Monthly review. USD 150 per session.",
        "SUMMARY:Ms. Emily Brown monthly review",
        "LAST-MODIFIED:20260101T000000Z", "CREATED:20260101T000000Z",
        "DTSTART;TZID=Asia/Tokyo:20260210T103000",
        "RRULE:FREQ=MONTHLY;UNTIL=20260531T145959Z;BYDAY=2TU",
        "EXDATE;TZID=Asia/Tokyo:20260310T103000",
        'ORGANIZER;CN="Keiko Sato";EMAIL="keiko@sato-office.jp":mailto:keiko@sato-office.jp',
        'ATTENDEE;CN="Emily Brown";CUTYPE=INDIVIDUAL;EMAIL="emily@brown.example";PARTSTAT=ACCEPTED:mailto:emily@brown.example',
        'ATTENDEE;CN="Keiko Sato";CUTYPE=INDIVIDUAL;EMAIL="keiko@sato-office.jp";PARTSTAT=ACCEPTED;ROLE=CHAIR:mailto:keiko@sato-office.jp',
        "END:VEVENT",
        "BEGIN:VEVENT", "TRANSP:OPAQUE", "DTEND;TZID=Asia/Tokyo:20260415T170000",
        "UID:5D3A1F0E-9B7C-4E2A-8F61-2C4B9D0E7A13", "DTSTAMP:20261201T000000Z", "SEQUENCE:1",
        "SUMMARY:Ms. Emily Brown monthly review (moved)",
        "RECURRENCE-ID;TZID=Asia/Tokyo:20260414T103000",
        "DTSTART;TZID=Asia/Tokyo:20260415T160000",
        'ATTENDEE;CN="Emily Brown";CUTYPE=INDIVIDUAL;EMAIL="emily@brown.example";PARTSTAT=ACCEPTED:mailto:emily@brown.example',
        "END:VEVENT",
        # the client declined this one
        "BEGIN:VEVENT", "TRANSP:OPAQUE", "DTSTART;TZID=Asia/Tokyo:20260601T100000",
        "DTEND;TZID=Asia/Tokyo:20260601T110000", "UID:8E2F6A14-0C3D-4B5E-9A72-3D5C0E1F8B24",
        "DTSTAMP:20261201T000000Z", "SUMMARY:Strategy session",
        'ORGANIZER;CN="Keiko Sato";EMAIL="keiko@sato-office.jp":mailto:keiko@sato-office.jp',
        'ATTENDEE;CN="Emily Brown";CUTYPE=INDIVIDUAL;EMAIL="emily@brown.example";PARTSTAT=DECLINED:mailto:emily@brown.example',
        "END:VEVENT",
        "END:VCALENDAR",
    ]


def event(uid: str, start: str, end: str, summary: str, *extra: str, zone: str = "Asia/Tokyo") -> list[str]:
    """One more VEVENT (times as YYYYMMDDTHHMMSS in `zone`)."""
    return ["BEGIN:VEVENT", f"DTSTART;TZID={zone}:{start}", f"DTEND;TZID={zone}:{end}",
            "DTSTAMP:20261201T000000Z", f"UID:{uid}", f"SUMMARY:{summary}", *extra, "END:VEVENT"]
