package it.osservatorio.indicators.values.adapter;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import it.osservatorio.contracts.indicators.SeriesKey;
import it.osservatorio.indicators.values.application.TargetStore;
import it.osservatorio.indicators.values.domain.Target;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/** Targets in {@value #COLLECTION}: the current one per cell and, in {@code history}, every decision. */
public class MongoTargetStore implements TargetStore {

    public static final String COLLECTION = "indicator_targets";

    private final MongoTemplate mongo;

    public MongoTargetStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public List<Target> all() {
        return mongo.findAll(Document.class, COLLECTION).stream()
                .map(d -> targetOf(d.get("current", Document.class)))
                .toList();
    }

    @Override
    public void save(Target target) {
        Document document = toDocument(target);
        mongo.upsert(
                new Query(where("_id").is(SeriesKey.of(target.indicatorCode(), target.period(), target.territory()))),
                new Update().set("current", document).push("history", document),
                COLLECTION);
    }

    @Override
    public List<Target> history(String indicatorCode, String period, String territory) {
        Document document = mongo.findById(SeriesKey.of(indicatorCode, period, territory), Document.class, COLLECTION);
        List<Target> history = new ArrayList<>();
        if (document != null) {
            document.getList("history", Document.class, List.of()).forEach(d -> history.add(targetOf(d)));
        }
        return history;
    }

    private static Document toDocument(Target target) {
        return new Document("indicatorCode", target.indicatorCode())
                .append("period", target.period())
                .append("territory", target.territory())
                .append("baseline", text(target.baseline()))
                .append("target", text(target.target()))
                .append("atRiskPercent", text(target.atRiskPercent()))
                .append("offTrackPercent", text(target.offTrackPercent()))
                .append("note", target.note())
                .append("decidedBy", target.decidedBy())
                .append("decidedAt", Date.from(target.decidedAt()));
    }

    private static Target targetOf(Document d) {
        return new Target(
                d.getString("indicatorCode"),
                d.getString("period"),
                d.getString("territory"),
                number(d.getString("baseline")),
                number(d.getString("target")),
                number(d.getString("atRiskPercent")),
                number(d.getString("offTrackPercent")),
                d.getString("note"),
                d.getString("decidedBy"),
                d.getDate("decidedAt").toInstant());
    }

    private static String text(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

    private static BigDecimal number(String value) {
        return value == null ? null : new BigDecimal(value);
    }
}
