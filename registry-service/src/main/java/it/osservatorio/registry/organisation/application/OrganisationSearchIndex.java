package it.osservatorio.registry.organisation.application;

import it.osservatorio.registry.organisation.domain.Organisation;
import it.osservatorio.registry.organisation.domain.OrganisationDetails;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The registry's in-memory search projection of its organisations (ADR 0011): every current organisation with its
 * search keys precomputed (accent-free lower-case name, comune and ecosystems). Loaded from the store at startup and
 * kept current by {@link OrganisationService} after each write it makes; versions make out-of-order applications
 * of concurrent writes harmless, and a deleted organisation leaves a tombstone so that a late update cannot bring
 * it back. A search scans an array of the current entries (a few milliseconds for 50,000), skips at once those
 * that sort after a full page, and keeps the first {@code limit} in sort order in a bounded heap.
 */
public final class OrganisationSearchIndex {

    /** An organisation with its search keys; {@code organisation} is null for a deleted one (a tombstone). */
    record Entry(
            String id,
            long version,
            Organisation organisation,
            String nameKey,
            String nameSortKey,
            String comuneKey,
            Set<String> ecosystemKeys) {

        static Entry of(Organisation organisation) {
            OrganisationDetails details = organisation.details();
            String nameKey = SearchText.normalize(details.legalName());
            return new Entry(
                    organisation.id(),
                    organisation.version(),
                    organisation,
                    nameKey,
                    // accent- and case-free first, the exact name next, so that the order is total and stable
                    nameKey + '\u0000' + details.legalName(),
                    SearchText.normalize(details.address().comune()),
                    details.ecosystems().stream().map(SearchText::normalize).collect(Collectors.toUnmodifiableSet()));
        }

        static Entry tombstone(String id, long version) {
            return new Entry(id, version, null, null, null, null, Set.of());
        }

        boolean deleted() {
            return organisation == null;
        }
    }

    /** One page: the items in sort order and the cursor of the next page, null on the last. */
    public record Page(List<Organisation> items, String nextCursor) {}

    private static final System.Logger LOG = System.getLogger(OrganisationSearchIndex.class.getName());

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong changes = new java.util.concurrent.atomic.AtomicLong();
    private volatile Entry[] snapshot;

    /** An index of every current organisation in the store; the service must not take writes while this runs. */
    public static OrganisationSearchIndex loadedFrom(OrganisationStore store) {
        return loadedFrom(store::forEachCurrent);
    }

    /** An index of every organisation the source hands over. */
    static OrganisationSearchIndex loadedFrom(
            java.util.function.Consumer<java.util.function.Consumer<Organisation>> source) {
        long start = System.nanoTime();
        OrganisationSearchIndex index = new OrganisationSearchIndex();
        source.accept(index::put);
        LOG.log(
                System.Logger.Level.INFO,
                "Organisation search index loaded: {0} organisations in {1} ms",
                index.size(),
                (System.nanoTime() - start) / 1_000_000);
        return index;
    }

    /** Adds or replaces the organisation, unless the index already holds a later version of it (or its deletion). */
    public void put(Organisation organisation) {
        entries.merge(organisation.id(), Entry.of(organisation), OrganisationSearchIndex::later);
        changed();
    }

    /** Removes it, given the version of its tombstone. */
    public void remove(String id, long tombstoneVersion) {
        entries.merge(id, Entry.tombstone(id, tombstoneVersion), OrganisationSearchIndex::later);
        changed();
    }

    private void changed() {
        changes.incrementAndGet();
        snapshot = null;
    }

    /** Current (not deleted) organisations. */
    public int size() {
        return current().length;
    }

    /**
     * @param cursor the {@code nextCursor} of the previous page, or null for the first
     * @throws it.osservatorio.platform.web.InvalidFieldException naming {@code cursor} when it is not one of ours
     */
    public Page search(OrganisationFilter filter, OrganisationSort sort, String cursor, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
        Comparator<Entry> order = entryOrder(sort);
        Comparable<?>[] after = cursor == null ? null : SearchCursor.decode(cursor, sort);
        Predicate<Entry> matches = matcher(filter);
        // a max-heap of the best limit + 1 seen so far: the extra one tells whether there is a next page
        PriorityQueue<Entry> best = new PriorityQueue<>(limit + 2, order.reversed());
        for (Entry entry : current()) {
            if (best.size() > limit && order.compare(entry, best.peek()) >= 0) {
                continue; // cheaper than the filter: it could not enter the page anyway
            }
            if (!matches.test(entry) || (after != null && compareToKey(entry, after, sort) <= 0)) {
                continue;
            }
            best.add(entry);
            if (best.size() > limit + 1) {
                best.poll();
            }
        }
        List<Entry> sorted = new ArrayList<>(best);
        sorted.sort(order);
        boolean more = sorted.size() > limit;
        List<Entry> page = more ? sorted.subList(0, limit) : sorted;
        return new Page(
                page.stream().map(Entry::organisation).toList(),
                more ? SearchCursor.encode(sort, key(page.getLast(), sort)) : null);
    }

