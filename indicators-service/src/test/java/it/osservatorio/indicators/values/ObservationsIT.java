package it.osservatorio.indicators.values;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import it.osservatorio.contracts.ReceivedEvent;
import it.osservatorio.contracts.Topics;
import it.osservatorio.contracts.indicators.DeviationStatus;
import it.osservatorio.contracts.indicators.IndicatorStatusChanged;
import it.osservatorio.contracts.indicators.IndicatorValueChanged;
import it.osservatorio.contracts.indicators.ObservationSubmitted;
import it.osservatorio.contracts.indicators.SeriesKey;
import it.osservatorio.indicators.RunningIndicatorsService;
import it.osservatorio.testing.HttpTestClient;
import it.osservatorio.testing.LocalInfrastructure;
import it.osservatorio.testing.TestIdentity;
import it.osservatorio.testing.TopicReader;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ObservationsIT extends RunningIndicatorsService {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String DLQ = Topics.deadLetter(Topics.INDICATOR_OBSERVATIONS, "indicators-service");
    private static final Duration WAIT = Duration.ofSeconds(30);

    private HttpTestClient http;
    private String territory;
    private String writer;
    private String admin;

    @BeforeEach
    void connect() {
        http = new HttpTestClient("http://localhost:" + port);
        territory =
                "COMUNE:" + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
        writer = TestIdentity.token("provincia-cremona", "read", "write");
        admin = TestIdentity.token("unita-monitoraggio", "read", "write", "admin");
    }

    @Test
    void shouldPublishAValueChangeWhenAPlainProducerSendsAnObservationToTheTopic() {
        ObservationSubmitted observation = observation("IND-10", "2024", "58.4", "topic-" + UUID.randomUUID());

        registry.send(registry.codec().toRecord(registry.codec().envelope(observation)));

        List<ReceivedEvent> events = TopicReader.eventsFor(
                LocalInfrastructure.kafkaBootstrapServers(),
                Topics.INDICATOR_VALUES,
                observation.aggregateId()::equals,
                1,
                WAIT);
        assertThat(events).hasSize(1);
        IndicatorValueChanged value =
                (IndicatorValueChanged) events.getFirst().payload().orElseThrow();
        assertThat(value.value()).isEqualByComparingTo("58.4");
        assertThat(value.nameIt()).isEqualTo("Tasso di occupazione femminile (%)");
        assertThat(value.axis()).isEqualTo(4);
        assertThat(value.synthetic()).isTrue();
        assertThat(value.revision()).isEqualTo(1);
        assertThat(value.status()).isEqualTo(DeviationStatus.NO_TARGET);
        assertThat(value.institutionId()).isEqualTo("provincia-cremona");
    }

    @Test
    void shouldSendPoisonRecordsToTheDeadLetterTopicWithTheReasonAndGoOnWhenTheyArrive() {
        String garbageKey = "garbage-" + UUID.randomUUID();
        ObservationSubmitted unknown = observation("IND-99", "2024", "1", "bad-" + UUID.randomUUID());
        ObservationSubmitted outOfRange = observation("IND-10", "2023", "140", "bad-" + UUID.randomUUID());
        ObservationSubmitted valid = observation("IND-11", "2024", "7.5", "ok-" + UUID.randomUUID());

        registry.send(new ProducerRecord<>(
                Topics.INDICATOR_OBSERVATIONS, garbageKey, "not an event".getBytes(StandardCharsets.UTF_8)));
        registry.send(registry.codec().toRecord(registry.codec().envelope(unknown)));
        registry.send(registry.codec().toRecord(registry.codec().envelope(outOfRange)));
        registry.send(registry.codec().toRecord(registry.codec().envelope(valid)));

        Set<String> bad = Set.of(garbageKey, unknown.aggregateId(), outOfRange.aggregateId());
        List<ConsumerRecord<String, byte[]>> dead =
                TopicReader.recordsFor(LocalInfrastructure.kafkaBootstrapServers(), DLQ, bad::contains, 3, WAIT);
        assertThat(dead).hasSize(3);
        assertThat(dead).allSatisfy(r -> assertThat(r.headers().lastHeader("x-exception-message"))
                .isNotNull());
        assertThat(reason(dead, unknown.aggregateId())).contains("unknown indicator 'IND-99'");
        assertThat(reason(dead, outOfRange.aggregateId())).contains("value: must be at most 100");
        assertThat(reason(dead, garbageKey)).contains("CloudEvent");
        assertThat(TopicReader.eventsFor(
                        LocalInfrastructure.kafkaBootstrapServers(),
                        Topics.INDICATOR_VALUES,
                        valid.aggregateId()::equals,
                        1,
                        WAIT))
                .hasSize(1);
    }

    @Test
    void shouldKeepEveryRevisionAndAnswerAsKnownAtAnInstantWhenAValueIsCorrectedOverRest() throws Exception {
        HttpResponse<String> first = submit("IND-09", "2025", "212.5", "litri/giorno", "rest-a-" + UUID.randomUUID());
        assertThat(first.statusCode()).isEqualTo(201);
        Instant between = Instant.now();
        Thread.sleep(20);
        String correction = "rest-b-" + UUID.randomUUID();
        HttpResponse<String> second = submit("IND-09", "2025", "208", null, correction);
        assertThat(second.statusCode()).isEqualTo(201);
        assertThat(JSON.readTree(second.body()).path("revision").asInt()).isEqualTo(2);

        assertThat(submit("IND-09", "2025", "208", null, correction).statusCode())
                .isEqualTo(200);
        HttpResponse<String> reused = submit("IND-09", "2025", "300", null, correction);
        assertThat(reused.statusCode()).isEqualTo(409);
        assertThat(reused.body()).contains("already submitted with value 208");

        JsonNode now = json(http.get(valuePath("IND-09", "2025", null)).send());
        assertThat(now.path("value").path("value").decimalValue()).isEqualByComparingTo("208");
        assertThat(now.path("revisions")).hasSize(2);
        JsonNode then = json(http.get(valuePath("IND-09", "2025", between)).send());
        assertThat(then.path("value").path("value").decimalValue()).isEqualByComparingTo("212.5");
        assertThat(then.path("revisions")).hasSize(1);
        assertThat(http.get(valuePath("IND-09", "2025", between.minusSeconds(60)))
                        .send()
                        .statusCode())
                .isEqualTo(404);
        JsonNode series = json(http.get("/indicators/IND-09/series?territory=" + encode(territory))
                .send());
        assertThat(series).hasSize(1);
    }

    @Test
    void shouldAnswerProblemDetailsNamingTheFieldWhenTheObservationIsBad() throws Exception {
        assertThat(problemFields(submit("IND-99", "2025", "1", null, null))).contains("indicatorCode");
        assertThat(problemFields(submit("IND-10", "2025", "50", "litri", null))).contains("unit");
        assertThat(problemFields(submit("IND-10", "25", "50", null, null))).contains("period");
        assertThat(problemFields(submit("IND-10", "2025", "-3", null, null))).contains("value");
        assertThat(http.post("/observations", "{\"indicatorCode\":\"IND-10\"}")
                        .send()
                        .statusCode())
                .isEqualTo(401);
        assertThat(http.get(valuePath("IND-10", "2025", null)).send().statusCode())
                .isEqualTo(404);
    }

    @Test
    void shouldReportEveryRowAndWriteNothingOnADryRunAndNothingTwiceWhenTheSameCsvIsImportedAgain() throws Exception {
        String csv = "indicatorCode,period,territory,value,unit,source,submissionId,synthetic,note\n"
                + "IND-02,2024," + territory + ",120,,Provincia di Cremona,,true,\n"
                + "IND-02,2025," + territory + ",126,,Provincia di Cremona,,true,\"stima, provvisoria\"\n"
                + "IND-99,2025," + territory + ",1,,Provincia,,false,\n";

        JsonNode dryRun = json(importCsv(csv, true));
        assertThat(dryRun.path("counts").path("CREATED").asInt()).isEqualTo(2);
        assertThat(dryRun.path("counts").path("INVALID").asInt()).isEqualTo(1);
        assertThat(dryRun.path("results").get(2).path("line").asInt()).isEqualTo(4);
        assertThat(dryRun.path("results")
                        .get(2)
                        .path("errors")
                        .get(0)
                        .path("field")
                        .asString())
                .isEqualTo("indicatorCode");
        assertThat(http.get(valuePath("IND-02", "2024", null)).send().statusCode())
                .isEqualTo(404);

        JsonNode imported = json(importCsv(csv, false));
        assertThat(imported.path("counts").path("CREATED").asInt()).isEqualTo(2);
        assertThat(json(http.get(valuePath("IND-02", "2025", null)).send())
                        .path("value")
                        .path("value")
                        .decimalValue())
                .isEqualByComparingTo("126");

        JsonNode again = json(importCsv(csv, false));
        assertThat(again.path("counts").path("CREATED").asInt()).isZero();
        assertThat(again.path("counts").path("DUPLICATE").asInt()).isEqualTo(2);
        assertThat(json(http.get(valuePath("IND-02", "2025", null)).send()).path("revisions"))
                .hasSize(1);
    }

    @Test
    void shouldPublishTheDeviationAndAStatusChangeWhenAnAdminSetsATarget() throws Exception {
        assertThat(submit("IND-08", "2025", "9.2", "t/anno", null).statusCode()).isEqualTo(201);
        String target = "{\"baseline\":10.1,\"target\":8,\"note\":\"Comitato strategico, seduta di prova\"}";
        String path = "/indicators/IND-08/targets/2025?territory=" + encode(territory);

        assertThat(http.put(path, target).bearer(writer).send().statusCode()).isEqualTo(403);
        assertThat(problemFields(http.put(path, "{\"target\":8}").bearer(admin).send()))
                .contains("note");
        HttpResponse<String> set = http.put(path, target).bearer(admin).send();
        assertThat(set.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(set.body()).path("decidedBy").asString()).isEqualTo("unita-monitoraggio");

        String key = SeriesKey.of("IND-08", "2025", territory);
        List<ReceivedEvent> values = TopicReader.eventsFor(
                LocalInfrastructure.kafkaBootstrapServers(), Topics.INDICATOR_VALUES, key::equals, 2, WAIT);
        IndicatorValueChanged latest =
                (IndicatorValueChanged) values.getLast().payload().orElseThrow();
        assertThat(latest.change()).isEqualTo(IndicatorValueChanged.Change.TARGET_CHANGED);
        assertThat(latest.version()).isEqualTo(2);
        assertThat(latest.target()).isEqualByComparingTo("8");
        assertThat(latest.baseline()).isEqualByComparingTo("10.1");
        assertThat(latest.deviation()).isEqualByComparingTo("1.2");
        assertThat(latest.deviationPercent()).isEqualByComparingTo("15.00");
        assertThat(latest.status()).isEqualTo(DeviationStatus.AT_RISK);
        List<ReceivedEvent> statuses = TopicReader.eventsFor(
                LocalInfrastructure.kafkaBootstrapServers(), Topics.INDICATOR_STATUS_CHANGES, key::equals, 1, WAIT);
        IndicatorStatusChanged status =
                (IndicatorStatusChanged) statuses.getFirst().payload().orElseThrow();
        assertThat(status.previousStatus()).isEqualTo(DeviationStatus.NO_TARGET);
        assertThat(status.status()).isEqualTo(DeviationStatus.AT_RISK);

        assertThat(submit("IND-08", "2025", "7.9", null, null).statusCode()).isEqualTo(201);
        await().atMost(WAIT)
                .until(() -> TopicReader.eventsFor(
                                        LocalInfrastructure.kafkaBootstrapServers(),
                                        Topics.INDICATOR_STATUS_CHANGES,
                                        key::equals,
                                        2,
                                        Duration.ofSeconds(2))
                                .size()
                        == 2);
        JsonNode summary = json(http.get("/summary?axis=3").send());
        assertThat(summary.get(0).path("axis").path("number").asInt()).isEqualTo(3);
    }

    @Test
    void shouldRefuseEveryWayOfCorrectingTheValueWhenAnotherInstitutionSubmittedIt() throws Exception {
        assertThat(submit("IND-12", "2025", "31.5", null, null).statusCode()).isEqualTo(201);
        String other = TestIdentity.token("comune-cremona", "read", "write");
        String body = "{\"indicatorCode\":\"IND-12\",\"period\":\"2025\",\"territory\":\"" + territory
                + "\",\"value\":99,\"source\":\"Comune di Cremona\"}";

        HttpResponse<String> rest =
                http.post("/observations", body).bearer(other).send();
        JsonNode csv = json(importCsv(
                "indicatorCode,period,territory,value,unit,source,submissionId,synthetic,note\n"
                        + "IND-12,2025," + territory + ",98,,Comune di Cremona,,false,\n"
                        + "IND-12,2024," + territory + ",30,,Comune di Cremona,,false,\n",
                false,
                other));
        ObservationSubmitted viaTopic = new ObservationSubmitted(
                "topic-" + UUID.randomUUID(),
                "IND-12",
                "2025",
                territory,
                new BigDecimal("97"),
                null,
                "Comune di Cremona",
                "comune-cremona",
                false,
                null,
                Instant.now());
        registry.send(registry.codec().toRecord(registry.codec().envelope(viaTopic)));

        assertThat(rest.statusCode()).as(rest.body()).isEqualTo(403);
        assertThat(rest.headers().firstValue("Content-Type")).get().asString().contains("problem+json");
        assertThat(JSON.readTree(rest.body()).path("detail").asString())
                .contains("come from institution 'provincia-cremona'", "an administrator");
        assertThat(csv.path("counts").path("FORBIDDEN").asInt()).isEqualTo(1);
        assertThat(csv.path("counts").path("CREATED").asInt()).isEqualTo(1);
        assertThat(csv.path("results")
                        .get(0)
                        .path("errors")
                        .get(0)
                        .path("message")
                        .asString())
                .contains("provincia-cremona");
        List<ConsumerRecord<String, byte[]>> dead = TopicReader.recordsFor(
                LocalInfrastructure.kafkaBootstrapServers(), DLQ, viaTopic.aggregateId()::equals, 1, WAIT);
        assertThat(reason(dead, viaTopic.aggregateId())).contains("come from institution 'provincia-cremona'");
        JsonNode stored = json(http.get(valuePath("IND-12", "2025", null)).send());
        assertThat(stored.path("value").path("value").decimalValue()).isEqualByComparingTo("31.5");
        assertThat(stored.path("revisions")).hasSize(1);

        HttpResponse<String> byAdmin =
                http.post("/observations", body).bearer(admin).send();
        assertThat(byAdmin.statusCode()).as(byAdmin.body()).isEqualTo(201);
        assertThat(JSON.readTree(byAdmin.body()).path("revision").asInt()).isEqualTo(2);
        assertThat(submit("IND-12", "2025", "32", null, null).statusCode()).isEqualTo(201);
    }

    @Test
    void shouldListBaselineTargetActualDeviationAndTrendWhenTheAnnualReportIsAsked() throws Exception {
        assertThat(submit("IND-23", "2024", "40", null, null).statusCode()).isEqualTo(201);
        assertThat(submit("IND-23", "2025", "45", null, null).statusCode()).isEqualTo(201);
        String target = "{\"baseline\":30,\"target\":50,\"note\":\"Comitato strategico, prova del rapporto\"}";
        assertThat(http.put("/indicators/IND-23/targets/2025?territory=" + encode(territory), target)
                        .bearer(admin)
                        .send()
                        .statusCode())
                .isEqualTo(200);

        HttpResponse<String> csv = http.get("/reports/annual?year=2025&format=csv&territory=" + encode(territory))
                .send();
        HttpResponse<String> html = http.get("/reports/annual?year=2025&territory=" + encode(territory))
                .send();

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).get().asString().startsWith("text/csv");
        String row = csv.body()
                .lines()
                .filter(line -> line.contains(",IND-23,"))
                .findFirst()
                .orElseThrow();
        assertThat(row)
                .startsWith("8,")
                .contains(",indicator,IND-23,Numero servizi online enti locali,," + territory
                        + ",2025,30,50,45,-5,-10.00,AT_RISK,false,,,,40,45");
        assertThat(csv.body().lines().filter(line -> line.contains(",progress,PRJ-COUNT-A8,")))
                .hasSize(1);
        assertThat(html.statusCode()).isEqualTo(200);
        assertThat(html.body()).contains("Rapporto annuale di monitoraggio 2025", "Asse 8", "a rischio");
        assertThat(http.get("/reports/annual?year=2025&format=pdf").send().statusCode())
                .isEqualTo(400);
    }

    private ObservationSubmitted observation(String code, String period, String value, String submissionId) {
        return new ObservationSubmitted(
                submissionId,
                code,
                period,
                territory,
                new BigDecimal(value),
                null,
                "ISTAT",
                "provincia-cremona",
                true,
                null,
                Instant.now());
    }

    private HttpResponse<String> submit(String code, String period, String value, String unit, String submissionId) {
        String body = "{\"indicatorCode\":\"" + code + "\",\"period\":\"" + period + "\",\"territory\":\"" + territory
                + "\",\"value\":" + value + ",\"source\":\"ISTAT\""
                + (unit == null ? "" : ",\"unit\":\"" + unit + "\"")
                + (submissionId == null ? "" : ",\"submissionId\":\"" + submissionId + "\"") + "}";
        return http.post("/observations", body).bearer(writer).send();
    }

    private HttpResponse<String> importCsv(String csv, boolean dryRun) throws Exception {
        return importCsv(csv, dryRun, writer);
    }

    private HttpResponse<String> importCsv(String csv, boolean dryRun, String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/observations/imports?dryRun=" + dryRun))
                .header("Content-Type", "text/csv")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(csv))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response;
    }

    private String valuePath(String code, String period, Instant asOf) {
        return "/indicators/" + code + "/values/" + period + "?territory=" + encode(territory)
                + (asOf == null ? "" : "&asOf=" + asOf);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static JsonNode json(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static List<String> problemFields(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type"))
                .get()
                .asString()
                .contains("problem+json");
        List<String> fields = new java.util.ArrayList<>();
        JSON.readTree(response.body())
                .path("errors")
                .forEach(e -> fields.add(e.path("field").asString()));
        return fields;
    }

    private static String reason(List<ConsumerRecord<String, byte[]>> records, String key) {
        return records.stream()
                .filter(r -> key.equals(r.key()))
                .map(r ->
                        new String(r.headers().lastHeader("x-exception-message").value(), StandardCharsets.UTF_8))
                .findFirst()
                .orElseThrow();
    }
}
