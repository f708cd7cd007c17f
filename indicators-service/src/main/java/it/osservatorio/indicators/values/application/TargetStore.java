package it.osservatorio.indicators.values.application;

import it.osservatorio.indicators.values.domain.Target;
import java.util.List;

/** Baselines and targets, with the history of who set them and why. */
public interface TargetStore {

    List<Target> all();

    /** Stores the target as the current one of its cell and appends it to the cell's target history. */
    void save(Target target);

    List<Target> history(String indicatorCode, String period, String territory);
}
