package it.osservatorio.contracts;

import java.util.List;

/**
 * Kafka topic names. State topics are log-compacted, keyed by aggregate id, and carry the whole current state of
 * the aggregate; a record with a null value (tombstone) deletes it. A breaking change is a new {@code .vN} topic.
 */
public final class Topics {

    public static final String ORGANISATIONS = "osservatorio.registry.organisations.v1";

    /** Technology clusters and filiere (supply chains), one topic for both kinds: the payload names its kind. */
    public static final String NETWORKS = "osservatorio.registry.networks.v1";

    /** Memberships of organisations in clusters and filiere, with their validity dates. */
    public static final String MEMBERSHIPS = "osservatorio.registry.memberships.v1";

    /** Funded projects, whole state with partners, milestones and expenditure. */
    public static final String PROJECTS = "osservatorio.projects.projects.v1";

    /**
     * Progress facts of projects (expenditure recorded, milestone reached, status changed), keyed by project id. Not
     * compacted: every fact counts, for indicator computation.
     */
    public static final String PROJECT_PROGRESS = "osservatorio.projects.progress.v1";

    /** Calls for proposals (bandi), whole state with the status that follows from opening time and deadline. */
    public static final String CALLS = "osservatorio.projects.calls.v1";

    /** Notices about calls: opened, closing soon, closed; keyed by call id. Not compacted. */
    public static final String CALL_NOTICES = "osservatorio.projects.call-notices.v1";

    /**
     * Observations of indicators submitted by institutions' own systems (and by the REST API and CSV import), keyed
     * by indicator code + period + territory. Not compacted: every submission counts.
     */
    public static final String INDICATOR_OBSERVATIONS = "osservatorio.indicators.observations.v1";

    /**
     * Current state of every indicator series cell (actual, baseline, target, deviation, status), keyed by indicator
     * code + period + territory, for live dashboards.
     */
    public static final String INDICATOR_VALUES = "osservatorio.indicators.values.v1";

    /** Deviation status changes of indicator series cells (on track / at risk / off track). Not compacted. */
    public static final String INDICATOR_STATUS_CHANGES = "osservatorio.indicators.status-changes.v1";

    /**
     * Every topic this platform publishes, in the order an operator would create them. New topics are appended: the
     * gateway's resumable stream positions refer to a topic by its index in this list.
     */
    public static final List<String> ALL = List.of(
            ORGANISATIONS,
            NETWORKS,
            MEMBERSHIPS,
            PROJECTS,
            PROJECT_PROGRESS,
            CALLS,
            CALL_NOTICES,
            INDICATOR_OBSERVATIONS,
            INDICATOR_VALUES,
            INDICATOR_STATUS_CHANGES);

    private Topics() {}

    /** Dead-letter topic of a consumer group: records it could not process, with the reason in headers. */
    public static String deadLetter(String topic, String consumerGroup) {
        return topic + "." + consumerGroup + ".dlq";
    }
}
