package it.osservatorio.platform.outbox;

/**
 * A MongoDB collection whose documents carry {@link PendingEvent}s in the field {@value PendingEvent#FIELD}. A
 * document with {@value #DELETED_FIELD} = true is removed once its last pending event (the tombstone) is published.
 */
public record OutboxCollection(String name) {

    public static final String DELETED_FIELD = "deleted";
}
