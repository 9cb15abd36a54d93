"""The choice boxes the sending screens share: refilling a combo box without firing its signals, and the
recipients box (clients chosen elsewhere, tiers, tags and what a screen adds)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox


def find(combo: QComboBox, data) -> int:
    """The index of the item with this data, -1 if none (findData does not compare Python tuples)."""
    return next((i for i in range(combo.count()) if combo.itemData(i) == data), -1)


def refill(combo: QComboBox, items: list[tuple[str, object]], *, keep: bool = True) -> None:
    """Replace the items (text, data), keeping the current choice when it is still there; no signals."""
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    for text, data in items:
        combo.addItem(text, data)
    if keep and current is not None:
        combo.setCurrentIndex(max(find(combo, current), 0))
    combo.blockSignals(False)


def choose_quietly(combo: QComboBox, data) -> None:
    """Select the item with this data (when there is one) without firing the box's signals."""
    index = find(combo, data)
    if index >= 0:
        combo.blockSignals(True)
        combo.setCurrentIndex(index)
        combo.blockSignals(False)


def recipient_sources(services, chosen: int, extra: list[tuple[str, object]] = (),
                      after_tiers: list[tuple[str, object]] = ()) -> list[tuple[str, object]]:
    """(text, (kind, value)) for a recipients box: the clients chosen elsewhere (when any), `extra`, the
    tiers, `after_tiers`, then every tag."""
    from loyaldesk.ui import labels

    chosen_text = QCoreApplication.translate("RecipientSources", "Chosen clients (%1)")
    tier_text = QCoreApplication.translate("RecipientSources", "Tier: %1")
    tag_text = QCoreApplication.translate("RecipientSources", "Tag: %1")
    items: list[tuple[str, object]] = []
    if chosen:
        items.append((chosen_text.replace("%1", str(chosen)), ("chosen", "")))
    items += list(extra)
    tiers = labels.tier_labels()
    items += [(tier_text.replace("%1", tiers[t]), ("tier", t)) for t in ("vip", "candidate", "regular", "new")]
    items += list(after_tiers)
    items += [(tag_text.replace("%1", tag.name), ("tag", tag.name)) for tag in services.tags.list()]
    return items
