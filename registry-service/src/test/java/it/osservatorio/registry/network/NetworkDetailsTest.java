package it.osservatorio.registry.network;

import static it.osservatorio.registry.network.NetworkDetailsFixture.aCluster;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.osservatorio.registry.network.domain.NetworkDetails;
import it.osservatorio.registry.network.domain.NetworkKind;
import it.osservatorio.registry.validation.InvalidDetailsException;
import it.osservatorio.registry.validation.Violation;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NetworkDetailsTest {

    @Test
    void shouldAcceptClusterWhenEveryFieldIsValid() {
        NetworkDetails details = aCluster().build();

        assertThat(details.validate(NetworkKind.CLUSTER)).isSameAs(details);
    }

    @Test
    void shouldTrimAndDropBlankOrRepeatedEntriesWhenListsAreGiven() {
        NetworkDetails details = aCluster()
                .acronym("  AFIL ")
                .ecosystems(List.of(" Manifattura avanzata ", "Manifattura avanzata", " "))
                .seats(null)
                .build();

        assertThat(details.acronym()).isEqualTo("AFIL");
        assertThat(details.ecosystems()).containsExactly("Manifattura avanzata");
        assertThat(details.seats()).isEmpty();
    }

    @Test
    void shouldAcceptFilieraWhenOnlyNameAndTerritoryAreGiven() {
        NetworkDetails filiera = new NetworkDetails(
                null,
                "Filiera lattiero-casearia cremonese",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                "Provincia di Cremona");

        assertThat(filiera.validate(NetworkKind.FILIERA).territory()).isEqualTo("Provincia di Cremona");
    }

    @Test
    void shouldAcceptWebsiteWhenSchemeIsMissing() {
        assertThat(aCluster()
                        .website("www.afil.it")
                        .build()
                        .validate(NetworkKind.CLUSTER)
                        .website())
                .isEqualTo("www.afil.it");
    }

    @Test
    void shouldNameTheKindWhenNameIsMissing() {
        assertThatThrownBy(() -> aCluster().name("  ").build().validate(NetworkKind.FILIERA))
                .isInstanceOfSatisfying(InvalidDetailsException.class, e -> assertThat(e.violations())
                        .containsExactly(new Violation("name", "is required: the filiera's name")));
    }

    @Test
    void shouldListEveryBrokenRuleWhenSeveralFieldsAreInvalid() {
        NetworkDetails details = aCluster()
                .name(null)
                .acronym("A".repeat(21))
                .foundingYear(Year.now().getValue() + 1)
                .website("not a web address")
                .technologyAreas(List.of("x".repeat(201)))
                .seats(numbered(11))
                .territory("t".repeat(301))
                .build();

        assertThat(fieldsOf(details))
                .containsExactly(
                        "name", "acronym", "territory", "foundingYear", "website", "technologyAreas[0]", "seats");
    }

    @Test
    void shouldRejectFoundingYearWhenBefore1800() {
        assertThat(messagesOf(aCluster().foundingYear(1799).build()))
                .containsExactly("must be a year between 1800 and " + Year.now().getValue() + " (got 1799)");
    }

    @Test
    void shouldRejectEcosystemsWhenMoreThanTwentyAreListed() {
        assertThat(fieldsOf(aCluster().ecosystems(numbered(21)).build())).containsExactly("ecosystems");
    }

    private static List<String> numbered(int count) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            values.add("entry " + i);
        }
        return values;
    }

    private static List<String> fieldsOf(NetworkDetails details) {
        return violationsOf(details).stream().map(Violation::field).toList();
    }

    private static List<String> messagesOf(NetworkDetails details) {
        return violationsOf(details).stream().map(Violation::message).toList();
    }

    private static List<Violation> violationsOf(NetworkDetails details) {
        try {
            details.validate(NetworkKind.CLUSTER);
        } catch (InvalidDetailsException e) {
            return e.violations();
        }
        throw new AssertionError("expected violations");
    }
}
