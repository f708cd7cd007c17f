package it.osservatorio.projects.call.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A call for proposals, owned by the institution that published it, with the notices already handled. Every change,
 * including a status that moves with the clock, increases the version by one.
 */
public record Call(
        String id,
        long version,
        String ownerInstitutionId,
        CallDetails details,
        CallStatus status,
        List<Notice> notices,
        Instant createdAt,
        Instant updatedAt) {

    public Call {
        notices = notices == null ? List.of() : List.copyOf(notices);
    }

    /** Details must be valid already. */
    public static Call publish(String id, String ownerInstitutionId, CallDetails details, Instant now) {
        return new Call(id, 1, ownerInstitutionId, details, details.statusAt(now), List.of(), now, now);
    }

    public Call update(CallDetails newDetails, Instant now) {
        return new Call(
                id, version + 1, ownerInstitutionId, newDetails, newDetails.statusAt(now), notices, createdAt, now);
    }

    /** The notices of the current dates, each with the moment it falls due; {@code closingSoon} before the deadline. */
    public List<Scheduled> schedule(Duration closingSoon) {
        List<Scheduled> schedule = new ArrayList<>();
        CallDetails d = details;
        if (d.opensAt() != null) {
            schedule.add(new Scheduled(NoticeKind.OPENED, d.opensAt()));
        }
        if (d.deadline() != null) {
            Instant soon = d.deadline().minus(closingSoon);
            if (d.opensAt() != null && soon.isBefore(d.opensAt())) {
                soon = d.opensAt();
            }
            schedule.add(new Scheduled(NoticeKind.CLOSING_SOON, soon));
            schedule.add(new Scheduled(NoticeKind.CLOSED, d.deadline()));
        }
        return schedule;
    }

    /** When the next notice not yet handled falls due; empty when every notice was handled. */
    public Optional<Instant> nextNoticeAt(Duration closingSoon) {
        return schedule(closingSoon).stream()
                .filter(s -> !handled(s))
                .map(Scheduled::dueAt)
                .min(Comparator.naturalOrder());
    }

    /**
     * Handles every notice due at {@code now} and not handled yet, in order. A notice overtaken by the deadline is
     * skipped (opened or closing soon, when the call has closed meanwhile), and so is the closed notice of a call
     * published after its deadline: subscribers hear only what is still true.
     *
     * @return the call with the handled notices and its status at {@code now} (one version more), and the notices to
     *     publish; empty when nothing is due
     */
    public Optional<Handled> handleDueNotices(Instant now, Duration closingSoon) {
        List<Notice> handled = new ArrayList<>(notices);
        List<Notice> publish = new ArrayList<>();
        boolean closed = details.deadline() != null && !now.isBefore(details.deadline());
        for (Scheduled scheduled : schedule(closingSoon)) {
            if (handled(scheduled) || now.isBefore(scheduled.dueAt())) {
                continue;
            }
            boolean skip =
                    switch (scheduled.kind()) {
                        case OPENED, CLOSING_SOON -> closed;
                        case CLOSED -> !createdAt.isBefore(details.deadline());
                    };
            Notice notice = new Notice(scheduled.kind(), scheduled.dueAt(), now, skip);
            handled.add(notice);
            if (!skip) {
                publish.add(notice);
            }
        }
        if (handled.size() == notices.size()) {
            return Optional.empty();
        }
        Call next =
                new Call(id, version + 1, ownerInstitutionId, details, details.statusAt(now), handled, createdAt, now);
        return Optional.of(new Handled(next, publish));
    }

    public boolean isOwnedBy(String institutionId) {
        return ownerInstitutionId.equals(institutionId);
    }

    private boolean handled(Scheduled scheduled) {
        return notices.stream().anyMatch(n -> n.sameAs(scheduled.kind(), scheduled.dueAt()));
    }

    public record Scheduled(NoticeKind kind, Instant dueAt) {}

    /** The call after handling its due notices, and those of them to publish. */
    public record Handled(Call call, List<Notice> published) {}
}
