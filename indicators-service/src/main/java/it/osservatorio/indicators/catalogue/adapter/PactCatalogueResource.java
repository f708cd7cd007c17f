package it.osservatorio.indicators.catalogue.adapter;

import it.osservatorio.contracts.indicators.IndicatorDirection;
import it.osservatorio.contracts.indicators.IndicatorValueChanged.Kind;
import it.osservatorio.indicators.catalogue.domain.Axis;
import it.osservatorio.indicators.catalogue.domain.Indicator;
import it.osservatorio.indicators.catalogue.domain.Periodicity;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The pact's 8 axes and 24 indicators as printed (chapter 4 table "Il sistema degli indicatori per asse strategico:
 * prima ipotesi"), from {@value #RESOURCE}, which is derived from the reference data with direction, periodicity and
 * value range added.
 */
public final class PactCatalogueResource {

    public static final String RESOURCE = "catalogue/pact-indicators.json";

    private final List<Axis> axes = new ArrayList<>();
    private final List<Indicator> indicators = new ArrayList<>();

    public PactCatalogueResource() {
        JsonNode root;
        try (InputStream in = PactCatalogueResource.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing");
            }
            root = JsonMapper.builder().build().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (JsonNode axis : root.path("axes")) {
            axes.add(new Axis(
                    axis.path("number").asInt(),
                    axis.path("name").asString(),
                    axis.path("nameEn").asString()));
        }
        for (JsonNode row : root.path("indicators")) {
            indicators.add(new Indicator(
                    row.path("code").asString(),
                    row.path("seq").asInt(),
                    row.path("nameIt").asString(),
                    row.path("nameEn").asString(),
                    row.path("axis").asInt(),
                    text(row.path("unit")),
                    IndicatorDirection.valueOf(row.path("direction").asString()),
                    Periodicity.valueOf(row.path("periodicity").asString()),
                    number(row.path("minValue")),
                    number(row.path("maxValue")),
                    Kind.OBSERVED,
                    row.path("source").asString(),
                    text(row.path("note")),
                    "PACT",
                    null,
                    null));
        }
    }

    public List<Axis> axes() {
        return List.copyOf(axes);
    }

    public List<Indicator> indicators() {
        return List.copyOf(indicators);
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? null : node.asString();
    }

    private static BigDecimal number(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? null : node.decimalValue();
    }
}
