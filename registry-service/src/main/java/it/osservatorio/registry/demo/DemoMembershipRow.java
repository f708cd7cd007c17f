package it.osservatorio.registry.demo;

import it.osservatorio.registry.membership.domain.MembershipTerms;

/**
 * One demo membership with the registry ids already resolved: {@code terms.organisationId()} and
 * {@code terms.networkId()} are the ids the organisation and network have in this registry.
 *
 * @param organisationExternalId the organisation's {@code demo:} externalId, for logs and matching
 * @param networkKey the network's {@code demo:} key in the dataset, e.g. {@code demo:cluster:AFIL}
 */
public record DemoMembershipRow(String organisationExternalId, String networkKey, MembershipTerms terms) {}
