package it.osservatorio.indicators.computed.application;

import it.osservatorio.indicators.catalogue.domain.Catalogue;
import it.osservatorio.indicators.catalogue.domain.Indicator;
import it.osservatorio.indicators.computed.domain.ComputationEngine;
import it.osservatorio.indicators.computed.domain.ComputedValue;
import it.osservatorio.indicators.computed.domain.SourceChange;
import it.osservatorio.indicators.values.application.ValueLedger;
import java.util.List;

/**
 * Feeds the source topics' changes to the engine and, once the consumer has caught up with the topics, hands every
 * changed value to the ledger, which publishes it. Before catching up (at start, or after a rebuild) values are only
 * computed, so a replay publishes nothing but what differs from the stored values.
 */
public class ComputedIndicators {

    private final ComputationEngine engine;
    private final ValueLedger ledger;
    private volatile boolean caughtUp;
    private volatile long applied;

    public ComputedIndicators(Catalogue catalogue, ValueLedger ledger) {
        this.engine = new ComputationEngine(catalogue.all().stream()
                .filter(Indicator::isComputed)
                .map(i -> new ComputationEngine.Definition(i.code(), i.territory(), i.formula()))
                .toList());
        this.ledger = ledger;
    }

    /** Applies a poll's changes; when caught up, records the changed values. */
    public void apply(List<SourceChange> changes, boolean caughtUpNow) {
        List<ComputedValue> changed;
        synchronized (engine) {
            for (SourceChange change : changes) {
                if (engine.apply(change)) {
                    applied++;
                }
            }
            caughtUp = caughtUpNow;
            if (!caughtUpNow) {
                return;
            }
            changed = engine.drainChanged();
        }
        if (!changed.isEmpty()) {
            ledger.recordComputed(changed);
        }
    }

    /** Forgets every fact, before a replay from offset 0. */
    public void reset() {
        synchronized (engine) {
            engine.reset();
            caughtUp = false;
            applied = 0;
        }
    }

    public boolean caughtUp() {
        return caughtUp;
    }

    public long applied() {
        return applied;
    }

    public String digest() {
        synchronized (engine) {
            return engine.digest();
        }
    }

    public List<ComputedValue> values() {
        synchronized (engine) {
            return engine.values();
        }
    }

    public int factCount() {
        synchronized (engine) {
            return engine.factCount();
        }
    }
}
