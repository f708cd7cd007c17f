package it.osservatorio.registry.organisation.adapter;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import it.osservatorio.registry.organisation.domain.Address;
import it.osservatorio.registry.organisation.domain.Organisation;
import it.osservatorio.registry.organisation.domain.OrganisationDetails;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.SequenceWriter;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * Writes a selection of organisations as CSV (RFC 4180: header row, CRLF, fields quoted when they hold a comma, a
 * quote or a line break, UTF-8) or as a JSON array of the API's representation, one organisation at a time.
 */
final class OrganisationExport {

    private static final CsvMapper CSV =
            CsvMapper.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();
    private static final CsvSchema SCHEMA =
            CSV.schemaFor(Row.class).withHeader().withLineSeparator("\r\n");

    private final JsonMapper json;

    OrganisationExport(JsonMapper json) {
        this.json = json.rebuild().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();
    }

    void csv(List<Organisation> organisations, OutputStream out) throws IOException {
        try (SequenceWriter writer = CSV.writer(SCHEMA).writeValues(out)) {
            for (Organisation organisation : organisations) {
                writer.write(Row.of(organisation));
            }
        }
        out.flush();
    }

    void json(List<Organisation> organisations, OutputStream out) throws IOException {
        try (SequenceWriter writer = json.writer().writeValuesAsArray(out)) {
            for (Organisation organisation : organisations) {
                writer.write(OrganisationResponse.of(organisation));
            }
        }
        out.flush();
    }

    /** One CSV line; ecosystems are joined with "; ". */
    @JsonPropertyOrder({
        "id",
        "version",
        "ownerInstitutionId",
        "legalName",
        "type",
        "sizeClass",
        "category",
        "partitaIva",
        "codiceFiscale",
        "atecoCode",
        "street",
        "comune",
        "comuneIstat",
        "province",
        "region",
        "website",
        "ecosystems",
        "externalId",
        "synthetic",
        "createdAt",
        "updatedAt"
    })
    record Row(
            String id,
            long version,
            String ownerInstitutionId,
            String legalName,
            String type,
            String sizeClass,
            String category,
            String partitaIva,
            String codiceFiscale,
            String atecoCode,
            String street,
            String comune,
            String comuneIstat,
            String province,
            String region,
            String website,
            String ecosystems,
            String externalId,
            boolean synthetic,
            String createdAt,
            String updatedAt) {

        static Row of(Organisation o) {
            OrganisationDetails d = o.details();
            Address a = d.address();
            return new Row(
                    o.id(),
                    o.version(),
                    o.ownerInstitutionId(),
                    d.legalName(),
                    d.type().name(),
                    d.sizeClass() == null ? null : d.sizeClass().name(),
                    d.category() == null ? null : d.category().name(),
                    d.partitaIva(),
                    d.codiceFiscale(),
                    d.atecoCode(),
                    a.street(),
                    a.comune(),
                    a.comuneIstat(),
                    a.province(),
                    a.region(),
                    d.website(),
                    String.join("; ", d.ecosystems()),
                    d.externalId(),
                    d.synthetic(),
                    o.createdAt().toString(),
                    o.updatedAt().toString());
        }
    }
}
