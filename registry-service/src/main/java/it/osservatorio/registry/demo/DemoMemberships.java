package it.osservatorio.registry.demo;

import java.util.List;

/**
 * Loads the demo memberships, to be implemented on top of the membership service. The demo loader calls it (when a
 * bean exists) after networks and organisations are in place, on every start; an implementation must therefore be
 * idempotent: match each row on (organisationId, networkKind, networkId) and write only what differs, using
 * {@link DemoDataLoader#DEMO_CALLER} as the caller.
 */
public interface DemoMemberships {

    /** @return how many memberships were created or changed (0 when all were already as given) */
    int load(List<DemoMembershipRow> rows);
}
