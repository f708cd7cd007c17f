package it.osservatorio.registry.membership;

import static it.osservatorio.registry.organisation.OrganisationRequestFixture.anOrganisation;
import static org.assertj.core.api.Assertions.assertThat;

import it.osservatorio.contracts.EventType;
import it.osservatorio.contracts.ReceivedEvent;
import it.osservatorio.contracts.Topics;
import it.osservatorio.contracts.registry.MembershipChanged;
import it.osservatorio.contracts.registry.NetworkChanged;
import it.osservatorio.platform.security.CallerIdentity;
import it.osservatorio.platform.web.ConflictException;
import it.osservatorio.registry.membership.application.MembershipService;
import it.osservatorio.registry.membership.domain.MembershipRole;
import it.osservatorio.registry.membership.domain.MembershipTerms;
import it.osservatorio.registry.network.domain.NetworkKind;
import it.osservatorio.registry.validation.InvalidDetailsException;
import it.osservatorio.testing.HttpTestClient;
import it.osservatorio.testing.LocalInfrastructure;
import it.osservatorio.testing.TestIdentity;
import it.osservatorio.testing.TopicReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MembershipApiIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String REGIONE = "regione-lombardia";
    private static final String CAMERA = "camera-commercio-cremona";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        LocalInfrastructure.register(registry, "registry_membership_it");
    }

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    MembershipService memberships;

    HttpTestClient http;

    @BeforeEach
    void client() {
        http = new HttpTestClient("http://localhost:" + port);
    }

    @Test
    void shouldPublishWholeStateWithVersionsWhenMembershipIsCreatedUpdatedAndDeleted() {
        String organisation = organisation(CAMERA, "IMPRESA");
        String cluster = network(REGIONE, "clusters");

        HttpResponse<String> created = http.post(
                        "/memberships", membership(organisation, "CLUSTER", cluster, "2020-01-01", null))
                .bearer(token(CAMERA))
                .send();
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = json(created).path("id").asString();
        assertThat(id).startsWith("membership-");
        assertThat(created.headers().firstValue("Location")).hasValue("/memberships/" + id);
        assertThat(created.headers().firstValue("ETag")).hasValue("\"1\"");
        JsonNode read = json(http.get("/memberships/" + id).send());
        assertThat(read.path("ownerInstitutionId").asString()).isEqualTo(CAMERA);
        assertThat(read.path("validFrom").asString()).isEqualTo("2020-01-01");
        assertThat(read.path("validTo").isNull()).isTrue();

        HttpResponse<String> updated = http.put(
                        "/memberships/" + id, membership(organisation, "CLUSTER", cluster, "2020-01-01", "2024-12-31"))
                .bearer(token(CAMERA))
                .header("If-Match", "\"1\"")
                .send();
        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
        assertThat(updated.headers().firstValue("ETag")).hasValue("\"2\"");
        assertThat(http.delete("/memberships/" + id)
                        .bearer(token(CAMERA))
                        .header("If-Match", "\"2\"")
                        .send()
                        .statusCode())
                .isEqualTo(204);
        assertThat(http.get("/memberships/" + id).send().statusCode()).isEqualTo(404);

        List<ReceivedEvent> events = TopicReader.eventsFor(
                LocalInfrastructure.kafkaBootstrapServers(), Topics.MEMBERSHIPS, id::equals, 3, Duration.ofSeconds(30));
        assertThat(events).extracting(ReceivedEvent::aggregateVersion).containsExactly(1L, 2L, 3L);
        assertThat(events)
                .extracting(ReceivedEvent::type)
                .containsExactly(
                        EventType.MEMBERSHIP_CHANGED, EventType.MEMBERSHIP_CHANGED, EventType.MEMBERSHIP_DELETED);
        MembershipChanged first = events.get(0).payloadAs(MembershipChanged.class);
        assertThat(first.change()).isEqualTo(MembershipChanged.Change.REGISTERED);
        assertThat(first.organisationId()).isEqualTo(organisation);
        assertThat(first.networkKind()).isEqualTo(NetworkChanged.Kind.CLUSTER);
        assertThat(first.networkId()).isEqualTo(cluster);
        assertThat(first.role()).isEqualTo(MembershipChanged.Role.ASSOCIATE);
        assertThat(first.validFrom()).isEqualTo(LocalDate.of(2020, 1, 1));
        assertThat(first.validTo()).isNull();
        MembershipChanged second = events.get(1).payloadAs(MembershipChanged.class);
        assertThat(second.change()).isEqualTo(MembershipChanged.Change.UPDATED);
        assertThat(second.validTo()).isEqualTo(LocalDate.of(2024, 12, 31));
        assertThat(events.get(2).isTombstone()).isTrue();
    }

    @Test
    void shouldRefuseRowsOverlappingStoredOrEarlierRowsWhenRegisteringMany() {
        String organisation = organisation(CAMERA, "IMPRESA");
        String cluster = network(REGIONE, "clusters");
        String filiera = network(CAMERA, "filiere");
        String stored = create(CAMERA, membership(organisation, "CLUSTER", cluster, "2019-01-01", "2020-12-31"));
        CallerIdentity camera = new CallerIdentity(CAMERA, "Camera di Commercio", Set.of("read", "write"));

        List<MembershipService.Registration> registrations = memberships.registerAll(
                List.of(
                        terms(organisation, NetworkKind.CLUSTER, cluster, "2020-06-01", null), // overlaps stored
                        terms(organisation, NetworkKind.CLUSTER, cluster, "2021-01-01", null),
                        terms(organisation, NetworkKind.CLUSTER, cluster, "2023-01-01", null), // overlaps row 2
                        terms(organisation, NetworkKind.FILIERA, filiera, "2021-01-01", null),
                        terms("org-unknown", NetworkKind.FILIERA, filiera, "2021-01-01", null)),
                camera);

        assertThat(registrations.get(0).refusal()).isInstanceOf(ConflictException.class);
        assertThat(registrations.get(0).refusal().getMessage()).contains(stored);
        assertThat(registrations.get(1).membership()).isNotNull();
        assertThat(registrations.get(2).refusal()).isInstanceOf(ConflictException.class);
        assertThat(registrations.get(3).membership()).isNotNull();
        assertThat(registrations.get(4).refusal()).isInstanceOf(InvalidDetailsException.class);
        String registered = registrations.get(1).membership().id();
        assertThat(http.get("/memberships/" + registered).send().statusCode()).isEqualTo(200);
        assertThat(TopicReader.eventsFor(
                        LocalInfrastructure.kafkaBootstrapServers(),
                        Topics.MEMBERSHIPS,
                        registered::equals,
                        1,
                        Duration.ofSeconds(30)))
                .extracting(ReceivedEvent::aggregateVersion)
                .containsExactly(1L);
    }

    private static MembershipTerms terms(
            String organisation, NetworkKind kind, String network, String from, String to) {
        return new MembershipTerms(
                organisation,
                kind,
                network,
                MembershipRole.ASSOCIATE,
                LocalDate.parse(from),
                to == null ? null : LocalDate.parse(to));
    }

    @Test
    void shouldRebuildExactlyTheCurrentStateWhenTopicIsReadFromOffsetZero() {
        String organisation = organisation(CAMERA, "IMPRESA");
        String cluster = network(REGIONE, "clusters");
        String filiera = network(CAMERA, "filiere");
        String otherCluster = network(REGIONE, "clusters");
        String kept = create(CAMERA, membership(organisation, "CLUSTER", cluster, "2019-01-01", null));
        String changed = create(CAMERA, membership(organisation, "FILIERA", filiera, "2021-01-01", null));
        String deleted = create(CAMERA, membership(organisation, "CLUSTER", otherCluster, "2021-01-01", null));
        assertThat(http.put(
                                "/memberships/" + changed,
                                membership(organisation, "FILIERA", filiera, "2021-01-01", "2023-06-30"))
                        .bearer(token(CAMERA))
                        .header("If-Match", "\"1\"")
                        .send()
                        .statusCode())
                .isEqualTo(200);
        assertThat(http.delete("/memberships/" + deleted)
                        .bearer(token(CAMERA))
                        .send()
                        .statusCode())
                .isEqualTo(204);
        Set<String> ids = Set.of(kept, changed, deleted);

        Map<String, ReceivedEvent> rebuilt = new HashMap<>();
        TopicReader.eventsFor(
                        LocalInfrastructure.kafkaBootstrapServers(),
                        Topics.MEMBERSHIPS,
                        ids::contains,
                        5,
                        Duration.ofSeconds(30))
                .forEach(event -> rebuilt.merge(
                        event.subject(),
                        event,
                        (held, next) -> next.aggregateVersion() > held.aggregateVersion() ? next : held));
        rebuilt.values().removeIf(ReceivedEvent::isTombstone);

        assertThat(rebuilt).containsOnlyKeys(kept, changed);
        for (String id : List.of(kept, changed)) {
            JsonNode current = json(http.get("/memberships/" + id).send());
            MembershipChanged state = rebuilt.get(id).payloadAs(MembershipChanged.class);
            assertThat(state.version()).isEqualTo(current.path("version").asLong());
            assertThat(state.organisationId())
                    .isEqualTo(current.path("organisationId").asString());
            assertThat(state.networkId()).isEqualTo(current.path("networkId").asString());
            assertThat(state.networkKind().name())
                    .isEqualTo(current.path("networkKind").asString());
            assertThat(state.role().name()).isEqualTo(current.path("role").asString());
            assertThat(state.validFrom()).hasToString(current.path("validFrom").asString());
            assertThat(String.valueOf(state.validTo()))
                    .isEqualTo(
                            current.path("validTo").isNull()
                                    ? "null"
                                    : current.path("validTo").asString());
        }
    }

    @Test
    void shouldNameTheFieldWhenOrganisationOrNetworkIsUnknownOrDatesAreWrong() {
        String organisation = organisation(CAMERA, "IMPRESA");
        String cluster = network(REGIONE, "clusters");
        String filiera = network(CAMERA, "filiere");

        HttpResponse<String> unknownOrganisation = http.post(
                        "/memberships", membership("org-does-not-exist", "CLUSTER", cluster, "2020-01-01", null))
                .bearer(token(CAMERA))
                .send();
        HttpResponse<String> filieraAsCluster = http.post(
                        "/memberships", membership(organisation, "CLUSTER", filiera, "2020-01-01", null))
                .bearer(token(CAMERA))
                .send();
        HttpResponse<String> backwards = http.post(
                        "/memberships", membership(organisation, "CLUSTER", cluster, "2022-05-01", "2022-04-30"))
                .bearer(token(CAMERA))
                .send();
        HttpResponse<String> malformed = http.post(
                        "/memberships", membership(organisation, "CLUSTER", cluster, "01/05/2022", "2022-13-01"))
                .bearer(token(CAMERA))
                .send();
        HttpResponse<String> badKind = http.post(
                        "/memberships", membership(organisation, "DISTRETTO", cluster, "2022-05-01", null))
                .bearer(token(CAMERA))
                .send();
        HttpResponse<String> notJson =
                http.post("/memberships", "{oops").bearer(token(CAMERA)).send();

        assertThat(unknownOrganisation.statusCode()).isEqualTo(400);
        assertThat(fields(unknownOrganisation)).containsExactly("organisationId");
        assertThat(unknownOrganisation.body()).contains("org-does-not-exist");
        assertThat(filieraAsCluster.statusCode()).isEqualTo(400);
        assertThat(fields(filieraAsCluster)).containsExactly("networkId");
        assertThat(backwards.statusCode()).isEqualTo(400);
        assertThat(fields(backwards)).containsExactly("validTo");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(fields(malformed)).containsExactlyInAnyOrder("validFrom", "validTo");
        assertThat(badKind.statusCode()).isEqualTo(400);
        assertThat(fields(badKind)).containsExactly("networkKind");
        assertThat(notJson.statusCode()).isEqualTo(400);
    }

    @Test
    void shouldAnswerConflictPointingAtExistingWhenMembershipOverlapsInTheSameNetwork() {
        String organisation = organisation(CAMERA, "IMPRESA");
        String cluster = network(REGIONE, "clusters");
        String existing = create(CAMERA, membership(organisation, "CLUSTER", cluster, "2020-01-01", "2022-12-31"));

        HttpResponse<String> overlapping = http.post(
                        "/memberships", membership(organisation, "CLUSTER", cluster, "2022-12-31", null))
                .bearer(token(CAMERA))
                .send();
        HttpResponse<String> following = http.post(
                        "/memberships", membership(organisation, "CLUSTER", cluster, "2023-01-01", null))
                .bearer(token(CAMERA))
                .send();
        HttpResponse<String> stretched = http.put(
                        "/memberships/" + existing, membership(organisation, "CLUSTER", cluster, "2020-01-01", null))
                .bearer(token(CAMERA))
                .send();

        assertThat(overlapping.statusCode()).isEqualTo(409);
        assertThat(json(overlapping).path("existing").asString()).isEqualTo("/memberships/" + existing);
        assertThat(following.statusCode()).as(following.body()).isEqualTo(201);
        assertThat(stretched.statusCode()).isEqualTo(409);
        assertThat(json(stretched).path("existing").asString())
                .isEqualTo("/memberships/" + json(following).path("id").asString());
    }

    @Test
    void shouldAnswerUnauthorizedOrForbiddenWhenCallerMayNotWriteTheOrganisation() {
        String organisation = organisation(CAMERA, "IMPRESA");
        String cluster = network(REGIONE, "clusters");
        String body = membership(organisation, "CLUSTER", cluster, "2020-01-01", null);

        assertThat(http.post("/memberships", body).send().statusCode()).isEqualTo(401);
        HttpResponse<String> foreign =
                http.post("/memberships", body).bearer(token(REGIONE)).send();
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(foreign.body()).contains(CAMERA);

        String id = create(CAMERA, body);
        assertThat(http.put("/memberships/" + id, body)
                        .bearer(token(REGIONE))
                        .send()
                        .statusCode())
                .isEqualTo(403);
        assertThat(http.delete("/memberships/" + id)
                        .bearer(token(REGIONE))
                        .send()
                        .statusCode())
                .isEqualTo(403);
        assertThat(http.put("/memberships/" + id, body)
                        .bearer(TestIdentity.token("admin", "read", "write", "admin"))
                        .send()
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void shouldAnswerNotFoundOrPreconditionFailedWhenIdIsUnknownOrIfMatchIsStale() {
        String organisation = organisation(CAMERA, "IMPRESA");
        String cluster = network(REGIONE, "clusters");
        String body = membership(organisation, "CLUSTER", cluster, "2020-01-01", null);
        String id = create(CAMERA, body);
        http.put("/memberships/" + id, body).bearer(token(CAMERA)).send();

        HttpResponse<String> stale = http.put("/memberships/" + id, body)
                .bearer(token(CAMERA))
                .header("If-Match", "\"1\"")
                .send();
        HttpResponse<String> staleDelete = http.delete("/memberships/" + id)
                .bearer(token(CAMERA))
                .header("If-Match", "\"1\"")
                .send();
        HttpResponse<String> missing =
                http.get("/memberships/membership-does-not-exist").send();

        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(json(stale).path("currentVersion").asLong()).isEqualTo(2);
        assertThat(staleDelete.statusCode()).isEqualTo(412);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(json(missing).path("detail").asString()).contains("membership-does-not-exist");
        assertThat(http.delete("/memberships/membership-does-not-exist")
                        .bearer(token(CAMERA))
                        .send()
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void shouldFilterAndPageWhenSearchingMemberships() {
        String organisation = organisation(CAMERA, "IMPRESA");
        String cluster = network(REGIONE, "clusters");
        String filiera = network(CAMERA, "filiere");
        String past = create(CAMERA, membership(organisation, "CLUSTER", cluster, "2015-01-01", "2018-12-31"));
        String current = create(CAMERA, membership(organisation, "CLUSTER", cluster, "2019-01-01", null));
        String supplyChain = create(CAMERA, membership(organisation, "FILIERA", filiera, "2016-01-01", null));

        assertThat(ids(http.get("/memberships?organisationId=" + organisation).send()))
                .containsExactly(past, current, supplyChain);
        assertThat(ids(http.get("/memberships?organisationId=" + organisation + "&activeOn=2017-06-30")
                        .send()))
                .containsExactly(past, supplyChain);
        assertThat(ids(http.get("/memberships?networkId=" + cluster + "&activeOn=2024-01-01")
                        .send()))
                .containsExactly(current);
        assertThat(ids(http.get("/memberships?organisationId=" + organisation + "&networkKind=filiera")
                        .send()))
                .containsExactly(supplyChain);
        JsonNode firstPage = json(
                http.get("/memberships?limit=2&organisationId=" + organisation).send());
        assertThat(firstPage.path("nextCursor").asString()).isEqualTo(current);
        assertThat(ids(http.get("/memberships?limit=2&organisationId=" + organisation + "&cursor=" + current)
                        .send()))
                .containsExactly(supplyChain);

        HttpResponse<String> unknown = http.get("/memberships?colour=blue&activeOn=yesterday&limit=many")
                .send();
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(fields(unknown)).containsExactlyInAnyOrder("colour", "activeOn", "limit");
        assertThat(unknown.body()).contains("must be a whole number between 1 and 200");
        assertThat(fields(http.get("/clusters?limit=0").send())).containsExactly("limit");
        assertThat(unknown.body()).contains("activeOn, cursor, limit, networkId, networkKind, organisationId");
    }

    @Test
    void shouldFindOrganisationsByClusterOrFilieraWhenTheirMembershipIsActiveToday() {
        String member = organisation(CAMERA, "IMPRESA");
        String former = organisation(CAMERA, "IMPRESA");
        String outsider = organisation(CAMERA, "IMPRESA");
        String cluster = network(REGIONE, "clusters");
        String filiera = network(CAMERA, "filiere");
        create(CAMERA, membership(member, "CLUSTER", cluster, "2019-01-01", null));
        create(CAMERA, membership(former, "CLUSTER", cluster, "2015-01-01", "2018-12-31"));
        create(CAMERA, membership(outsider, "FILIERA", filiera, "2016-01-01", null));

        assertThat(organisationIds(http.get("/organisations?cluster=" + cluster).send()))
                .containsExactly(member);
        assertThat(organisationIds(http.get("/organisations?filiera=" + filiera).send()))
                .containsExactly(outsider);
        HttpResponse<String> unknown = http.get("/organisations?cluster=NOPE").send();
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(fields(unknown)).containsExactly("cluster");
    }

    private static List<String> organisationIds(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<String> ids = new java.util.ArrayList<>();
        json(response).path("items").forEach(item -> ids.add(item.path("id").asString()));
        return ids;
    }

    @Test
    void shouldCountMembersByTypeWhenStatisticsAreAskedBeforeWithinAndAfterValidity() {
        String impresa = organisation(CAMERA, "IMPRESA");
        String universita = organisation(CAMERA, "ORGANISMO_DI_RICERCA");
        String ente = organisation(CAMERA, "ALTRO_ENTE");
        String cluster = network(REGIONE, "clusters");
        String filiera = network(CAMERA, "filiere");
        create(CAMERA, membership(impresa, "CLUSTER", cluster, "2022-01-01", "2022-12-31"));
        create(CAMERA, membership(universita, "CLUSTER", cluster, "2022-06-01", null));
        create(CAMERA, membership(impresa, "FILIERA", filiera, "2020-01-01", null));
        String withdrawn = create(CAMERA, membership(ente, "CLUSTER", cluster, "2020-01-01", null));
        String gone = organisation(CAMERA, "ALTRO_ENTE");
        create(CAMERA, membership(gone, "CLUSTER", cluster, "2020-01-01", null));
        assertThat(http.delete("/memberships/" + withdrawn)
                        .bearer(token(CAMERA))
                        .send()
                        .statusCode())
                .isEqualTo(204);
        assertThat(http.delete("/organisations/" + gone)
                        .bearer(token(CAMERA))
                        .send()
                        .statusCode())
                .isEqualTo(204);

        assertThat(counts(stats("asOf=2021-12-31"), cluster)).isEqualTo(List.of(0, 0, 0, 0));
        assertThat(counts(stats("asOf=2022-07-01"), cluster)).isEqualTo(List.of(1, 1, 0, 2));
        assertThat(counts(stats("asOf=2023-01-01"), cluster)).isEqualTo(List.of(0, 1, 0, 1));
        assertThat(counts(stats("asOf=2022-07-01"), filiera)).isEqualTo(List.of(1, 0, 0, 1));
        JsonNode today = stats("");
        assertThat(today.path("asOf").asString()).isNotBlank();
        assertThat(counts(today, cluster)).isEqualTo(List.of(0, 1, 0, 1));

        JsonNode onlyFiliere = stats("asOf=2022-07-01&networkKind=FILIERA");
        assertThat(onlyFiliere.path("networks").valueStream().map(row -> row.path("kind")
                        .asString()))
                .containsOnly("FILIERA");
        JsonNode all = total(stats("asOf=2022-07-01"), "ALL");
        assertThat(all.path("sumOverNetworks").path("total").asInt())
                .isGreaterThanOrEqualTo(
                        all.path("distinctOrganisations").path("total").asInt());

        HttpResponse<String> bad =
                http.get("/statistics/members?asOf=2022-02-30&kind=CLUSTER").send();
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(fields(bad)).containsExactlyInAnyOrder("asOf", "kind");
    }

    private JsonNode stats(String query) {
        HttpResponse<String> response = http.get("/statistics/members?" + query).send();
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    private static List<Integer> counts(JsonNode report, String networkId) {
        JsonNode members = report.path("networks")
                .valueStream()
                .filter(row -> row.path("networkId").asString().equals(networkId))
                .findFirst()
                .orElseThrow(() -> new AssertionError(networkId + " not in " + report))
                .path("members");
        return List.of(
                members.path("imprese").asInt(),
                members.path("organismiDiRicerca").asInt(),
                members.path("altriEnti").asInt(),
                members.path("total").asInt());
    }

    private static JsonNode total(JsonNode report, String scope) {
        return report.path("totals")
                .valueStream()
                .filter(row -> row.path("scope").asString().equals(scope))
                .findFirst()
                .orElseThrow();
    }

    private String create(String institution, String body) {
        HttpResponse<String> created =
                http.post("/memberships", body).bearer(token(institution)).send();
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created).path("id").asString();
    }

    private String organisation(String institution, String type) {
        HttpResponse<String> created = http.post(
                        "/organisations", anOrganisation().type(type).json())
                .bearer(token(institution))
                .send();
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created).path("id").asString();
    }

    private String network(String institution, String collection) {
        String acronym = "T" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        HttpResponse<String> created = http.post("/" + collection, """
                        {"acronym":"%s","name":"Rete di prova %s"}""".formatted(acronym, acronym))
                .bearer(token(institution))
                .send();
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created).path("id").asString();
    }

    private static String membership(
            String organisationId, String kind, String networkId, String validFrom, String validTo) {
        return """
                {"organisationId":"%s","networkKind":"%s","networkId":"%s","role":"ASSOCIATE",
                 "validFrom":"%s","validTo":%s}""".formatted(
                        organisationId, kind, networkId, validFrom, validTo == null ? "null" : "\"" + validTo + "\"");
    }

    private static String token(String institution) {
        return TestIdentity.token(institution, "read", "write");
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body().getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> ids(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response)
                .path("items")
                .valueStream()
                .map(item -> item.path("id").asString())
                .toList();
    }

    private static List<String> fields(HttpResponse<String> response) {
        return json(response)
                .path("errors")
                .valueStream()
                .map(error -> error.path("field").asString())
                .toList();
    }
}
