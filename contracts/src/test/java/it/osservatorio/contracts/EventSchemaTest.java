package it.osservatorio.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every event type, serialised through the real codec, is valid against its published JSON Schema. */
class EventSchemaTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final EventCodec CODEC = new EventCodec("schema-test");

    /** One valid sample per event type with a payload; a new type without a sample fails the test below. */
    private static final Map<EventType, Supplier<AggregateEvent>> SAMPLES = Map.ofEntries(
            Map.entry(EventType.ORGANISATION_CHANGED, () -> EventFixture.organisationChanged()
                    .build()),
            Map.entry(EventType.NETWORK_CHANGED, () -> EventFixture.networkChanged()
                    .build()),
            Map.entry(EventType.MEMBERSHIP_CHANGED, () -> EventFixture.membershipChanged()
                    .valid(LocalDate.of(2014, 3, 1), LocalDate.of(2024, 12, 31))
                    .build()),
            Map.entry(EventType.PROJECT_CHANGED, () -> EventFixture.projectChanged()
                    .build()),
            Map.entry(EventType.EXPENDITURE_RECORDED, EventFixture::expenditureRecorded),
            Map.entry(EventType.EXPENDITURE_CORRECTED, EventFixture::expenditureCorrected),
            Map.entry(EventType.MILESTONE_REACHED, EventFixture::milestoneReached),
            Map.entry(EventType.PROJECT_STATUS_CHANGED, EventFixture::projectStatusChanged),
            Map.entry(EventType.CALL_CHANGED, () -> EventFixture.callChanged().build()),
            Map.entry(EventType.CALL_OPENED, EventFixture::callOpened),
            Map.entry(EventType.CALL_CLOSING_SOON, EventFixture::callClosingSoon),
            Map.entry(EventType.CALL_CLOSED, EventFixture::callClosed));

    @ParameterizedTest
    @EnumSource(EventType.class)
    void shouldMatchSchemaWhenEventIsSerialisedByCodec(EventType type) throws IOException {
        if (type.isTombstone()) {
            assertThat(type.schemaResource()).isEmpty();
            return;
        }
        assertThat(SAMPLES).as("a sample of " + type).containsKey(type);
        byte[] value = CODEC.toRecord(CODEC.envelope(SAMPLES.get(type).get())).value();

        Set<ValidationMessage> errors = schema(type).validate(JSON.readTree(value));

        assertThat(errors).isEmpty();
    }

    @Test
    void shouldRejectPayloadWhenRequiredFieldIsMissingOrPatternBroken() throws IOException {
        byte[] value = CODEC.toRecord(
                        CODEC.envelope(EventFixture.organisationChanged().build()))
                .value();
        ObjectNode missingName = (ObjectNode) JSON.readTree(value);
        missingName.remove("legalName");
        ObjectNode badIstat = (ObjectNode) JSON.readTree(value);
        ((ObjectNode) badIstat.get("address")).put("comuneIstat", "19036");
        ObjectNode badVersion = (ObjectNode) JSON.readTree(value);
        badVersion.put("version", 0);

        JsonSchema schema = schema(EventType.ORGANISATION_CHANGED);

        assertThat(schema.validate(missingName))
                .extracting(ValidationMessage::getMessage)
                .anySatisfy(message -> assertThat(message).contains("legalName"));
        assertThat(schema.validate(badIstat))
                .extracting(ValidationMessage::getMessage)
                .anySatisfy(message -> assertThat(message).contains("comuneIstat"));
        assertThat(schema.validate(badVersion)).isNotEmpty();
    }

    @Test
    void shouldRejectNetworkPayloadWhenKindIsUnknownOrNameMissing() throws IOException {
        byte[] value = CODEC.toRecord(CODEC.envelope(EventFixture.networkChanged()
                        .filiera("LATTE-CR", "Filiera lattiero-casearia cremonese")
                        .build()))
                .value();
        ObjectNode badKind = (ObjectNode) JSON.readTree(value);
        badKind.put("kind", "DISTRETTO");
        ObjectNode missingName = (ObjectNode) JSON.readTree(value);
        missingName.remove("name");

        JsonSchema schema = schema(EventType.NETWORK_CHANGED);

        assertThat(schema.validate(JSON.readTree(value))).isEmpty();
        assertThat(schema.validate(badKind))
                .extracting(ValidationMessage::getMessage)
                .anySatisfy(message -> assertThat(message).contains("kind"));
        assertThat(schema.validate(missingName))
                .extracting(ValidationMessage::getMessage)
                .anySatisfy(message -> assertThat(message).contains("name"));
    }

    @Test
    void shouldCarryDatesAsIsoStringsAndRejectMembershipPayloadWhenDateOrRoleIsBroken() throws IOException {
        byte[] value = CODEC.toRecord(CODEC.envelope(EventFixture.membershipChanged()
                        .valid(LocalDate.of(2014, 3, 1), null)
                        .build()))
                .value();
        JsonNode valid = JSON.readTree(value);
        ObjectNode badDate = (ObjectNode) JSON.readTree(value);
        badDate.put("validFrom", "01/03/2014");
        ObjectNode badRole = (ObjectNode) JSON.readTree(value);
        badRole.put("role", "SPONSOR");
        ObjectNode missingNetwork = (ObjectNode) JSON.readTree(value);
        missingNetwork.remove("networkId");

        JsonSchema schema = schema(EventType.MEMBERSHIP_CHANGED);

        assertThat(valid.path("validFrom").asText()).isEqualTo("2014-03-01");
        assertThat(schema.validate(valid)).isEmpty();
        assertThat(schema.validate(badDate))
                .extracting(ValidationMessage::getMessage)
                .anySatisfy(message -> assertThat(message).contains("validFrom"));
        assertThat(schema.validate(badRole))
                .extracting(ValidationMessage::getMessage)
                .anySatisfy(message -> assertThat(message).contains("role"));
        assertThat(schema.validate(missingNetwork))
                .extracting(ValidationMessage::getMessage)
                .anySatisfy(message -> assertThat(message).contains("networkId"));
    }

    @Test
    void shouldCarryMoneyAsExactNumbersAndRejectProjectPayloadWhenCupOrAxisOrStatusIsBroken() throws IOException {
        byte[] value = CODEC.toRecord(
                        CODEC.envelope(EventFixture.projectChanged().build()))
                .value();
        JsonNode valid = JSON.readTree(value);
        ObjectNode badCup = (ObjectNode) JSON.readTree(value);
        badCup.put("cup", "E11B2200004000");
        ObjectNode badAxis = (ObjectNode) JSON.readTree(value);
        badAxis.put("axis", 9);
        ObjectNode badStatus = (ObjectNode) JSON.readTree(value);
        badStatus.put("status", "FINISHED");
        ObjectNode withoutCup = (ObjectNode) JSON.readTree(value);
        withoutCup.putNull("cup");

        JsonSchema schema = schema(EventType.PROJECT_CHANGED);

        assertThat(valid.path("totalCost").decimalValue()).isEqualByComparingTo("250000.00");
        assertThat(valid.path("funding").path("privateFunds").decimalValue()).isEqualByComparingTo("25000.00");
        assertThat(valid.path("startDate").asText()).isEqualTo("2025-01-01");
        assertThat(schema.validate(valid)).isEmpty();
        assertThat(schema.validate(withoutCup)).isEmpty();
        assertThat(schema.validate(badCup))
                .extracting(ValidationMessage::getMessage)
                .anySatisfy(message -> assertThat(message).contains("cup"));
        assertThat(schema.validate(badAxis))
                .extracting(ValidationMessage::getMessage)
                .anySatisfy(message -> assertThat(message).contains("axis"));
        assertThat(schema.validate(badStatus))
                .extracting(ValidationMessage::getMessage)
                .anySatisfy(message -> assertThat(message).contains("status"));
    }

    @Test
    void shouldRejectCallNoticeWhenDueMomentIsMissing() throws IOException {
        byte[] value = CODEC.toRecord(CODEC.envelope(EventFixture.callOpened())).value();
        ObjectNode missingDue = (ObjectNode) JSON.readTree(value);
        missingDue.remove("dueAt");

        assertThat(schema(EventType.CALL_OPENED).validate(missingDue))
                .extracting(ValidationMessage::getMessage)
                .anySatisfy(message -> assertThat(message).contains("dueAt"));
    }

    private static JsonSchema schema(EventType type) throws IOException {
        String resource = type.schemaResource().orElseThrow();
        try (InputStream in = EventSchemaTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource + " on the classpath").isNotNull();
            JsonNode schema = JSON.readTree(in);
            assertThat(schema.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                    .formatAssertionsEnabled(true)
                    .build();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(schema, config);
        }
    }
}
