package it.osservatorio.indicators.catalogue.adapter;

import it.osservatorio.contracts.indicators.IndicatorDirection;
import it.osservatorio.contracts.indicators.IndicatorValueChanged.Kind;
import it.osservatorio.indicators.catalogue.domain.Indicator;
import it.osservatorio.indicators.catalogue.domain.Periodicity;
import java.math.BigDecimal;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Observed indicators added by admins, in {@value #COLLECTION} (the pact's and the computed ones are not stored). */
public class MongoAddedIndicators {

    public static final String COLLECTION = "indicator_catalogue";

    private final MongoTemplate mongo;

    public MongoAddedIndicators(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public List<Indicator> all() {
        return mongo.findAll(Document.class, COLLECTION).stream()
                .map(MongoAddedIndicators::indicatorOf)
                .toList();
    }

    /** Inserts the indicator; a taken code fails with a duplicate key. */
    public void insert(Indicator indicator, String addedBy) {
        mongo.insert(
                new Document("_id", indicator.code())
                        .append("nameIt", indicator.nameIt())
                        .append("nameEn", indicator.nameEn())
                        .append("axis", indicator.axis())
                        .append("unit", indicator.unit())
                        .append("direction", indicator.direction().name())
                        .append("periodicity", indicator.periodicity().name())
                        .append("minValue", text(indicator.minValue()))
                        .append("maxValue", text(indicator.maxValue()))
                        .append("source", indicator.source())
                        .append("note", indicator.note())
                        .append("addedBy", addedBy)
                        .append("addedAt", new Date()),
                COLLECTION);
    }

    private static Indicator indicatorOf(Document d) {
        return new Indicator(
                d.getString("_id"),
                0,
                d.getString("nameIt"),
                d.getString("nameEn"),
                d.getInteger("axis"),
                d.getString("unit"),
                IndicatorDirection.valueOf(d.getString("direction")),
                Periodicity.valueOf(d.getString("periodicity")),
                number(d.getString("minValue")),
                number(d.getString("maxValue")),
                Kind.OBSERVED,
                d.getString("source"),
                d.getString("note"),
                "ADDED",
                null,
                null);
    }

    private static String text(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

    private static BigDecimal number(String value) {
        return value == null ? null : new BigDecimal(value);
    }
}
