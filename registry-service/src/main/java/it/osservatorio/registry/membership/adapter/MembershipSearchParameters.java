package it.osservatorio.registry.membership.adapter;

import it.osservatorio.registry.membership.application.MembershipService;
import it.osservatorio.registry.membership.application.NetworkMembersParameter;
import it.osservatorio.registry.network.application.NetworkService;
import it.osservatorio.registry.network.domain.NetworkKind;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Organisation search by membership: {@code cluster=AFIL}, {@code filiera=<id>}. */
@Configuration(proxyBeanMethods = false)
class MembershipSearchParameters {

    @Bean
    NetworkMembersParameter clusterSearchParameter(
            NetworkService networks, MembershipService memberships, Clock clock) {
        return new NetworkMembersParameter(NetworkKind.CLUSTER, networks, memberships, clock);
    }

    @Bean
    NetworkMembersParameter filieraSearchParameter(
            NetworkService networks, MembershipService memberships, Clock clock) {
        return new NetworkMembersParameter(NetworkKind.FILIERA, networks, memberships, clock);
    }
}
