package it.osservatorio.indicators.values.domain;

import it.osservatorio.contracts.indicators.DeviationStatus;
import it.osservatorio.contracts.indicators.IndicatorValueChanged.Kind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The values of one indicator for one period and territory: every revision, and the version of its state. */
public final class SeriesCell {

    private final String key;
    private final String indicatorCode;
    private final String period;
    private final String territory;
    private final Kind kind;
    private long version;
    private final List<Revision> revisions;
    private DeviationStatus status;

    public SeriesCell(
            String key,
            String indicatorCode,
            String period,
            String territory,
            Kind kind,
            long version,
            List<Revision> revisions,
            DeviationStatus status) {
        this.key = key;
        this.indicatorCode = indicatorCode;
        this.period = period;
        this.territory = territory;
        this.kind = kind;
        this.version = version;
        this.revisions = new ArrayList<>(revisions);
        this.status = status;
    }

    public SeriesCell copy() {
        return new SeriesCell(key, indicatorCode, period, territory, kind, version, revisions, status);
    }

    public String key() {
        return key;
    }

    public String indicatorCode() {
        return indicatorCode;
    }

    public String period() {
        return period;
    }

    public String territory() {
        return territory;
    }

    public Kind kind() {
        return kind;
    }

    public long version() {
        return version;
    }

    public DeviationStatus status() {
        return status;
    }

    public List<Revision> revisions() {
        return List.copyOf(revisions);
    }

    public Optional<Revision> current() {
        return revisions.isEmpty() ? Optional.empty() : Optional.of(revisions.getLast());
    }

    /** The revision known at {@code instant}: the last one whose knownAt is not after it. */
    public Optional<Revision> asOf(Instant instant) {
        Revision known = null;
        for (Revision revision : revisions) {
            if (!revision.knownAt().isAfter(instant)) {
                known = revision;
            }
        }
        return Optional.ofNullable(known);
    }

    public Optional<Revision> submission(String submissionId) {
        return submissionId == null
                ? Optional.empty()
                : revisions.stream()
                        .filter(r -> submissionId.equals(r.submissionId()))
                        .findFirst();
    }

    /**
     * The institution that submitted the cell's first value, which alone (with the administrators) may correct it;
     * empty for a cell without values.
     */
    public Optional<String> owner() {
        return revisions.isEmpty()
                ? Optional.empty()
                : Optional.ofNullable(revisions.getFirst().institutionId());
    }

    /** Whether {@code institutionId} may add a revision: the cell has no value yet or that institution owns it. */
    public boolean acceptsValuesFrom(String institutionId) {
        return owner().map(o -> o.equals(institutionId)).orElse(true);
    }

    public int nextRevision() {
        return current().map(r -> r.revision() + 1).orElse(1);
    }

    /** Adds a revision and moves to the next version. */
    public void add(Revision revision) {
        revisions.add(revision);
        version++;
    }

    /** A change of baseline or target: the next version, same values. */
    public void touch() {
        version++;
    }

    public void status(DeviationStatus status) {
        this.status = status;
    }
}
