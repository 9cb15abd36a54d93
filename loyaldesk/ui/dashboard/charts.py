"""The dashboard's charts (QtCharts): the Pareto curve, revenue by month, clients per tier."""

from __future__ import annotations

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QLineSeries,
    QScatterSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QCoreApplication, QMargins, QPointF, Qt
from PySide6.QtGui import QBrush, QFont, QPainter, QPalette, QPen, QTextDocumentFragment
from PySide6.QtWidgets import QWidget

from loyaldesk.core.i18n import current_language
from loyaldesk.ui import labels, theme



def _chart(widget: QWidget) -> QChart:
    chart = QChart()
    chart.setBackgroundRoundness(0)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.legend().hide()
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    font = QFont(widget.font())
    chart.setFont(font)
    chart.setTitleFont(font)
    palette = widget.palette()  # the chart's own white background would glare in a dark palette
    chart.setBackgroundBrush(QBrush(palette.color(QPalette.ColorRole.Base)))
    chart.setTitleBrush(QBrush(palette.color(QPalette.ColorRole.Text)))
    return chart


def _axis_fonts(axis, widget: QWidget) -> None:
    font = QFont(widget.font())
    font.setPointSizeF(max(7.0, font.pointSizeF() * 0.85))
    axis.setLabelsFont(font)
    axis.setTitleFont(QFont(widget.font()))
    axis.setGridLineColor(theme.color("chart_grid"))
    text = widget.palette().color(QPalette.ColorRole.Text)
    axis.setLabelsBrush(QBrush(text))
    axis.setTitleBrush(QBrush(text))
    axis.setLinePenColor(theme.color("muted"))


COMPACT_HEIGHT = 200


class _ChartView(QChartView):
    """A chart view that a screen reader names by its chart's title (with the axes' titles)."""

    def setChart(self, chart: QChart) -> None:  # noqa: N802 - Qt override
        super().setChart(chart)
        title = QTextDocumentFragment.fromHtml(chart.title()).toPlainText() if chart.title() else ""
        axes = [a.titleText() for a in chart.axes() if a.titleText()]
        self.setAccessibleName(title or QCoreApplication.translate("Charts", "Chart"))
        self.setAccessibleDescription(" · ".join(axes))
        self._fit()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        """In a short view (a laptop's screen) the axes drop their titles and keep three value labels, so the
        labels stay readable instead of ending in "…"; the axis titles are still in the accessible description."""
        chart = self.chart()
        if chart is None:
            return
        compact = self.height() < COMPACT_HEIGHT
        for axis in chart.axes():
            axis.setTitleVisible(not compact)
            if isinstance(axis, QValueAxis):
                full = axis.property("fullTickCount")
                if full is None:
                    full = axis.tickCount()
                    axis.setProperty("fullTickCount", full)
                axis.setTickCount(min(3, int(full)) if compact else int(full))


def make_view(widget: QWidget) -> QChartView:
    view = _ChartView()
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumSize(320, 220)
    view.setChart(_chart(widget))
    return view


def pareto_chart(widget: QWidget, points: list[tuple[float, float]], vip_share: float) -> QChart:
    """Cumulative share of lifetime revenue (y) by share of clients, best first (x)."""
    chart = _chart(widget)
    series = QLineSeries()
    series.setPen(QPen(theme.color("chart_primary"), 2.5))
    for x, y in points or [(0.0, 0.0)]:
        series.append(QPointF(x * 100, y * 100))
    chart.addSeries(series)
    diagonal = QLineSeries()  # what an even spread would look like
    diagonal.setPen(QPen(theme.color("muted"), 1, Qt.PenStyle.DashLine))
    diagonal.append(0, 0)
    diagonal.append(100, 100)
    chart.addSeries(diagonal)
    marker = QScatterSeries()  # where the top 20 % stands
    marker.setColor(theme.color("chart_secondary"))
    marker.setBorderColor(theme.color("chart_secondary"))
    marker.setMarkerSize(11)
    at20 = _y_at(points, 0.2) * 100
    marker.append(20, at20)
    chart.addSeries(marker)
    x_axis, y_axis = QValueAxis(), QValueAxis()
    x_axis.setRange(0, 100)
    y_axis.setRange(0, 100)
    x_axis.setTickCount(6)
    y_axis.setTickCount(6)
    x_axis.setLabelFormat("%d%%")
    y_axis.setLabelFormat("%d%%")
    x_axis.setTitleText(QCoreApplication.translate("DashboardCharts", "Clients, highest lifetime revenue first"))
    y_axis.setTitleText(QCoreApplication.translate("DashboardCharts", "Revenue share"))
    for axis, side in ((x_axis, Qt.AlignmentFlag.AlignBottom), (y_axis, Qt.AlignmentFlag.AlignLeft)):
        _axis_fonts(axis, widget)
        chart.addAxis(axis, side)
        for s in (series, diagonal, marker):
            s.attachAxis(axis)
    chart.setTitle(QCoreApplication.translate("DashboardCharts", "By revenue alone, the top 20 % of clients bring %1 % of it (the VIP card counts the VIP tier)").replace("%1", f"{at20:.0f}"))
    return chart


