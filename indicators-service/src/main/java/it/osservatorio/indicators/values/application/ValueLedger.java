package it.osservatorio.indicators.values.application;

import it.osservatorio.contracts.AggregateEvent;
import it.osservatorio.contracts.indicators.DeviationStatus;
import it.osservatorio.contracts.indicators.IndicatorStatusChanged;
import it.osservatorio.contracts.indicators.IndicatorValueChanged;
import it.osservatorio.contracts.indicators.IndicatorValueChanged.Change;
import it.osservatorio.contracts.indicators.ObservationSubmitted;
import it.osservatorio.contracts.indicators.SeriesKey;
import it.osservatorio.indicators.catalogue.domain.Catalogue;
import it.osservatorio.indicators.catalogue.domain.Indicator;
import it.osservatorio.indicators.computed.domain.ComputedValue;
import it.osservatorio.indicators.values.application.SeriesStore.CellWrite;
import it.osservatorio.indicators.values.application.SubmissionOutcome.Result;
import it.osservatorio.indicators.values.domain.Deviation;
import it.osservatorio.indicators.values.domain.ObservationRules;
import it.osservatorio.indicators.values.domain.Problem;
import it.osservatorio.indicators.values.domain.Revision;
import it.osservatorio.indicators.values.domain.SeriesCell;
import it.osservatorio.indicators.values.domain.Target;
import it.osservatorio.indicators.values.domain.Thresholds;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one writer of series cells: observations (REST, CSV, topic), computed values and target changes all go through
 * it, one batch at a time, so that each cell's versions follow one another. Each changed cell is one document write
 * carrying its new revisions and the events to publish (outbox, ADR 0003).
 */
public class ValueLedger {

    public static final String COMPUTING_INSTITUTION = "indicators-service";

    private final Catalogue catalogue;
    private final SeriesStore store;
    private final TargetStore targetStore;
    private final Thresholds defaults;
    private final Clock clock;
    private final Map<String, SeriesCell> cache = new ConcurrentHashMap<>();
    private final Map<String, Target> targets = new ConcurrentHashMap<>();
    /** Every stored cell's key: a key not in it is a new cell, with nothing to read from the store. */
    private final java.util.Set<String> storedKeys = ConcurrentHashMap.newKeySet();

    public ValueLedger(
            Catalogue catalogue, SeriesStore store, TargetStore targetStore, Thresholds defaults, Clock clock) {
        this.catalogue = catalogue;
        this.store = store;
        this.targetStore = targetStore;
        this.defaults = defaults;
        this.clock = clock;
        storedKeys.addAll(store.keys());
        targetStore.all().forEach(t -> targets.put(SeriesKey.of(t.indicatorCode(), t.period(), t.territory()), t));
    }

    public Catalogue catalogue() {
        return catalogue;
    }

    /**
     * Validates and applies a batch of observations; with {@code dryRun} only reports what would happen. A cell takes
     * values only from the institution that submitted its first one: another's observation is {@code FORBIDDEN}.
     */
    public List<SubmissionOutcome> submit(List<ObservationSubmitted> observations, boolean dryRun) {
        return submit(observations, dryRun, false);
    }

