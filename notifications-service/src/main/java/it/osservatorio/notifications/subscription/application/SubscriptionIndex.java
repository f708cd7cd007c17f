package it.osservatorio.notifications.subscription.application;

import it.osservatorio.notifications.subscription.domain.EventKind;
import it.osservatorio.notifications.subscription.domain.Matcher;
import it.osservatorio.notifications.subscription.domain.Notice;
import it.osservatorio.notifications.subscription.domain.Profile;
import it.osservatorio.notifications.subscription.domain.Subscription;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every active subscription in memory with its criteria prepared, bucketed by event kind and strategic axis: a notice
 * is checked only against the subscriptions of its kind that want its axis or any axis. Loaded from the store at
 * start and kept in step by every write of this service and every change of a profile organisation.
 */
public class SubscriptionIndex {

    /** Bucket of subscriptions that do not restrict the axis. */
    private static final int ANY_AXIS = 0;

    private final Map<EventKind, Map<Integer, Map<String, Entry>>> buckets = new EnumMap<>(EventKind.class);
    private final Map<String, Entry> byId = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> byProfile = new ConcurrentHashMap<>();

    public SubscriptionIndex() {
        for (EventKind kind : EventKind.values()) {
            buckets.put(kind, new ConcurrentHashMap<>());
        }
    }

    public record Entry(Subscription subscription, Matcher matcher) {}

    public synchronized void put(Subscription subscription, Profile profile) {
        remove(subscription.id());
        if (!subscription.active()) {
            return;
        }
        Matcher matcher = Matcher.of(subscription.criteria(), profile);
        Entry entry = new Entry(subscription, matcher);
        byId.put(subscription.id(), entry);
        String organisation = subscription.criteria().profileOrganisationId();
        if (organisation != null) {
            byProfile
                    .computeIfAbsent(organisation, o -> ConcurrentHashMap.newKeySet())
                    .add(subscription.id());
        }
        for (EventKind kind : subscription.kinds()) {
            for (Integer axis : axes(matcher)) {
                buckets.get(kind)
                        .computeIfAbsent(axis, a -> new ConcurrentHashMap<>())
                        .put(subscription.id(), entry);
            }
        }
    }

    public synchronized void remove(String subscriptionId) {
        Entry old = byId.remove(subscriptionId);
        if (old == null) {
            return;
        }
        String organisation = old.subscription().criteria().profileOrganisationId();
        if (organisation != null) {
            Set<String> ids = byProfile.get(organisation);
            if (ids != null) {
                ids.remove(subscriptionId);
            }
        }
        for (EventKind kind : old.subscription().kinds()) {
            for (Integer axis : axes(old.matcher())) {
                Map<String, Entry> bucket = buckets.get(kind).get(axis);
                if (bucket != null) {
                    bucket.remove(subscriptionId);
                }
            }
        }
    }

    /** Re-prepares the subscriptions that take their criteria from this organisation. */
    /** Whether a subscription matches on this organisation's profile. */
    public boolean usesProfile(String organisationId) {
        Set<String> ids = byProfile.get(organisationId);
        return ids != null && !ids.isEmpty();
    }

    public void profileChanged(String organisationId, Profile profile) {
        Set<String> ids = byProfile.get(organisationId);
        if (ids == null) {
            return;
        }
        for (String id : List.copyOf(ids)) {
            Entry entry = byId.get(id);
            if (entry != null) {
                put(entry.subscription(), profile);
            }
        }
    }

    /** The active subscriptions that want this notice and existed when it happened. */
    public List<Subscription> match(Notice notice) {
        Matcher.PreparedNotice prepared = Matcher.PreparedNotice.of(notice);
        Map<Integer, Map<String, Entry>> kindBuckets = buckets.get(notice.kind());
        List<Subscription> matched = new ArrayList<>();
        collect(kindBuckets.get(ANY_AXIS), prepared, matched);
        if (notice.axis() != null && notice.axis() != ANY_AXIS) {
            collect(kindBuckets.get(notice.axis()), prepared, matched);
        }
        return matched;
    }

    private static void collect(Map<String, Entry> bucket, Matcher.PreparedNotice notice, List<Subscription> out) {
        if (bucket == null) {
            return;
        }
        for (Entry entry : bucket.values()) {
            Subscription subscription = entry.subscription();
            if (!subscription.createdAt().isAfter(notice.notice().occurredAt())
                    && entry.matcher().matches(notice)) {
                out.add(subscription);
            }
        }
    }

    public int size() {
        return byId.size();
    }

    private static Set<Integer> axes(Matcher matcher) {
        return matcher.axes().isEmpty() ? Set.of(ANY_AXIS) : matcher.axes();
    }
}
