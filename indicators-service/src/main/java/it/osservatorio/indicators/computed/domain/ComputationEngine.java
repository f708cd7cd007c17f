package it.osservatorio.indicators.computed.domain;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Evaluates declared formulas incrementally: it keeps the latest fact of every entity (by version, so duplicates,
 * replays and out-of-order deliveries leave the same state) and, per formula, running totals of numerator and
 * denominator, changed by the difference between an entity's contribution before and after each change. Totals are
 * exact sums, so the result does not depend on the order in which entities arrive: replaying the topics from offset 0
 * gives the same values. An organisation's fact joins its open-ended memberships, whichever arrives first.
 *
 * <p>Values are reported for the year (Europe/Rome) of the latest source event applied. Not thread-safe: one
 * consumer thread drives it.
 */
public final class ComputationEngine {

    private static final ZoneId ROME = ZoneId.of("Europe/Rome");

    /** A computed indicator: its code, territory and formula. */
    public record Definition(String code, String territory, Formula formula) {}

    private record Entity(long version, Map<String, Object> fact) {}

    private record Membership(String organisationId, String networkKind) {}

    private final Map<String, Definition> definitions = new LinkedHashMap<>();
    private final Map<SourceChange.Kind, Map<String, Entity>> entities = new HashMap<>();
    private final Map<String, Map<String, Membership>> openMembershipsByOrganisation = new HashMap<>();
    private final Map<String, BigDecimal> numerators = new HashMap<>();
    private final Map<String, BigDecimal> denominators = new HashMap<>();
    private final Set<String> dirty = new LinkedHashSet<>();
    private Instant latest;

    public ComputationEngine(List<Definition> definitions) {
        definitions.forEach(this::define);
    }

    /** Adds (or replaces) a definition; its totals are computed from the facts held. */
    public void define(Definition definition) {
        definitions.put(definition.code(), definition);
        BigDecimal numerator = BigDecimal.ZERO;
        BigDecimal denominator = BigDecimal.ZERO;
        for (Map<String, Object> fact : facts(definition.formula().source())) {
            numerator = numerator.add(definition.formula().numeratorOf(fact));
            denominator = denominator.add(definition.formula().denominatorOf(fact));
        }
        numerators.put(definition.code(), numerator);
        denominators.put(definition.code(), denominator);
        dirty.add(definition.code());
    }

    /** Forgets every fact and total, as before the first event. */
    public void reset() {
        entities.clear();
        openMembershipsByOrganisation.clear();
        numerators.replaceAll((code, value) -> BigDecimal.ZERO);
        denominators.replaceAll((code, value) -> BigDecimal.ZERO);
        dirty.addAll(definitions.keySet());
        latest = null;
    }

    /** Applies one change; false when it was not newer than what the engine holds. */
    public boolean apply(SourceChange change) {
        Map<String, Entity> ofKind = entities.computeIfAbsent(change.kind(), k -> new HashMap<>());
        Entity held = ofKind.get(change.id());
        if (held != null && held.version() >= change.version()) {
            return false;
        }
        if (change.time() != null && (latest == null || change.time().isAfter(latest))) {
            latest = change.time();
        }
        switch (change.kind()) {
            case PROJECT -> replace(Source.PROJECTS, held == null ? null : held.fact(), change.fact());
            case CALL -> replace(Source.CALLS, held == null ? null : held.fact(), change.fact());
            case ORGANISATION -> {
                Map<String, Object> before = organisationFact(change.id());
                ofKind.put(change.id(), new Entity(change.version(), change.fact()));
                replace(Source.ORGANISATIONS, before, organisationFact(change.id()));
                return true;
            }
            case MEMBERSHIP -> {
                applyMembership(held, change);
                ofKind.put(change.id(), new Entity(change.version(), change.fact()));
                return true;
            }
        }
        ofKind.put(change.id(), new Entity(change.version(), change.fact()));
        return true;
    }

    private void applyMembership(Entity held, SourceChange change) {
        Set<String> organisations = new HashSet<>();
        if (held != null && held.fact() != null) {
            organisations.add((String) held.fact().get("organisationId"));
        }
        if (change.fact() != null) {
            organisations.add((String) change.fact().get("organisationId"));
        }
        Map<String, Map<String, Object>> before = new HashMap<>();
        organisations.forEach(org -> before.put(org, organisationFact(org)));
        if (held != null && held.fact() != null) {
            Map<String, Membership> open =
                    openMembershipsByOrganisation.get((String) held.fact().get("organisationId"));
            if (open != null) {
                open.remove(change.id());
            }
        }
        Map<String, Object> fact = change.fact();
        if (fact != null && Boolean.TRUE.equals(fact.get("open"))) {
            openMembershipsByOrganisation
                    .computeIfAbsent((String) fact.get("organisationId"), k -> new HashMap<>())
                    .put(change.id(), new Membership((String) fact.get("organisationId"), (String)
                            fact.get("networkKind")));
        }
        organisations.forEach(org -> replace(Source.ORGANISATIONS, before.get(org), organisationFact(org)));
    }

