package it.osservatorio.projects.call.application;

import it.osservatorio.platform.outbox.PendingEvent;
import it.osservatorio.projects.call.domain.Call;
import it.osservatorio.projects.call.domain.CallStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Persistence of calls, each write together with its pending events and the moment its next notice falls due, in
 * one document write.
 */
public interface CallStore {

    void insert(Call call, Instant nextNoticeAt, List<PendingEvent> events);

    /** @return false when the stored version is no longer {@code expectedVersion} */
    boolean update(Call call, long expectedVersion, Instant nextNoticeAt, List<PendingEvent> events);

    boolean markDeleted(String id, long expectedVersion, PendingEvent tombstone);

    Optional<Call> find(String id);

    /** Calls with a notice due at or before {@code now}, earliest first, at most {@code limit}. */
    List<Call> dueBy(Instant now, int limit);

    /** Calls ordered by id after {@code afterId}, optionally with one status as stored. */
    List<Call> page(CallFilter filter, String afterId, int limit);

    /** @param text words that must all occur in the call's title, issuer, programme, beneficiaries or status note */
    record CallFilter(
            CallStatus status,
            String ownerInstitutionId,
            String programme,
            Integer axis,
            String ecosystem,
            String text) {

        public CallFilter(
                CallStatus status, String ownerInstitutionId, String programme, Integer axis, String ecosystem) {
            this(status, ownerInstitutionId, programme, axis, ecosystem, null);
        }
    }
}
