package it.osservatorio.registry.network.adapter;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import it.osservatorio.registry.network.domain.NetworkDetails;
import java.util.List;

/** Checked by {@link NetworkDetails#validate}, which names every broken field in one answer. */
@Schema(description = "A technology cluster or filiera as an institution states it; only name is required")
record NetworkRequest(
        @Schema(example = "AFIL", description = "unique within clusters (or within filiere), ignoring case; at most 20")
        String acronym,

        @Schema(example = "Associazione Fabbrica Intelligente Lombardia", requiredMode = Schema.RequiredMode.REQUIRED)
        String name,

        @Schema(example = "Intelligent Factory Association of Lombardy")
        String nameEn,

        @ArraySchema(
                schema = @Schema(example = "Manifattura avanzata"),
                arraySchema = @Schema(description = "S3 ecosystems the network serves; at most 20"))
        List<String> ecosystems,

        @ArraySchema(
                schema = @Schema(example = "Robotica collaborativa"),
                arraySchema = @Schema(description = "at most 30"))
        List<String> technologyAreas,

        @Schema(
                example = "AFIL - Associazione Fabbrica Intelligente Lombardia",
                description = "a cluster's managing body, a filiera's capofila (lead organisation)")
        String managingBody,

        @Schema(example = "2014", description = "from 1800 to the current year")
        Integer foundingYear,

        @Schema(example = "Cluster Tecnologico Lombardo riconosciuto da Regione Lombardia")
        String recognitionStatus,

        @Schema(example = "https://www.afil.it") String website,

        @ArraySchema(schema = @Schema(example = "Milano"), arraySchema = @Schema(description = "at most 10"))
        List<String> seats,

        @Schema(example = "Provincia di Cremona", description = "where a filiera works")
        String territory) {

    NetworkDetails toDetails() {
        return new NetworkDetails(
                acronym,
                name,
                nameEn,
                ecosystems,
                technologyAreas,
                managingBody,
                foundingYear,
                recognitionStatus,
                website,
                seats,
                territory);
    }
}
