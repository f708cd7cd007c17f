package it.osservatorio.notifications.subscription.domain;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Criteria prepared once for fast matching: every value folded, sets for membership. A notice that lists no
 * ecosystems, beneficiary types or territories is open to all of them; one without a budget or axis does not match a
 * criterion on it. Keywords match whole words or word prefixes of the title and text, accents and case ignored, so
 * "innovazione" finds "Innovazióne" and "sostenib" finds "sostenibilità".
 */
public final class Matcher {

    private final Set<String> programmes;
    private final Set<Integer> axes;
    private final Set<String> ecosystems;
    private final Set<String> beneficiaryTypes;
    private final Set<String> territories;
    private final BigDecimal minBudget;
    private final BigDecimal maxBudget;
    private final List<String> keywords;
    private final boolean profileMissing;

    private Matcher(Criteria criteria, Profile profile) {
        this.programmes = Set.copyOf(criteria.programmes());
        this.axes = Set.copyOf(criteria.axes());
        this.minBudget = criteria.minBudget();
        this.maxBudget = criteria.maxBudget();
        this.keywords =
                criteria.keywords().stream().map(k -> " " + Texts.fold(k)).toList();
        if (criteria.profileOrganisationId() != null) {
            this.profileMissing = profile == null;
            this.ecosystems = profile == null ? Set.of() : folded(profile.ecosystems());
            this.beneficiaryTypes = profile == null || profile.beneficiaryType() == null
                    ? Set.of()
                    : Set.of(Texts.fold(profile.beneficiaryType()));
            this.territories =
                    profile == null || profile.province() == null ? Set.of() : Set.of(Texts.fold(profile.province()));
        } else {
            this.profileMissing = false;
            this.ecosystems = folded(criteria.ecosystems());
            this.beneficiaryTypes = folded(criteria.beneficiaryTypes());
            this.territories = folded(criteria.territories());
        }
    }

    /** @param profile the organisation named by the criteria, null when there is none or it is unknown yet */
    public static Matcher of(Criteria criteria, Profile profile) {
        return new Matcher(criteria, profile);
    }

    private static Set<String> folded(List<String> values) {
        Set<String> out = new HashSet<>();
        values.forEach(v -> out.add(Texts.fold(v)));
        return Set.copyOf(out);
    }

    public boolean matches(PreparedNotice notice) {
        if (profileMissing) {
            return false;
        }
        if (!programmes.isEmpty() && (notice.programme() == null || !programmes.contains(notice.programme()))) {
            return false;
        }
        if (!axes.isEmpty() && (notice.axis() == null || !axes.contains(notice.axis()))) {
            return false;
        }
        if (!ecosystems.isEmpty() && !openOrShared(notice.ecosystems(), ecosystems)) {
            return false;
        }
        if (!beneficiaryTypes.isEmpty() && !openOrShared(notice.beneficiaryTypes(), beneficiaryTypes)) {
            return false;
        }
        if (!territories.isEmpty() && !openOrShared(notice.territories(), territories)) {
            return false;
        }
        if (minBudget != null || maxBudget != null) {
            BigDecimal budget = notice.budget();
            if (budget == null
                    || (minBudget != null && budget.compareTo(minBudget) < 0)
                    || (maxBudget != null && budget.compareTo(maxBudget) > 0)) {
                return false;
            }
        }
        if (!keywords.isEmpty()) {
            for (String keyword : keywords) {
                if (notice.text().contains(keyword)) {
                    return true;
                }
            }
            return false;
        }
        return true;
    }

    public Integer singleAxis() {
        return axes.size() == 1 ? axes.iterator().next() : null;
    }

    public Set<Integer> axes() {
        return axes;
    }

    private static boolean openOrShared(Set<String> offered, Set<String> wanted) {
        if (offered.isEmpty()) {
            return true;
        }
        for (String value : wanted) {
            if (offered.contains(value)) {
                return true;
            }
        }
        return false;
    }

    /** A notice folded once for matching against many subscriptions. */
    public record PreparedNotice(
            Notice notice,
            String programme,
            Integer axis,
            Set<String> ecosystems,
            Set<String> beneficiaryTypes,
            Set<String> territories,
            BigDecimal budget,
            String text) {

        public static PreparedNotice of(Notice notice) {
            return new PreparedNotice(
                    notice,
                    notice.programme(),
                    notice.axis(),
                    folded(notice.ecosystems()),
                    folded(notice.beneficiaryTypes()),
                    folded(notice.territories()),
                    notice.budget(),
                    " " + Texts.fold(notice.title() + " " + (notice.text() == null ? "" : notice.text())) + " ");
        }
    }
}
