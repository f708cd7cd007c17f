package it.osservatorio.projects.demo;

import static org.assertj.core.api.Assertions.assertThat;

import it.osservatorio.testing.HttpTestClient;
import it.osservatorio.testing.LocalInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "osservatorio.demo.enabled=true")
class DemoDataIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        LocalInfrastructure.register(registry, "projects_demo_it");
    }

    @LocalServerPort
    int port;

    @Autowired
    DemoDataLoader loader;

    @Test
    void shouldLoadPactProjectsAndCallOnceAndChangeNothingWhenLoadedAgain() {
        DemoDataLoader.Report again = loader.load();

        assertThat(again.projects()).isEqualTo(new DemoDataLoader.Loaded(0, 0, 168));
        assertThat(again.calls()).isEqualTo(new DemoDataLoader.Loaded(0, 0, 1));
        HttpTestClient http = new HttpTestClient("http://localhost:" + port);
        JsonNode totals = JSON.readTree(http.get("/projects/totals?by=axis&owner=osservatorio-demo")
                .send()
                .body());
        assertThat(totals.path("overall").path("projects").asLong()).isEqualTo(168);
        assertThat(totals.path("overall").path("projectsWithCost").asLong()).isZero();
        assertThat(totals.path("groups").path(2).path("key").asString()).isEqualTo("3");
        assertThat(totals.path("groups").path(2).path("projects").asLong()).isEqualTo(43);
        JsonNode sistemaLatte = JSON.readTree(
                http.get("/projects/prj-demo-patto2007-001").send().body());
        assertThat(sistemaLatte.path("title").asString()).isEqualTo("Sistema latte");
        assertThat(sistemaLatte.path("programme").path("kind").asString()).isEqualTo("CREMONA_PACT");
        assertThat(sistemaLatte.path("totalCost").isNull()).isTrue();
        JsonNode call = JSON.readTree(
                http.get("/calls/call-demo-rl-cluster-2026").send().body());
        assertThat(call.path("deadline").asString()).isEqualTo("2026-03-05T23:59:59+01:00");
        assertThat(call.path("status").asString()).isEqualTo("CLOSED");
    }
}
