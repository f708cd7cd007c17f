package it.osservatorio.indicators.computed.domain;

import java.time.Instant;
import java.util.Map;

/**
 * One entity's new state as a fact (null = deleted), at a version, read from a source topic at a time.
 *
 * @param kind PROJECT, CALL, ORGANISATION or MEMBERSHIP
 * @param fact the fields formulas read; for a membership {@code organisationId, networkKind, open}
 */
public record SourceChange(Kind kind, String id, long version, Map<String, Object> fact, Instant time) {

    public enum Kind {
        PROJECT,
        CALL,
        ORGANISATION,
        MEMBERSHIP
    }
}
