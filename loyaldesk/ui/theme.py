"""Colours of the app: every custom colour comes from here, as a light/dark pair chosen by the palette.

The app follows the system's light or dark setting (Qt's QStyleHints.colorScheme); Preferences can
force Light or Dark (a Fusion palette then). Widgets never write a colour themselves:

- item models return ``theme.color("overdue_bg")`` (looked up when the view paints, so always the
  current palette's colour);
- style sheets are set with ``theme.style(widget, "color: $muted;")``: the ``$names`` are filled in
  from the current pair and filled in again whenever the scheme changes;
- rich text built in code uses ``theme.css("muted")`` and rebuilds on ``theme.notifier().changed``.

Every text colour here is at least 4.5:1 (WCAG AA) against the background it is drawn on, in both
palettes (tests/ui/test_theme_contrast.py measures it, on the pairs and on the rendered screens).
"""

from __future__ import annotations

import logging
from string import Template

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPainter, QPalette, QPen
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QStyleFactory, QWidget

log = logging.getLogger(__name__)

SCHEMES = ("system", "light", "dark")

# name: (on a light palette, on a dark palette)
PAIRS: dict[str, tuple[str, str]] = {
    # text colours, on the window or base colour of the palette
    "text": ("#1D2B30", "#E6ECEE"),
    "muted": ("#4F6570", "#B4C2C8"),  # secondary text: hints, paths, empty lists
    "faint": ("#5F6B70", "#9AA5AA"),  # "none yet" in lists (still readable)
    "accent": ("#1A656D", "#7CCBD3"),  # the app's teal: headings, figures
    "error": ("#B3261E", "#FFB4AB"),
    "success": ("#2A7130", "#8BD49A"),
    "warning": ("#8A4B00", "#FFB870"),  # left out, skipped, missing sender
    "negative": ("#A3300B", "#FF9B7A"),  # overdue days, waiting list, falling figures
    "positive": ("#2A7130", "#8BD49A"),  # rising figures, confirmed
    "high_priority": ("#7E5C00", "#E6C15A"),
    # backgrounds with their own text colour
    "overdue_bg": ("#FFE8C2", "#4A3418"),
    "overdue_fg": ("#4A2500", "#FFE0B2"),
    "notice_bg": ("#FFF4D6", "#403512"),
    "notice_fg": ("#4A3500", "#FFE9A8"),
    "card_bg": ("#F4F8F8", "#243033"),
    "card_border": ("#D5E2E4", "#3A4C50"),
    "card_caption": ("#3F535C", "#B7C5CB"),
    "nav_bg": ("#ECF2F3", "#1F2A2D"),
    "nav_fg": ("#1D2B30", "#DDE6E8"),
    "nav_selected_bg": ("#C9E0E3", "#2F5459"),
    "nav_selected_fg": ("#0F3F44", "#FFFFFF"),
    "chip_role_bg": ("#E3F1F2", "#1E3B3F"),
    "chip_role_border": ("#1F6F78", "#7CCBD3"),
    "chip_tag_bg": ("#F1F1F1", "#34383A"),
    "chip_tag_border": ("#9E9E9E", "#8A8F92"),
    "chip_fg": ("#1D2B30", "#E6ECEE"),
    "banner_bg": ("#E8F3EC", "#1E3326"),
    "banner_border": ("#B9D8C3", "#3C6B4B"),
    "banner_fg": ("#1D2B30", "#E6ECEE"),
    "import_add": ("#E6F4EA", "#1F3A27"),
    "import_merge": ("#E3F1F2", "#1E3B3F"),
    "import_skip": ("#F1F1F1", "#34383A"),
    "import_error": ("#FDE7E7", "#4A2323"),
    "import_fg": ("#1D2B30", "#E6ECEE"),
    "import_guess_bg": ("#FFF4D6", "#403512"),
    "highlight_bg": ("#FFF176", "#5C5200"),  # placeholders in the template editor
    "highlight_fg": ("#1D2B30", "#FFF8D0"),
    # no text on these
    "preview_bg": ("#7A8A8F", "#3A4245"),  # behind the white pages of a PDF preview
    "indicator_border": ("#6B7478", "#9AA3A8"),  # the box of a check box (3:1 at least on the base colour)
    "chart_grid": ("#DDE5E6", "#3A4447"),
    "chart_primary": ("#1F6F78", "#5FB8C2"),
    "chart_secondary": ("#B8860B", "#E6C15A"),
    # tiers: text on the list's base colour, bars in charts
    "tier_vip": ("#7E5C00", "#E6C15A"),
    "tier_candidate": ("#1A656D", "#7CCBD3"),
    "tier_regular": ("#4F6570", "#B4C2C8"),
    "tier_new": ("#2A7130", "#8BD49A"),
    "tier_prospect": ("#5F6B70", "#B5BDC1"),
}

