package it.osservatorio.registry.importing.domain;

import it.osservatorio.registry.organisation.domain.Organisation;
import it.osservatorio.registry.organisation.domain.OrganisationDetails;

/** What an import does with one valid row. */
public sealed interface RowDecision {

    int row();

    /** No organisation of the file's owner matches: register a new one. */
    record Create(int row, OrganisationDetails details) implements RowDecision {}

    /** It matches {@code current}, whose stored details differ: replace them. */
    record Update(int row, Organisation current, OrganisationDetails details) implements RowDecision {}

    /** It matches {@code current} and states exactly what is stored: nothing to write. */
    record Unchanged(int row, Organisation current) implements RowDecision {}

    /** It may not be written, e.g. it repeats a key of an earlier row or matches another institution's member. */
    record Rejected(int row, RowProblem problem) implements RowDecision {}
}
