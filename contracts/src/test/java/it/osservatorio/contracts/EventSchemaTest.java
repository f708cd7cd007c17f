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
    private static final Map<EventType, Supplier<StateEvent>> SAMPLES = Map.of(
            EventType.ORGANISATION_CHANGED,
            () -> EventFixture.organisationChanged().build(),
            EventType.NETWORK_CHANGED,
            () -> EventFixture.networkChanged().build(),
            EventType.MEMBERSHIP_CHANGED,
            () -> EventFixture.membershipChanged()
                    .valid(LocalDate.of(2014, 3, 1), LocalDate.of(2024, 12, 31))
                    .build());

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
