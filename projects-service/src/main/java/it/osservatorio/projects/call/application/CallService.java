package it.osservatorio.projects.call.application;

import it.osservatorio.contracts.EventCodec;
import it.osservatorio.contracts.projects.CallChanged;
import it.osservatorio.platform.ids.TimeOrderedIds;
import it.osservatorio.platform.outbox.OutboxRelay;
import it.osservatorio.platform.outbox.PendingEvent;
import it.osservatorio.platform.security.CallerIdentity;
import it.osservatorio.platform.web.PreconditionFailedException;
import it.osservatorio.platform.web.ResourceNotFoundException;
import it.osservatorio.projects.call.domain.Call;
import it.osservatorio.projects.call.domain.CallDetails;
import it.osservatorio.projects.call.domain.Notice;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls for proposals and their notices. Publishing the notices that fell due is one conditional document write per
 * call (the handled notices, the new status, the state event and the notice events together), so a notice is
 * published once even when two instances or a restart race for it.
 */
public class CallService {

    public static final String COLLECTION = "calls";
    private static final Logger log = LoggerFactory.getLogger(CallService.class);

    private final CallStore store;
    private final CallEvents events;
    private final OutboxRelay relay;
    private final Clock clock;
    private final Duration closingSoon;
    private final TimeOrderedIds ids;

    /** @param closingSoon how long before the deadline the closing-soon notice falls due */
    public CallService(CallStore store, EventCodec codec, OutboxRelay relay, Clock clock, Duration closingSoon) {
        this.store = store;
        this.events = new CallEvents(codec);
        this.relay = relay;
        this.clock = clock;
        this.closingSoon = closingSoon;
        this.ids = new TimeOrderedIds(clock);
    }

    public Call publish(CallDetails details, CallerIdentity caller) {
        return publish(ids.next("call-"), details, caller);
    }

    /** With an id of the caller's choosing, for data loaded idempotently (demo data). */
    public Call publish(String id, CallDetails details, CallerIdentity caller) {
        CallDetails valid = details.validate();
        Call call = Call.publish(id, caller.institutionId(), valid, clock.instant());
        PendingEvent event = events.changed(call, CallChanged.Change.PUBLISHED);
        store.insert(call, call.nextNoticeAt(closingSoon).orElse(null), List.of(event));
        relay.publishSoon(COLLECTION, call.id(), event);
        return call;
    }

    public Call update(String id, CallDetails details, OptionalLong ifMatch, CallerIdentity caller) {
        Call current = get(id);
        caller.requireWriteAccess(current.ownerInstitutionId(), "Call '" + id + "'");
        requireVersion(current, ifMatch);
        Call updated = current.update(details.validate(), clock.instant());
        PendingEvent event = events.changed(updated, CallChanged.Change.UPDATED);
        if (!store.update(
                updated, current.version(), updated.nextNoticeAt(closingSoon).orElse(null), List.of(event))) {
            throw stale(id);
        }
        relay.publishSoon(COLLECTION, id, event);
        return updated;
    }

    public void delete(String id, OptionalLong ifMatch, CallerIdentity caller) {
        Call current = get(id);
        caller.requireWriteAccess(current.ownerInstitutionId(), "Call '" + id + "'");
        requireVersion(current, ifMatch);
        PendingEvent tombstone = events.deleted(current, clock.instant());
        if (!store.markDeleted(id, current.version(), tombstone)) {
            throw stale(id);
        }
        relay.publishSoon(COLLECTION, id, tombstone);
    }

    public Optional<Call> find(String id) {
        return store.find(id);
    }

    public Call get(String id) {
        return store.find(id).orElseThrow(() -> new ResourceNotFoundException("Call", id));
    }

    public List<Call> page(CallStore.CallFilter filter, String afterId, int limit) {
        return store.page(filter, afterId, limit);
    }

    public Instant now() {
        return clock.instant();
    }

    /**
     * Publishes every notice due now, catching up on those that fell due while the service was down.
     *
     * @return how many notices were published
     */
    public int publishDueNotices() {
        Instant now = clock.instant();
        int published = 0;
        for (Call call : store.dueBy(now, 500)) {
            try {
                published += handle(call, now);
            } catch (RuntimeException e) {
                log.warn("Notices of call {} not handled, retrying at the next round: {}", call.id(), e.toString());
            }
        }
        return published;
    }

    private int handle(Call call, Instant now) {
        var handled = call.handleDueNotices(now, closingSoon);
        if (handled.isEmpty()) {
            // nothing due any more (e.g. the notice period changed): only the next due moment is stale
            store.update(call, call.version(), call.nextNoticeAt(closingSoon).orElse(null), List.of());
            return 0;
        }
        Call next = handled.get().call();
        List<PendingEvent> pending = new ArrayList<>();
        pending.add(events.changed(next, CallChanged.Change.STATUS));
        for (Notice notice : handled.get().published()) {
            pending.add(events.notice(next, notice, closingSoon));
        }
        if (!store.update(next, call.version(), next.nextNoticeAt(closingSoon).orElse(null), pending)) {
            return 0; // changed meanwhile (an update, or another instance handled it): the next round sees it
        }
        pending.forEach(event -> relay.publishSoon(COLLECTION, call.id(), event));
        return handled.get().published().size();
    }

    private void requireVersion(Call current, OptionalLong ifMatch) {
        if (ifMatch.isPresent() && ifMatch.getAsLong() != current.version()) {
            throw new PreconditionFailedException(
                    "Call '" + current.id() + "' is at version " + current.version() + ", not " + ifMatch.getAsLong()
                            + "; read it again and repeat your change",
                    current.version());
        }
    }

    private PreconditionFailedException stale(String id) {
        long now = store.find(id).map(Call::version).orElse(-1L);
        return new PreconditionFailedException(
                "Call '" + id + "' was changed by another request (now at version " + now
                        + "); read it again and repeat your change",
                now);
    }
}
