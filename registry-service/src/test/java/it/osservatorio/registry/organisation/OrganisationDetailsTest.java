package it.osservatorio.registry.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.osservatorio.registry.organisation.domain.Address;
import it.osservatorio.registry.organisation.domain.InvalidOrganisationException;
import it.osservatorio.registry.organisation.domain.OrganisationDetails;
import it.osservatorio.registry.organisation.domain.OrganisationType;
import it.osservatorio.registry.organisation.domain.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrganisationDetailsTest {

    private static final Address CREMONA = new Address("Piazza del Comune 8", "Cremona", "019036", "CR", "Lombardia");

    @Test
    void shouldAcceptOrganisationWhenEveryFieldIsValid() {
        var details = new OrganisationDetails(
                "Comune di Cremona",
                OrganisationType.ALTRO_ENTE,
                null,
                "00297960197",
                CREMONA,
                "https://www.comune.cremona.it",
                List.of(" Smart city ", "Smart city"));

        assertThat(details.validate().ecosystems()).containsExactly("Smart city");
    }

    @Test
    void shouldListEveryBrokenRuleWhenSeveralFieldsAreInvalid() {
        var details = new OrganisationDetails(
                " ", null, "123", "bad", new Address(null, "", "19036", "cr", null), "ftp://x", List.of());

        assertThatThrownBy(details::validate)
                .isInstanceOf(InvalidOrganisationException.class)
                .extracting(e -> ((InvalidOrganisationException) e)
                        .violations().stream().map(Violation::field).toList())
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                .containsExactly(
                        "legalName",
                        "type",
                        "partitaIva",
                        "codiceFiscale",
                        "address.comune",
                        "address.comuneIstat",
                        "address.province",
                        "website");
    }

    @Test
    void shouldRequireAnIdentifierWhenNeitherPartitaIvaNorCodiceFiscaleIsGiven() {
        var details = new OrganisationDetails(
                "Associazione Industriali", OrganisationType.ALTRO_ENTE, null, null, CREMONA, null, null);

        assertThatThrownBy(details::validate).hasMessageContaining("give the Partita IVA, the codice fiscale, or both");
    }
}