    /** The organisation's own fields plus its memberships; null while the organisation itself is unknown. */
    private Map<String, Object> organisationFact(String organisationId) {
        Entity organisation =
                entities.getOrDefault(SourceChange.Kind.ORGANISATION, Map.of()).get(organisationId);
        if (organisation == null || organisation.fact() == null) {
            return null;
        }
        Map<String, Membership> open = openMembershipsByOrganisation.getOrDefault(organisationId, Map.of());
        long clusters = open.values().stream()
                .filter(m -> "CLUSTER".equals(m.networkKind()))
                .count();
        long filiere = open.values().stream()
                .filter(m -> "FILIERA".equals(m.networkKind()))
                .count();
        Map<String, Object> fact = new HashMap<>(organisation.fact());
        fact.put("clusterMemberships", BigDecimal.valueOf(clusters));
        fact.put("filieraMemberships", BigDecimal.valueOf(filiere));
        fact.put("inNetwork", !open.isEmpty());
        return fact;
    }

    private void replace(Source source, Map<String, Object> before, Map<String, Object> after) {
        for (Definition definition : definitions.values()) {
            Formula formula = definition.formula();
            if (formula.source() != source) {
                continue;
            }
            BigDecimal numerator = formula.numeratorOf(after).subtract(formula.numeratorOf(before));
            BigDecimal denominator = formula.denominatorOf(after).subtract(formula.denominatorOf(before));
            if (numerator.signum() != 0 || denominator.signum() != 0) {
                numerators.merge(definition.code(), numerator, BigDecimal::add);
                denominators.merge(definition.code(), denominator, BigDecimal::add);
                dirty.add(definition.code());
            }
        }
    }

    private List<Map<String, Object>> facts(Source source) {
        List<Map<String, Object>> facts = new ArrayList<>();
        switch (source) {
            case PROJECTS ->
                entities.getOrDefault(SourceChange.Kind.PROJECT, Map.of()).values().stream()
                        .map(Entity::fact)
                        .forEach(facts::add);
            case CALLS ->
                entities.getOrDefault(SourceChange.Kind.CALL, Map.of()).values().stream()
                        .map(Entity::fact)
                        .forEach(facts::add);
            case ORGANISATIONS ->
                entities.getOrDefault(SourceChange.Kind.ORGANISATION, Map.of()).keySet().stream()
                        .map(this::organisationFact)
                        .forEach(facts::add);
        }
        return facts;
    }

    /** The period values are reported for: the year of the latest source event, or null before any. */
    public String currentPeriod() {
        return latest == null ? null : String.valueOf(latest.atZone(ROME).getYear());
    }

    /** The values changed since the last call (those with a value: a zero denominator gives none). */
    public List<ComputedValue> drainChanged() {
        List<ComputedValue> changed = new ArrayList<>();
        String period = currentPeriod();
        if (period == null) {
            return changed;
        }
        for (String code : dirty) {
            ComputedValue value = valueOf(code, period);
            if (value != null) {
                changed.add(value);
            }
        }
        dirty.clear();
        return changed;
    }

    /** Every current value, by code. */
    public List<ComputedValue> values() {
        String period = currentPeriod();
        List<ComputedValue> values = new ArrayList<>();
        if (period != null) {
            for (String code : definitions.keySet()) {
                ComputedValue value = valueOf(code, period);
                if (value != null) {
                    values.add(value);
                }
            }
        }
        return values;
    }

    /** SHA-256 over the sorted lines {@code code|period|territory=value}: equal values give an equal digest. */
    public String digest() {
        TreeMap<String, String> lines = new TreeMap<>();
        values().forEach(v -> lines.put(
                v.code() + "|" + v.period() + "|" + v.territory(), v.value().toPlainString()));
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            lines.forEach((key, value) -> sha.update((key + "=" + value + "\n").getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public int factCount() {
        return entities.values().stream().mapToInt(Map::size).sum();
    }

    private ComputedValue valueOf(String code, String period) {
        Definition definition = definitions.get(code);
        BigDecimal value = definition.formula().value(numerators.get(code), denominators.get(code));
        return value == null ? null : new ComputedValue(code, period, definition.territory(), value, latest);
    }
}
