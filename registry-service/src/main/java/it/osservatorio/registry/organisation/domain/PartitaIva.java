package it.osservatorio.registry.organisation.domain;

import java.util.Optional;

/** The Italian VAT number: eleven digits, the last a check digit (Luhn-like, as defined by the Agenzia delle Entrate). */
public final class PartitaIva {

    private PartitaIva() {}

    /** Empty when valid, otherwise what is wrong with it. */
    public static Optional<String> problem(String value) {
        if (!value.matches("[0-9]{11}")) {
            return Optional.of("must be exactly 11 digits, without spaces or the IT prefix (got '" + value + "')");
        }
        if (value.chars().allMatch(c -> c == '0')) {
            return Optional.of("cannot be all zeros");
        }
        int expected = checkDigit(value.substring(0, 10));
        if (value.charAt(10) - '0' != expected) {
            return Optional.of("has a wrong check digit: the last digit should be " + expected
                    + " for the first ten digits " + value.substring(0, 10) + "; check for a typo");
        }
        return Optional.empty();
    }

    static int checkDigit(String firstTen) {
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            int digit = firstTen.charAt(i) - '0';
            if (i % 2 == 1) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return (10 - sum % 10) % 10;
    }
}
