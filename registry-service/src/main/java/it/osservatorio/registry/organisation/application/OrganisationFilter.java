package it.osservatorio.registry.organisation.application;

import it.osservatorio.registry.organisation.domain.OrganisationCategory;
import it.osservatorio.registry.organisation.domain.OrganisationType;
import it.osservatorio.registry.organisation.domain.SizeClass;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Search criteria, all of which must hold; null means any. {@link #organisationIds()} is the extension point for
 * criteria that the organisation itself does not carry (e.g. an active membership in a cluster or filiera as of
 * today): each is a predicate on the organisation id, evaluated per query by whoever owns that information.
 */
public record OrganisationFilter(
        OrganisationType type,
        SizeClass sizeClass,
        OrganisationCategory category,
        String province,
        String comune,
        String atecoPrefix,
        String ecosystem,
        String name,
        Boolean synthetic,
        String owner,
        List<Predicate<String>> organisationIds) {

    public static final OrganisationFilter ANY = builder().build();

    public OrganisationFilter {
        organisationIds = List.copyOf(organisationIds);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private OrganisationType type;
        private SizeClass sizeClass;
        private OrganisationCategory category;
        private String province;
        private String comune;
        private String atecoPrefix;
        private String ecosystem;
        private String name;
        private Boolean synthetic;
        private String owner;
        private final List<Predicate<String>> organisationIds = new ArrayList<>();

        private Builder() {}

        public Builder type(OrganisationType type) {
            this.type = type;
            return this;
        }

        public Builder sizeClass(SizeClass sizeClass) {
            this.sizeClass = sizeClass;
            return this;
        }

        public Builder category(OrganisationCategory category) {
            this.category = category;
            return this;
        }

        /** Two-letter province code, e.g. CR. */
        public Builder province(String province) {
            this.province = province;
            return this;
        }

        /** The comune's six-digit ISTAT code, or its name (case and accents ignored). */
        public Builder comune(String comune) {
            this.comune = comune;
            return this;
        }

        /** An ATECO code prefix such as 62 or 62.01; matches the code itself and every finer code under it. */
        public Builder atecoPrefix(String atecoPrefix) {
            this.atecoPrefix = atecoPrefix;
            return this;
        }

        /** One of the organisation's ecosystems (case and accents ignored). */
        public Builder ecosystem(String ecosystem) {
            this.ecosystem = ecosystem;
            return this;
        }

        /** Text contained in the legal name (case and accents ignored). */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder synthetic(Boolean synthetic) {
            this.synthetic = synthetic;
            return this;
        }

        /** The owning institution's id. */
        public Builder owner(String owner) {
            this.owner = owner;
            return this;
        }

        /** Keeps only organisations whose id the predicate accepts, e.g. the members of a network as of today. */
        public Builder organisationIds(Predicate<String> accepted) {
            this.organisationIds.add(accepted);
            return this;
        }

        public OrganisationFilter build() {
            return new OrganisationFilter(
                    type,
                    sizeClass,
                    category,
                    province,
                    comune,
                    atecoPrefix,
                    ecosystem,
                    name,
                    synthetic,
                    owner,
                    organisationIds);
        }
    }
}