    /** Every match in sort order: references to the indexed organisations, for streaming them out one by one. */
    public List<Organisation> all(OrganisationFilter filter, OrganisationSort sort) {
        Predicate<Entry> matches = matcher(filter);
        List<Entry> found = new ArrayList<>();
        for (Entry entry : current()) {
            if (matches.test(entry)) {
                found.add(entry);
            }
        }
        found.sort(entryOrder(sort));
        return found.stream().map(Entry::organisation).toList();
    }

    /**
     * The current (not deleted) entries as an array, rebuilt after a change by the first search that needs it: a
     * search iterates a plain array instead of the map's nodes, and writes pay nothing for it.
     */
    private Entry[] current() {
        Entry[] held = snapshot;
        if (held != null) {
            return held;
        }
        long generation = changes.get();
        Entry[] built = entries.values().stream().filter(e -> !e.deleted()).toArray(Entry[]::new);
        if (changes.get() == generation) {
            snapshot = built; // a change made meanwhile leaves it null: the next search rebuilds
        }
        return built;
    }

    private static Entry later(Entry held, Entry offered) {
        return offered.version() > held.version() ? offered : held;
    }

    private static Comparable<?>[] key(Entry entry, OrganisationSort sort) {
        List<OrganisationSort.Order> orders = sort.orders();
        Comparable<?>[] key = new Comparable<?>[orders.size() + 1];
        for (int i = 0; i < orders.size(); i++) {
            key[i] = orders.get(i).field().key(entry);
        }
        key[orders.size()] = entry.id();
        return key;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Comparator<Entry> entryOrder(OrganisationSort sort) {
        List<OrganisationSort.Order> orders = sort.orders();
        return (a, b) -> {
            for (OrganisationSort.Order o : orders) {
                int c = ((Comparable) o.field().key(a)).compareTo(o.field().key(b));
                if (c != 0) {
                    return o.descending() ? -c : c;
                }
            }
            return a.id().compareTo(b.id());
        };
    }

    /** How the entry compares with a cursor's key (one value per order of the sort, then the id). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareToKey(Entry entry, Comparable<?>[] key, OrganisationSort sort) {
        List<OrganisationSort.Order> orders = sort.orders();
        for (int i = 0; i < orders.size(); i++) {
            int c = ((Comparable) orders.get(i).field().key(entry)).compareTo(key[i]);
            if (c != 0) {
                return orders.get(i).descending() ? -c : c;
            }
        }
        return entry.id().compareTo((String) key[orders.size()]);
    }

    private static Predicate<Entry> matcher(OrganisationFilter filter) {
        List<Predicate<Entry>> tests = new ArrayList<>();
        if (filter.type() != null) {
            tests.add(e -> e.organisation().details().type() == filter.type());
        }
        if (filter.sizeClass() != null) {
            tests.add(e -> e.organisation().details().sizeClass() == filter.sizeClass());
        }
        if (filter.category() != null) {
            tests.add(e -> e.organisation().details().category() == filter.category());
        }
        if (filter.province() != null) {
            tests.add(e -> filter.province()
                    .equals(e.organisation().details().address().province()));
        }
        if (filter.comune() != null) {
            if (filter.comune().matches("[0-9]{6}")) {
                tests.add(e -> filter.comune()
                        .equals(e.organisation().details().address().comuneIstat()));
            } else {
                String comune = SearchText.normalize(filter.comune());
                tests.add(e -> comune.equals(e.comuneKey()));
            }
        }
        if (filter.atecoPrefix() != null) {
            String prefix = filter.atecoPrefix();
            tests.add(e -> {
                String code = e.organisation().details().atecoCode();
                return code != null && code.startsWith(prefix);
            });
        }
        if (filter.ecosystem() != null) {
            String ecosystem = SearchText.normalize(filter.ecosystem());
            tests.add(e -> e.ecosystemKeys().contains(ecosystem));
        }
        if (filter.name() != null) {
            String name = SearchText.normalize(filter.name());
            tests.add(e -> e.nameKey().contains(name));
        }
        if (filter.synthetic() != null) {
            boolean synthetic = filter.synthetic();
            tests.add(e -> e.organisation().details().synthetic() == synthetic);
        }
        if (filter.owner() != null) {
            tests.add(e -> Objects.equals(filter.owner(), e.organisation().ownerInstitutionId()));
        }
        for (Predicate<String> ids : filter.organisationIds()) {
            tests.add(e -> ids.test(e.id()));
        }
        if (tests.isEmpty()) {
            return e -> true;
        }
        Predicate<Entry> all = tests.getFirst();
        for (Predicate<Entry> test : tests.subList(1, tests.size())) {
            all = all.and(test);
        }
        return all;
    }
}
