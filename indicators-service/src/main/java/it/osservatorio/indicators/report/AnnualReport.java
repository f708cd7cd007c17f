package it.osservatorio.indicators.report;

import it.osservatorio.contracts.indicators.DeviationStatus;
import it.osservatorio.indicators.catalogue.domain.Axis;
import it.osservatorio.indicators.catalogue.domain.Indicator;
import it.osservatorio.indicators.catalogue.domain.Periodicity;
import it.osservatorio.indicators.values.application.ValueLedger;
import it.osservatorio.indicators.values.domain.Deviation;
import it.osservatorio.indicators.values.domain.Revision;
import it.osservatorio.indicators.values.domain.SeriesCell;
import it.osservatorio.indicators.values.domain.Target;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The yearly monitoring report for the steering committee: per axis the projects' progress (computed indicators) and
 * the table of indicators with baseline, target, actual, deviation and status, with the trend over the last five
 * years; and the count of statuses overall. Values are the current revisions of each year's cell.
 */
public record AnnualReport(
        int year,
        String territory,
        Map<DeviationStatus, Integer> overall,
        boolean hasSynthetic,
        List<AxisSection> axes) {

    public static final int TREND_YEARS = 5;

    public record Row(
            Indicator indicator,
            String territory,
            BigDecimal baseline,
            BigDecimal target,
            BigDecimal actual,
            Deviation deviation,
            boolean synthetic,
            List<BigDecimal> trend) {}

    public record AxisSection(
            Axis axis, List<Row> progress, List<Row> indicators, Map<DeviationStatus, Integer> statuses) {}

    public static AnnualReport build(ValueLedger ledger, int year, String territory) {
        Map<String, SeriesCell> cells = new HashMap<>();
        for (SeriesCell cell : ledger.allCells()) {
            cells.put(cell.indicatorCode() + "|" + cell.period() + "|" + cell.territory(), cell);
        }
        Map<DeviationStatus, Integer> overall = counts();
        boolean synthetic = false;
        List<AxisSection> sections = new ArrayList<>();
        for (Axis axis : ledger.catalogue().axes()) {
            List<Row> progress = new ArrayList<>();
            List<Row> indicators = new ArrayList<>();
            Map<DeviationStatus, Integer> statuses = counts();
            for (Indicator indicator : ledger.catalogue().ofAxis(axis.number())) {
                if (indicator.periodicity() != Periodicity.YEAR) {
                    continue;
                }
                String place = indicator.territory() == null ? territory : indicator.territory();
                Row row = row(ledger, cells, indicator, place, year);
                synthetic |= row.synthetic();
                if (indicator.isComputed()) {
                    progress.add(row);
                } else {
                    indicators.add(row);
                    if (row.actual() != null) {
                        statuses.merge(row.deviation().status(), 1, Integer::sum);
                        overall.merge(row.deviation().status(), 1, Integer::sum);
                    }
                }
            }
            sections.add(new AxisSection(axis, progress, indicators, statuses));
        }
        return new AnnualReport(year, territory, overall, synthetic, sections);
    }

    private static Row row(
            ValueLedger ledger, Map<String, SeriesCell> cells, Indicator indicator, String place, int year) {
        Revision actual = current(cells, indicator, place, year);
        List<BigDecimal> trend = new ArrayList<>();
        for (int y = year - TREND_YEARS + 1; y <= year; y++) {
            Revision revision = current(cells, indicator, place, y);
            trend.add(revision == null ? null : revision.value());
        }
        Target target = ledger.target(indicator.code(), String.valueOf(year), place);
        return new Row(
                indicator,
                place,
                target == null ? null : target.baseline(),
                target == null ? null : target.target(),
                actual == null ? null : actual.value(),
                ledger.deviation(indicator, String.valueOf(year), place, actual),
                actual != null && actual.synthetic(),
                trend);
    }

    private static Revision current(Map<String, SeriesCell> cells, Indicator indicator, String place, int year) {
        SeriesCell cell = cells.get(indicator.code() + "|" + year + "|" + place);
        return cell == null ? null : cell.current().orElse(null);
    }

    private static Map<DeviationStatus, Integer> counts() {
        Map<DeviationStatus, Integer> counts = new EnumMap<>(DeviationStatus.class);
        for (DeviationStatus status : DeviationStatus.values()) {
            counts.put(status, 0);
        }
        return counts;
    }
}