# Which text colour is drawn on which background: the contrast test checks every pair here, and
# every text colour on the palette's own Window and Base colours.
TEXT_ON: dict[str, tuple[str, ...]] = {
    "overdue_fg": ("overdue_bg",),
    "negative": ("overdue_bg",),  # the days column of an overdue row
    "notice_fg": ("notice_bg", "import_guess_bg"),
    "accent": ("card_bg",),
    "card_caption": ("card_bg",),
    "muted": ("card_bg",),
    "positive": ("card_bg",),
    "nav_fg": ("nav_bg",),
    "nav_selected_fg": ("nav_selected_bg",),
    "chip_fg": ("chip_role_bg", "chip_tag_bg"),
    "banner_fg": ("banner_bg",),
    "import_fg": ("import_add", "import_merge", "import_skip", "import_error", "import_guess_bg"),
    "highlight_fg": ("highlight_bg",),
}
# Text colours drawn straight on the palette's Window or Base colour.
PLAIN_TEXT = ("text", "muted", "faint", "accent", "error", "success", "warning", "negative", "positive",
              "high_priority", "tier_vip", "tier_candidate", "tier_regular", "tier_new", "tier_prospect")

TIER_NAMES = ("vip", "candidate", "regular", "new", "prospect")


def is_dark(palette: QPalette | None = None) -> bool:
    """True when the palette (the application's by default) is a dark one."""
    if palette is None:
        palette = QGuiApplication.palette()
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def color(name: str, palette: QPalette | None = None) -> QColor:
    light, dark = PAIRS[name]
    return QColor(dark if is_dark(palette) else light)


def css(name: str, palette: QPalette | None = None) -> str:
    light, dark = PAIRS[name]
    return dark if is_dark(palette) else light


def tier_color(tier: str | None, palette: QPalette | None = None) -> QColor:
    return color(f"tier_{tier}" if tier in TIER_NAMES else "tier_regular", palette)


def tier_css(tier: str | None) -> str:
    return css(f"tier_{tier}" if tier in TIER_NAMES else "tier_regular")


def _filled(template: str) -> str:
    dark = is_dark()
    return Template(template).substitute({name: pair[1 if dark else 0] for name, pair in PAIRS.items()})


STYLE_PROPERTY = "loyaldeskStyle"


def style(widget: QWidget, template: str) -> None:
    """Set a style sheet whose ``$name`` colours follow the palette (now and after every change)."""
    widget.setProperty(STYLE_PROPERTY, template)
    widget.setStyleSheet(_filled(template))


def restyle_all() -> None:
    """Fill every themed style sheet in again (after a change of scheme)."""
    app = QApplication.instance()
    if app is None:
        return
    for widget in app.allWidgets():
        template = widget.property(STYLE_PROPERTY)
        if isinstance(template, str) and template:
            widget.setStyleSheet(_filled(template))


class _Notifier(QObject):
    changed = Signal()  # the scheme changed: rebuild rich text that holds colours


_notifier: _Notifier | None = None


def notifier() -> _Notifier:
    global _notifier
    if _notifier is None:
        _notifier = _Notifier(QApplication.instance())
    return _notifier


# --- the palettes

def dark_palette() -> QPalette:
    """A dark Fusion palette (text at least 4.5:1 on every background it is used on)."""
    p = QPalette()
    roles = QPalette.ColorRole
    colors = {
        roles.Window: "#2B2E31", roles.WindowText: "#E8EAED", roles.Base: "#1F2225",
        roles.AlternateBase: "#272A2D", roles.ToolTipBase: "#3A3F44", roles.ToolTipText: "#F1F3F4",
        roles.PlaceholderText: "#A0A6AB", roles.Text: "#E8EAED", roles.Button: "#373B3F",
        roles.ButtonText: "#E8EAED", roles.BrightText: "#FFB4AB", roles.Light: "#4A4F54",
        roles.Midlight: "#3F4449", roles.Mid: "#2F3236", roles.Dark: "#1A1C1E", roles.Shadow: "#0D0E0F",
        roles.Highlight: "#2F6F77", roles.HighlightedText: "#FFFFFF", roles.Link: "#8AB4F8",
        roles.LinkVisited: "#C58AF9", roles.Accent: "#2F6F77",
    }
    for role, value in colors.items():
        p.setColor(role, QColor(value))
    disabled = QPalette.ColorGroup.Disabled
    for role in (roles.WindowText, roles.Text, roles.ButtonText):
        p.setColor(disabled, role, QColor("#8A9095"))
    p.setColor(disabled, roles.Highlight, QColor("#3F4449"))
    return p


