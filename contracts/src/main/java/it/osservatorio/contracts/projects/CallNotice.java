package it.osservatorio.contracts.projects;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * What every notice about a call carries: the call's profile (to match subscriptions) and when the notice was due.
 * Notices are on {@link it.osservatorio.contracts.Topics#CALL_NOTICES}, keyed by call id; version is the call's
 * version after the notice was recorded, so each notice is published once per call.
 */
public interface CallNotice extends it.osservatorio.contracts.AggregateEvent {

    String callId();

    String issuer();

    String title();

    ProjectChanged.ProgrammeKind programme();

    Integer axis();

    List<String> ecosystems();

    List<String> eligibleBeneficiaryTypes();

    BigDecimal budget();

    Instant opensAt();

    Instant deadline();

    String link();

    /** The moment the notice was due (opening time, deadline minus the notice period, deadline). */
    Instant dueAt();

    @Override
    default String aggregateId() {
        return callId();
    }
}
