package it.osservatorio.projects.project.domain;

import java.util.Locale;
import java.util.Optional;

/**
 * Codice Unico di Progetto: 15 characters identifying an Italian public investment project, e.g. E11B22000040007 —
 * a letter, two digits, a letter, then eleven digits (year of the request, progressive number, check digits).
 */
public final class Cup {

    public static final String PATTERN = "[A-Z][0-9]{2}[A-Z][0-9]{11}";

    private Cup() {}

    /** Upper case without blanks, as institutions often print it with spaces. */
    public static String normalise(String cup) {
        if (cup == null) {
            return null;
        }
        String compact = cup.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
        return compact.isEmpty() ? null : compact;
    }

    /** What is wrong with a normalised CUP, if anything. */
    public static Optional<String> problem(String cup) {
        if (cup.length() != 15) {
            return Optional.of("must be 15 characters (got " + cup.length() + " in '" + cup + "')");
        }
        if (!cup.matches(PATTERN)) {
            return Optional.of("must be a letter, two digits, a letter and eleven digits, e.g. E11B22000040007 (got '"
                    + cup + "')");
        }
        return Optional.empty();
    }
}
