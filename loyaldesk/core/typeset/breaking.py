"""Line breaking in time linear in the text's length (JIS X 4051 §5: 禁則 by 追い出し, pushing the previous
character onto the next line rather than letting a forbidden one start it).

Every caller (horizontal lines of letters, cards and the report; vertical columns of addresses and card
messages) breaks a sequence of units of known widths; `allowed(b)` says whether a line may begin with unit b
(kinsoku, and not inside a number group or a Latin run).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

EPS = 1e-6


def greedy_breaks(widths: Sequence[float], limit: float | Callable[[int], float],
                  allowed: Callable[[int], bool], skip: Callable[[int], bool] | None = None,
                  soft: Callable[[int], bool] | None = None,
                  max_spare: Callable[[int, int], float] | None = None) -> list[tuple[int, int]]:
    """The lines as (start, end) index ranges of units, filling each line up to `limit` (a number, or a
    function of the line's index: a first-line indent). When the next unit does not fit, the line ends at
    the last allowed break at or before it; when there is none on the line, at the unit that does not fit
    (a unit wider than a line stands alone). `skip(i)`: a unit dropped at the start of a line (a space).
    `soft(b)`: a break inside a Latin run (after the @ or a / of an e-mail or URL), taken only when the
    line ending at the last allowed break would leave more room than `max_spare(i, b)` (what justification
    may spread over the line's units i..b): the run is broken at its own break opportunity instead of the
    line being spread wide (JLREQ §3.8). Each unit is looked at a bounded number of times: linear time."""
    n = len(widths)
    lines: list[tuple[int, int]] = []
    i = 0
    while i < n:
        if skip is not None and lines:
            while i < n and skip(i):
                i += 1
            if i >= n:
                break
        cap = limit(len(lines)) if callable(limit) else limit
        used = 0.0
        j = i
        while j < n and used + widths[j] <= cap + EPS:
            used += widths[j]
            j += 1
        if j >= n:
            lines.append((i, n))
            break
        if j == i:  # a unit wider than the line
            lines.append((i, i + 1))
            i += 1
            continue
        b = j
        while b > i and not allowed(b):
            b -= 1
        if b == i:
            b = j
        if soft is not None and max_spare is not None and b < j:
            spare = cap - sum(widths[i:b])
            if spare > max_spare(i, b) + EPS:
                s = j
                while s > b and not soft(s):
                    s -= 1
                if s > b:
                    b = s
        lines.append((i, b))
        i = b
    return lines


def balanced_breaks(widths: Sequence[float], limit: float, columns: int, allowed: Callable[[int], bool],
                    bonus: Callable[[int], float] | None = None) -> list[tuple[int, int]] | None:
    """Split short text (an address line) into `columns` lines of about equal length, none longer than
    `limit`, breaking where allowed and preferring natural places (bonus(b) in width units: after the town,
    before a number group or the building). None when it cannot be done in that many lines. Dynamic
    programming over the break positions: for address lines (tens of units), not for running text."""
    n = len(widths)
    prefix = [0.0]
    for w in widths:
        prefix.append(prefix[-1] + w)
    ideal = prefix[n] / columns
    candidates = [b for b in range(1, n) if allowed(b)] + [n]
    gain = {b: (bonus(b) if bonus and b < n else 0.0) for b in candidates}
    INF = float("inf")
    # cost[j][b]: the best cost of the first b units in j lines ending at b
    cost: list[dict[int, float]] = [{0: 0.0}]
    back: list[dict[int, int]] = [{}]
    for j in range(1, columns + 1):
        row: dict[int, float] = {}
        links: dict[int, int] = {}
        for b in candidates:
            best, arg = INF, -1
            for a, c in cost[j - 1].items():
                if a >= b or prefix[b] - prefix[a] > limit + EPS:
                    continue
                value = c + abs(prefix[b] - prefix[a] - ideal) - gain[b]
                if value < best:
                    best, arg = value, a
            if arg >= 0:
                row[b], links[b] = best, arg
        cost.append(row)
        back.append(links)
    if n not in cost[columns]:
        return None
    result: list[tuple[int, int]] = []
    b = n
    for j in range(columns, 0, -1):
        a = back[j][b]
        result.append((a, b))
        b = a
    return result[::-1]