    /**
     * As {@link #submit(List, boolean)}; with {@code byAdministrator} the observations may also correct cells of other
     * institutions (an administrator's request).
     */
    public synchronized List<SubmissionOutcome> submit(
            List<ObservationSubmitted> observations, boolean dryRun, boolean byAdministrator) {
        List<SubmissionOutcome> outcomes = new ArrayList<>();
        Map<String, Pending> pending = new LinkedHashMap<>();
        Instant now = clock.instant();
        for (int i = 0; i < observations.size(); i++) {
            ObservationSubmitted observation = observations.get(i);
            List<Problem> problems = ObservationRules.check(observation, catalogue);
            if (!problems.isEmpty()) {
                outcomes.add(new SubmissionOutcome(i, safeKey(observation), Result.INVALID, null, problems));
                continue;
            }
            Indicator indicator = catalogue.find(observation.indicatorCode()).orElseThrow();
            String key = observation.aggregateId();
            Pending cell = pending.computeIfAbsent(key, k -> pendingOf(k, indicator, observation, dryRun));
            if (!byAdministrator && !cell.cell.acceptsValuesFrom(observation.institutionId())) {
                outcomes.add(new SubmissionOutcome(
                        i,
                        key,
                        Result.FORBIDDEN,
                        null,
                        List.of(new Problem(
                                "institutionId",
                                "the values of " + key + " come from institution '"
                                        + cell.cell.owner().orElseThrow() + "': only it or an administrator may"
                                        + " correct them, not institution '" + observation.institutionId() + "'"))));
                continue;
            }
            var earlier = cell.cell.submission(observation.submissionId());
            if (earlier.isPresent()) {
                boolean same = earlier.get().value().compareTo(observation.value()) == 0;
                outcomes.add(new SubmissionOutcome(
                        i,
                        key,
                        same ? Result.DUPLICATE : Result.CONFLICT,
                        same ? cell.cell.current().map(Revision::revision).orElse(null) : null,
                        same
                                ? List.of()
                                : List.of(new Problem(
                                        "submissionId",
                                        "'" + observation.submissionId() + "' was already submitted with value "
                                                + earlier.get().value().toPlainString()
                                                + "; send a correction with a new submissionId"))));
                continue;
            }
            var current = cell.cell.current();
            if (current.isPresent()
                    && current.get().value().compareTo(observation.value()) == 0
                    && current.get().synthetic() == observation.synthetic()) {
                outcomes.add(new SubmissionOutcome(
                        i, key, Result.UNCHANGED, current.get().revision(), List.of()));
                continue;
            }
            Revision revision = new Revision(
                    cell.cell.nextRevision(),
                    observation.value(),
                    now,
                    observation.source(),
                    observation.institutionId(),
                    observation.synthetic(),
                    observation.note(),
                    observation.submissionId());
            Change change = revision.revision() == 1 ? Change.OBSERVED : Change.CORRECTED;
            cell.add(revision, change, indicator, now);
            outcomes.add(new SubmissionOutcome(
                    i,
                    key,
                    revision.revision() == 1 ? Result.CREATED : Result.CORRECTED,
                    revision.revision(),
                    List.of()));
        }
        if (!dryRun) {
            flush(pending.values());
        }
        return outcomes;
    }

    /** Records new values of computed indicators; a value equal to the current one changes nothing. */
    public synchronized int recordComputed(List<ComputedValue> values) {
        Map<String, Pending> pending = new LinkedHashMap<>();
        Instant now = clock.instant();
        for (ComputedValue value : values) {
            Indicator indicator = catalogue.find(value.code()).orElse(null);
            if (indicator == null) {
                continue;
            }
            String key = SeriesKey.of(value.code(), value.period(), value.territory());
            Pending cell = pending.computeIfAbsent(
                    key, k -> pendingOf(k, indicator, value.code(), value.period(), value.territory(), false));
            var current = cell.cell.current();
            if (current.isPresent() && current.get().value().compareTo(value.value()) == 0) {
                continue;
            }
            Instant knownAt = value.knownAt() == null ? now : value.knownAt();
            cell.add(
                    new Revision(
                            cell.cell.nextRevision(),
                            value.value(),
                            knownAt,
                            indicator.source(),
                            COMPUTING_INSTITUTION,
                            false,
                            null,
                            null),
                    Change.COMPUTED,
                    indicator,
                    now);
        }
        flush(pending.values());
        return (int) pending.values().stream().filter(p -> !p.added.isEmpty()).count();
    }

    /** Stores a baseline/target and republishes the cell it applies to, if it has a value. */
    public synchronized void setTarget(Target target) {
        targetStore.save(target);
        String key = SeriesKey.of(target.indicatorCode(), target.period(), target.territory());
        targets.put(key, target);
        Indicator indicator = catalogue.find(target.indicatorCode()).orElseThrow();
        SeriesCell existing = load(key).orElse(null);
        if (existing == null || existing.current().isEmpty()) {
            return;
        }
        Pending cell = new Pending(existing.copy(), existing.version());
        cell.touch(indicator, clock.instant());
        flush(List.of(cell));
    }

    public Target target(String indicatorCode, String period, String territory) {
        return targets.get(SeriesKey.of(indicatorCode, period, territory));
    }

    public List<Target> targetHistory(String indicatorCode, String period, String territory) {
        return targetStore.history(indicatorCode, period, territory);
    }

    public Thresholds defaults() {
        return defaults;
    }

    public List<Target> targets() {
        return List.copyOf(targets.values());
    }

    public java.util.Optional<SeriesCell> cell(String key) {
        return load(key).map(SeriesCell::copy);
    }

    public List<SeriesCell> cells(String indicatorCode) {
        return store.findByIndicator(indicatorCode);
    }

    public List<SeriesCell> allCells() {
        return store.findAll();
    }

    public Deviation deviation(Indicator indicator, String period, String territory, Revision revision) {
        Target target = target(indicator.code(), period, territory);
        return Deviation.of(
                revision == null ? null : revision.value(),
                target == null ? null : target.target(),
                indicator.direction(),
                defaults.overriddenBy(target));
    }

