package it.osservatorio.notifications.delivery.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import it.osservatorio.notifications.delivery.domain.Delivery;
import it.osservatorio.notifications.subscription.domain.Channel;
import it.osservatorio.notifications.subscription.domain.EventKind;
import it.osservatorio.testing.LocalInfrastructure;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

class MongoDeliveryStoreIT {

    private MongoClient client;
    private MongoDeliveryStore store;

    @BeforeEach
    void connect() {
        LocalInfrastructure.start();
        String database =
                "notifications_store_it_" + UUID.randomUUID().toString().substring(0, 8);
        client = MongoClients.create(LocalInfrastructure.mongoUri(database));
        store = new MongoDeliveryStore(new MongoTemplate(client, database));
    }

    @AfterEach
    void disconnect() {
        client.close();
    }

    @Test
    void shouldRecordOnlyNewDeliveriesWhenNoticeIsDispatchedAgain() {
        List<Delivery> first = deliveries("call.published:call-1", 0, 3);
        List<Delivery> again = deliveries("call.published:call-1", 0, 5);

        List<Delivery> recordedFirst = store.insertAllIfAbsent(first);
        List<Delivery> recordedAgain = store.insertAllIfAbsent(again);

        assertThat(recordedFirst).extracting(Delivery::id).containsExactlyElementsOf(ids(first));
        assertThat(recordedAgain).extracting(Delivery::id).containsExactlyElementsOf(ids(again.subList(3, 5)));
        assertThat(store.insertAllIfAbsent(again)).isEmpty();
        assertThat(store.find(again.get(4).id())).isPresent();
    }

    private static List<Delivery> deliveries(String noticeKey, int from, int to) {
        Instant now = Instant.parse("2026-12-02T10:00:00Z");
        return IntStream.range(from, to)
                .mapToObj(i -> Delivery.pending(
                        "sub-" + i,
                        Channel.WEBHOOK,
                        noticeKey,
                        EventKind.CALL_PUBLISHED,
                        "call-1",
                        "{\"type\":\"call.published\"}",
                        now,
                        now))
                .toList();
    }

    private static List<String> ids(List<Delivery> deliveries) {
        return deliveries.stream().map(Delivery::id).toList();
    }
}
