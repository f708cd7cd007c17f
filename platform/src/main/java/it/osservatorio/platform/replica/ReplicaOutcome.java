package it.osservatorio.platform.replica;

/** What applying one state event did to a replica. */
public enum ReplicaOutcome {
    /** The event was newer than the replica and is now its state. */
    APPLIED,
    /** The replica already held this version or a newer one (duplicate, replay or out-of-order delivery). */
    STALE,
    /** A tombstone removed the entity, leaving a marker with its version (also for an entity never seen). */
    DELETED
}
