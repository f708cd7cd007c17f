package it.osservatorio.registry.membership.application;

import it.osservatorio.platform.web.InvalidFieldException;
import it.osservatorio.registry.network.application.NetworkService;
import it.osservatorio.registry.network.domain.Network;
import it.osservatorio.registry.network.domain.NetworkKind;
import it.osservatorio.registry.organisation.application.OrganisationSearchParameter;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The organisation search's {@code cluster} and {@code filiera} parameters: the organisations with a membership of
 * that network active today (Europe/Rome). The value is the network's id or its acronym, in any case.
 */
public final class NetworkMembersParameter implements OrganisationSearchParameter {

    private static final ZoneId ROME = ZoneId.of("Europe/Rome");
    private static final int MAX_NETWORKS = 1_000;

    private final NetworkKind kind;
    private final NetworkService networks;
    private final MembershipService memberships;
    private final Clock clock;

    public NetworkMembersParameter(
            NetworkKind kind, NetworkService networks, MembershipService memberships, Clock clock) {
        this.kind = kind;
        this.networks = networks;
        this.memberships = memberships;
        this.clock = clock;
    }

    @Override
    public String name() {
        return kind == NetworkKind.CLUSTER ? "cluster" : "filiera";
    }

    @Override
    public Predicate<String> organisationIds(String value) {
        List<Network> known = networks.list(kind, null, MAX_NETWORKS);
        Network network = known.stream()
                .filter(candidate -> candidate.id().equals(value)
                        || value.equalsIgnoreCase(candidate.details().acronym()))
                .findFirst()
                .orElseThrow(() -> new InvalidFieldException(
                        name(),
                        "no " + name() + " with id or acronym '" + value + "'; known: "
                                + known.stream()
                                        .map(n -> n.details().acronym() != null
                                                ? n.details().acronym()
                                                : n.id())
                                        .sorted()
                                        .collect(Collectors.joining(", "))));
        LocalDate today = LocalDate.now(clock.withZone(ROME));
        Set<String> members =
                memberships
                        .search(new MembershipFilter(null, kind, network.id(), today), null, Integer.MAX_VALUE)
                        .stream()
                        .map(membership -> membership.organisationId())
                        .collect(Collectors.toUnmodifiableSet());
        return members::contains;
    }
}
