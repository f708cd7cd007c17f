package it.osservatorio.indicators.values.adapter;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.osservatorio.contracts.indicators.DeviationStatus;
import it.osservatorio.contracts.indicators.IndicatorValueChanged;
import it.osservatorio.contracts.indicators.IndicatorValueChanged.Change;
import it.osservatorio.contracts.indicators.SeriesKey;
import it.osservatorio.indicators.catalogue.domain.Axis;
import it.osservatorio.indicators.catalogue.domain.Indicator;
import it.osservatorio.indicators.values.application.ValueLedger;
import it.osservatorio.indicators.values.domain.Revision;
import it.osservatorio.indicators.values.domain.SeriesCell;
import it.osservatorio.indicators.values.domain.Target;
import it.osservatorio.platform.security.CallerIdentity;
import it.osservatorio.platform.web.FieldProblem;
import it.osservatorio.platform.web.InvalidFieldException;
import it.osservatorio.platform.web.ResourceNotFoundException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Indicator values", description = "Series, values as known at an instant, targets, per-axis summary")
class ValuesController {

    static final String DEFAULT_TERRITORY = "PROVINCE:CR";

    private final ValueLedger ledger;

    ValuesController(ValueLedger ledger) {
        this.ledger = ledger;
    }

    @GetMapping("/indicators/{code}/series")
    @Operation(summary = "The indicator's values per period in one territory, as known now or at an instant")
    List<IndicatorValueChanged> series(
            @PathVariable String code,
            @Parameter(description = "REGION:03, PROVINCE:CR or COMUNE:019036; default: the indicator's own")
                    @RequestParam(required = false)
                    String territory,
            @Parameter(description = "ISO-8601 instant, e.g. 2026-01-31T00:00:00Z") @RequestParam(required = false)
                    String asOf) {
        Indicator indicator = indicator(code);
        String place = territory(indicator, territory);
        Instant instant = asOf(asOf);
        return ledger.cells(code).stream()
                .filter(cell -> cell.territory().equals(place))
                .sorted(Comparator.comparing(SeriesCell::period))
                .map(cell -> view(indicator, cell, instant))
                .flatMap(Optional::stream)
                .toList();
    }

    record ValueWithHistory(IndicatorValueChanged value, List<Revision> revisions, List<Target> targetHistory) {}

    @GetMapping("/indicators/{code}/values/{period}")
    @Operation(summary = "One value with its revisions and the history of its targets; asOf gives it as known then")
    ValueWithHistory value(
            @PathVariable String code,
            @PathVariable String period,
            @RequestParam(required = false) String territory,
            @RequestParam(required = false) String asOf) {
        Indicator indicator = indicator(code);
        String place = territory(indicator, territory);
        checkPeriod(indicator, period);
        Instant instant = asOf(asOf);
        String key = SeriesKey.of(code, period, place);
        SeriesCell cell = ledger.cell(key).orElseThrow(() -> new ResourceNotFoundException("Value", key));
        IndicatorValueChanged view = view(indicator, cell, instant)
                .orElseThrow(() -> new ResourceNotFoundException("Value known at " + asOf, key));
        List<Revision> revisions = cell.revisions().stream()
                .filter(r -> instant == null || !r.knownAt().isAfter(instant))
                .toList();
        return new ValueWithHistory(view, revisions, ledger.targetHistory(code, period, place));
    }

    record TargetRequest(
            BigDecimal baseline,
            BigDecimal target,
            BigDecimal atRiskPercent,
            BigDecimal offTrackPercent,
            String note) {}

