package it.osservatorio.notifications;

import it.osservatorio.contracts.projects.CallChanged;
import it.osservatorio.contracts.projects.ProjectChanged;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Calls as projects-service publishes them on its calls topic. */
final class CallFixture {

    private String title = "Bando regionale per l'innovazione dei Cluster lombardi";
    private Integer axis = 2;
    private List<String> ecosystems = List.of("Manifatturiero Avanzato");
    private BigDecimal budget = new BigDecimal("1500000.00");
    private final String id = "call-" + UUID.randomUUID();

    static CallFixture aCall() {
        return new CallFixture();
    }

    CallFixture titled(String value) {
        title = value;
        return this;
    }

    CallFixture onAxis(Integer value) {
        axis = value;
        return this;
    }

    CallFixture inEcosystems(String... values) {
        ecosystems = List.of(values);
        return this;
    }

    String id() {
        return id;
    }

    CallChanged published() {
        return new CallChanged(
                id,
                1,
                CallChanged.Change.PUBLISHED,
                "regione-lombardia",
                "Regione Lombardia",
                title,
                ProjectChanged.ProgrammeKind.REGIONAL,
                axis,
                ecosystems,
                List.of("IMPRESA", "CLUSTER"),
                budget,
                Instant.now().minusSeconds(60),
                Instant.now().plusSeconds(30L * 24 * 3600),
                "https://www.bandi.regione.lombardia.it/" + id,
                CallChanged.CallStatus.OPEN,
                false,
                Instant.now(),
                CallChanged.StatusBasis.DATES,
                null,
                null);
    }
}
