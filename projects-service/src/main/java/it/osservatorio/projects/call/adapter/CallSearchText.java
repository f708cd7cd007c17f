package it.osservatorio.projects.call.adapter;

import it.osservatorio.projects.call.domain.CallDetails;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Text a call is found by ({@code q}): title, issuer, programme, eligible beneficiaries, status note; accents removed, lower case. */
final class CallSearchText {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private CallSearchText() {}

    static String of(CallDetails d) {
        return normalize(Stream.concat(
                        Stream.of(
                                d.title(),
                                d.issuer(),
                                d.programme() == null ? null : d.programme().name(),
                                d.reportedStatusNote()),
                        Stream.concat(d.eligibleBeneficiaryTypes().stream(), d.ecosystems().stream()))
                .filter(text -> text != null)
                .collect(Collectors.joining(" ")));
    }

    static String normalize(String text) {
        if (text == null) {
            return null;
        }
        String plain =
                MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
        return SPACES.matcher(plain.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
    }

    /** Every word of {@code query} occurs in {@code text}. */
    static boolean matches(String text, String query) {
        String normalized = normalize(query);
        if (normalized == null || normalized.isEmpty()) {
            return true;
        }
        String haystack = text == null ? "" : text;
        return Stream.of(normalized.split(" ")).allMatch(haystack::contains);
    }
}
