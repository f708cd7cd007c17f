package it.osservatorio.deploy.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class KeyValueDataTypeTest {

    private final KeyValueDataType type = KeyValueDataType.INSTANCE;

    @Test
    void shouldReadBackEveryValueWhenAKeyIsEncoded() {
        KeyValue key = new KeyValue(
                "Società Agricola «àèìòù»",
                42,
                9_000_000_000L,
                0.1,
                new Decimal128(new BigDecimal("1234567.89")),
                true,
                Instant.ofEpochMilli(1_764_000_000_000L),
                new ObjectId(),
                UUID.fromString("0b6c5e0c-9a43-4f9e-8d0a-2f8c1d2b3e4f"),
                new Document("comune", "Cremona").append("cap", "26100"),
                null,
                Missing.getInstance());

        KeyValue decoded = KeyValueDataType.decode(KeyValueDataType.encode(key));

        assertThat(decoded).isEqualTo(key);
        assertThat(type.compare(decoded, key)).isZero();
        assertThat(decoded.get(11)).isSameAs(Missing.getInstance());
        assertThat(decoded.get(1)).isInstanceOf(Integer.class);
        assertThat(decoded.get(2)).isInstanceOf(Long.class);
    }

    @Test
    void shouldTakeNormalizedKeysForTheSameWhenTheyDifferOnlyInNumericType() {
        // the index normalizes every key before it looks it up or stores it
        assertThat(type.compare(new KeyValue(1).normalized(), new KeyValue(1L).normalized()))
                .isZero();
        assertThat(type.compare(new KeyValue(1.0).normalized(), new KeyValue(1L).normalized()))
                .isZero();
    }

    @Test
    void shouldOrderStringKeysAsMongoDbWhenComparingThemDirectly() {
        var mongoOrder = de.bwaldvogel.mongo.backend.ValueComparator.ascWithoutListHandling();
        List<String> ids =
                List.of("org-1", "org-10", "org-2", "Org-2", "città", "citta", "", "z", "IND-02|2024|CR", "ä");

        for (String left : ids) {
            for (String right : ids) {
                assertThat(Integer.signum(type.compare(new KeyValue(left, 1L), new KeyValue(right, 1L))))
                        .as(left + " vs " + right)
                        .isEqualTo(Integer.signum(mongoOrder.compare(left, right)));
            }
        }
    }

    @Test
    void shouldOrderKeysByValueWhenTheyDiffer() {
        List<KeyValue> keys = new ArrayList<>(List.of(
                new KeyValue("b"), new KeyValue("a", 2), new KeyValue("a", 1), new KeyValue(7), new KeyValue("a")));

        keys.sort(type);

        assertThat(keys)
                .containsExactly(
                        new KeyValue(7),
                        new KeyValue("a"),
                        new KeyValue("a", 1),
                        new KeyValue("a", 2),
                        new KeyValue("b"));
    }

    @Test
    void shouldKeepTheOrderTotalWhenDifferentKeysCompareEqualAsValues() {
        KeyValue text = new KeyValue(new Document("a", 1).append("b", 2));
        KeyValue reordered = new KeyValue(new Document("b", 2).append("a", 1));

        int forth = type.compare(text, reordered);
        int back = type.compare(reordered, text);

        assertThat(Integer.signum(forth)).isEqualTo(-Integer.signum(back));
    }
}
