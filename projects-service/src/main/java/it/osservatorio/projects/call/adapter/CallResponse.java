package it.osservatorio.projects.call.adapter;

import it.osservatorio.projects.call.domain.Call;
import it.osservatorio.projects.call.domain.CallDetails;
import it.osservatorio.projects.call.domain.CallStatus;
import it.osservatorio.projects.call.domain.Notice;
import it.osservatorio.projects.call.domain.StatusBasis;
import it.osservatorio.projects.project.domain.ProgrammeKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/** A call as read: dates in Europe/Rome time, the status at the moment of reading, the notices already published. */
record CallResponse(
        String id,
        long version,
        String ownerInstitutionId,
        String issuer,
        String title,
        ProgrammeKind programme,
        Integer axis,
        List<String> ecosystems,
        List<String> eligibleBeneficiaryTypes,
        BigDecimal budget,
        OffsetDateTime opensAt,
        OffsetDateTime deadline,
        String link,
        CallStatus status,
        StatusBasis statusBasis,
        CallStatus reportedStatus,
        String reportedStatusNote,
        List<NoticeResponse> notices,
        boolean synthetic,
        Instant createdAt,
        Instant updatedAt) {

    record NoticeResponse(String kind, OffsetDateTime dueAt, Instant handledAt, boolean skipped) {}

    record Page(List<CallResponse> items, String nextCursor) {}

    static CallResponse of(Call call, Instant now) {
        CallDetails d = call.details();
        return new CallResponse(
                call.id(),
                call.version(),
                call.ownerInstitutionId(),
                d.issuer(),
                d.title(),
                d.programme(),
                d.axis(),
                d.ecosystems(),
                d.eligibleBeneficiaryTypes(),
                d.budget(),
                rome(d.opensAt()),
                rome(d.deadline()),
                d.link(),
                d.statusAt(now),
                d.statusBasis(),
                d.reportedStatus(),
                d.reportedStatusNote(),
                call.notices().stream().map(CallResponse::notice).toList(),
                d.synthetic(),
                call.createdAt(),
                call.updatedAt());
    }

    private static NoticeResponse notice(Notice notice) {
        return new NoticeResponse(notice.kind().name(), rome(notice.dueAt()), notice.handledAt(), notice.skipped());
    }

    static OffsetDateTime rome(Instant instant) {
        return instant == null ? null : instant.atZone(CallRequest.ROME).toOffsetDateTime();
    }
}
