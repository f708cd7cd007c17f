package it.osservatorio.platform.replica;

import static it.osservatorio.platform.replica.ReplicaFixture.changed;
import static it.osservatorio.platform.replica.ReplicaFixture.newId;
import static it.osservatorio.platform.replica.ReplicaFixture.organisation;
import static it.osservatorio.platform.replica.ReplicaFixture.tombstone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import it.osservatorio.contracts.EventDecodingException;
import it.osservatorio.contracts.EventType;
import it.osservatorio.contracts.ReceivedEvent;
import it.osservatorio.contracts.StateEvent;
import it.osservatorio.contracts.registry.OrganisationChanged;
import it.osservatorio.contracts.registry.OrganisationChanged.OrganisationType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/** The version rule against the embedded MongoDB server shared by the build's integration tests. */
class VersionedReplicaMongoTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final VersionedReplica<OrganisationChanged> replica = ReplicaFixture.newReplica(meters);

    @Test
    void shouldHoldStateWhenFirstVersionArrives() {
        String id = newId();

        assertThat(replica.apply(changed(id, 1))).isEqualTo(ReplicaOutcome.APPLIED);

        assertThat(replica.find(id)).contains(organisation(id, 1));
    }

    @Test
    void shouldReplaceStateWhenNewerVersionArrives() {
        String id = newId();
        replica.apply(changed(id, 1));

        assertThat(replica.apply(changed(id, 2))).isEqualTo(ReplicaOutcome.APPLIED);

        assertThat(replica.find(id)).map(OrganisationChanged::version).contains(2L);
    }

    @Test
    void shouldIgnoreEventWhenSameOrOlderVersionIsRedelivered() {
        String id = newId();
        replica.apply(changed(id, 1));
        replica.apply(changed(id, 3));

        assertThat(replica.apply(changed(id, 3))).isEqualTo(ReplicaOutcome.STALE);
        assertThat(replica.apply(changed(id, 2))).isEqualTo(ReplicaOutcome.STALE);
        assertThat(replica.apply(changed(id, 1))).isEqualTo(ReplicaOutcome.STALE);

        assertThat(replica.find(id)).contains(organisation(id, 3));
    }

    @Test
    void shouldDeleteAndKeepMarkerWhenTombstoneIsNewer() {
        String id = newId();
        replica.apply(changed(id, 2));

        assertThat(replica.apply(tombstone(id, 3))).isEqualTo(ReplicaOutcome.DELETED);

        assertThat(replica.find(id)).isEmpty();
        assertThat(held(id)).containsEntry("version", 3L).containsEntry("deleted", true);
        assertThat(held(id)).doesNotContainKey("state");
    }

    @Test
    void shouldDeleteWhenTombstoneCarriesTheHeldVersion() {
        String id = newId();
        replica.apply(changed(id, 2));

        assertThat(replica.apply(tombstone(id, 2))).isEqualTo(ReplicaOutcome.DELETED);

        assertThat(replica.find(id)).isEmpty();
    }

    @Test
    void shouldKeepNewerStateWhenOlderTombstoneArrivesLate() {
        String id = newId();
        replica.apply(changed(id, 4));

        assertThat(replica.apply(tombstone(id, 3))).isEqualTo(ReplicaOutcome.STALE);

        assertThat(replica.find(id)).map(OrganisationChanged::version).contains(4L);
    }

    @Test
    void shouldNotResurrectEntityWhenOlderStateArrivesAfterTombstone() {
        String id = newId();
        replica.apply(changed(id, 1));
        replica.apply(tombstone(id, 2));

        assertThat(replica.apply(changed(id, 1))).isEqualTo(ReplicaOutcome.STALE);
        assertThat(replica.apply(changed(id, 2))).isEqualTo(ReplicaOutcome.STALE);
        assertThat(replica.apply(tombstone(id, 2))).isEqualTo(ReplicaOutcome.STALE);

        assertThat(replica.find(id)).isEmpty();
    }

    @Test
    void shouldLeaveMarkerWhenTombstoneArrivesBeforeAnyState() {
        String id = newId();

        assertThat(replica.apply(tombstone(id, 5))).isEqualTo(ReplicaOutcome.DELETED);
        assertThat(replica.apply(changed(id, 4))).isEqualTo(ReplicaOutcome.STALE);

        assertThat(replica.find(id)).isEmpty();
    }

    @Test
    void shouldApplyEventWhenHeldDocumentHasNoVersion() {
        String id = newId();
        ReplicaFixture.mongo().insert(new Document("_id", id).append("deleted", false), replica.name());

        assertThat(replica.apply(changed(id, 1))).isEqualTo(ReplicaOutcome.APPLIED);

        assertThat(replica.find(id)).map(OrganisationChanged::version).contains(1L);
    }

    @Test
    void shouldEndAtNewestVersionWhenVersionsRaceForANewEntity() throws Exception {
        String id = newId();
        List<Long> versions =
                new ArrayList<>(LongStream.rangeClosed(1, 12).boxed().toList());
        versions.addAll(LongStream.rangeClosed(1, 12).boxed().toList());
        Collections.shuffle(versions);

        List<ReplicaOutcome> outcomes = new ArrayList<>();
        try (ExecutorService writers = Executors.newFixedThreadPool(8)) {
            List<Future<ReplicaOutcome>> results = new ArrayList<>();
            for (long version : versions) {
                results.add(writers.submit(() -> replica.apply(changed(id, version))));
            }
            for (Future<ReplicaOutcome> result : results) {
                outcomes.add(result.get());
            }
        }

        assertThat(replica.find(id)).map(OrganisationChanged::version).contains(12L);
        assertThat(outcomes).doesNotContain(ReplicaOutcome.DELETED).contains(ReplicaOutcome.APPLIED);
        assertThat(outcomes.stream().filter(ReplicaOutcome.STALE::equals)).hasSizeGreaterThanOrEqualTo(12);
    }

    @Test
    void shouldCountEachOutcomeWhenEventsAreApplied() {
        String id = newId();
        replica.apply(changed(id, 1));
        replica.apply(changed(id, 1));
        replica.apply(changed(id, 2));
        replica.apply(tombstone(id, 3));

        assertThat(count("applied")).isEqualTo(2);
        assertThat(count("stale")).isEqualTo(1);
        assertThat(count("deleted")).isEqualTo(1);
    }

    @Test
    void shouldListLiveEntitiesByIdWhenPaging() {
        String first = "a-" + newId();
        String deleted = "b-" + newId();
        String second = "c-" + newId();
        String third = "d-" + newId();
        for (String id : List.of(third, deleted, first, second)) {
            replica.apply(changed(id, 1));
        }
        replica.apply(tombstone(deleted, 2));

        assertThat(replica.page(null, 2)).extracting(StateEvent::aggregateId).containsExactly(first, second);
        assertThat(replica.page(second, 2)).extracting(StateEvent::aggregateId).containsExactly(third);
    }

    @Test
    void shouldCountLiveEntitiesPerStateValueWhenGrouping() {
        replica.apply(changed(organisation(newId(), 1, OrganisationType.IMPRESA, "CR")));
        replica.apply(changed(organisation(newId(), 3, OrganisationType.IMPRESA, "MI")));
        replica.apply(changed(organisation(newId(), 1, OrganisationType.ORGANISMO_DI_RICERCA, "CR")));
        String deleted = newId();
        replica.apply(changed(organisation(deleted, 1, OrganisationType.ALTRO_ENTE, "CR")));
        replica.apply(tombstone(deleted, 2));

        assertThat(replica.countBy("type", Map.of()))
                .containsOnly(Map.entry("IMPRESA", 2L), Map.entry("ORGANISMO_DI_RICERCA", 1L));
        assertThat(replica.countBy("type", Map.of("address.province", "CR")))
                .containsOnly(Map.entry("IMPRESA", 1L), Map.entry("ORGANISMO_DI_RICERCA", 1L));
    }

    @Test
    void shouldRejectEventWhenItCarriesAnotherStateType() {
        VersionedReplica<OtherState> others =
                new VersionedReplica<>(ReplicaFixture.mongo(), replica.name() + "_other", OtherState.class, meters);
        ReceivedEvent event = changed(newId(), 1);

        assertThatThrownBy(() -> others.apply(event))
                .isInstanceOf(EventDecodingException.class)
                .hasMessageContaining(EventType.ORGANISATION_CHANGED.name())
                .hasMessageContaining("OtherState");
    }

    private Document held(String id) {
        return Optional.ofNullable(ReplicaFixture.mongo().findById(id, Document.class, replica.name()))
                .orElseThrow();
    }

    private double count(String outcome) {
        return ReplicaFixture.outcomes(meters, replica, outcome);
    }

    record OtherState(String aggregateId, long version) implements StateEvent {}
}
