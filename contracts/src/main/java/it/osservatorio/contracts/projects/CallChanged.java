package it.osservatorio.contracts.projects;

import it.osservatorio.contracts.StateEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The whole current state of a call for proposals (bando) after it was published or changed, keyed by call id on
 * the compacted topic {@link it.osservatorio.contracts.Topics#CALLS}; its deletion is a tombstone there. Opening and
 * deadline are instants; the issuer states them in Europe/Rome time. The status follows from them.
 */
public record CallChanged(
        String callId,
        long version,
        Change change,
        String ownerInstitutionId,
        String issuer,
        String title,
        ProjectChanged.ProgrammeKind programme,
        Integer axis,
        List<String> ecosystems,
        List<String> eligibleBeneficiaryTypes,
        BigDecimal budget,
        Instant opensAt,
        Instant deadline,
        String link,
        CallStatus status,
        boolean synthetic,
        Instant changedAt,
        StatusBasis statusBasis,
        CallStatus reportedStatus,
        String reportedStatusNote)
        implements StateEvent {

    public CallChanged {
        ecosystems = ecosystems == null ? List.of() : List.copyOf(ecosystems);
        eligibleBeneficiaryTypes = eligibleBeneficiaryTypes == null ? List.of() : List.copyOf(eligibleBeneficiaryTypes);
    }

    @Override
    public String aggregateId() {
        return callId;
    }

    public enum Change {
        PUBLISHED,
        UPDATED,
        /** The status moved because opening time or deadline passed. */
        STATUS
    }

    /** UNKNOWN: the call's dates are not known and nobody reported its status. */
    public enum CallStatus {
        FORTHCOMING,
        OPEN,
        CLOSED,
        UNKNOWN
    }

    /**
     * Where the status comes from: the call's dates; a status reported by the source the call was recorded from
     * when its dates are not known ({@code reportedStatus}, {@code reportedStatusNote}); or nothing (UNKNOWN).
     */
    public enum StatusBasis {
        DATES,
        REPORTED,
        NONE
    }
}