def _y_at(points: list[tuple[float, float]], x: float) -> float:
    """The curve's value at x, interpolated between its points."""
    if not points:
        return 0.0
    prev = points[0]
    for point in points:
        if point[0] >= x:
            if point[0] == prev[0]:
                return point[1]
            ratio = (x - prev[0]) / (point[0] - prev[0])
            return prev[1] + ratio * (point[1] - prev[1])
        prev = point
    return points[-1][1]


def revenue_chart(widget: QWidget, months: list[tuple[str, int]], currency: str = "JPY") -> QChart:
    """Revenue per calendar month, the last 24 months, in the unit money.axis_unit chooses (万円 in
    Japanese, ¥ thousands in English; $ thousands or $ for dollars)."""
    from loyaldesk.core import money

    chart = _chart(widget)
    unit, unit_text = money.axis_unit(currency, max([a for _m, a in months] + [0]))
    bars = QBarSet(QCoreApplication.translate("DashboardCharts", "Revenue"))
    bars.setColor(theme.color("chart_primary"))
    bars.setBorderColor(theme.color("chart_primary"))
    top = 0.0
    for _month, amount in months:
        value = amount / unit
        bars.append(value)
        top = max(top, value)
    series = QStackedBarSeries()
    series.setBarWidth(0.7)
    series.append(bars)
    chart.addSeries(series)
    categories = QBarCategoryAxis()
    categories.append([_month_label(m, i, len(months)) for i, (m, _a) in enumerate(months)])
    values = QValueAxis()
    values.setRange(0, max(1.0, top))
    values.setLabelFormat("%.0f")
    values.setTickCount(5)
    values.applyNiceNumbers()
    values.setTitleText(QCoreApplication.translate("DashboardCharts", "Revenue (%1)").replace("%1", unit_text))
    for axis, side in ((categories, Qt.AlignmentFlag.AlignBottom), (values, Qt.AlignmentFlag.AlignLeft)):
        _axis_fonts(axis, widget)
        chart.addAxis(axis, side)
        series.attachAxis(axis)
    categories.setLabelsAngle(-90)
    chart.setTitle(QCoreApplication.translate("DashboardCharts", "Revenue by month, last 24 months"))
    return chart


def _month_label(month: str, index: int, count: int) -> str:
    """'2026-01' -> '26/01'; a year mark every January and at the ends keeps 24 labels readable."""
    year, mon = month.split("-")
    return f"{year[2:]}/{mon}"


def tier_chart(widget: QWidget, tiers: dict[str, int]) -> QChart:
    """How many clients in each tier, in the tier colours."""
    chart = _chart(widget)
    order = ("vip", "candidate", "regular", "new", "prospect")
    series = QStackedBarSeries()
    series.setBarWidth(0.6)
    top = 0
    for i, tier in enumerate(order):
        bar = QBarSet(labels.tier_label(tier))
        colour = theme.tier_color(tier)
        bar.setColor(colour)
        bar.setBorderColor(colour)
        for j in range(len(order)):
            bar.append(tiers.get(tier, 0) if j == i else 0)
        top = max(top, tiers.get(tier, 0))
        series.append(bar)
    chart.addSeries(series)
    categories = QBarCategoryAxis()  # the count in the label: no "0" labels on empty stack segments
    categories.append([f"{labels.tier_label(t)} ({tiers.get(t, 0):,})" for t in order])
    values = QValueAxis()
    values.setRange(0, max(4, top * 1.1))
    values.setLabelFormat("%d")
    values.setTickCount(5)
    values.applyNiceNumbers()  # round ticks (0, 10, 20 …), never 12.5
    for axis, side in ((categories, Qt.AlignmentFlag.AlignBottom), (values, Qt.AlignmentFlag.AlignLeft)):
        _axis_fonts(axis, widget)
        chart.addAxis(axis, side)
        series.attachAxis(axis)
    chart.setTitle(QCoreApplication.translate("DashboardCharts", "Clients per tier"))
    return chart
