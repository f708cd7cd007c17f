package it.osservatorio.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** The AsyncAPI document and the code describe the same topics and messages. */
class AsyncApiDocumentTest {

    private static Map<String, Object> document;

    @BeforeAll
    static void load() throws Exception {
        try (InputStream in = AsyncApiDocumentTest.class.getClassLoader().getResourceAsStream("asyncapi.yaml")) {
            document = new Yaml().load(in);
        }
    }

    @Test
    void shouldBeAsyncApiThree() {
        assertThat(document.get("asyncapi")).isEqualTo("3.0.0");
    }

    @Test
    void shouldHaveChannelForEveryTopicConstantAndConstantForEveryChannel() throws Exception {
        Set<String> constants = topicConstants();
        Set<String> addresses = channels().values().stream()
                .map(channel -> (String) channel.get("address"))
                .collect(Collectors.toSet());

        assertThat(addresses).as("channels without a constant in Topics").isSubsetOf(constants);
        assertThat(constants).as("constants in Topics without a channel").isSubsetOf(addresses);
        assertThat(Topics.ALL).containsExactlyInAnyOrderElementsOf(constants);
    }

    @Test
    void shouldDeclareEveryEventTypeAsMessageOfItsTopicsChannel() {
        for (EventType type : EventType.values()) {
            Map<String, Object> channel = channelFor(type.topic());
            List<String> names = new ArrayList<>();
            for (Object message : ((Map<?, ?>) channel.get("messages")).values()) {
                names.add((String)
                        resolve((String) ((Map<?, ?>) message).get("$ref")).get("name"));
            }
            assertThat(names).as("messages of " + type.topic()).contains(type.ceType());
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldDeclareStateChannelsCompactedAndFactChannelsDeletedWhenComparedWithTheirEventTypes() {
        for (String topic : Topics.ALL) {
            Map<String, Object> channel = channelFor(topic);
            Map<?, ?> kafka = (Map<?, ?>) ((Map<?, ?>) channel.get("bindings")).get("kafka");
            Map<?, ?> topicConfiguration = (Map<?, ?>) kafka.get("topicConfiguration");
            boolean state = java.util.Arrays.stream(EventType.values())
                    .filter(type -> type.topic().equals(topic))
                    .allMatch(EventType::isState);
            assertThat((List<Object>) topicConfiguration.get("cleanup.policy"))
                    .as(topic + " cleanup.policy")
                    .containsExactly(state ? "compact" : "delete");
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> channels() {
        return (Map<String, Map<String, Object>>) document.get("channels");
    }

    private static Map<String, Object> channelFor(String topic) {
        return channels().values().stream()
                .filter(channel -> topic.equals(channel.get("address")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No channel for " + topic));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> resolve(String ref) {
        Object node = document;
        for (String part : ref.substring(2).split("/")) {
            node = ((Map<String, Object>) node).get(part);
        }
        return (Map<String, Object>) node;
    }

    private static Set<String> topicConstants() throws IllegalAccessException {
        Set<String> constants = new java.util.HashSet<>();
        for (Field field : Topics.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                constants.add((String) field.get(null));
            }
        }
        return constants;
    }
}
