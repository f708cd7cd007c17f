package it.osservatorio.contracts.indicators;

import java.util.regex.Pattern;

/**
 * The key of one indicator series cell: indicator code, period and territory joined by {@code |}, e.g.
 * {@code IND-17|2026|PROVINCE:CR}. It is the record key and CloudEvents subject of every indicator event.
 */
public final class SeriesKey {

    /** Indicator codes: upper-case letters, digits and dashes, e.g. {@code IND-01} or {@code PRJ-COUNT-A1}. */
    public static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{1,39}");

    /** A year ({@code 2026}), a quarter ({@code 2026-Q2}) or a month ({@code 2026-03}). */
    public static final Pattern PERIOD = Pattern.compile("[0-9]{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?");

    /**
     * A region by its two-digit ISTAT code ({@code REGION:03} = Lombardia), a province by its two-letter code
     * ({@code PROVINCE:CR}) or a comune by its six-digit ISTAT code ({@code COMUNE:019036} = Cremona).
     */
    public static final Pattern TERRITORY = Pattern.compile("REGION:[0-9]{2}|PROVINCE:[A-Z]{2}|COMUNE:[0-9]{6}");

    public static final String SEPARATOR = "|";

    private SeriesKey() {}

    public static String of(String indicatorCode, String period, String territory) {
        return indicatorCode + SEPARATOR + period + SEPARATOR + territory;
    }
}
