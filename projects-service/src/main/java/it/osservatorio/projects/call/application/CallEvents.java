package it.osservatorio.projects.call.application;

import it.osservatorio.contracts.EventCodec;
import it.osservatorio.contracts.EventType;
import it.osservatorio.contracts.projects.CallChanged;
import it.osservatorio.contracts.projects.CallClosed;
import it.osservatorio.contracts.projects.CallClosingSoon;
import it.osservatorio.contracts.projects.CallOpened;
import it.osservatorio.contracts.projects.ProjectChanged;
import it.osservatorio.platform.outbox.PendingEvent;
import it.osservatorio.projects.call.domain.Call;
import it.osservatorio.projects.call.domain.CallDetails;
import it.osservatorio.projects.call.domain.Notice;
import java.time.Duration;
import java.time.Instant;

/** Turns a call's new state and its notices into the integration events that carry them. */
final class CallEvents {

    private final EventCodec codec;

    CallEvents(EventCodec codec) {
        this.codec = codec;
    }

    static CallChanged state(Call call, CallChanged.Change change) {
        CallDetails d = call.details();
        return new CallChanged(
                call.id(),
                call.version(),
                change,
                call.ownerInstitutionId(),
                d.issuer(),
                d.title(),
                ProjectChanged.ProgrammeKind.valueOf(d.programme().name()),
                d.axis(),
                d.ecosystems(),
                d.eligibleBeneficiaryTypes(),
                d.budget(),
                d.opensAt(),
                d.deadline(),
                d.link(),
                CallChanged.CallStatus.valueOf(call.status().name()),
                d.synthetic(),
                call.updatedAt(),
                CallChanged.StatusBasis.valueOf(d.statusBasis().name()),
                d.reportedStatus() == null
                        ? null
                        : CallChanged.CallStatus.valueOf(d.reportedStatus().name()),
                d.reportedStatusNote());
    }

    PendingEvent changed(Call call, CallChanged.Change change) {
        return PendingEvent.of(codec.envelope(state(call, change), call.updatedAt()));
    }

    PendingEvent notice(Call call, Notice notice, Duration closingSoon) {
        CallDetails d = call.details();
        ProjectChanged.ProgrammeKind programme =
                ProjectChanged.ProgrammeKind.valueOf(d.programme().name());
        Instant emittedAt = notice.handledAt();
        var event =
                switch (notice.kind()) {
                    case OPENED ->
                        new CallOpened(
                                call.id(),
                                call.version(),
                                d.issuer(),
                                d.title(),
                                programme,
                                d.axis(),
                                d.ecosystems(),
                                d.eligibleBeneficiaryTypes(),
                                d.budget(),
                                d.opensAt(),
                                d.deadline(),
                                d.link(),
                                notice.dueAt(),
                                emittedAt);
                    case CLOSING_SOON ->
                        new CallClosingSoon(
                                call.id(),
                                call.version(),
                                d.issuer(),
                                d.title(),
                                programme,
                                d.axis(),
                                d.ecosystems(),
                                d.eligibleBeneficiaryTypes(),
                                d.budget(),
                                d.opensAt(),
                                d.deadline(),
                                d.link(),
                                (int) closingSoon.toDays(),
                                notice.dueAt(),
                                emittedAt);
                    case CLOSED ->
                        new CallClosed(
                                call.id(),
                                call.version(),
                                d.issuer(),
                                d.title(),
                                programme,
                                d.axis(),
                                d.ecosystems(),
                                d.eligibleBeneficiaryTypes(),
                                d.budget(),
                                d.opensAt(),
                                d.deadline(),
                                d.link(),
                                notice.dueAt(),
                                emittedAt);
                };
        return PendingEvent.of(codec.envelope(event, emittedAt));
    }

    PendingEvent deleted(Call call, Instant now) {
        return PendingEvent.of(codec.tombstone(EventType.CALL_DELETED, call.id(), call.version() + 1, now));
    }
}
