package it.osservatorio.registry.importing.adapter;

import it.osservatorio.registry.importing.application.ImportFileParser;
import it.osservatorio.registry.importing.application.InvalidImportFileException;
import it.osservatorio.registry.importing.domain.ImportColumns;
import it.osservatorio.registry.importing.domain.RowInput;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads import files: UTF-8 only (a byte order mark is skipped); CSV (RFC 4180 via Apache Commons CSV, comma or
 * semicolon separated, with a header naming {@link ImportColumns}) or a JSON array of the objects
 * {@code POST /organisations} takes. Anything unreadable is an {@link InvalidImportFileException}.
 */
@Component
class ImportFiles implements ImportFileParser {

    private static final Set<String> JSON_FIELDS = Set.of(
            "legalName",
            "type",
            "sizeClass",
            "category",
            "partitaIva",
            "codiceFiscale",
            "atecoCode",
            "address",
            "website",
            "ecosystems",
            "externalId",
            "synthetic");
    private static final Set<String> ADDRESS_FIELDS = Set.of("street", "comune", "comuneIstat", "province", "region");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public List<RowInput> parse(ImportFormat format, byte[] content) {
        String text = decode(content);
        if (text.isBlank()) {
            throw new InvalidImportFileException(
                    "The file is empty; send a header line naming the columns and at least one row");
        }
        List<RowInput> rows = format == ImportFormat.CSV ? csv(text) : json(text);
        if (rows.isEmpty()) {
            throw new InvalidImportFileException("The file has no rows to import");
        }
        return rows;
    }

    static String decode(byte[] content) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.wrap(content);
        CharBuffer text;
        try {
            text = decoder.decode(bytes);
        } catch (CharacterCodingException e) {
            throw new InvalidImportFileException("The file must be encoded in UTF-8, but the byte at offset "
                    + bytes.position() + " is not valid UTF-8; save it again as UTF-8 (in a spreadsheet: 'CSV UTF-8')");
        }
        String decoded = text.toString();
        return decoded.startsWith("\uFEFF") ? decoded.substring(1) : decoded;
    }

    private static List<RowInput> csv(String text) {
        int newline = text.indexOf('\n');
        String headerLine = newline < 0 ? text : text.substring(0, newline);
        char delimiter = headerLine.indexOf(',') < 0 && headerLine.indexOf(';') >= 0 ? ';' : ',';
        CSVFormat format = CSVFormat.RFC4180
                .builder()
                .setDelimiter(delimiter)
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true)
                .setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW)
                .get();
        List<RowInput> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            List<String> header =
                    parser.getHeaderNames().stream().map(String::trim).toList();
            List<String> unknown = header.stream()
                    .filter(name -> !ImportColumns.ALL.contains(name) && !ImportColumns.EXPORT_ONLY.contains(name))
                    .toList();
            if (!unknown.isEmpty()) {
                throw unknownColumns(unknown);
            }
            for (CSVRecord record : parser) {
                if (record.size() != header.size()) {
                    throw new InvalidImportFileException("Malformed CSV: the record at line "
                            + record.getParser().getCurrentLineNumber() + " has " + record.size()
                            + " values but the header names " + header.size()
                            + " columns; quote values that contain the separator '" + delimiter + "'");
                }
                Map<String, String> values = new HashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    if (ImportColumns.ALL.contains(header.get(i))) {
                        values.put(header.get(i), record.get(i));
                    }
                }
                rows.add(new RowInput((int) record.getRecordNumber() + 1, values));
            }
        } catch (IllegalArgumentException e) {
            throw new InvalidImportFileException("Malformed CSV header: " + e.getMessage());
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new InvalidImportFileException("Malformed CSV: " + rootMessage(e)
                    + "; check that every quote is closed and quotes inside values are doubled");
        }
        return rows;
    }

    private static List<RowInput> json(String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JacksonException e) {
            throw new InvalidImportFileException("The file is not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isArray()) {
            throw new InvalidImportFileException(
                    "The JSON file must be an array of organisations, each as POST /organisations takes it");
        }
        Set<String> unknown = new LinkedHashSet<>();
        List<RowInput> rows = new ArrayList<>();
        int row = 0;
        for (JsonNode element : root) {
            row++;
            if (!element.isObject()) {
                throw new InvalidImportFileException("Element " + row + " of the array is not an object");
            }
            Map<String, String> values = new HashMap<>();
            for (Map.Entry<String, JsonNode> field : element.properties()) {
                String name = field.getKey();
                JsonNode value = field.getValue();
                if (ImportColumns.EXPORT_ONLY.contains(name)) {
                    continue;
                } else if (!JSON_FIELDS.contains(name)) {
                    unknown.add(name);
                } else if (name.equals("address") && value.isObject()) {
                    for (Map.Entry<String, JsonNode> part : value.properties()) {
                        if (ADDRESS_FIELDS.contains(part.getKey())) {
                            putUnlessNull(
                                    values, part.getKey(), scalar(row, "address." + part.getKey(), part.getValue()));
                        } else {
                            unknown.add("address." + part.getKey());
                        }
                    }
                } else if (name.equals("ecosystems") && value.isArray()) {
                    List<String> ecosystems = new ArrayList<>();
                    int i = 0;
                    for (JsonNode ecosystem : value) {
                        String each = scalar(row, "ecosystems[" + i++ + "]", ecosystem);
                        if (each != null) {
                            ecosystems.add(each);
                        }
                    }
                    values.put(name, String.join(ImportColumns.ECOSYSTEM_SEPARATOR, ecosystems));
                } else {
                    putUnlessNull(values, name, scalar(row, name, value));
                }
            }
            rows.add(new RowInput(row, values));
        }
        if (!unknown.isEmpty()) {
            List<String> allowed = new ArrayList<>(JSON_FIELDS.stream().sorted().toList());
            ADDRESS_FIELDS.stream().sorted().forEach(f -> allowed.add("address." + f));
            throw new InvalidImportFileException(
                    "Unknown field(s) " + String.join(", ", unknown) + "; allowed fields are "
                            + String.join(", ", allowed),
                    allowed);
        }
        return rows;
    }

    /** A JSON null (as the export writes for an empty field) means the same as a missing field. */
    private static void putUnlessNull(Map<String, String> values, String name, String value) {
        if (value != null) {
            values.put(name, value);
        }
    }

    private static String scalar(int row, String field, JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isContainer()) {
            throw new InvalidImportFileException("Element " + row + ": " + field + " must be "
                    + (field.equals("address") ? "an object" : "a single value, not " + value.getNodeType()));
        }
        return value.asString();
    }

    private static InvalidImportFileException unknownColumns(List<String> unknown) {
        return new InvalidImportFileException(
                "Unknown column(s) " + unknown.stream().map(c -> "'" + c + "'").collect(Collectors.joining(", "))
                        + "; allowed columns are " + String.join(", ", ImportColumns.ALL) + " (an export's "
                        + String.join(", ", ImportColumns.EXPORT_ONLY) + " are accepted and ignored)",
                ImportColumns.ALL);
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
