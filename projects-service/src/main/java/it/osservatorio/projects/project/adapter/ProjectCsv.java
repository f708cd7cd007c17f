package it.osservatorio.projects.project.adapter;

import it.osservatorio.contracts.projects.ProjectChanged;
import it.osservatorio.projects.project.application.ProjectImporter;
import it.osservatorio.projects.project.domain.Funding;
import it.osservatorio.projects.project.domain.Programme;
import it.osservatorio.projects.project.domain.ProgrammeKind;
import it.osservatorio.projects.project.domain.ProjectDetails;
import it.osservatorio.projects.project.domain.ProjectStatus;
import it.osservatorio.projects.validation.Violation;
import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * The CSV layout of projects, after OpenCoesione's open data (upper-case Italian column names, {@code ;} as
 * separator, amounts with a decimal point, ISO dates): written by the export, read by the import. Several comuni
 * are separated by {@code |}. TOT_PAGAMENTI and OC_AVANZAMENTO_FINANZIARIO are exported and ignored on import;
 * partners and milestones are not part of the layout.
 */
final class ProjectCsv {

    static final List<String> COLUMNS = List.of(
            "COD_LOCALE_PROGETTO",
            "CUP",
            "OC_TITOLO_PROGETTO",
            "OC_SINTESI_PROGETTO",
            "ACRONIMO",
            "OC_DESCR_PROGRAMMA",
            "NOME_PROGRAMMA",
            "PNRR_MISSIONE",
            "PNRR_COMPONENTE",
            "PNRR_INVESTIMENTO",
            "PROGRAMMA_INTERREG",
            "COD_BANDO",
            "ASSE_PATTO",
            "AZIONE_EMBLEMATICA",
            "ECOSISTEMA_S3",
            "COD_COMUNE",
            "OC_DATA_INIZIO_PROGETTO",
            "OC_DATA_FINE_PROGETTO_PREVISTA",
            "OC_STATO_PROGETTO",
            "FINANZ_TOTALE",
            "FINANZ_UE",
            "FINANZ_STATO",
            "FINANZ_REGIONE",
            "FINANZ_COMUNE",
            "FINANZ_PRIVATO",
            "TOT_PAGAMENTI",
            "OC_AVANZAMENTO_FINANZIARIO");

    private static final Set<String> EXPORT_ONLY =
            Set.of("COD_LOCALE_PROGETTO", "TOT_PAGAMENTI", "OC_AVANZAMENTO_FINANZIARIO");

    private static final CSVFormat WRITE = CSVFormat.DEFAULT
            .builder()
            .setDelimiter(';')
            .setHeader(COLUMNS.toArray(String[]::new))
            .setRecordSeparator("\r\n")
            .get();

