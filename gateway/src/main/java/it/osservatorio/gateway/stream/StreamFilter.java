package it.osservatorio.gateway.stream;

import it.osservatorio.platform.web.FieldProblem;
import it.osservatorio.platform.web.InvalidFieldException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A client's choice of events: strategic axes, event kinds (segments of the CloudEvents type, e.g. {@code
 * organisation}, {@code call.opened}, or a whole type) and organisations. Each given criterion must match; an
 * absent one matches everything. Checked when an event is offered to the client, without parsing anything.
 */
public record StreamFilter(Set<Integer> axes, List<String> kinds, Set<String> organisations) {

    public static final StreamFilter ALL = new StreamFilter(Set.of(), List.of(), Set.of());

    public static StreamFilter parse(String axis, String kinds, String organisation) {
        List<FieldProblem> problems = new ArrayList<>();
        Set<Integer> axes = new LinkedHashSet<>();
        for (String value : split(axis)) {
            try {
                int number = Integer.parseInt(value);
                if (number < 1 || number > 8) {
                    throw new NumberFormatException();
                }
                axes.add(number);
            } catch (NumberFormatException e) {
                problems.add(new FieldProblem(
                        "axis", "'" + value + "' is not a strategic axis; use 1 to 8, comma-separated, e.g. 1,3"));
            }
        }
        List<String> kindList = new ArrayList<>();
        for (String value : split(kinds)) {
            if (!value.matches("[A-Za-z0-9.-]{1,120}")) {
                problems.add(new FieldProblem(
                        "kinds",
                        "'" + value + "' is not an event kind; use e.g. organisation, call.opened, membership"));
            } else {
                String kind = value.toLowerCase(Locale.ROOT);
                kindList.add(kind.startsWith("it.osservatorio.") ? kind : "." + kind + ".");
            }
        }
        Set<String> organisations = new LinkedHashSet<>(split(organisation));
        if (!problems.isEmpty()) {
            throw new InvalidFieldException(problems);
        }
        if (axes.isEmpty() && kindList.isEmpty() && organisations.isEmpty()) {
            return ALL;
        }
        return new StreamFilter(Set.copyOf(axes), List.copyOf(kindList), Set.copyOf(organisations));
    }

    public boolean acceptsAll() {
        return this == ALL || (axes.isEmpty() && kinds.isEmpty() && organisations.isEmpty());
    }

    public boolean accepts(LiveEvent event) {
        if (!kinds.isEmpty() && !matchesKind(event.name())) {
            return false;
        }
        EventFacets facets = event.facets();
        if (!axes.isEmpty() && facets.axes().stream().noneMatch(axes::contains)) {
            return false;
        }
        return organisations.isEmpty() || facets.organisations().stream().anyMatch(organisations::contains);
    }

    private boolean matchesKind(String type) {
        for (String kind : kinds) {
            if (kind.startsWith(".") ? type.contains(kind) : type.equals(kind)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> split(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.split(","))
                .map(String::trim)
                .filter(part -> !part.isEmpty())
                .toList();
    }
}
