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
 * it back. A search scans the entries (a few milliseconds for 50,000) and keeps the first {@code limit} in sort
 * order in a bounded heap.
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
    }

    /** Removes it, given the version of its tombstone. */
    public void remove(String id, long tombstoneVersion) {
        entries.merge(id, Entry.tombstone(id, tombstoneVersion), OrganisationSearchIndex::later);
    }

    /** Current (not deleted) organisations. */
    public int size() {
        return (int) entries.values().stream().filter(e -> !e.deleted()).count();
    }

    /**
     * @param cursor the {@code nextCursor} of the previous page, or null for the first
     * @throws it.osservatorio.platform.web.InvalidFieldException naming {@code cursor} when it is not one of ours
     */
    public Page search(OrganisationFilter filter, OrganisationSort sort, String cursor, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
        Comparator<Comparable<?>[]> order = keyOrder(sort);
        Comparable<?>[] after = cursor == null ? null : SearchCursor.decode(cursor, sort);
        Predicate<Entry> matches = matcher(filter);
        // a max-heap of the best limit + 1 seen so far: the extra one tells whether there is a next page
        PriorityQueue<Candidate> best = new PriorityQueue<>(limit + 2, (a, b) -> order.compare(b.key, a.key));
        for (Entry entry : entries.values()) {
            if (!matches.test(entry)) {
                continue;
            }
            Comparable<?>[] key = key(entry, sort);
            if (after != null && order.compare(key, after) <= 0) {
                continue;
            }
            if (best.size() <= limit) {
                best.add(new Candidate(key, entry.organisation()));
            } else if (order.compare(key, best.peek().key) < 0) {
                best.poll();
                best.add(new Candidate(key, entry.organisation()));
            }
        }
        List<Candidate> sorted = new ArrayList<>(best);
        sorted.sort((a, b) -> order.compare(a.key, b.key));
        boolean more = sorted.size() > limit;
        List<Candidate> page = more ? sorted.subList(0, limit) : sorted;
        return new Page(
                page.stream().map(Candidate::organisation).toList(),
                more ? SearchCursor.encode(sort, page.getLast().key) : null);
    }

    /** Every match in sort order: references to the indexed organisations, for streaming them out one by one. */
    public List<Organisation> all(OrganisationFilter filter, OrganisationSort sort) {
        Comparator<Comparable<?>[]> order = keyOrder(sort);
        Predicate<Entry> matches = matcher(filter);
        List<Candidate> found = new ArrayList<>();
        for (Entry entry : entries.values()) {
            if (matches.test(entry)) {
                found.add(new Candidate(key(entry, sort), entry.organisation()));
            }
        }
        found.sort((a, b) -> order.compare(a.key, b.key));
        return found.stream().map(Candidate::organisation).toList();
    }

    private record Candidate(Comparable<?>[] key, Organisation organisation) {}

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
    private static Comparator<Comparable<?>[]> keyOrder(OrganisationSort sort) {
        List<OrganisationSort.Order> orders = sort.orders();
        return (a, b) -> {
            for (int i = 0; i < orders.size(); i++) {
                int c = ((Comparable) a[i]).compareTo(b[i]);
                if (c != 0) {
                    return orders.get(i).descending() ? -c : c;
                }
            }
            return ((String) a[orders.size()]).compareTo((String) b[orders.size()]);
        };
    }

    private static Predicate<Entry> matcher(OrganisationFilter filter) {
        List<Predicate<Entry>> tests = new ArrayList<>();
        tests.add(e -> !e.deleted());
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
        Predicate<Entry> all = tests.getFirst();
        for (Predicate<Entry> test : tests.subList(1, tests.size())) {
            all = all.and(test);
        }
        return all;
    }
}
