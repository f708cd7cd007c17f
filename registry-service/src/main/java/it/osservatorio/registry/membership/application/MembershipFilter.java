package it.osservatorio.registry.membership.application;

import it.osservatorio.registry.network.domain.NetworkKind;
import java.time.LocalDate;

/** Which memberships to list; a null field does not filter. {@code activeOn}: valid on that day. */
public record MembershipFilter(String organisationId, NetworkKind networkKind, String networkId, LocalDate activeOn) {

    public static MembershipFilter all() {
        return new MembershipFilter(null, null, null, null);
    }
}
