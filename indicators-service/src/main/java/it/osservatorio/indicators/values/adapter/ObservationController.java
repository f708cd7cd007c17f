package it.osservatorio.indicators.values.adapter;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.osservatorio.contracts.indicators.IndicatorValueChanged;
import it.osservatorio.contracts.indicators.ObservationSubmitted;
import it.osservatorio.indicators.catalogue.domain.Indicator;
import it.osservatorio.indicators.values.application.SubmissionOutcome;
import it.osservatorio.indicators.values.application.SubmissionOutcome.Result;
import it.osservatorio.indicators.values.application.ValueLedger;
import it.osservatorio.indicators.values.domain.Problem;
import it.osservatorio.indicators.values.domain.SeriesCell;
import it.osservatorio.platform.security.CallerIdentity;
import it.osservatorio.platform.security.OwnershipViolationException;
import it.osservatorio.platform.web.ConflictException;
import it.osservatorio.platform.web.FieldProblem;
import it.osservatorio.platform.web.InvalidFieldException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Observations", description = "Values of observed indicators submitted by institutions")
class ObservationController {

    static final List<String> CSV_HEADER = List.of(
            "indicatorCode", "period", "territory", "value", "unit", "source", "submissionId", "synthetic", "note");
    private static final int MAX_ROWS = 50_000;

    private final ValueLedger ledger;

    ObservationController(ValueLedger ledger) {
        this.ledger = ledger;
    }

    record ObservationRequest(
            String submissionId,
            String indicatorCode,
            String period,
            String territory,
            BigDecimal value,
            String unit,
            String source,
            Boolean synthetic,
            String note) {}

    @PostMapping(path = "/observations", consumes = "application/json")
    @Operation(
            summary = "Submits one value of an observed indicator",
            description = "201 with the cell's state when it is a new value or a correction (a new revision); 200 when"
                    + " it equals the current value or repeats a submissionId; 409 when the submissionId was used for"
                    + " another value; 403 when the cell's values come from another institution (only it, or an"
                    + " administrator, may correct them).")
    ResponseEntity<IndicatorValueChanged> submit(@RequestBody ObservationRequest body) {
        CallerIdentity caller = CallerIdentity.require();
        ObservationSubmitted observation = new ObservationSubmitted(
                body.submissionId() == null || body.submissionId().isBlank()
                        ? "rest-" + UUID.randomUUID()
                        : body.submissionId(),
                trim(body.indicatorCode()),
                trim(body.period()),
                trim(body.territory()),
                body.value(),
                trim(body.unit()),
                trim(body.source()),
                caller.institutionId(),
                Boolean.TRUE.equals(body.synthetic()),
                body.note(),
                Instant.now());
        SubmissionOutcome outcome =
                ledger.submit(List.of(observation), false, caller.isAdmin()).getFirst();
        if (outcome.result() == Result.FORBIDDEN) {
            throw new OwnershipViolationException(
                    "Observation refused: " + outcome.problems().getFirst().message());
        }
        if (outcome.result() == Result.INVALID) {
            throw new InvalidFieldException(fieldProblems(outcome.problems()));
        }
        URI location = location(observation.indicatorCode(), observation.period(), observation.territory());
        if (outcome.result() == Result.CONFLICT) {
            throw new ConflictException(outcome.reason(), location);
        }
        SeriesCell cell = ledger.cell(outcome.seriesKey()).orElseThrow();
        Indicator indicator =
                ledger.catalogue().find(observation.indicatorCode()).orElseThrow();
        IndicatorValueChanged view = ledger.view(
                indicator,
                cell,
                cell.current().orElseThrow(),
                cell.current().orElseThrow().revision() == 1
                        ? IndicatorValueChanged.Change.OBSERVED
                        : IndicatorValueChanged.Change.CORRECTED);
        boolean written = outcome.result() == Result.CREATED || outcome.result() == Result.CORRECTED;
        return ResponseEntity.status(written ? HttpStatus.CREATED : HttpStatus.OK)
                .location(location)
                .body(view);
    }

    record RowReport(int line, String seriesKey, Result result, Integer revision, List<FieldProblem> errors) {}

    record ImportReport(boolean dryRun, int rows, Map<Result, Integer> counts, List<RowReport> results) {}

