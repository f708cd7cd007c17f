package it.osservatorio.registry.membership.application;

import it.osservatorio.registry.membership.domain.Membership;
import it.osservatorio.registry.network.domain.Network;
import it.osservatorio.registry.network.domain.NetworkKind;
import it.osservatorio.registry.organisation.domain.OrganisationType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The tables of the reports as of a date: per cluster and per filiera the member organisations active that day by
 * type, then per kind and overall both the sum over the networks (an organisation in two clusters counts twice, as
 * the reports add up the clusters' associates) and the distinct organisations.
 */
public final class MemberStatistics {

    public static final String ALL = "ALL";

    private MemberStatistics() {}

    /**
     * @param networks the networks to report on (registered ones), each listed even without members
     * @param memberships candidate memberships; only those active on {@code asOf} in one of {@code networks} count
     * @param organisationTypes type of every organisation that still exists; memberships of others do not count
     */
    public static Report compute(
            LocalDate asOf,
            NetworkKind networkKind,
            Collection<Network> networks,
            Collection<Membership> memberships,
            Map<String, OrganisationType> organisationTypes) {
        Map<String, Set<String>> membersByNetwork = new HashMap<>();
        for (Membership membership : memberships) {
            if (membership.isActiveOn(asOf) && organisationTypes.containsKey(membership.organisationId())) {
                membersByNetwork
                        .computeIfAbsent(membership.networkId(), id -> new TreeSet<>())
                        .add(membership.organisationId());
            }
        }
        List<Network> ordered = networks.stream()
                .filter(network -> networkKind == null || network.kind() == networkKind)
                .sorted(Comparator.comparing(Network::kind)
                        .thenComparing(network -> sortName(network), String.CASE_INSENSITIVE_ORDER)
                        .thenComparing(Network::id))
                .toList();
        List<NetworkMembers> rows = new ArrayList<>();
        Map<String, MemberCounts> sums = new LinkedHashMap<>();
        Map<String, Set<String>> distinct = new LinkedHashMap<>();
        for (Network network : ordered) {
            Set<String> members = membersByNetwork.getOrDefault(network.id(), Set.of());
            MemberCounts counts =
                    MemberCounts.of(members.stream().map(organisationTypes::get).toList());
            rows.add(new NetworkMembers(
                    network.id(),
                    network.kind(),
                    network.details().acronym(),
                    network.details().name(),
                    counts));
            for (String scope : List.of(network.kind().name(), ALL)) {
                sums.merge(scope, counts, MemberCounts::plus);
                distinct.computeIfAbsent(scope, s -> new TreeSet<>()).addAll(members);
            }
        }
        List<Totals> totals = new ArrayList<>();
        for (String scope : sums.keySet()) {
            totals.add(new Totals(
                    scope,
                    sums.get(scope),
                    MemberCounts.of(distinct.get(scope).stream()
                            .map(organisationTypes::get)
                            .toList())));
        }
        if (totals.isEmpty()) {
            totals.add(new Totals(ALL, MemberCounts.NONE, MemberCounts.NONE));
        }
        return new Report(asOf, networkKind, rows, totals);
    }

    private static String sortName(Network network) {
        return network.details().acronym() != null
                ? network.details().acronym()
                : network.details().name();
    }

    /** One row of the table: a cluster or filiera and its members on the date. */
    public record NetworkMembers(
            String networkId, NetworkKind kind, String acronym, String name, MemberCounts members) {}

    /**
     * {@code scope} is CLUSTER, FILIERA or ALL. {@code sumOverNetworks} adds the rows up; {@code
     * distinctOrganisations} counts each organisation once however many networks it belongs to.
     */
    public record Totals(String scope, MemberCounts sumOverNetworks, MemberCounts distinctOrganisations) {}

    public record Report(LocalDate asOf, NetworkKind networkKind, List<NetworkMembers> networks, List<Totals> totals) {}
}
