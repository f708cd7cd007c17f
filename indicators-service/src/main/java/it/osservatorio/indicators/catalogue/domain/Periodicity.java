package it.osservatorio.indicators.catalogue.domain;

import java.util.regex.Pattern;

/** How often an indicator is measured, and the form of its periods: 2026, 2026-Q2, 2026-03. */
public enum Periodicity {
    YEAR(Pattern.compile("[0-9]{4}"), "a year, e.g. 2025"),
    QUARTER(Pattern.compile("[0-9]{4}-Q[1-4]"), "a quarter, e.g. 2025-Q2"),
    MONTH(Pattern.compile("[0-9]{4}-(0[1-9]|1[0-2])"), "a month, e.g. 2025-03");

    private final Pattern period;
    private final String example;

    Periodicity(Pattern period, String example) {
        this.period = period;
        this.example = example;
    }

    public boolean accepts(String value) {
        return value != null && period.matcher(value).matches();
    }

    public String example() {
        return example;
    }

    /** The year of a period of any periodicity. */
    public static int yearOf(String period) {
        return Integer.parseInt(period.substring(0, 4));
    }
}
