package it.osservatorio.indicators.values.application;

import it.osservatorio.contracts.AggregateEvent;
import it.osservatorio.indicators.values.domain.Revision;
import it.osservatorio.indicators.values.domain.SeriesCell;
import java.util.List;
import java.util.Optional;

/** Where series cells live, each with its revisions and its pending events in one document. */
public interface SeriesStore {

    Optional<SeriesCell> find(String key);

    /** The keys of every stored cell (read once at start, so that a new cell needs no look-up). */
    java.util.Set<String> keys();

    /** Every cell of an indicator, all periods and territories. */
    List<SeriesCell> findByIndicator(String indicatorCode);

    List<SeriesCell> findAll();

    /**
     * Stores the changes of several cells, each in one document write carrying its new revisions and events.
     *
     * @throws IllegalStateException when a cell was not at the expected version (nothing of that cell is written)
     */
    void write(List<CellWrite> writes);

    /**
     * @param expectedVersion the version the cell had before, 0 for a new cell
     * @param added the revisions added, in order
     */
    record CellWrite(SeriesCell cell, long expectedVersion, List<Revision> added, List<AggregateEvent> events) {}
}
