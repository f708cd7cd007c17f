package it.osservatorio.registry.demo;

import it.osservatorio.registry.membership.domain.MembershipRole;
import it.osservatorio.registry.network.domain.NetworkDetails;
import it.osservatorio.registry.network.domain.NetworkKind;
import it.osservatorio.registry.organisation.domain.OrganisationDetails;
import java.time.LocalDate;
import java.util.List;

/**
 * The registry's demo data: the clusters, filiere and named organisations of the reference data, completed with
 * generated ({@code synthetic}) organisations so that every network has exactly the members the reports publish.
 * Every record carries a {@code demo:} key, so that loading it again changes nothing.
 *
 * @param notes sources, assumptions and conventions, in words
 */
public record DemoDataset(
        List<String> notes,
        List<DemoNetwork> networks,
        List<DemoOrganisation> organisations,
        List<DemoMembership> memberships) {

    /** Prefix of every demo key and of every demo organisation's {@code externalId}. */
    public static final String KEY_PREFIX = "demo:";

    public static final String RESOURCE = "demo/registry-demo.json";

    /**
     * A cluster or filiera.
     *
     * @param key e.g. {@code demo:cluster:AFIL}; not stored (networks match on acronym, else on name)
     * @param publishedMembers the member or actor count the source prints; null when it prints none
     * @param publishedByType the split by type the source prints; null when it prints none
     * @param source seed file and location of the figures
     */
    public record DemoNetwork(
            String key,
            NetworkKind kind,
            Integer publishedMembers,
            TypeCounts publishedByType,
            String source,
            NetworkDetails details) {}

    /** Imprese, organismi di ricerca, altri enti. */
    public record TypeCounts(int imprese, int organismiDiRicerca, int altriEnti) {

        public int total() {
            return imprese + organismiDiRicerca + altriEnti;
        }
    }

    /**
     * An organisation; its key is {@code details.externalId()}.
     *
     * @param reference the record id in the reference data's organisations.json, null for a synthetic one
     * @param basis what is stated in the sources and what is assumed (e.g. the comune)
     */
    public record DemoOrganisation(String reference, String basis, OrganisationDetails details) {

        public String key() {
            return details.externalId();
        }
    }

    /**
     * One organisation in one network.
     *
     * @param organisation the organisation's key (its externalId)
     * @param network the network's key
     */
    public record DemoMembership(
            String organisation, String network, MembershipRole role, LocalDate validFrom, LocalDate validTo) {}
}
