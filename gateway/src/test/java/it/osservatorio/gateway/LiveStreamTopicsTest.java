package it.osservatorio.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import it.osservatorio.contracts.Topics;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

class LiveStreamTopicsTest {

    @Test
    @SuppressWarnings("unchecked")
    void shouldReadEveryPlatformTopicWhenTheLiveStreamBindingIsConfigured() throws IOException {
        Map<String, Object> configuration;
        try (InputStream in = getClass().getResourceAsStream("/application.yml")) {
            configuration = new Yaml().load(in);
        }
        Map<String, Object> binding =
                (Map<String, Object>) path(configuration, "spring", "cloud", "stream", "bindings", "liveStream-in-0");

        assertThat(Arrays.stream(binding.get("destination").toString().split(","))
                        .map(String::trim)
                        .toList())
                .containsExactlyInAnyOrderElementsOf(Topics.ALL);
    }

    @SuppressWarnings("unchecked")
    private static Object path(Map<String, Object> root, String... keys) {
        Object node = root;
        for (String key : keys) {
            node = ((Map<String, Object>) node).get(key);
        }
        return node;
    }
}
