package it.osservatorio.contracts;

import it.osservatorio.contracts.projects.CallChanged;
import it.osservatorio.contracts.projects.CallClosed;
import it.osservatorio.contracts.projects.CallClosingSoon;
import it.osservatorio.contracts.projects.CallOpened;
import it.osservatorio.contracts.projects.ExpenditureCorrected;
import it.osservatorio.contracts.projects.ExpenditureRecorded;
import it.osservatorio.contracts.projects.MilestoneReached;
import it.osservatorio.contracts.projects.ProjectChanged;
import it.osservatorio.contracts.projects.ProjectStatusChanged;
import it.osservatorio.contracts.registry.MembershipChanged;
import it.osservatorio.contracts.registry.NetworkChanged;
import it.osservatorio.contracts.registry.OrganisationChanged;
import java.util.Arrays;
import java.util.Optional;

/**
 * Every event type of the platform: its CloudEvents {@code type}, its topic, its payload record and its JSON Schema.
 * Tombstones have no payload and no schema.
 */
public enum EventType {
    ORGANISATION_CHANGED(
            "it.osservatorio.registry.organisation.changed.v1",
            Topics.ORGANISATIONS,
            OrganisationChanged.class,
            "schemas/organisation-changed.v1.json"),
    ORGANISATION_DELETED("it.osservatorio.registry.organisation.deleted.v1", Topics.ORGANISATIONS, null, null),
    NETWORK_CHANGED(
            "it.osservatorio.registry.network.changed.v1",
            Topics.NETWORKS,
            NetworkChanged.class,
            "schemas/network-changed.v1.json"),
    NETWORK_DELETED("it.osservatorio.registry.network.deleted.v1", Topics.NETWORKS, null, null),
    MEMBERSHIP_CHANGED(
            "it.osservatorio.registry.membership.changed.v1",
            Topics.MEMBERSHIPS,
            MembershipChanged.class,
            "schemas/membership-changed.v1.json"),
    MEMBERSHIP_DELETED("it.osservatorio.registry.membership.deleted.v1", Topics.MEMBERSHIPS, null, null),
    PROJECT_CHANGED(
            "it.osservatorio.projects.project.changed.v1",
            Topics.PROJECTS,
            ProjectChanged.class,
            "schemas/project-changed.v1.json"),
    PROJECT_DELETED("it.osservatorio.projects.project.deleted.v1", Topics.PROJECTS, null, null),
    EXPENDITURE_RECORDED(
            "it.osservatorio.projects.expenditure.recorded.v1",
            Topics.PROJECT_PROGRESS,
            ExpenditureRecorded.class,
            "schemas/expenditure-recorded.v1.json"),
    EXPENDITURE_CORRECTED(
            "it.osservatorio.projects.expenditure.corrected.v1",
            Topics.PROJECT_PROGRESS,
            ExpenditureCorrected.class,
            "schemas/expenditure-corrected.v1.json"),
    MILESTONE_REACHED(
            "it.osservatorio.projects.milestone.reached.v1",
            Topics.PROJECT_PROGRESS,
            MilestoneReached.class,
            "schemas/milestone-reached.v1.json"),
    PROJECT_STATUS_CHANGED(
            "it.osservatorio.projects.project.status-changed.v1",
            Topics.PROJECT_PROGRESS,
            ProjectStatusChanged.class,
            "schemas/project-status-changed.v1.json"),
    CALL_CHANGED(
            "it.osservatorio.projects.call.changed.v1",
            Topics.CALLS,
            CallChanged.class,
            "schemas/call-changed.v1.json"),
    CALL_DELETED("it.osservatorio.projects.call.deleted.v1", Topics.CALLS, null, null),
    CALL_OPENED(
            "it.osservatorio.projects.call.opened.v1",
            Topics.CALL_NOTICES,
            CallOpened.class,
            "schemas/call-opened.v1.json"),
    CALL_CLOSING_SOON(
            "it.osservatorio.projects.call.closing-soon.v1",
            Topics.CALL_NOTICES,
            CallClosingSoon.class,
            "schemas/call-closing-soon.v1.json"),
    CALL_CLOSED(
            "it.osservatorio.projects.call.closed.v1",
            Topics.CALL_NOTICES,
            CallClosed.class,
            "schemas/call-closed.v1.json");

    private final String ceType;
    private final String topic;
    private final Class<? extends IntegrationEvent> payloadType;
    private final String schemaResource;

    EventType(String ceType, String topic, Class<? extends IntegrationEvent> payloadType, String schemaResource) {
        this.ceType = ceType;
        this.topic = topic;
        this.payloadType = payloadType;
        this.schemaResource = schemaResource;
    }

    public String ceType() {
        return ceType;
    }

    public String topic() {
        return topic;
    }

    /** True for the types of compacted state topics (whole state, or a tombstone). */
    public boolean isState() {
        return payloadType == null || StateEvent.class.isAssignableFrom(payloadType);
    }

    public boolean isTombstone() {
        return payloadType == null;
    }

    public Optional<Class<? extends IntegrationEvent>> payloadType() {
        return Optional.ofNullable(payloadType);
    }

    /** Classpath location of the payload's JSON Schema (draft 2020-12). */
    public Optional<String> schemaResource() {
        return Optional.ofNullable(schemaResource);
    }

    public static Optional<EventType> ofCeType(String ceType) {
        return Arrays.stream(values()).filter(t -> t.ceType.equals(ceType)).findFirst();
    }

    public static EventType of(IntegrationEvent event) {
        return Arrays.stream(values())
                .filter(t -> t.payloadType == event.getClass())
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No event type for " + event.getClass()));
    }
}
