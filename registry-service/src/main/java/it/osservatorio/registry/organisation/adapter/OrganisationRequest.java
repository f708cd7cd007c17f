package it.osservatorio.registry.organisation.adapter;

import io.swagger.v3.oas.annotations.media.Schema;
import it.osservatorio.registry.organisation.domain.Address;
import it.osservatorio.registry.organisation.domain.OrganisationCategory;
import it.osservatorio.registry.organisation.domain.OrganisationDetails;
import it.osservatorio.registry.organisation.domain.OrganisationType;
import it.osservatorio.registry.organisation.domain.SizeClass;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

@Schema(description = "An organisation as an institution states it; give the Partita IVA, the codice fiscale, or both")
record OrganisationRequest(
        @Schema(example = "Latteria Soresina Società Cooperativa Agricola")
        @NotBlank(message = "is required: the registered legal name (ragione sociale)")
        @Size(max = 300, message = "must be at most 300 characters")
        String legalName,

        @Schema(example = "IMPRESA") @NotNull(message = "is required: one of IMPRESA, ORGANISMO_DI_RICERCA, ALTRO_ENTE")
        OrganisationType type,

        @Schema(example = "MEDIA", description = "only for IMPRESA: MICRO, PICCOLA, MEDIA or GRANDE")
        SizeClass sizeClass,

        @Schema(
                example = "UNIVERSITA",
                description = "for ORGANISMO_DI_RICERCA: UNIVERSITA, CENTRO_DI_RICERCA; for ALTRO_ENTE: ASSOCIAZIONE,"
                        + " ENTE_PUBBLICO, CAMERA_DI_COMMERCIO, FONDAZIONE, CONSORZIO, ENTE_DI_FORMAZIONE, ALTRO")
        OrganisationCategory category,

        @Schema(example = "12345670017", description = "11 digits with a valid check digit")
        String partitaIva,

        @Schema(description = "11 digits (bodies) or 16 characters (persons)")
        String codiceFiscale,

        @Schema(example = "10.51", description = "ATECO code: division, group, class, e.g. 10.51 or 10.51.00")
        String atecoCode,

        @NotNull(message = "is required: at least comune, comuneIstat and province") @Valid
        AddressRequest address,

        @Schema(example = "https://www.latteriasoresina.it") String website,

        @Size(max = 20, message = "must list at most 20 ecosystems")
        List<String> ecosystems,

        @Schema(description = "your own id for this organisation; bulk imports match rows on it or on the Partita IVA")
        String externalId,

        @Schema(description = "true for generated demo data that stands for no real organisation")
        Boolean synthetic) {

    OrganisationDetails toDetails() {
        return new OrganisationDetails(
                legalName,
                type,
                sizeClass,
                category,
                partitaIva,
                codiceFiscale,
                atecoCode,
                address == null ? null : address.toAddress(),
                website,
                ecosystems,
                externalId,
                Boolean.TRUE.equals(synthetic));
    }

    record AddressRequest(
            @Schema(example = "Via dei Mille 13") String street,

            @Schema(example = "Soresina") @NotBlank(message = "is required: the name of the comune, e.g. Cremona")
            String comune,

            @Schema(example = "019097")
            @NotBlank(message = "is required: the comune's six-digit ISTAT code, e.g. 019036 for Cremona")
            String comuneIstat,

            @Schema(example = "CR") @NotBlank(message = "is required: the two-letter province code, e.g. CR")
            String province,

            @Schema(example = "Lombardia") String region) {

        Address toAddress() {
            return new Address(street, comune, comuneIstat, province, region);
        }
    }
}