    /** The state event of a cell at one of its revisions. */
    public IndicatorValueChanged view(Indicator indicator, SeriesCell cell, Revision revision, Change change) {
        Target target = target(indicator.code(), cell.period(), cell.territory());
        Deviation deviation = deviation(indicator, cell.period(), cell.territory(), revision);
        return new IndicatorValueChanged(
                cell.key(),
                cell.version(),
                change,
                indicator.kind(),
                indicator.code(),
                indicator.nameIt(),
                indicator.nameEn(),
                indicator.axis(),
                catalogue.axisName(indicator.axis()),
                indicator.unit(),
                indicator.direction(),
                indicator.periodicity().name(),
                cell.period(),
                cell.territory(),
                revision.value(),
                revision.revision(),
                revision.knownAt(),
                revision.source(),
                revision.institutionId(),
                revision.synthetic(),
                target == null ? null : target.baseline(),
                target == null ? null : target.target(),
                deviation.absolute(),
                deviation.percent(),
                deviation.status(),
                clock.instant());
    }

    /** Forgets the cached cells (after the store was changed behind the ledger's back, e.g. in tests). */
    public synchronized void evictCache() {
        cache.clear();
    }

    private java.util.Optional<SeriesCell> load(String key) {
        SeriesCell cached = cache.get(key);
        if (cached != null) {
            return java.util.Optional.of(cached);
        }
        if (!storedKeys.contains(key)) {
            return java.util.Optional.empty();
        }
        java.util.Optional<SeriesCell> stored = store.find(key);
        stored.ifPresent(cell -> cache.put(key, cell));
        return stored;
    }

    private Pending pendingOf(String key, Indicator indicator, ObservationSubmitted observation, boolean dryRun) {
        return pendingOf(
                key, indicator, observation.indicatorCode(), observation.period(), observation.territory(), dryRun);
    }

    private Pending pendingOf(
            String key, Indicator indicator, String code, String period, String territory, boolean dryRun) {
        SeriesCell existing = load(key).orElse(null);
        SeriesCell working = existing == null
                ? new SeriesCell(key, code, period, territory, indicator.kind(), 0, List.of(), null)
                : existing.copy();
        return new Pending(working, existing == null ? 0 : existing.version());
    }

    private void flush(java.util.Collection<Pending> pending) {
        List<CellWrite> writes = new ArrayList<>();
        for (Pending cell : pending) {
            if (!cell.events.isEmpty()) {
                writes.add(new CellWrite(cell.cell, cell.expectedVersion, cell.added, cell.events));
            }
        }
        if (writes.isEmpty()) {
            return;
        }
        try {
            store.write(writes);
            writes.forEach(w -> {
                cache.put(w.cell().key(), w.cell());
                storedKeys.add(w.cell().key());
            });
        } catch (RuntimeException e) {
            writes.forEach(w -> cache.remove(w.cell().key()));
            throw e;
        }
    }

    /** A cell being changed in this batch, with what to write. */
    private final class Pending {
        final SeriesCell cell;
        final long expectedVersion;
        final List<Revision> added = new ArrayList<>();
        final List<AggregateEvent> events = new ArrayList<>();

        Pending(SeriesCell cell, long expectedVersion) {
            this.cell = cell;
            this.expectedVersion = expectedVersion;
        }

        void add(Revision revision, Change change, Indicator indicator, Instant now) {
            cell.add(revision);
            added.add(revision);
            publish(indicator, change);
        }

        void touch(Indicator indicator, Instant now) {
            cell.touch();
            publish(indicator, Change.TARGET_CHANGED);
        }

        private void publish(Indicator indicator, Change change) {
            Revision current = cell.current().orElseThrow();
            IndicatorValueChanged event = view(indicator, cell, current, change);
            events.add(event);
            DeviationStatus before = cell.status();
            if (!Objects.equals(before, event.status())
                    && !(before == null && event.status() == DeviationStatus.NO_TARGET)) {
                events.add(new IndicatorStatusChanged(
                        cell.key(),
                        cell.version(),
                        indicator.code(),
                        indicator.nameIt(),
                        indicator.nameEn(),
                        indicator.axis(),
                        cell.period(),
                        cell.territory(),
                        before,
                        event.status(),
                        event.value(),
                        event.target(),
                        event.deviation(),
                        event.deviationPercent(),
                        event.synthetic(),
                        event.changedAt()));
            }
            cell.status(event.status());
        }
    }

    private static String safeKey(ObservationSubmitted observation) {
        return observation.indicatorCode()
                + SeriesKey.SEPARATOR
                + observation.period()
                + SeriesKey.SEPARATOR
                + observation.territory();
    }
}
