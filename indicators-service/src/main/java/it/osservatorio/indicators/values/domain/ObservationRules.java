package it.osservatorio.indicators.values.domain;

import it.osservatorio.contracts.indicators.ObservationSubmitted;
import it.osservatorio.contracts.indicators.SeriesKey;
import it.osservatorio.indicators.catalogue.domain.Catalogue;
import it.osservatorio.indicators.catalogue.domain.Indicator;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** What a submitted observation must satisfy before it can become a revision; every problem is named. */
public final class ObservationRules {

    private ObservationRules() {}

    public static List<Problem> check(ObservationSubmitted observation, Catalogue catalogue) {
        List<Problem> problems = new ArrayList<>();
        if (blank(observation.submissionId())) {
            problems.add(new Problem("submissionId", "is required: a unique id of this submission"));
        } else if (observation.submissionId().length() > 100) {
            problems.add(new Problem("submissionId", "must have at most 100 characters"));
        }
        Indicator indicator = null;
        if (blank(observation.indicatorCode())) {
            problems.add(new Problem("indicatorCode", "is required, e.g. IND-10"));
        } else {
            indicator = catalogue.find(observation.indicatorCode()).orElse(null);
            if (indicator == null) {
                problems.add(new Problem(
                        "indicatorCode",
                        "unknown indicator '" + observation.indicatorCode()
                                + "'; the catalogue (GET /indicators) lists the codes, e.g. IND-01 to IND-24"));
            } else if (indicator.isComputed()) {
                problems.add(new Problem(
                        "indicatorCode",
                        indicator.code() + " is computed from the platform's events and takes no observations"));
            }
        }
        if (blank(observation.period())
                || !SeriesKey.PERIOD.matcher(observation.period()).matches()) {
            problems.add(new Problem(
                    "period",
                    "'" + observation.period() + "' is not a year (2025), quarter (2025-Q2) or month (2025-03)"));
        } else if (indicator != null && !indicator.periodicity().accepts(observation.period())) {
            problems.add(new Problem(
                    "period",
                    indicator.code() + " is measured per "
                            + indicator.periodicity().name().toLowerCase() + ": give "
                            + indicator.periodicity().example()));
        }
        if (blank(observation.territory())
                || !SeriesKey.TERRITORY.matcher(observation.territory()).matches()) {
            problems.add(new Problem(
                    "territory",
                    "'" + observation.territory()
                            + "' is not REGION:<2-digit ISTAT code>, PROVINCE:<2-letter code> or COMUNE:<6-digit"
                            + " ISTAT code>, e.g. PROVINCE:CR"));
        }
        if (observation.value() == null) {
            problems.add(new Problem("value", "is required"));
        } else if (indicator != null) {
            String range = indicator.rangeProblem(observation.value());
            if (range != null) {
                problems.add(new Problem("value", range));
            }
        }
        if (indicator != null && !blank(observation.unit()) && !Objects.equals(observation.unit(), indicator.unit())) {
            problems.add(new Problem(
                    "unit",
                    indicator.unit() == null
                            ? "'" + observation.unit() + "' is wrong: " + indicator.code()
                                    + " has no unit in the catalogue; leave unit empty"
                            : "'" + observation.unit() + "' is wrong: " + indicator.code() + " is measured in '"
                                    + indicator.unit() + "'"));
        }
        if (blank(observation.source())) {
            problems.add(new Problem("source", "is required: where the figure comes from"));
        } else if (observation.source().length() > 300) {
            problems.add(new Problem("source", "must have at most 300 characters"));
        }
        if (blank(observation.institutionId())) {
            problems.add(new Problem("institutionId", "is required: the submitting institution"));
        }
        if (observation.note() != null && observation.note().length() > 1000) {
            problems.add(new Problem("note", "must have at most 1000 characters"));
        }
        return problems;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