    @PostMapping(
            path = "/observations/imports",
            consumes = {"text/csv", "text/plain"})
    @Operation(
            summary = "Imports observations from CSV, with a report per row",
            description = "UTF-8, header indicatorCode,period,territory,value,unit,source,submissionId,synthetic,note."
                    + " Valid rows are stored, the others reported with what to fix; with dryRun=true nothing is"
                    + " written. A row without submissionId gets one derived from its content, so importing the same"
                    + " file again changes nothing. A row for a cell whose values come from another institution is"
                    + " reported FORBIDDEN and not written.")
    ImportReport importCsv(@RequestBody String body, @RequestParam(defaultValue = "false") boolean dryRun) {
        CallerIdentity caller = CallerIdentity.require();
        List<String> lines = Csv.lines(body == null ? "" : body);
        if (lines.isEmpty()) {
            throw new InvalidFieldException(
                    "body",
                    "is empty: send a header line " + String.join(",", CSV_HEADER) + " and one line per observation");
        }
        List<String> header =
                Csv.fields(lines.getFirst()).stream().map(String::trim).toList();
        if (!header.equals(CSV_HEADER)) {
            throw new InvalidFieldException(
                    "header", "must be exactly " + String.join(",", CSV_HEADER) + " (got " + lines.getFirst() + ")");
        }
        if (lines.size() - 1 > MAX_ROWS) {
            throw new InvalidFieldException("body", "has " + (lines.size() - 1) + " rows; send at most " + MAX_ROWS);
        }
        List<ObservationSubmitted> observations = new ArrayList<>();
        List<Integer> lineNumbers = new ArrayList<>();
        List<RowReport> reports = new ArrayList<>();
        Instant now = Instant.now();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            List<String> cells = Csv.fields(line);
            if (cells.size() != CSV_HEADER.size()) {
                reports.add(new RowReport(
                        i + 1,
                        null,
                        Result.INVALID,
                        null,
                        List.of(new FieldProblem(
                                "row", "has " + cells.size() + " cells; the header has " + CSV_HEADER.size()))));
                continue;
            }
            List<FieldProblem> problems = new ArrayList<>();
            BigDecimal value = null;
            String valueText = cells.get(3).trim();
            if (!valueText.isEmpty()) {
                try {
                    value = new BigDecimal(valueText);
                } catch (NumberFormatException e) {
                    problems.add(new FieldProblem("value", "'" + valueText + "' is not a number (use a dot: 12.5)"));
                }
            }
            String syntheticText = cells.get(7).trim().toLowerCase(Locale.ROOT);
            if (!syntheticText.isEmpty() && !syntheticText.equals("true") && !syntheticText.equals("false")) {
                problems.add(new FieldProblem("synthetic", "must be true, false or empty"));
            }
            if (!problems.isEmpty()) {
                reports.add(new RowReport(i + 1, null, Result.INVALID, null, problems));
                continue;
            }
            String submissionId = blankToNull(cells.get(6));
            if (submissionId == null) {
                submissionId = "csv-" + sha256(caller.institutionId() + "\n" + line.trim());
            }
            observations.add(new ObservationSubmitted(
                    submissionId,
                    blankToNull(cells.get(0)),
                    blankToNull(cells.get(1)),
                    blankToNull(cells.get(2)),
                    value,
                    blankToNull(cells.get(4)),
                    blankToNull(cells.get(5)),
                    caller.institutionId(),
                    syntheticText.equals("true"),
                    blankToNull(cells.get(8)),
                    now));
            lineNumbers.add(i + 1);
        }
        for (SubmissionOutcome outcome : ledger.submit(observations, dryRun, caller.isAdmin())) {
            reports.add(new RowReport(
                    lineNumbers.get(outcome.index()),
                    outcome.seriesKey(),
                    outcome.result(),
                    outcome.revision(),
                    fieldProblems(outcome.problems())));
        }
        reports.sort(java.util.Comparator.comparingInt(RowReport::line));
        Map<Result, Integer> counts = new EnumMap<>(Result.class);
        for (Result result : Result.values()) {
            counts.put(result, 0);
        }
        reports.forEach(r -> counts.merge(r.result(), 1, Integer::sum));
        return new ImportReport(dryRun, reports.size(), counts, reports);
    }

    static URI location(String code, String period, String territory) {
        return URI.create("/indicators/" + code + "/values/" + period + "?territory="
                + URLEncoder.encode(territory, StandardCharsets.UTF_8));
    }

    private static List<FieldProblem> fieldProblems(List<Problem> problems) {
        return problems.stream()
                .map(p -> new FieldProblem(p.field(), p.message()))
                .toList();
    }

    private static String trim(String value) {
        return value == null ? null : value.trim();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)))
                    .substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
