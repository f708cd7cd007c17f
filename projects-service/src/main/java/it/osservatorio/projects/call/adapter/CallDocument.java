package it.osservatorio.projects.call.adapter;

import it.osservatorio.platform.outbox.PendingEvent;
import it.osservatorio.projects.call.domain.Call;
import it.osservatorio.projects.call.domain.CallDetails;
import it.osservatorio.projects.call.domain.CallStatus;
import it.osservatorio.projects.call.domain.Notice;
import it.osservatorio.projects.call.domain.NoticeKind;
import it.osservatorio.projects.project.domain.ProgrammeKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A call as stored: its details, the notices already handled, when the next one falls due (for the scheduler's
 * query) and the events not yet acknowledged by the broker. The budget is exact decimal text.
 */
@Document("calls")
record CallDocument(
        @Id String id,
        long version,
        String ownerInstitutionId,
        String issuer,
        String title,
        String programme,
        Integer axis,
        List<String> ecosystems,
        List<String> eligibleBeneficiaryTypes,
        String budget,
        Instant opensAt,
        Instant deadline,
        String link,
        boolean synthetic,
        String status,
        List<NoticeDocument> notices,
        Instant nextNoticeAt,
        Instant createdAt,
        Instant updatedAt,
        boolean deleted,
        List<PendingEvent> pendingEvents,
        String reportedStatus,
        String reportedStatusNote,
        String searchText) {

    record NoticeDocument(String kind, Instant dueAt, Instant handledAt, boolean skipped) {}

    static CallDocument of(Call call, Instant nextNoticeAt, List<PendingEvent> events) {
        CallDetails d = call.details();
        return new CallDocument(
                call.id(),
                call.version(),
                call.ownerInstitutionId(),
                d.issuer(),
                d.title(),
                d.programme().name(),
                d.axis(),
                d.ecosystems(),
                d.eligibleBeneficiaryTypes(),
                d.budget() == null ? null : d.budget().toPlainString(),
                d.opensAt(),
                d.deadline(),
                d.link(),
                d.synthetic(),
                call.status().name(),
                call.notices().stream()
                        .map(n -> new NoticeDocument(n.kind().name(), n.dueAt(), n.handledAt(), n.skipped()))
                        .toList(),
                nextNoticeAt,
                call.createdAt(),
                call.updatedAt(),
                false,
                events,
                d.reportedStatus() == null ? null : d.reportedStatus().name(),
                d.reportedStatusNote(),
                CallSearchText.of(d));
    }

    Call toCall() {
        return new Call(
                id,
                version,
                ownerInstitutionId,
                new CallDetails(
                        issuer,
                        title,
                        ProgrammeKind.valueOf(programme),
                        axis,
                        ecosystems,
                        eligibleBeneficiaryTypes,
                        budget == null ? null : new BigDecimal(budget),
                        opensAt,
                        deadline,
                        link,
                        synthetic,
                        reportedStatus == null ? null : CallStatus.valueOf(reportedStatus),
                        reportedStatusNote),
                CallStatus.valueOf(status),
                notices == null
                        ? List.of()
                        : notices.stream()
                                .map(n ->
                                        new Notice(NoticeKind.valueOf(n.kind()), n.dueAt(), n.handledAt(), n.skipped()))
                                .toList(),
                createdAt,
                updatedAt);
    }
}
