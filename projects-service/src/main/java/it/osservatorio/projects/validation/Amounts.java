package it.osservatorio.projects.validation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/** Rules for amounts in EUR: not negative, at most two decimals (cents), kept at scale 2. */
public final class Amounts {

    /** No project or call of a territory comes near a trillion euros; the bound keeps cents within a long. */
    public static final BigDecimal MAX = new BigDecimal("999999999999.99");

    private Amounts() {}

    /** Adds a violation when the amount is negative or finer than a cent; null is allowed (not published). */
    public static void check(String field, BigDecimal amount, List<Violation> violations) {
        if (amount == null) {
            return;
        }
        if (amount.signum() < 0) {
            violations.add(new Violation(field, "must not be negative (EUR), was " + amount.toPlainString()));
        } else if (amount.compareTo(MAX) > 0) {
            violations.add(new Violation(
                    field, "must be at most " + MAX.toPlainString() + " EUR, was " + amount.toPlainString()));
        } else if (amount.stripTrailingZeros().scale() > 2) {
            violations.add(
                    new Violation(field, "must have at most 2 decimals (EUR cents), was " + amount.toPlainString()));
        }
    }

    /** The amount at scale 2, once {@link #check} passed; null stays null. */
    public static BigDecimal euros(BigDecimal amount) {
        return amount == null ? null : amount.setScale(2, RoundingMode.UNNECESSARY);
    }

    public static String text(BigDecimal amount) {
        return amount == null
                ? "not given"
                : amount.setScale(2, RoundingMode.HALF_EVEN).toPlainString() + " EUR";
    }
}