def light_palette() -> QPalette:
    """Fusion's light palette, with a selection dark enough for white text (4.5:1)."""
    style = QStyleFactory.create("Fusion")
    p = style.standardPalette() if style is not None else QPalette()
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        p.setColor(group, QPalette.ColorRole.Highlight, QColor("#1F6F78"))
        p.setColor(group, QPalette.ColorRole.HighlightedText, QColor("#FFFFFF"))
    return p


class FusionStyle(QProxyStyle):
    """Fusion as the forced schemes use it, with check boxes whose box shows on a dark base colour (Fusion
    draws their outline darker than the window, which a dark list swallows)."""

    _BOXES = (QStyle.PrimitiveElement.PE_IndicatorCheckBox, QStyle.PrimitiveElement.PE_IndicatorItemViewItemCheck)

    def __init__(self) -> None:
        super().__init__("Fusion")

    def drawPrimitive(self, element, option, painter, widget=None) -> None:  # noqa: N802 (Qt override)
        super().drawPrimitive(element, option, painter, widget)
        if element in self._BOXES and is_dark(option.palette):
            painter.save()
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(QPen(color("indicator_border", option.palette), 1))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(option.rect.adjusted(0, 0, -1, -1).toRectF().adjusted(0.5, 0.5, -0.5, -0.5), 2, 2)
            painter.restore()


_style: FusionStyle | None = None
_original_style: str | None = None
_scheme = "system"


def current_scheme() -> str:
    return _scheme


def apply_scheme(app: QApplication, scheme: str) -> None:
    """Follow the system ("system"), or force "light" or "dark" (Fusion with its palette)."""
    global _original_style, _scheme, _style
    scheme = scheme if scheme in SCHEMES else "system"
    if _original_style is None:
        _original_style = app.style().name()
    was_dark = is_dark()
    hints = app.styleHints()
    if scheme == "system":
        if hasattr(hints, "unsetColorScheme"):
            hints.unsetColorScheme()
        if _scheme != "system":
            app.setStyle(_original_style)
            app.setPalette(QPalette())  # back to the platform's palette
    else:
        want = Qt.ColorScheme.Dark if scheme == "dark" else Qt.ColorScheme.Light
        if hasattr(hints, "setColorScheme"):
            hints.setColorScheme(want)  # title bars and native dialogs, where the platform can
        _style = FusionStyle()  # kept alive here (the application owns it from now on)
        app.setStyle(_style)
        app.setPalette(dark_palette() if scheme == "dark" else light_palette())
    _scheme = scheme
    if _follow_connected is False:
        _connect_system_follow(app)
    if is_dark() != was_dark or scheme != "system":
        _changed()


_follow_connected = False


def _connect_system_follow(app: QApplication) -> None:
    global _follow_connected
    _follow_connected = True
    hints = app.styleHints()
    if hasattr(hints, "colorSchemeChanged"):
        # Qt updates the palette itself; our style sheets and rich text follow once it has.
        hints.colorSchemeChanged.connect(lambda _scheme: QTimer.singleShot(0, _on_system_changed))


def _on_system_changed() -> None:
    if _scheme == "system":
        _changed()


def _changed() -> None:
    restyle_all()
    notifier().changed.emit()


# --- contrast (WCAG 2.x)

def relative_luminance(c: QColor) -> float:
    def channel(v: int) -> float:
        s = v / 255
        return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(c.red()) + 0.7152 * channel(c.green()) + 0.0722 * channel(c.blue())


def contrast_ratio(a: QColor, b: QColor) -> float:
    la, lb = relative_luminance(a), relative_luminance(b)
    hi, lo = max(la, lb), min(la, lb)
    return (hi + 0.05) / (lo + 0.05)
