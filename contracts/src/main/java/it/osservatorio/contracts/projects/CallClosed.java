package it.osservatorio.contracts.projects;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** The call's deadline passed: it accepts no more proposals. */
public record CallClosed(
        String callId,
        long version,
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
        Instant dueAt,
        Instant emittedAt)
        implements CallNotice {

    public CallClosed {
        ecosystems = ecosystems == null ? List.of() : List.copyOf(ecosystems);
        eligibleBeneficiaryTypes = eligibleBeneficiaryTypes == null ? List.of() : List.copyOf(eligibleBeneficiaryTypes);
    }
}