    @PutMapping("/indicators/{code}/targets/{period}")
    @Operation(
            summary = "Sets baseline and target for a period (admin only), with a note of why",
            description = "The caller is recorded as who decided. Thresholds are optional (defaults: at risk beyond"
                    + " 5 %, off track beyond 15 % worse than the target).")
    Target setTarget(
            @PathVariable String code,
            @PathVariable String period,
            @RequestParam(required = false) String territory,
            @RequestBody TargetRequest body) {
        CallerIdentity caller = CallerIdentity.require();
        caller.requireAdmin("Setting a target");
        Indicator indicator = indicator(code);
        String place = territory(indicator, territory);
        checkPeriod(indicator, period);
        List<FieldProblem> problems = new ArrayList<>();
        if (body.baseline() == null && body.target() == null) {
            problems.add(new FieldProblem("target", "give a target, a baseline or both"));
        }
        for (var entry : Map.of(
                        "baseline", Optional.ofNullable(body.baseline()), "target", Optional.ofNullable(body.target()))
                .entrySet()) {
            entry.getValue()
                    .map(indicator::rangeProblem)
                    .ifPresent(p -> problems.add(new FieldProblem(entry.getKey(), p)));
        }
        if (body.atRiskPercent() != null && body.atRiskPercent().signum() < 0) {
            problems.add(new FieldProblem("atRiskPercent", "must not be negative"));
        }
        BigDecimal atRisk = body.atRiskPercent() == null ? ledger.defaults().atRiskPercent() : body.atRiskPercent();
        BigDecimal offTrack =
                body.offTrackPercent() == null ? ledger.defaults().offTrackPercent() : body.offTrackPercent();
        if (offTrack.compareTo(atRisk) < 0) {
            problems.add(new FieldProblem("offTrackPercent", "must not be less than atRiskPercent (" + atRisk + ")"));
        }
        if (body.note() == null || body.note().isBlank()) {
            problems.add(new FieldProblem(
                    "note",
                    "is required: who decided and why, e.g. 'Comitato strategico, " + "seduta del 12/03/2026'"));
        } else if (body.note().length() > 1000) {
            problems.add(new FieldProblem("note", "must have at most 1000 characters"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidFieldException(problems);
        }
        Target target = new Target(
                code,
                period,
                place,
                body.baseline(),
                body.target(),
                body.atRiskPercent(),
                body.offTrackPercent(),
                body.note().trim(),
                caller.institutionId(),
                Instant.now());
        ledger.setTarget(target);
        return target;
    }

    @GetMapping("/indicators/{code}/targets")
    @Operation(summary = "The current baselines and targets of an indicator, every period and territory")
    List<Target> targets(@PathVariable String code) {
        indicator(code);
        return ledger.targets().stream()
                .filter(t -> t.indicatorCode().equals(code))
                .sorted(Comparator.comparing(Target::period).thenComparing(Target::territory))
                .toList();
    }

    record IndicatorStatus(String code, String nameIt, String kind, String territory, IndicatorValueChanged latest) {}

    record AxisSummary(
            Axis axis,
            String period,
            Map<DeviationStatus, Integer> statuses,
            int withoutValue,
            List<IndicatorStatus> indicators) {}

    @GetMapping("/summary")
    @Operation(summary = "Per axis: each indicator's value for the period (default: its latest), deviation and status")
    List<AxisSummary> summary(
            @Parameter(description = "e.g. 2025; default: each indicator's latest period")
                    @RequestParam(required = false)
                    String period,
            @RequestParam(required = false) Integer axis) {
        if (period != null && !SeriesKey.PERIOD.matcher(period).matches()) {
            throw new InvalidFieldException("period", "'" + period + "' is not a year (2025), quarter or month");
        }
        if (axis != null && ledger.catalogue().axis(axis).isEmpty()) {
            throw new InvalidFieldException("axis", "must be an axis of the pact, 1 to 8");
        }
        List<SeriesCell> cells = ledger.allCells();
        List<AxisSummary> summaries = new ArrayList<>();
        for (Axis each : ledger.catalogue().axes()) {
            if (axis != null && each.number() != axis) {
                continue;
            }
            Map<DeviationStatus, Integer> statuses = new EnumMap<>(DeviationStatus.class);
            for (DeviationStatus status : DeviationStatus.values()) {
                statuses.put(status, 0);
            }
            int withoutValue = 0;
            List<IndicatorStatus> rows = new ArrayList<>();
            for (Indicator indicator : ledger.catalogue().ofAxis(each.number())) {
                String place = indicator.territory() == null ? DEFAULT_TERRITORY : indicator.territory();
                Optional<SeriesCell> cell = cells.stream()
                        .filter(c -> c.indicatorCode().equals(indicator.code())
                                && c.territory().equals(place))
                        .filter(c -> period == null || c.period().equals(period))
                        .max(Comparator.comparing(SeriesCell::period));
                IndicatorValueChanged latest =
                        cell.flatMap(c -> view(indicator, c, null)).orElse(null);
                if (latest == null) {
                    withoutValue++;
                } else {
                    statuses.merge(latest.status(), 1, Integer::sum);
                }
                rows.add(new IndicatorStatus(
                        indicator.code(), indicator.nameIt(), indicator.kind().name(), place, latest));
            }
            summaries.add(new AxisSummary(each, period, statuses, withoutValue, rows));
        }
        return summaries;
    }

    private Optional<IndicatorValueChanged> view(Indicator indicator, SeriesCell cell, Instant asOf) {
        Optional<Revision> revision = asOf == null ? cell.current() : cell.asOf(asOf);
        return revision.map(r -> ledger.view(
                indicator,
                cell,
                r,
                indicator.isComputed() ? Change.COMPUTED : r.revision() == 1 ? Change.OBSERVED : Change.CORRECTED));
    }

    private Indicator indicator(String code) {
        return ledger.catalogue().find(code).orElseThrow(() -> new ResourceNotFoundException("Indicator", code));
    }

    private static String territory(Indicator indicator, String territory) {
        if (territory == null || territory.isBlank()) {
            return indicator.territory() == null ? DEFAULT_TERRITORY : indicator.territory();
        }
        if (!SeriesKey.TERRITORY.matcher(territory.trim()).matches()) {
            throw new InvalidFieldException(
                    "territory",
                    "'" + territory + "' is not REGION:<2-digit ISTAT code>, PROVINCE:<2-letter code> or"
                            + " COMUNE:<6-digit ISTAT code>, e.g. PROVINCE:CR");
        }
        return territory.trim();
    }

    private static void checkPeriod(Indicator indicator, String period) {
        if (!indicator.periodicity().accepts(period)) {
            throw new InvalidFieldException(
                    "period",
                    "'" + period + "' is not a period of " + indicator.code() + ": give "
                            + indicator.periodicity().example());
        }
    }

    private static Instant asOf(String asOf) {
        if (asOf == null || asOf.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(asOf.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException(
                    "asOf", "'" + asOf + "' is not an ISO-8601 instant, e.g. 2026-01-31T00:00:00Z");
        }
    }
}
