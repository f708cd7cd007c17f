package it.osservatorio.registry.membership.application;

import it.osservatorio.registry.membership.domain.Membership;
import it.osservatorio.registry.network.application.NetworkStore;
import it.osservatorio.registry.network.domain.Network;
import it.osservatorio.registry.network.domain.NetworkKind;
import it.osservatorio.registry.organisation.application.OrganisationStore;
import it.osservatorio.registry.organisation.domain.Organisation;
import it.osservatorio.registry.organisation.domain.OrganisationType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Reads the registered networks, the memberships active on the date (one query) and the types of their
 * organisations (one query by id), then counts in memory: the embedded MongoDB server has no usable secondary
 * indexes for an aggregation anyway, and the whole registry holds a few thousand memberships.
 */
@Service
public class StatisticsService {

    private static final int PAGE = 200;

    private final MembershipStore memberships;
    private final OrganisationStore organisations;
    private final NetworkStore networks;

    public StatisticsService(MembershipStore memberships, OrganisationStore organisations, NetworkStore networks) {
        this.memberships = memberships;
        this.organisations = organisations;
        this.networks = networks;
    }

    public MemberStatistics.Report members(LocalDate asOf, NetworkKind networkKind) {
        List<Network> reported = new ArrayList<>();
        for (NetworkKind kind : NetworkKind.values()) {
            if (networkKind == null || networkKind == kind) {
                reported.addAll(allNetworks(kind));
            }
        }
        List<Membership> active =
                memberships.search(new MembershipFilter(null, networkKind, null, asOf), null, Integer.MAX_VALUE);
        Set<String> organisationIds =
                active.stream().map(Membership::organisationId).collect(Collectors.toSet());
        Map<String, OrganisationType> types = organisations.findAll(organisationIds).stream()
                .collect(Collectors.toMap(
                        Organisation::id, organisation -> organisation.details().type()));
        return MemberStatistics.compute(asOf, networkKind, reported, active, types);
    }

    private List<Network> allNetworks(NetworkKind kind) {
        List<Network> all = new ArrayList<>();
        String after = null;
        while (true) {
            List<Network> page = networks.list(kind, after, PAGE);
            all.addAll(page);
            if (page.size() < PAGE) {
                return all;
            }
            after = page.getLast().id();
        }
    }
}
