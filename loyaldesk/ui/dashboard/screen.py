"""The dashboard: Today (the day's plan, group mailings, the backlog), the practice's figures,
charts and referrals.

Everything on it is computed in a worker with its own connection (loyalty report, figures,
the daily plan), so the window never waits; the screen reloads after every change while it is
shown, and when it is shown again after changes made elsewhere.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QDate, Qt, QTimer, Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QCalendarWidget,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QSplitter,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from loyaldesk.core.errors import LoyalDeskError
from loyaldesk.ui import labels
from loyaldesk.ui.dashboard import charts
from loyaldesk.ui.dashboard.done_dialog import DoneDialog
from loyaldesk.ui.dashboard.today import TodayPanel
from loyaldesk.ui.ops import run_quietly
from loyaldesk.ui.services import AppServices, DataChange
from loyaldesk.ui import theme

MOVEMENT_DAYS = 90  # the "rose and slipped" list covers this many days
CLIENT_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class _Card(QFrame):
    """One figure: a caption, a large value, a line of detail."""

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("figureCard")
        theme.style(
            self,
            "QFrame#figureCard { background: $card_bg; border: 1px solid $card_border; border-radius: 6px; }"
            "QFrame#figureCard QLabel { background: transparent; border: none; }")
        self.caption = QLabel(caption)
        theme.style(self.caption, "color: $card_caption;")
        self.value = QLabel("–")
        font = self.value.font()
        font.setPointSizeF(font.pointSizeF() * 1.9)
        font.setBold(True)
        self.value.setFont(font)
        theme.style(self.value, "color: $accent;")
        self.detail = QLabel()
        theme.style(self.detail, "color: $muted;")
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.PlainText)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(2)
        layout.addWidget(self.caption)
        layout.addWidget(self.value)
        layout.addWidget(self.detail)
        layout.addStretch(1)

    def set(self, value: str, detail: str = "", *, keep_parts: bool = False) -> None:
        """keep_parts: the detail is parts joined by " · " ("new 8 · ..."), each kept on one line
        when the line wraps (a word joiner between its characters, and no-break spaces): the
        Japanese "新規 8" is never split after 新."""
        self.value.setText(value)
        kept = labels.keep_phrases(detail)  # Japanese: "セッション 295回" never split across lines
        if kept == detail and keep_parts:
            kept = " · ".join("\u2060".join(part.replace(" ", "\u00a0")) for part in detail.split(" · "))
        self.detail.setText(kept)


class DashboardScreen(QWidget):
    client_open_requested = Signal(int)
    batch_requested = Signal(object)  # a loyaldesk.core.today.Batch to prepare (the main window opens the tool)
    letter_requested = Signal(list)  # suggestions to answer with a letter (the Letters screen opens)
    event_open_requested = Signal(int)  # a vip_invitation's upcoming event (the Events screen opens)
    role_assignment_requested = Signal(int)  # a role_offer's client (a role is given in the client detail)
    error_raised = Signal(object)
    loaded = Signal()  # a reload finished and the screen shows its result

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.setObjectName("dashboardScreen")
        self._op = None
        self._dirty = True
        self._generation = 0  # bumped by every change: a result computed before it is stale
        self.figures = None

        self.today = TodayPanel()
        services.writes.guard(self.today.buttons["done"], self.today.buttons["snooze"], self.today.buttons["dismiss"],
                              self.today.undo_button)
        self.today.action_requested.connect(self._on_today_action_requested)
        self.today.batch_requested.connect(self.batch_requested)
        self.today.undo_requested.connect(self._on_today_undo_requested)
        self.model = self.today.model
        self.table = self.table_view = self.today.table
        self.empty_label = self.today.empty_label
        self.plan = None
        left = self.today

        self.cards = {
            "vip": _Card(self.tr("VIP clients")),
            "share": _Card(self.tr("Revenue from VIP clients")),
            "health": _Card(self.tr("Overdue")),
            "new": _Card(self.tr("New clients this year")),
            "contacts": _Card(self.tr("Contacts this month")),
        }
        cards = QGridLayout()
        cards.setSpacing(8)
        for i, card in enumerate(self.cards.values()):
            cards.addWidget(card, 0, i)
            cards.setColumnStretch(i, 1)

        self.tabs = QTabWidget()
        self.pareto_view = charts.make_view(self)
        self.revenue_view = charts.make_view(self)
        self.tier_view = charts.make_view(self)
        self.referrals = QTreeWidget()
        self.referrals.setObjectName("referralsTree")
        self.referrals.setAccessibleName(self.tr("Who referred whom"))
        self.referrals.setHeaderLabels([self.tr("Client"), self.tr("Tier"), self.tr("Referrals")])
        self.referrals.setRootIsDecorated(True)
        self.referrals.itemDoubleClicked.connect(self._on_referrals_item_double_clicked)
        ref_header = self.referrals.header()
        ref_header.setStretchLastSection(False)
        ref_header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        ref_header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        ref_header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.tabs.addTab(self.pareto_view, self.tr("80/20"))
        self.tabs.addTab(self.revenue_view, self.tr("Revenue"))
        self.tabs.addTab(self.tier_view, self.tr("Tiers"))
        self.tabs.addTab(self.referrals, self.tr("Referrals"))
        self.movements = QTreeWidget()
        self.movements.setObjectName("tierMovements")
        self.movements.setAccessibleName(self.tr("Tier changes: rose and slipped"))
        self.movements.setRootIsDecorated(False)
        self.movements.setHeaderLabels([self.tr("Date"), self.tr("Client"), self.tr("Tier change")])
        mov_header = self.movements.header()
        mov_header.setStretchLastSection(False)
        mov_header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        mov_header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        mov_header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.movements.itemDoubleClicked.connect(self._on_referrals_item_double_clicked)
        from loyaldesk.ui.access import RowKeys

        for tree in (self.referrals, self.movements):  # Return opens the client, as a double-click does
            tree._row_keys = RowKeys(tree, on_return=lambda t=tree: self._on_referrals_item_double_clicked(
                t.currentItem(), 0))
        self.tabs.addTab(self.movements, self.tr("Rose and slipped"))

        # the list takes the whole width (its reasons are sentences); the charts sit below it
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.tabs)
        self.splitter.setStretchFactor(0, 5)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        self.tabs.setMinimumHeight(150)
        for view in (self.pareto_view, self.revenue_view, self.tier_view):
            view.setMinimumSize(200, 120)
        self.splitter.setSizes([620, 220])  # the list first; restore_layout brings the user's own

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.addLayout(cards)
        layout.addSpacing(6)
        layout.addWidget(self.splitter, 1)

        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(250)
        self._reload_timer.timeout.connect(self.reload)
        services.data_changed.connect(self._on_services_data_changed)
        theme.notifier().changed.connect(self._on_theme_changed)

    # --- loading -----------------------------------------------------------------------
    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._dirty:
            self._reload_timer.start(0)

    def _on_services_data_changed(self, _change: DataChange) -> None:
        self._generation += 1
        self._dirty = True
        if self.isVisible():
            self._reload_timer.start()

    def _on_theme_changed(self) -> None:
        if self.window().isVisible():  # the charts take the palette's colours (a closed window has nothing to show)
            self.reload()

    def reload(self) -> None:
        """Recompute everything in a worker; a change during the work reloads once more after it."""
        from loyaldesk.core import dashboard, loyalty
        from loyaldesk.core.db import open_database

        if self._op is not None:  # the running computation no longer answers the question: redo it
            self._generation += 1
            return
        self._dirty = False
        generation = self._generation
        path, as_of = self.services.db.path, self.services.as_of()

        def work(progress):
            from loyaldesk.core import today

            with open_database(path, create=False, migrate=False) as db:
                progress.on_cancel(db.conn.interrupt)  # closing the database stops it at once
                report = loyalty.compute_loyalty(db, as_of)
                figures = dashboard.dashboard_figures(db, report)
                plan = today.daily_plan(db, report=report)
                moved = loyalty.tier_history(db, since=as_of - dt.timedelta(days=MOVEMENT_DAYS))
            moved = [c for c in moved if c.from_tier is not None]  # first assignments are not movements
            return figures, plan, generation, moved

        self.today.progress_label.setText(self.tr("Updating…"))
        op = run_quietly(self, work)
        op.finished.connect(self._on_reload_finished)
        op.failed.connect(self._on_reload_failed)
        self._op = op

    def _on_reload_finished(self, result) -> None:
        self._op = None
        figures, plan, generation, moved = result
        if generation != self._generation:  # the data changed while this was computed: never show it
            self.reload()
            return
        self.figures = figures
        self.plan = plan
        self.today.set_plan(plan)
        self._show_figures(figures)
        self._show_movements(moved)
        self.loaded.emit()

    @property
    def suggestions(self) -> list:
        """The actions listed in the current view (today's plan, the backlog or the week)."""
        return self.today.suggestions

    def _on_reload_failed(self, exc) -> None:
        self._op = None
        self.today.progress_label.setText("")
        self.error_raised.emit(exc)

    # --- figures -----------------------------------------------------------------------
    def _show_figures(self, f) -> None:
        tiers = f.tiers
        self.cards["vip"].set(
            f"{tiers.get('vip', 0):,}",
            self.tr("Candidates %1 · Regular %2 · New %3").replace("%1", f"{tiers.get('candidate', 0):,}")
            .replace("%2", f"{tiers.get('regular', 0):,}").replace("%3", f"{tiers.get('new', 0):,}"), keep_parts=True)
        self.cards["share"].set(
            f"{f.vip_revenue_share * 100:.0f} %",
            self.tr("The VIP tier (whole relationship), all years · last 12 months: %1 %")
            .replace("%1", f"{f.vip_revenue_share_12m * 100:.0f}"))
        st = f.statuses
        self.cards["health"].set(
            f"{f.overdue:,}",
            self.tr("At risk (VIP or candidate) %1 · dormant %2").replace("%1", f"{st.get('at_risk', 0):,}")
            .replace("%2", f"{st.get('dormant', 0):,}"), keep_parts=True)
        self.cards["new"].set(f"{f.new_clients_this_year:,}", str(f.as_of.year))
        self.cards["contacts"].set(
            f"{f.contacts_this_month:,}",
            self.tr("Last month: %1").replace("%1", f"{f.contacts_last_month:,}"))
        self.pareto_view.setChart(charts.pareto_chart(self, f.pareto, f.vip_revenue_share))
        chart = charts.revenue_chart(self, f.revenue_by_month, self.services.currency())
        if f.not_included:  # "3 sessions in USD are not included", under the chart's title
            from loyaldesk.core.sessions import not_included_text

            chart.setTitle(f"{chart.title()}<br><small>{not_included_text(f.not_included)}</small>")
        self.revenue_view.setChart(chart)
        self.tier_view.setChart(charts.tier_chart(self, f.tiers))
        self._show_referrals(f.referrers)

    def _show_referrals(self, referrers) -> None:
        self.referrals.clear()
        for ref in referrers:
            name = ("★ " + ref.name) if ref.ambassador else ref.name
            item = QTreeWidgetItem([name, labels.tier_label(ref.tier), f"{ref.count:,}"])
            item.setData(0, CLIENT_ID_ROLE, ref.client_id)
            item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if ref.ambassador:
                font = item.font(0)
                font.setBold(True)
                item.setFont(0, font)
                item.setToolTip(0, self.tr("Ambassador: brings other clients"))
            for cid, cname in ref.referred:
                child = QTreeWidgetItem([cname, "", ""])
                child.setData(0, CLIENT_ID_ROLE, cid)
                item.addChild(child)
            self.referrals.addTopLevelItem(item)
        if not referrers:
            empty = QTreeWidgetItem([self.tr("No referrals recorded yet (set “Referred by” on a client).")])
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.referrals.addTopLevelItem(empty)

    def _show_movements(self, changes) -> None:
        self.movements.clear()
        for change in changes:
            arrow = "↑" if change.rose else "↓"
            item = QTreeWidgetItem([change.date.isoformat(), change.name,
                                    f"{labels.tier_label(change.from_tier)} {arrow} {labels.tier_label(change.to_tier)}"])
            item.setData(0, CLIENT_ID_ROLE, change.client_id)
            item.setForeground(2, QBrush(theme.color("positive" if change.rose else "negative")))
            self.movements.addTopLevelItem(item)
        if not changes:
            empty = QTreeWidgetItem([self.tr("No tier changes in the last %1 days.").replace("%1", str(MOVEMENT_DAYS))])
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.movements.addTopLevelItem(empty)

    # --- actions -------------------------------------------------------------------------
    def _on_today_action_requested(self, suggestion, action: str) -> None:
        if action == "snooze":
            self._snooze_menu(suggestion).popup(self.today.snooze_button_pos())
        else:
            self.act(suggestion, action)

    def _snooze_menu(self, suggestion) -> QMenu:
        menu = QMenu(self.tr("Snooze"), self)
        as_of = self.services.as_of()
        for days, text in ((1, self.tr("Tomorrow")), (7, self.tr("One week")), (14, self.tr("Two weeks")),
                           (30, self.tr("One month"))):
            until = as_of + dt.timedelta(days=days)
            menu.addAction(f"{text} ({until.isoformat()})",
                           lambda until=until: self.act(suggestion, "snooze", snooze_until=until))
        menu.addAction(self.tr("Until a date…"), lambda: self._snooze_until_picked(suggestion))
        return menu

    def _snooze_until_picked(self, suggestion) -> None:
        until = pick_date(self, self.services.as_of() + dt.timedelta(days=1))
        if until is not None:
            self.act(suggestion, "snooze", snooze_until=until)

    def act(self, suggestion, action: str, snooze_until: dt.date | None = None) -> None:
        """Done (asks how the contact happened), letter, snooze, dismiss or open, as the buttons do."""
        if action == "open":  # the upcoming event, the role assignment, else the client
            if suggestion.kind == "vip_invitation" and getattr(suggestion, "event_id", None) is not None:
                self.event_open_requested.emit(suggestion.event_id)
            elif suggestion.kind == "role_offer":
                self.role_assignment_requested.emit(suggestion.client_id)
            else:
                self.client_open_requested.emit(suggestion.client_id)
            return
        if action == "letter":
            self.letter_requested.emit([suggestion])
            return
        if action == "done":
            self.done_dialog = dialog = DoneDialog(suggestion, self.services.as_of(), self)
            dialog.setWindowModality(Qt.WindowModality.WindowModal)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.accepted.connect(lambda: self.record_done(suggestion, dialog.chosen_channel(),
                                                             dialog.chosen_note(), dialog.chosen_date()))
            dialog.open()
            return
        if action == "snooze" and snooze_until is None:
            self._snooze_menu(suggestion).popup(self.today.snooze_button_pos())
            return
        self._decide(suggestion, {"snooze": "snoozed", "dismiss": "dismissed"}[action], snooze_until=snooze_until)

    def record_done(self, suggestion, channel: str, note: str = "", on: dt.date | None = None) -> None:
        self._decide(suggestion, "done", channel=channel, note=note, on=on)

    def _decide(self, suggestion, decision: str, **options) -> None:
        try:
            self.services.act_on_suggestion(suggestion, decision, **options)
        except LoyalDeskError as exc:
            self.error_raised.emit(exc)
            return
        what = labels.suggestion_label(suggestion.kind, suggestion.template)
        if decision == "done":
            channel = labels.channel_label(options.get("channel") or suggestion.channel)
            text = self.tr("Logged: %1 with %2 (%3).")
            text = text.replace("%1", channel).replace("%2", suggestion.client_name).replace("%3", what)
        elif decision == "snoozed":
            text = self.tr("Snoozed until %1: %2 · %3").replace("%1", options["snooze_until"].isoformat())
            text = text.replace("%2", what).replace("%3", suggestion.client_name)
        else:
            text = self.tr("Dismissed for this time: %1 · %2").replace("%1", what).replace("%2", suggestion.client_name)
        self.today.confirm(text)
        # gone from the list at once; the reload that follows confirms it
        self.model.set_suggestions([s for s in self.suggestions if s.key != suggestion.key], self.services.as_of())
        self.table.setVisible(self.model.rowCount() > 0)
        self.empty_label.setVisible(self.model.rowCount() == 0)

    def _on_today_undo_requested(self) -> None:
        if self.services.undo_stack.canUndo():
            self.services.undo_stack.undo()

    def _on_referrals_item_double_clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        client_id = item.data(0, CLIENT_ID_ROLE)
        if client_id is not None:
            self.client_open_requested.emit(int(client_id))

    # --- layout memory -----------------------------------------------------------------
    LAYOUT_VERSION = "2:"  # the Today layout: a splitter state saved for the older dashboard is not reused

    def save_layout(self) -> str:
        return self.LAYOUT_VERSION + bytes(self.splitter.saveState().toBase64()).decode()

    def restore_layout(self, state: str) -> None:
        from PySide6.QtCore import QByteArray

        if state and state.startswith(self.LAYOUT_VERSION):
            self.splitter.restoreState(QByteArray.fromBase64(state[len(self.LAYOUT_VERSION):].encode()))


def pick_date(parent: QWidget, earliest: dt.date) -> dt.date | None:
    """A small calendar dialog; None when cancelled."""
    dialog = QDialog(parent)
    dialog.setWindowTitle(QCoreApplication.translate("DashboardScreen", "Snooze until"))
    calendar = QCalendarWidget()
    calendar.setMinimumDate(QDate(earliest.year, earliest.month, earliest.day))
    calendar.setSelectedDate(calendar.minimumDate())
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(calendar)
    layout.addWidget(buttons)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    chosen = calendar.selectedDate()
    return dt.date(chosen.year(), chosen.month(), chosen.day())
