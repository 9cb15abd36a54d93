"""The Reports screen: the annual client report for a chosen year, and its export.

The report is computed in a quiet worker with its own connection (loyaldesk.core.reports);
the export runs in a worker with a progress dialog and a Cancel button, and rebuilds the
report from the file as it is at that moment. No SQL here, no other screen touched: opening a
client is asked for with `client_open_requested`, errors go out through `error_raised`.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from loyaldesk.ui import labels
from loyaldesk.ui.dashboard import charts
from loyaldesk.ui.dashboard.screen import _Card
from loyaldesk.ui.ops import Cancelled, run_in_background, run_quietly
from loyaldesk.ui.reports.model import (
    ID_ROLE,
    SORT_ROLE,
    ReportTableModel,
    client_columns,
    follow_up_columns,
    lost_columns,
)
from loyaldesk.ui.services import AppServices, DataChange
from loyaldesk.ui import theme

FORMAT_SUFFIXES = (".xlsx", ".pdf", ".csv")
CLIENT_REVENUE_COLUMN = 5  # client_columns(): revenue in the year
LOST_REVENUE_COLUMN = 3  # lost_columns(): revenue in the previous year


class ReportsScreen(QWidget):
    client_open_requested = Signal(int)
    error_raised = Signal(object)
    loaded = Signal()  # a report was computed and is shown
    exported = Signal(object)  # Path of a file written

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.setObjectName("reportsScreen")
        self.report = None
        self._op = None
        self._export_op = None
        self._dirty = True
        self._generation = 0
        self._years_known = False
        self._sorted = False  # the tables start sorted by revenue; then the user's sort stays

        title = QLabel(self.tr("Annual client report"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        title.setFont(font)
        self.year_combo = QComboBox()
        self.year_combo.setObjectName("reportYear")
        self.year_combo.setMinimumContentsLength(6)
        self.year_combo.currentIndexChanged.connect(self._on_year_combo_changed)
        self.status_label = QLabel()
        self.status_label.setObjectName("reportStatus")
        theme.style(self.status_label, "color: $muted;")
        self.export_buttons = {
            ".xlsx": QPushButton(self.tr("Export Excel…")),
            ".pdf": QPushButton(self.tr("Export PDF…")),
            ".csv": QPushButton(self.tr("Export CSV…")),
        }
        head = QHBoxLayout()
        head.addWidget(title)
        head.addSpacing(12)
        year_label = QLabel(self.tr("Year:"))
        year_label.setBuddy(self.year_combo)
        self.year_combo.setAccessibleName(self.tr("Year of the report"))
        head.addWidget(year_label)
        head.addWidget(self.year_combo)
        head.addSpacing(8)
        head.addWidget(self.status_label, 1)
        for suffix, button in self.export_buttons.items():
            button.setEnabled(False)
            button.clicked.connect(lambda _checked=False, s=suffix: self._on_export_clicked(s))
            head.addWidget(button)

        self.cards = {
            "revenue": _Card(self.tr("Revenue")),
            "active": _Card(self.tr("Active clients")),
            "retention": _Card(self.tr("Retention rate")),
            "lost": _Card(self.tr("Lost clients")),
            "top20": _Card(self.tr("Top 20 % share of revenue")),
            "referrals": _Card(self.tr("New clients by referral")),
        }
        cards = QGridLayout()
        cards.setSpacing(8)
        self._cards_grid = cards
        self._card_columns = 0
        self._arrange_cards(len(self.cards))

        self.clients_model = ReportTableModel(client_columns(), self)
        self.lost_model = ReportTableModel(lost_columns(), self)
        self.follow_model = ReportTableModel(follow_up_columns(self._follow_up_label), self)
        self.clients_table = self._table(self.clients_model, "reportClients", sortable=True)
        self.lost_table = self._table(self.lost_model, "reportLost", sortable=True)
        self.follow_table = self._table(self.follow_model, "reportFollowUps", sortable=False)
        self.clients_table.setAccessibleName(self.tr("Clients of the year"))
        self.lost_table.setAccessibleName(self.tr("Lost clients"))
        self.follow_table.setAccessibleName(self.tr("Follow-ups and what came of them"))
        self.follow_table.horizontalHeader().setStretchLastSection(False)
        self.follow_note = QLabel(self.tr(
            "Share of the clients contacted in the year who had a session within 90 days after the contact, next to "
            "the same share for clients who were overdue at the start of a month and were not contacted in the 90 "
            "days that followed."))
        self.follow_note.setWordWrap(True)
        theme.style(self.follow_note, "color: $muted;")
        follow = QWidget()
        follow_layout = QVBoxLayout(follow)
        follow_layout.setContentsMargins(0, 4, 0, 0)
        follow_layout.addWidget(self.follow_note)
        follow_layout.addWidget(self.follow_table, 1)

        self.revenue_view = charts.make_view(self)
        self.pareto_view = charts.make_view(self)
        self.tier_view = charts.make_view(self)
        chart_row = QWidget()
        chart_layout = QGridLayout(chart_row)
        chart_layout.setContentsMargins(0, 0, 0, 0)
        chart_layout.addWidget(self.revenue_view, 0, 0, 1, 2)
        chart_layout.addWidget(self.pareto_view, 1, 0)
        chart_layout.addWidget(self.tier_view, 1, 1)
        self.pareto_view.setMinimumWidth(240)
        chart_layout.setColumnStretch(0, 1)
        chart_layout.setColumnStretch(1, 2)  # five tiers side by side ("ロイヤル候補 (14)") need the room more than the curve

        self.tabs = QTabWidget()
        self.tabs.setObjectName("reportTabs")
        charts_page = QScrollArea()  # on a short screen the charts scroll instead of being cut off
        charts_page.setWidgetResizable(True)
        charts_page.setFrameShape(QFrame.Shape.NoFrame)
        charts_page.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        charts_page.setWidget(chart_row)
        charts_page.setAccessibleName(self.tr("Charts"))
        self.tabs.addTab(charts_page, self.tr("Charts"))
        self.tabs.addTab(self.clients_table, self.tr("Clients"))
        self.tabs.addTab(self.lost_table, self.tr("Lost clients"))
        self.tabs.addTab(follow, self.tr("Follow-ups"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.addLayout(head)
        layout.addSpacing(4)
        layout.addLayout(cards)
        # sessions in another currency without an amount in the practice's: outside every total above
        self.not_included_label = QLabel()
        self.not_included_label.setObjectName("reportNotIncluded")
        theme.style(self.not_included_label, "color: $warning;")
        self.not_included_label.setWordWrap(True)
        self.not_included_label.hide()
        layout.addWidget(self.not_included_label)
        layout.addSpacing(6)
        layout.addWidget(self.tabs, 1)

        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(250)
        self._reload_timer.timeout.connect(self.reload)
        services.data_changed.connect(self._on_services_data_changed)

    def _table(self, model: ReportTableModel, name: str, sortable: bool) -> QTableView:
        proxy = QSortFilterProxyModel(self)
        proxy.setSourceModel(model)
        proxy.setSortRole(SORT_ROLE)
        table = QTableView()
        table.setObjectName(name)
        table.setModel(proxy)
        table.setSortingEnabled(sortable)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        table.horizontalHeader().setStretchLastSection(True)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
        table.doubleClicked.connect(self._on_table_double_clicked)
        from loyaldesk.ui.access import RowKeys

        table._row_keys = RowKeys(table, on_return=lambda: self._on_table_double_clicked(table.currentIndex()))
        return table

    # --- the year --------------------------------------------------------------------------
    @property
    def year(self) -> int | None:
        data = self.year_combo.currentData()
        return int(data) if data is not None else None

    def set_year(self, year: int) -> None:
        """Show the report of `year` (one of the years offered)."""
        index = self.year_combo.findData(year)
        if index >= 0:
            self.year_combo.setCurrentIndex(index)

    def _fill_years(self, years: list[int], default: int) -> None:
        self.year_combo.blockSignals(True)
        current = self.year
        self.year_combo.clear()
        for y in years:
            self.year_combo.addItem(str(y), y)
        index = self.year_combo.findData(current if current in years else default)
        self.year_combo.setCurrentIndex(max(0, index))
        self.year_combo.blockSignals(False)
        self._years_known = True

    def _on_year_combo_changed(self, _index: int) -> None:
        self._generation += 1
        self.reload()

    # --- loading ---------------------------------------------------------------------------
    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._dirty:
            self._reload_timer.start(0)

    def _on_services_data_changed(self, _change: DataChange) -> None:
        self._generation += 1
        self._dirty = True
        if self.isVisible():
            self._reload_timer.start()

    def reload(self) -> None:
        """Compute the chosen year's report in a worker; a change during the work reloads after it."""
        from loyaldesk.core import reports
        from loyaldesk.core.db import open_database

        if self._op is not None:
            self._generation += 1
            return
        self._dirty = False
        generation = self._generation
        path, today = self.services.db.path, self.services.as_of()
        year = self.year

        def work(progress):
            with open_database(path, create=False, migrate=False) as db:
                years = reports.available_years(db, today)
                default = reports.default_year(db, today)
                report = reports.build_report(db, year if year in years else default, today=today)
            return years, default, report, generation

        self.status_label.setText(self.tr("Updating…"))
        op = run_quietly(self, work)
        op.finished.connect(self._on_reload_finished)
        op.failed.connect(self._on_reload_failed)
        self._op = op

    def _on_reload_finished(self, result) -> None:
        self._op = None
        years, default, report, generation = result
        if generation != self._generation:
            self.reload()
            return
        if not self._years_known or years != [self.year_combo.itemData(i) for i in range(self.year_combo.count())]:
            self._fill_years(years, default)
        if self.year != report.year:
            self.year_combo.blockSignals(True)
            self.set_year(report.year)
            self.year_combo.blockSignals(False)
        self.report = report
        self._show(report)
        self.loaded.emit()

    def _on_reload_failed(self, exc) -> None:
        self._op = None
        self.status_label.setText("")
        self.error_raised.emit(exc)

    # --- showing ---------------------------------------------------------------------------
    def _follow_up_label(self, key: str) -> str:
        if key == "baseline":
            return self.tr("Overdue, not contacted (baseline)")
        source, _, name = key.partition(":")
        if source == "touchpoint":
            return self.tr("Contact: %1").replace("%1", labels.channel_label(name))
        return self.tr("Next action done: %1").replace("%1", labels.suggestion_labels().get(name, name))

    def _show(self, r) -> None:
        s = r.summary
        self.status_label.setText(
            self.tr("%1 is not over yet: figures up to %2").replace("%1", str(r.year)).replace("%2", r.as_of.isoformat())
            if r.partial else self.tr("%1 compared with %2").replace("%1", str(r.year)).replace("%2", str(r.year - 1)))
        change = s.revenue - s.revenue_prev
        sign = "+" if change >= 0 else ""  # a negative amount brings its own minus sign
        cur = s.currency
        self.cards["revenue"].set(
            labels.money(s.revenue, cur),
            self.tr("Previous year %1 (%2)").replace("%1", labels.money(s.revenue_prev, cur))
            .replace("%2", sign + labels.money(change, cur)))
        self.cards["active"].set(
            f"{s.active_clients:,}",
            self.tr("New %1 · retained %2 · %3 sessions").replace("%1", f"{s.new_clients:,}")
            .replace("%2", f"{s.retained_clients:,}").replace("%3", f"{s.sessions:,}"))
        self.cards["retention"].set(
            "–" if s.retention_rate is None else f"{s.retention_rate * 100:.1f} %",
            self.tr("%1 of %2 clients of %3 came back").replace("%1", f"{s.retained_clients:,}")
            .replace("%2", f"{s.active_clients_prev:,}").replace("%3", str(r.year - 1)))
        self.cards["lost"].set(f"{s.lost_clients:,}", self.tr("Active in %1, not in %2").replace("%1", str(r.year - 1))
                               .replace("%2", str(r.year)))
        self.cards["top20"].set(f"{s.top20_revenue_share * 100:.1f} %",
                                self.tr("Average per active client %1").replace(
                                    "%1", labels.money(round(s.avg_revenue_per_client), cur)))
        self.cards["referrals"].set(f"{s.referrals:,}",
                                    self.tr("Contacts logged: %1").replace("%1", f"{sum(s.touchpoints_by_channel.values()):,}"))
        self._fit_cards()  # the figures' widths changed
        self.clients_model.currency = self.lost_model.currency = cur
        self.not_included_label.setText(s.not_included_text())
        self.not_included_label.setVisible(bool(s.not_included))
        self.clients_model.set_rows(r.clients)
        self.lost_model.set_rows(r.lost)
        self.follow_model.set_rows(r.follow_ups)
        self.tabs.setTabText(2, self.tr("Lost clients (%1)").replace("%1", f"{len(r.lost):,}"))
        for table in (self.clients_table, self.lost_table, self.follow_table):
            table.resizeColumnsToContents()
        if self.clients_table.horizontalHeader().sortIndicatorSection() < 0 or not self._sorted:
            self.clients_table.sortByColumn(CLIENT_REVENUE_COLUMN, Qt.SortOrder.DescendingOrder)
            self.lost_table.sortByColumn(LOST_REVENUE_COLUMN, Qt.SortOrder.DescendingOrder)
            self._sorted = True
        self.follow_table.setColumnWidth(0, max(self.follow_table.columnWidth(0), 260))

        revenue = charts.revenue_chart(self, r.revenue_by_month, r.summary.currency)
        revenue.setTitle(self.tr("Revenue by month, %1").replace("%1", str(r.year)))
        self.revenue_view.setChart(revenue)
        pareto = charts.pareto_chart(self, r.pareto, s.top20_revenue_share)
        pareto.setTitle(self.tr("The top 20 % of active clients brought %1 % of the revenue")
                        .replace("%1", f"{s.top20_revenue_share * 100:.0f}"))
        horizontal = pareto.axes(Qt.Orientation.Horizontal)
        if horizontal:
            horizontal[0].setTitleText(self.tr("Active clients, highest revenue in the year first"))
        self.pareto_view.setChart(pareto)
        tiers = charts.tier_chart(self, r.tiers)
        tiers.setTitle(self.tr("Clients per tier on %1").replace("%1", r.as_of.isoformat()))
        self.tier_view.setChart(tiers)
        for button in self.export_buttons.values():
            button.setEnabled(self._export_op is None)

    def _on_table_double_clicked(self, index: QModelIndex) -> None:
        client_id = index.data(ID_ROLE)
        if isinstance(client_id, int):
            self.client_open_requested.emit(client_id)

    # --- export ----------------------------------------------------------------------------
    def _filters(self) -> dict[str, str]:
        return {
            ".xlsx": self.tr("Excel workbook (*.xlsx)"),
            ".pdf": self.tr("PDF document (*.pdf)"),
            ".csv": self.tr("CSV, per-client table (*.csv)"),
        }

    def _on_export_clicked(self, suffix: str) -> None:
        if self.report is None:
            return
        from loyaldesk.core.documents.filenames import safe_name
        from loyaldesk.ui.documents.folders import default_folder, remember_folder

        name = safe_name(f"{self.tr('client-report')}-{self.report.year}") + suffix
        path, _selected = QFileDialog.getSaveFileName(self, self.tr("Export the annual report"),
                                                      str(default_folder() / name), self._filters()[suffix])
        if not path:
            return
        remember_folder(Path(path).parent)
        if Path(path).suffix.lower() not in FORMAT_SUFFIXES:
            path += suffix
        self.export(Path(path))

    def export(self, path: Path):
        """Write the chosen year's report to `path` (.xlsx, .pdf or .csv) in a worker; returns the operation."""
        from loyaldesk.core import reports
        from loyaldesk.core.db import open_database
        from loyaldesk.core.i18n import current_language

        if self._export_op is not None or self.year is None:
            return None
        db_path, today, year, lang = self.services.db.path, self.services.as_of(), self.year, current_language()
        warnings: list[str] = []  # texts longer than an Excel cell holds
        self._export_warnings = warnings

        def work(progress):
            with open_database(db_path, create=False, migrate=False) as db:
                report = reports.build_report(db, year, today=today,
                                              progress=lambda f: progress.tick(0.4 * f))
            return reports.write_report(report, path, lang=lang, progress=lambda f: progress.tick(0.4 + 0.6 * f),
                                        warnings=warnings)

        for button in self.export_buttons.values():
            button.setEnabled(False)
        self.status_label.setText(self.tr("Exporting…"))
        op = run_in_background(self, self.tr("Writing the %1 report…").replace("%1", str(year)), work)
        op.finished.connect(self._on_export_finished)
        op.failed.connect(self._on_export_failed)
        op.cancelled.connect(self._on_export_cancelled)
        self._export_op = op
        return op

    def _arrange_cards(self, columns: int) -> None:
        """The figure cards in one row, or in two rows of three when the window is too narrow for six."""
        if columns == self._card_columns:
            return
        self._card_columns = columns
        for card in self.cards.values():
            self._cards_grid.removeWidget(card)
        for i, card in enumerate(self.cards.values()):
            self._cards_grid.addWidget(card, i // columns, i % columns)
        for i in range(len(self.cards)):
            self._cards_grid.setColumnStretch(i, 1 if i < columns else 0)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._fit_cards()

    def _fit_cards(self) -> None:
        needed = sum(card.minimumSizeHint().width() for card in self.cards.values()) + 8 * len(self.cards) + 24
        self._arrange_cards(len(self.cards) if self.width() >= needed else (len(self.cards) + 1) // 2)

    def _export_ended(self) -> None:
        self._export_op = None
        for button in self.export_buttons.values():
            button.setEnabled(self.report is not None)

    def _on_export_finished(self, path) -> None:
        self._export_ended()
        self.status_label.setText(self.tr("Saved %1").replace("%1", str(path)))
        self.services.notify(self.status_label.text())
        warnings = getattr(self, "_export_warnings", None)
        if warnings:
            QMessageBox.warning(self, self.tr("Report"),
                                self.tr("%1 was written, but some texts are longer than an Excel cell holds:")
                                .replace("%1", Path(path).name) + "\n\n" + "\n".join(warnings))
        self.exported.emit(path)

    def _on_export_failed(self, exc) -> None:
        self._export_ended()
        self.status_label.setText(self.tr("The report was not saved."))
        if not isinstance(exc, Cancelled):
            self.error_raised.emit(exc)

    def _on_export_cancelled(self) -> None:
        self._export_ended()
        self.status_label.setText(self.tr("Export cancelled."))
