"""Character classes of Japanese line composition (W3C JLREQ, appendix A; JIS X 4051 §4, 5) and the line
breaking rules (禁則処理) shared by every Japanese text LoyalDesk sets, vertical or horizontal.

- NO_START (行頭禁則): closing brackets (cl-02), hyphens (cl-03), dividing punctuation ？！ (cl-04), middle dots
  (cl-05), full stops (cl-06), commas (cl-07), iteration marks (cl-09), the prolonged sound mark ー (cl-10) and
  small kana (cl-11) never start a line or a column;
- NO_END (行末禁則): opening brackets (cl-01) never end one;
- INSEPARABLE (分離禁止, cl-08): …… and ‥‥ are not split between lines.
Both the horizontal characters and their vertical presentation forms are listed, so the rules hold on the
text before and after it is turned for vertical setting.
"""

from __future__ import annotations

OPENING = "（(［[｛{〔〈《「『【〘〖〝‘“｟«" + "︵﹇︷︹︿︽﹁﹃︻"  # cl-01
CLOSING = "）)］]｝}〕〉》」』】〙〗〟’”｠»" + "︶﹈︸︺﹀︾﹂﹄︼" + "、，,︑︐"  # cl-02 (+ cl-07)
HYPHENS = "‐〜゠–"  # cl-03
DIVIDING = "？！‼⁇⁈⁉!?"  # cl-04
MIDDLE_DOTS = "・：；:;"  # cl-05
FULL_STOPS = "。．.︒"  # cl-06
ITERATION = "ヽヾゝゞ々〻"  # cl-09
PROLONGED = "ー"  # cl-10
SMALL_KANA = "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿㇷ゚"  # cl-11
INSEPARABLE = "…‥︙︰"  # cl-08

NO_START = frozenset(CLOSING + HYPHENS + DIVIDING + MIDDLE_DOTS + FULL_STOPS + ITERATION + PROLONGED + SMALL_KANA
                     + INSEPARABLE)
NO_END = frozenset(OPENING)


def may_start(char: str) -> bool:
    """Whether a line or column may start with this character (its first character)."""
    return char[:1] not in NO_START


def may_end(char: str) -> bool:
    """Whether a line or column may end with this character (its last character)."""
    return char[-1:] not in NO_END


def is_japanese_char(ch: str) -> bool:
    """Kana, kanji, Japanese punctuation and full-width forms."""
    o = ord(ch)
    return (0x3000 <= o <= 0x30FF or 0x3400 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF or 0xFF00 <= o <= 0xFFEF
            or 0xFE10 <= o <= 0xFE4F or 0x31F0 <= o <= 0x31FF)
