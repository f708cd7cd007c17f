package it.osservatorio.indicators.catalogue.domain;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The axes and the indicators, by code; the pact's 24 first in table order, then computed and added ones. */
public final class Catalogue {

    private final Map<Integer, Axis> axes = new LinkedHashMap<>();
    private final Map<String, Indicator> indicators = new LinkedHashMap<>();

    public Catalogue(Collection<Axis> axes, Collection<Indicator> indicators) {
        axes.forEach(axis -> this.axes.put(axis.number(), axis));
        indicators.forEach(this::add);
    }

    public synchronized void add(Indicator indicator) {
        if (!axes.containsKey(indicator.axis())) {
            throw new IllegalArgumentException("No axis " + indicator.axis());
        }
        indicators.put(indicator.code(), indicator);
    }

    public synchronized Optional<Indicator> find(String code) {
        return Optional.ofNullable(code == null ? null : indicators.get(code));
    }

    public synchronized List<Indicator> all() {
        return List.copyOf(indicators.values());
    }

    public synchronized List<Indicator> ofAxis(int axis) {
        return indicators.values().stream()
                .filter(i -> i.axis() == axis)
                .sorted(Comparator.comparing(Indicator::isComputed).thenComparing(Indicator::code))
                .toList();
    }

    public Optional<Axis> axis(int number) {
        return Optional.ofNullable(axes.get(number));
    }

    public List<Axis> axes() {
        return List.copyOf(axes.values());
    }

    public String axisName(int number) {
        Axis axis = axes.get(number);
        return axis == null ? null : axis.name();
    }
}
