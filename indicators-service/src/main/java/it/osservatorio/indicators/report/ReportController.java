package it.osservatorio.indicators.report;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.osservatorio.contracts.indicators.DeviationStatus;
import it.osservatorio.contracts.indicators.SeriesKey;
import it.osservatorio.indicators.values.application.ValueLedger;
import it.osservatorio.platform.web.InvalidFieldException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Annual report", description = "The monitoring unit's yearly report to the steering committee")
class ReportController {

    private static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);
    private static final MediaType HTML = new MediaType("text", "html", java.nio.charset.StandardCharsets.UTF_8);

    private final ValueLedger ledger;

    ReportController(ValueLedger ledger) {
        this.ledger = ledger;
    }

    @GetMapping("/reports/annual")
    @Operation(
            summary = "Annual monitoring report per axis and overall, as HTML or CSV",
            description = "Per axis: projects' progress, and each indicator's baseline, target, actual, deviation and"
                    + " status for the year, with the trend over five years. Synthetic (illustrative) values are"
                    + " flagged.")
    ResponseEntity<String> annual(
            @RequestParam int year,
            @RequestParam(defaultValue = "html") String format,
            @RequestParam(defaultValue = "PROVINCE:CR") String territory) {
        if (year < 1990 || year > 2100) {
            throw new InvalidFieldException("year", "must be a year between 1990 and 2100");
        }
        if (!SeriesKey.TERRITORY.matcher(territory).matches()) {
            throw new InvalidFieldException("territory", "must be like PROVINCE:CR, REGION:03 or COMUNE:019036");
        }
        String kind = format.toLowerCase(Locale.ROOT);
        if (!kind.equals("html") && !kind.equals("csv")) {
            throw new InvalidFieldException("format", "must be html or csv");
        }
        AnnualReport report = AnnualReport.build(ledger, year, territory);
        String filename = "rapporto-monitoraggio-" + year + "." + kind;
        return ResponseEntity.ok()
                .contentType(kind.equals("csv") ? CSV : HTML)
                .header("Content-Disposition", "inline; filename=\"" + filename + "\"")
                .body(kind.equals("csv") ? csv(report) : html(report));
    }

    static String csv(AnnualReport report) {
        StringBuilder out = new StringBuilder();
        out.append("axis,axisName,section,code,name,unit,territory,year,baseline,target,actual,deviation,"
                + "deviationPercent,status,synthetic");
        for (int y = report.year() - AnnualReport.TREND_YEARS + 1; y <= report.year(); y++) {
            out.append(",value").append(y);
        }
        out.append('\n');
        for (AnnualReport.AxisSection section : report.axes()) {
            for (AnnualReport.Row row : section.progress()) {
                line(out, report, section, "progress", row);
            }
            for (AnnualReport.Row row : section.indicators()) {
                line(out, report, section, "indicator", row);
            }
        }
        return out.toString();
    }

    private static void line(
            StringBuilder out,
            AnnualReport report,
            AnnualReport.AxisSection section,
            String kind,
            AnnualReport.Row row) {
        List<Object> cells = new java.util.ArrayList<>(List.of(
                section.axis().number(),
                section.axis().name(),
                kind,
                row.indicator().code(),
                row.indicator().nameIt(),
                text(row.indicator().unit()),
                row.territory(),
                report.year(),
                text(row.baseline()),
                text(row.target()),
                text(row.actual()),
                text(row.deviation().absolute()),
                text(row.deviation().percent()),
                row.actual() == null ? "" : row.deviation().status().name(),
                row.synthetic()));
        row.trend().forEach(v -> cells.add(text(v)));
        out.append(String.join(
                        ",", cells.stream().map(ReportController::escapeCsv).toList()))
                .append('\n');
    }

    static String html(AnnualReport report) {
        StringBuilder out = new StringBuilder();
        out.append("<!DOCTYPE html>\n<html lang=\"it\"><head><meta charset=\"utf-8\"><title>Rapporto annuale di"
                        + " monitoraggio ")
                .append(report.year())
                .append("</title><style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;"
                        + "margin-bottom:1.5em}td,th{border:1px solid #bbb;padding:.3em .5em;text-align:right}"
                        + "td:nth-child(-n+2),th{text-align:left}.ON_TRACK{background:#d9f2d9}.AT_RISK{background:"
                        + "#fff2cc}.OFF_TRACK{background:#f8d0d0}.synthetic{color:#a60}</style></head><body>\n");
        out.append("<h1>Patto per lo sviluppo in provincia di Cremona — Rapporto annuale di monitoraggio ")
                .append(report.year())
                .append("</h1>\n<p>Territorio: ")
                .append(escape(report.territory()))
                .append(". Per asse strategico: avanzamento dei progetti e indicatori con baseline, target, valore,"
                        + " scostamento e stato.</p>\n");
        if (report.hasSynthetic()) {
            out.append("<p class=\"synthetic\"><strong>Attenzione:</strong> i valori segnati * sono illustrativi"
                    + " (synthetic), generati per la demo: non sono statistiche reali.</p>\n");
        }
        out.append("<h2>Quadro complessivo</h2>\n").append(statuses(report.overall()));
        for (AnnualReport.AxisSection section : report.axes()) {
            out.append("<h2>Asse ")
                    .append(section.axis().number())
                    .append(" — ")
                    .append(escape(section.axis().name()))
                    .append("</h2>\n")
                    .append(statuses(section.statuses()));
            out.append("<h3>Avanzamento dei progetti</h3>\n<p>Valori calcolati dagli eventi dei progetti e dei bandi,"
                    + " riferiti all'anno dell'ultimo evento: vuoto se nell'anno non ve ne sono stati.</p>\n");
            table(out, report, section.progress());
            out.append("<h3>Indicatori</h3>\n");
            table(out, report, section.indicators());
        }
        out.append("</body></html>\n");
        return out.toString();
    }

    private static void table(StringBuilder out, AnnualReport report, List<AnnualReport.Row> rows) {
        out.append("<table><tr><th>Codice</th><th>Indicatore</th><th>Unità</th><th>Baseline</th><th>Target</th>"
                        + "<th>Valore ")
                .append(report.year())
                .append("</th><th>Scostamento</th><th>Scostamento %</th><th>Stato</th>");
        for (int y = report.year() - AnnualReport.TREND_YEARS + 1; y <= report.year(); y++) {
            out.append("<th>").append(y).append("</th>");
        }
        out.append("</tr>\n");
        for (AnnualReport.Row row : rows) {
            String status = row.actual() == null ? "" : row.deviation().status().name();
            out.append("<tr class=\"")
                    .append(status)
                    .append("\"><td>")
                    .append(escape(row.indicator().code()))
                    .append("</td><td>")
                    .append(escape(row.indicator().nameIt()))
                    .append("</td><td>")
                    .append(escape(text(row.indicator().unit())))
                    .append("</td><td>")
                    .append(text(row.baseline()))
                    .append("</td><td>")
                    .append(text(row.target()))
                    .append("</td><td>")
                    .append(text(row.actual()))
                    .append(row.synthetic() ? "*" : "")
                    .append("</td><td>")
                    .append(text(row.deviation().absolute()))
                    .append("</td><td>")
                    .append(text(row.deviation().percent()))
                    .append("</td><td>")
                    .append(
                            status.isEmpty()
                                    ? "nessun valore"
                                    : label(row.deviation().status()))
                    .append("</td>");
            row.trend().forEach(v -> out.append("<td>").append(text(v)).append("</td>"));
            out.append("</tr>\n");
        }
        out.append("</table>\n");
    }

    private static String statuses(Map<DeviationStatus, Integer> counts) {
        StringBuilder out = new StringBuilder("<p>");
        counts.forEach((status, count) ->
                out.append(label(status)).append(": ").append(count).append(" · "));
        out.setLength(out.length() - 3);
        return out.append("</p>\n").toString();
    }

    private static String label(DeviationStatus status) {
        return switch (status) {
            case ON_TRACK -> "in linea";
            case AT_RISK -> "a rischio";
            case OFF_TRACK -> "fuori traiettoria";
            case NO_TARGET -> "senza target";
        };
    }

    private static String text(Object value) {
        if (value == null) {
            return "";
        }
        return value instanceof BigDecimal number ? number.toPlainString() : value.toString();
    }

    private static String escape(String text) {
        return text == null
                ? ""
                : text.replace("&", "&amp;")
                        .replace("<", "&lt;")
                        .replace(">", "&gt;")
                        .replace("\"", "&quot;");
    }

    private static String escapeCsv(Object value) {
        String text = value == null ? "" : value.toString();
        if (text.contains(",") || text.contains("\"") || text.contains("\n")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
