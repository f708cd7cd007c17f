package it.osservatorio.registry.organisation;

import static it.osservatorio.registry.organisation.OrganisationDetailsFixture.anImpresa;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.osservatorio.registry.organisation.domain.Address;
import it.osservatorio.registry.organisation.domain.OrganisationCategory;
import it.osservatorio.registry.organisation.domain.OrganisationDetails;
import it.osservatorio.registry.organisation.domain.OrganisationType;
import it.osservatorio.registry.organisation.domain.SizeClass;
import it.osservatorio.registry.validation.InvalidDetailsException;
import it.osservatorio.registry.validation.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrganisationDetailsTest {

    @Test
    void shouldAcceptOrganisationWhenEveryFieldIsValid() {
        OrganisationDetails details = anImpresa()
                .type(OrganisationType.ALTRO_ENTE, null, OrganisationCategory.ENTE_PUBBLICO)
                .identifiers(null, "00297960197")
                .ecosystems(List.of(" Smart city ", "Smart city"))
                .build();

        assertThat(details.validate().ecosystems()).containsExactly("Smart city");
    }

    @Test
    void shouldListEveryBrokenRuleWhenSeveralFieldsAreInvalid() {
        OrganisationDetails details = anImpresa()
                .legalName(" ")
                .type(null, null, null)
                .identifiers("123", "bad")
                .atecoCode("1051")
                .address(new Address(null, "", "19036", "cr", null))
                .website("ftp://x")
                .build();

        assertThat(fieldsOf(details))
                .containsExactly(
                        "legalName",
                        "type",
                        "atecoCode",
                        "partitaIva",
                        "codiceFiscale",
                        "address.comune",
                        "address.comuneIstat",
                        "address.province",
                        "website");
    }

    @Test
    void shouldRejectSizeClassAndForeignCategoryWhenTypeDoesNotHaveThem() {
        OrganisationDetails details = anImpresa()
                .type(OrganisationType.ORGANISMO_DI_RICERCA, SizeClass.MICRO, OrganisationCategory.FONDAZIONE)
                .build();

        assertThat(fieldsOf(details)).containsExactly("sizeClass", "category");
    }

    @Test
    void shouldRejectOverlongTextWhenFieldsExceedTheirLimits() {
        OrganisationDetails details = anImpresa()
                .legalName("x".repeat(301))
                .externalId("e".repeat(101))
                .address(new Address("s".repeat(201), "Cremona", "019036", "CR", "Lombardia"))
                .build();

        assertThat(fieldsOf(details)).containsExactly("legalName", "externalId", "address.street");
    }

    @Test
    void shouldRequireAnIdentifierWhenNeitherPartitaIvaNorCodiceFiscaleIsGiven() {
        OrganisationDetails details = anImpresa().identifiers(null, null).build();

        assertThatThrownBy(details::validate).hasMessageContaining("give the Partita IVA, the codice fiscale, or both");
    }

    @Test
    void shouldAcceptNoPartitaIvaNorCodiceFiscaleWhenExternalIdIdentifiesTheOrganisation() {
        OrganisationDetails details = anImpresa()
                .identifiers(null, null)
                .externalId("demo:org:ORG-055")
                .build();

        assertThatCode(details::validate).doesNotThrowAnyException();
    }

    private static List<String> fieldsOf(OrganisationDetails details) {
        try {
            details.validate();
        } catch (InvalidDetailsException e) {
            return e.violations().stream().map(Violation::field).toList();
        }
        throw new AssertionError("expected " + details + " to be invalid");
    }
}
