package it.osservatorio.contracts;

/**
 * Event-carried state transfer: the whole current state of one aggregate and its version. Consumers apply it only
 * when {@link #version()} is newer than the version they hold, which makes replays and duplicates harmless.
 */
public interface StateEvent extends AggregateEvent {

    /** The aggregate id, also the Kafka record key and the CloudEvents subject. */
    @Override
    String aggregateId();

    /** Increases by one with every change of the aggregate, starting at 1. */
    @Override
    long version();
}
