package it.osservatorio.projects.call.domain;

import java.time.Instant;

/**
 * A notice that fell due and was handled, kept in the call so that it is handled once: published ({@code
 * skipped = false}), or skipped because a later notice overtook it (e.g. the call opened and closed while the service
 * was down). A notice is identified by its kind and the moment it was due: moving a date schedules a new one.
 */
public record Notice(NoticeKind kind, Instant dueAt, Instant handledAt, boolean skipped) {

    boolean sameAs(NoticeKind otherKind, Instant otherDueAt) {
        return kind == otherKind && dueAt.equals(otherDueAt);
    }
}
