package it.osservatorio.projects.call;

import it.osservatorio.projects.call.domain.CallDetails;
import it.osservatorio.projects.call.domain.CallStatus;
import it.osservatorio.projects.project.domain.ProgrammeKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A valid regional call for the Lombardy clusters, with its dates changed by tests. */
public final class CallDetailsFixture {

    private Instant opensAt = Instant.parse("2026-02-17T08:00:00Z");
    private Instant deadline = Instant.parse("2026-03-05T11:00:00Z");
    private BigDecimal budget;
    private String link = "https://www.bandi.regione.lombardia.it/cluster-2026";
    private String issuer = "Regione Lombardia";
    private CallStatus reportedStatus;
    private String reportedStatusNote;

    public static CallDetailsFixture aCall() {
        return new CallDetailsFixture();
    }

    public CallDetailsFixture dates(Instant opensAt, Instant deadline) {
        this.opensAt = opensAt;
        this.deadline = deadline;
        return this;
    }

    /** No dates, as a call recorded from a report that prints none. */
    public CallDetailsFixture undated(CallStatus reportedStatus, String note) {
        this.opensAt = null;
        this.deadline = null;
        this.reportedStatus = reportedStatus;
        this.reportedStatusNote = note;
        return this;
    }

    public CallDetailsFixture reported(CallStatus reportedStatus) {
        this.reportedStatus = reportedStatus;
        return this;
    }

    public CallDetailsFixture issuer(String issuer) {
        this.issuer = issuer;
        return this;
    }

    public CallDetailsFixture budget(String budget) {
        this.budget = new BigDecimal(budget);
        return this;
    }

    public CallDetailsFixture link(String link) {
        this.link = link;
        return this;
    }

    public CallDetails build() {
        return new CallDetails(
                issuer,
                "Bando regionale rivolto ai Cluster lombardi",
                ProgrammeKind.REGIONAL,
                null,
                List.of("Manifattura avanzata"),
                List.of("CLUSTER"),
                budget,
                opensAt,
                deadline,
                link,
                false,
                reportedStatus,
                reportedStatusNote);
    }
}
