package it.osservatorio.contracts;

/**
 * An event about one aggregate: keyed by its id (record key and CloudEvents subject) and stamped with the aggregate's
 * version after the change, so that one aggregate's events stay ordered. State events carry the whole state; other
 * aggregate events (e.g. a project's progress) carry one fact and share the version of the state they came with.
 */
public interface AggregateEvent extends IntegrationEvent {

    /** The aggregate id, also the Kafka record key and the CloudEvents subject. */
    String aggregateId();

    /** The aggregate's version after the change this event reports. */
    long version();
}
