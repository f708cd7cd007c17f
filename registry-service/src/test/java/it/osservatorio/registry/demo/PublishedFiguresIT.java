package it.osservatorio.registry.demo;

import static org.assertj.core.api.Assertions.assertThat;

import it.osservatorio.testing.HttpTestClient;
import it.osservatorio.testing.LocalInfrastructure;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The statistics endpoint, over the demo data, reproduces the member tables the reports publish: the nine Cluster
 * Tecnologici Lombardi (report 003: 755 = 555 imprese + 109 organismi di ricerca + 91 altri enti), the new cosmetics
 * cluster's seven founders (2026-02-17) and the six Cremona filiere's 136 actors.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "osservatorio.demo.enabled=true")
class PublishedFiguresIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** imprese, organismi di ricerca, altri enti, as printed per cluster in report 003. */
    private static final Map<String, List<Integer>> CLUSTERS_AS_PRINTED = Map.of(
            "Associazione Fabbrica Intelligente Lombardia", List.of(116, 14, 14),
            "Cluster Alta Tecnologia Agrifood Lombardia", List.of(4, 4, 6),
            "Cluster Lombardo della Mobilità", List.of(70, 4, 9),
            "Cluster Lombardo Scienze della Vita", List.of(61, 38, 11),
            "Fondazione Cluster Lombardo Tecnologie per gli Ambienti di Vita", List.of(19, 12, 8),
            "Fondazione Cluster Tecnologie per le Smart Cities & Communities Lombardia", List.of(52, 8, 12),
            "Lombardia Aerospace Cluster", List.of(91, 6, 2),
            "Lombardy Energy Cleantech Cluster", List.of(109, 12, 23),
            "Lombardy Green Chemistry Association", List.of(33, 11, 6));

    private static final String COSMETICS = "Cluster Tecnologico Lombardo del Made in Italy – Sistema Cosmetico";

    private static final Map<String, Integer> FILIERE_ACTORS = Map.of(
            "Filiera della Golden Age", 15,
            "Filiera Cosmetica Lombarda", 36,
            "Filiera Agrozootecnica", 21,
            "Filiera della Musica", 14,
            "Filiera produttiva dell'Arte Organaria", 23,
            "Filiera Metalmeccanica", 27);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        LocalInfrastructure.register(registry, "registry_published_figures_it");
    }

    @LocalServerPort
    int port;

    HttpTestClient http;

    @BeforeEach
    void setUp() {
        http = new HttpTestClient("http://localhost:" + port);
    }

    @Test
    void shouldReproduceThePublishedClusterTableWhenAskedAsOfTheEndOf2024() {
        JsonNode report = statistics("asOf=2024-12-31&networkKind=CLUSTER");

        Map<String, List<Integer>> counted = countsByName(report);
        CLUSTERS_AS_PRINTED.forEach(
                (name, printed) -> assertThat(counted.get(name)).as(name).isEqualTo(printed));
        assertThat(counted.get(COSMETICS)).as("not founded yet").isEqualTo(List.of(0, 0, 0));
        JsonNode clusters = totals(report, "CLUSTER").path("sumOverNetworks");
        assertThat(List.of(
                        clusters.path("total").asInt(),
                        clusters.path("imprese").asInt(),
                        clusters.path("organismiDiRicerca").asInt(),
                        clusters.path("altriEnti").asInt()))
                .isEqualTo(List.of(755, 555, 109, 91));
    }

    @Test
    void shouldCountTheCosmeticsFoundersWhenAskedAfterTheFoundingDay() {
        Map<String, List<Integer>> before = countsByName(statistics("asOf=2026-02-16&networkKind=CLUSTER"));
        Map<String, List<Integer>> after = countsByName(statistics("asOf=2026-02-17&networkKind=CLUSTER"));

        assertThat(before.get(COSMETICS).stream().mapToInt(Integer::intValue).sum())
                .isZero();
        assertThat(after.get(COSMETICS).stream().mapToInt(Integer::intValue).sum())
                .isEqualTo(7);
    }

    @Test
    void shouldReproduceTheFiliereActorsWhenAskedForFiliere() {
        JsonNode report = statistics("asOf=2024-12-31&networkKind=FILIERA");

        Map<String, Integer> totals = new HashMap<>();
        report.path("networks")
                .forEach(row -> totals.put(
                        row.path("name").asString(),
                        row.path("members").path("total").asInt()));
        assertThat(totals).isEqualTo(FILIERE_ACTORS);
        assertThat(totals(report, "FILIERA")
                        .path("sumOverNetworks")
                        .path("total")
                        .asInt())
                .isEqualTo(136);
    }

    private JsonNode statistics(String query) {
        HttpResponse<String> response = http.get("/statistics/members?" + query).send();
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static Map<String, List<Integer>> countsByName(JsonNode report) {
        Map<String, List<Integer>> counts = new HashMap<>();
        report.path("networks").forEach(row -> {
            JsonNode members = row.path("members");
            counts.put(
                    row.path("name").asString(),
                    List.of(
                            members.path("imprese").asInt(),
                            members.path("organismiDiRicerca").asInt(),
                            members.path("altriEnti").asInt()));
        });
        return counts;
    }

    private static JsonNode totals(JsonNode report, String scope) {
        for (JsonNode totals : report.path("totals")) {
            if (scope.equals(totals.path("scope").asString())) {
                return totals;
            }
        }
        throw new AssertionError("No totals for scope " + scope + " in " + report);
    }
}