    private static final CSVFormat READ = CSVFormat.DEFAULT
            .builder()
            .setDelimiter(';')
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true)
            .setTrim(true)
            .get();

    private ProjectCsv() {}

    static void write(List<ProjectChanged> projects, Writer out) {
        try (CSVPrinter printer = new CSVPrinter(out, WRITE)) {
            for (ProjectChanged p : projects) {
                ProjectChanged.Programme programme = p.programme();
                ProjectChanged.Funding f = p.funding();
                printer.printRecord(
                        p.projectId(),
                        p.cup(),
                        p.title(),
                        p.description(),
                        p.acronym(),
                        programme.kind(),
                        programme.name(),
                        programme.missione(),
                        programme.componente(),
                        programme.investimento(),
                        programme.interregProgramme(),
                        p.callId(),
                        p.axes().isEmpty()
                                ? null
                                : String.join(
                                        "|",
                                        p.axes().stream().map(String::valueOf).toList()),
                        p.emblematicAction(),
                        p.s3Ecosystem(),
                        String.join("|", p.comuniIstat()),
                        p.startDate(),
                        p.endDate(),
                        p.status(),
                        amount(p.totalCost()),
                        f == null ? null : amount(f.eu()),
                        f == null ? null : amount(f.national()),
                        f == null ? null : amount(f.regional()),
                        f == null ? null : amount(f.local()),
                        f == null ? null : amount(f.privateFunds()),
                        amount(p.spent()),
                        p.financialProgress() == null
                                ? null
                                : p.financialProgress().toPlainString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @throws InvalidCsvException when the header lacks a column or names an unknown one */
    static List<ProjectImporter.Row> read(Reader in) {
        List<ProjectImporter.Row> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(withoutByteOrderMark(in), READ)) {
            checkHeader(parser.getHeaderNames());
            for (CSVRecord record : parser) {
                rows.add(row(record, parser.getHeaderNames().size()));
            }
        } catch (IOException | UncheckedIOException e) {
            throw new InvalidCsvException("The file is not CSV in this layout: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new InvalidCsvException("The file is not CSV in this layout: " + e.getMessage());
        }
        return rows;
    }

    private static void checkHeader(List<String> header) {
        Set<String> expected = new TreeSet<>(COLUMNS);
        expected.removeAll(EXPORT_ONLY);
        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(header);
        Set<String> unknown = new TreeSet<>(header);
        unknown.removeAll(COLUMNS);
        if (!missing.isEmpty() || !unknown.isEmpty()) {
            throw new InvalidCsvException("The header row must name the columns " + String.join(";", COLUMNS)
                    + " (COD_LOCALE_PROGETTO, TOT_PAGAMENTI and OC_AVANZAMENTO_FINANZIARIO may be left out)"
                    + (missing.isEmpty() ? "" : "; missing: " + String.join(", ", missing))
                    + (unknown.isEmpty() ? "" : "; unknown: " + String.join(", ", unknown)));
        }
    }

    /** Spreadsheets often start a UTF-8 file with a byte order mark, which would otherwise join the first column. */
    private static Reader withoutByteOrderMark(Reader in) throws IOException {
        PushbackReader reader = new PushbackReader(in, 1);
        int first = reader.read();
        if (first != -1 && first != '\uFEFF') {
            reader.unread(first);
        }
        return reader;
    }

    private static ProjectImporter.Row row(CSVRecord record, int columns) {
        List<Violation> problems = new ArrayList<>();
        ProgrammeKind kind = enumValue(record, "OC_DESCR_PROGRAMMA", ProgrammeKind.class, problems);
        ProjectStatus status = enumValue(record, "OC_STATO_PROGETTO", ProjectStatus.class, problems);
        Integer axis = null;
        List<Integer> otherAxes = new ArrayList<>();
        String axisText = cell(record, "ASSE_PATTO");
        if (axisText != null) {
            try {
                for (String part : axisText.split("\\|")) {
                    int value = Integer.parseInt(part.trim());
                    if (axis == null) {
                        axis = value;
                    } else {
                        otherAxes.add(value);
                    }
                }
            } catch (NumberFormatException e) {
                axis = null;
                otherAxes.clear();
                problems.add(new Violation(
                        "ASSE_PATTO",
                        "must be a strategic axis 1 to 8, or several separated by | (e.g. 2|6), got '" + axisText
                                + "'"));
            }
        }
        String comuni = cell(record, "COD_COMUNE");
        Funding funding = null;
        BigDecimal eu = amount(record, "FINANZ_UE", problems);
        BigDecimal national = amount(record, "FINANZ_STATO", problems);
        BigDecimal regional = amount(record, "FINANZ_REGIONE", problems);
        BigDecimal local = amount(record, "FINANZ_COMUNE", problems);
        BigDecimal privateFunds = amount(record, "FINANZ_PRIVATO", problems);
        if (eu != null || national != null || regional != null || local != null || privateFunds != null) {
            funding = new Funding(eu, national, regional, local, privateFunds);
        }
        ProjectDetails details = new ProjectDetails(
                cell(record, "CUP"),
                cell(record, "OC_TITOLO_PROGETTO"),
                cell(record, "ACRONIMO"),
                cell(record, "OC_SINTESI_PROGETTO"),
                kind == null
                        ? null
                        : new Programme(
                                kind,
                                cell(record, "PNRR_MISSIONE"),
                                cell(record, "PNRR_COMPONENTE"),
                                cell(record, "PNRR_INVESTIMENTO"),
                                cell(record, "PROGRAMMA_INTERREG"),
                                cell(record, "NOME_PROGRAMMA")),
                cell(record, "COD_BANDO"),
                axis,
                cell(record, "AZIONE_EMBLEMATICA"),
                cell(record, "ECOSISTEMA_S3"),
                comuni == null ? List.of() : Arrays.asList(comuni.split("\\|")),
                date(record, "OC_DATA_INIZIO_PROGETTO", problems),
                date(record, "OC_DATA_FINE_PROGETTO_PREVISTA", problems),
                amount(record, "FINANZ_TOTALE", problems),
                funding,
                List.of(),
                List.of(),
                false,
                otherAxes);
        if (record.size() != columns) {
            problems.add(new Violation(
                    "row",
                    "has " + record.size() + " cells but the header names " + columns + " columns; give every column,"
                            + " leaving unknown values empty (e.g. ;;)"));
        }
        return new ProjectImporter.Row((int) record.getRecordNumber() + 1, details.cup(), details, status, problems);
    }

    private static String cell(CSVRecord record, String column) {
        if (!record.isMapped(column) || !record.isSet(column)) {
            return null;
        }
        String value = record.get(column);
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static BigDecimal amount(CSVRecord record, String column, List<Violation> problems) {
        String text = cell(record, column);
        if (text == null) {
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            problems.add(new Violation(
                    column, "must be an amount in EUR with a decimal point, e.g. 125000.50 (got '" + text + "')"));
            return null;
        }
    }

    private static LocalDate date(CSVRecord record, String column, List<Violation> problems) {
        String text = cell(record, column);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            problems.add(new Violation(column, "must be an ISO-8601 date, e.g. 2026-03-31 (got '" + text + "')"));
            return null;
        }
    }

    private static <E extends Enum<E>> E enumValue(
            CSVRecord record, String column, Class<E> type, List<Violation> problems) {
        String text = cell(record, column);
        if (text == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.toUpperCase(Locale.ROOT).replace("+", "_PLUS"));
        } catch (IllegalArgumentException e) {
            problems.add(new Violation(
                    column,
                    "'" + text + "' is not one of "
                            + String.join(
                                    ", ",
                                    Arrays.stream(type.getEnumConstants())
                                            .map(Enum::name)
                                            .toList())));
            return null;
        }
    }

    private static String amount(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

    /** The file as a whole cannot be read; answered as 400. */
    static final class InvalidCsvException extends RuntimeException {
        InvalidCsvException(String message) {
            super(message);
        }
    }
}
