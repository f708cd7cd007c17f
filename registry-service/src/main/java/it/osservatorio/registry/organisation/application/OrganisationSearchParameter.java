package it.osservatorio.registry.organisation.application;

import java.util.function.Predicate;

/**
 * A search parameter contributed by another part of the registry, for criteria the organisation does not carry
 * itself: e.g. {@code cluster=<id>} answered by the memberships as of today. Every bean of this type becomes an
 * allowed parameter of the search and the export, and restricts the selection to the organisation ids it accepts.
 */
public interface OrganisationSearchParameter {

    /** The query parameter's name, e.g. {@code cluster}. */
    String name();

    /**
     * @param value the parameter's value as given
     * @return the ids of the organisations to keep, evaluated once per search
     * @throws it.osservatorio.platform.web.InvalidFieldException naming the parameter when the value is wrong
     */
    Predicate<String> organisationIds(String value);
}
