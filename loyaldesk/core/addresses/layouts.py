"""Paper sizes, envelope sizes and label sheets of the address printouts, in mm (docs/addresses.md).

Nothing but the dimensions: the command line's parser reads the layout names from here
without importing the composition and PDF modules (loyaldesk.cli_addresses).
"""

from __future__ import annotations

from dataclasses import dataclass

# Paper sizes (mm): see pdf.py and docs/addresses.md
POSTCARD = (100.0, 148.0)
NAGA3 = (120.0, 235.0)
DL = (220.0, 110.0)
NO10 = (241.3, 104.8)
ENVELOPE_LAYOUTS = {"naga3": NAGA3, "dl": DL, "no10": NO10}


@dataclass(frozen=True)
class LabelLayout:
    name: str
    title: str
    page: tuple[float, float]  # mm
    cols: int
    rows: int
    width: float  # label, mm
    height: float
    left: float  # page edge to the first label, mm
    top: float
    pitch_x: float  # from one label's left edge to the next
    pitch_y: float

    @property
    def cells(self) -> int:
        return self.cols * self.rows

    def cell_box(self, index: int) -> tuple[float, float]:
        """Top-left (mm) of cell `index` (0-based, row by row, left to right)."""
        row, col = divmod(index, self.cols)
        return self.left + col * self.pitch_x, self.top + row * self.pitch_y


A4 = (210.0, 297.0)
LETTER = (215.9, 279.4)
LABEL_LAYOUTS = {
    # A4 12面 86.4 x 42.3 mm: 2 x 6, no gaps, centred (18.6 mm left and right, 21.6 mm top and bottom)
    "a4-12": LabelLayout("a4-12", "A4 12 (86.4 x 42.3 mm)", A4, 2, 6, 86.4, 42.3, 18.6, 21.6, 86.4, 42.3),
    # A4 24面 66.0 x 33.9 mm: 3 x 8, no gaps (6.0 mm left and right, 12.9 mm top and bottom)
    "a4-24": LabelLayout("a4-24", "A4 24 (66.0 x 33.9 mm)", A4, 3, 8, 66.0, 33.9, 6.0, 12.9, 66.0, 33.9),
    # Avery L7160 style: A4, 21 labels 63.5 x 38.1 mm, 3 x 7, 2.5 mm between columns, top 15.15 mm, left 7.25 mm
    "l7160": LabelLayout("l7160", "Avery L7160 (63.5 x 38.1 mm)", A4, 3, 7, 63.5, 38.1, 7.25, 15.15, 66.0, 38.1),
    # Avery 5160 style: US Letter, 30 labels 1 x 2 5/8 in (25.4 x 66.675 mm), 3 x 10, 1/8 in between
    # columns, top 0.5 in, left 3/16 in
    "5160": LabelLayout("5160", "Avery 5160 (66.7 x 25.4 mm, Letter)", LETTER, 3, 10, 66.675, 25.4, 4.7625, 12.7,
                        69.85, 25.4),
}
