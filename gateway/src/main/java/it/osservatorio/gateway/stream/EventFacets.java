package it.osservatorio.gateway.stream;

import java.util.HashSet;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the live stream's filters look at, extracted once per event when the gateway reads it: the strategic axes
 * (every {@code axis} field of the payload) and the organisations (every {@code organisationId}, e.g. a partner's).
 */
public record EventFacets(Set<Integer> axes, Set<String> organisations) {

    public static final EventFacets NONE = new EventFacets(Set.of(), Set.of());

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public EventFacets {
        axes = Set.copyOf(axes);
        organisations = Set.copyOf(organisations);
    }

    /** Reads the facets of a live event's data line; an organisation's own events name it in their subject. */
    public static EventFacets parse(String type, String data) {
        if (data == null || data.isEmpty()) {
            return NONE;
        }
        try {
            JsonNode line = JSON.readTree(data);
            String subject = type.contains(".registry.organisation.")
                    ? line.path("subject").asString(null)
                    : null;
            return of(line.get("payload"), subject);
        } catch (RuntimeException e) {
            return NONE;
        }
    }

    /** @param organisationSubject the event's subject when it names an organisation (deletions have no payload) */
    public static EventFacets of(JsonNode payload, String organisationSubject) {
        Set<Integer> axes = new HashSet<>();
        Set<String> organisations = new HashSet<>();
        if (organisationSubject != null) {
            organisations.add(organisationSubject);
        }
        if (payload != null && !payload.isNull()) {
            collect(payload, axes, organisations, 0);
        }
        return axes.isEmpty() && organisations.isEmpty() ? NONE : new EventFacets(axes, organisations);
    }

    private static void collect(JsonNode node, Set<Integer> axes, Set<String> organisations, int depth) {
        if (depth > 6) {
            return;
        }
        if (node.isArray()) {
            for (JsonNode element : node) {
                collect(element, axes, organisations, depth + 1);
            }
        } else if (node.isObject()) {
            for (var field : node.properties()) {
                JsonNode value = field.getValue();
                switch (field.getKey()) {
                    case "axis" -> {
                        if (value.isIntegralNumber()) {
                            axes.add(value.asInt());
                        }
                    }
                    case "organisationId" -> {
                        if (value.isString()) {
                            organisations.add(value.asString());
                        }
                    }
                    default -> {
                        if (value.isContainer()) {
                            collect(value, axes, organisations, depth + 1);
                        }
                    }
                }
            }
        }
    }
}
