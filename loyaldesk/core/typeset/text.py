"""Japanese text as units for setting: Latin runs, number groups, spaces and single characters.

- A Latin run: ASCII letters and digits with the punctuation of names, addresses, e-mail and URLs
  (Shibuya Garden Tower, 5F, 12F, info@example.jp, https://example.jp/a, 14:00). It is never split
  between lines except at its spaces, never converted (no "五F").
- A number group: digits (ASCII, full-width or kanji) joined by hyphens, の and the address suffixes
  丁目 番地 番 号 号室 階 (1-2-3, 一丁目二番三号, 一ー二ー三, 205号, 2027). A group stays on one line or in
  one column; in vertical text its digits follow the numerals option (kanji or full-width).
Full-width letters and digits are read as their ASCII forms first (ＡＢＣ → ABC), and any kind of hyphen
typed between two digits as "-".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

KANJI_DIGITS = "〇一二三四五六七八九"
NUMBER_CHARS = set("0123456789" + KANJI_DIGITS + "十百千")
HYPHEN_CHARS = "-－‐‑‒–—―−ｰ"
LATIN_CHARS = set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789@._:/+&%#'~-=?")
LATIN_TRAILING = ".:/-'=?&+"  # not kept at the end of a run (the sentence's own punctuation)
SUFFIXES = ("丁目", "番地", "号室", "番", "号", "階")
SEPARATORS = tuple(HYPHEN_CHARS) + ("ー", "の")
SPACES = " \u3000"


@dataclass(slots=True, frozen=True)
class Token:
    kind: str  # latin, number, space, char
    text: str


def normalize(text: str) -> str:
    """Full-width ASCII letters and digits to ASCII; a hyphen of any kind (or ー) between two digits to '-'."""
    out = []
    for ch in text:
        if "０" <= ch <= "９" or "Ａ" <= ch <= "Ｚ" or "ａ" <= ch <= "ｚ" or ch in "＠＿":
            ch = chr(ord(ch) - 0xFEE0)
        out.append(ch)
    return re.sub(rf"(?<=\d)[{re.escape(HYPHEN_CHARS)}ー](?=\d)", "-", "".join(out))


def _number_end(text: str, i: int) -> int:
    """The end of the number group starting at i (text[i] is a digit)."""
    n = len(text)
    while True:
        while i < n and text[i] in NUMBER_CHARS:
            i += 1
        suffix = next((s for s in SUFFIXES if text.startswith(s, i)), None)
        if suffix:
            i += len(suffix)
            if i < n and text[i] in NUMBER_CHARS:
                continue
        if i + 1 < n and text[i] in SEPARATORS and text[i + 1] in NUMBER_CHARS:
            i += 1
            continue
        return i


def _number_token_end(text: str, i: int) -> int:
    """The end of the number group at i, leaving out ASCII digits that run into a Latin letter (三5F: the
    group is 三, and 5F a Latin run: never half converted)."""
    j = _number_end(text, i)
    if j < len(text) and text[j].isascii() and text[j].isalpha():
        k = j
        while k > i and text[k - 1].isascii() and text[k - 1].isdigit():
            k -= 1
        while k > i and text[k - 1] in SEPARATORS:
            k -= 1
        if k > i:
            return k
    return j


def tokens(text: str) -> list[Token]:
    """The units of a (normalized) text, in order; joined they give the text back."""
    out: list[Token] = []
    n = len(text)
    i = 0
    while i < n:
        ch = text[i]
        if ch.isascii() and ch.isalnum():
            j = i
            while j < n and text[j] in LATIN_CHARS:
                j += 1
            while j > i + 1 and text[j - 1] in LATIN_TRAILING:
                j -= 1
            run = text[i:j]
            if any(c not in "0123456789-" for c in run):
                out.append(Token("latin", run))
                i = j
                continue
            j = _number_token_end(text, i)
            out.append(Token("number", text[i:j]))
            i = j
        elif ch in NUMBER_CHARS:
            j = _number_token_end(text, i)
            out.append(Token("number", text[i:j]))
            i = j
        elif ch in SPACES:
            out.append(Token("space", ch))
            i += 1
        else:
            out.append(Token("char", ch))
            i += 1
    return out
