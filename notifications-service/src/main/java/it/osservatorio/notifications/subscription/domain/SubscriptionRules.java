package it.osservatorio.notifications.subscription.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks of what a subscriber sends: kinds, a webhook URL's form, an e-mail address's form. */
public final class SubscriptionRules {

    private static final Pattern EMAIL = Pattern.compile(
            "^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$");

    private SubscriptionRules() {}

    public static void kinds(Set<EventKind> kinds, List<Violation> violations) {
        if (kinds == null || kinds.isEmpty()) {
            violations.add(new Violation("kinds", "must name at least one of " + String.join(", ", names())));
        }
    }

    private static List<String> names() {
        return java.util.Arrays.stream(EventKind.values()).map(Enum::name).toList();
    }

    /** An absolute http(s) URL with a host, no user info, at most 2000 characters. */
    public static URI webhookUrl(String url, List<Violation> violations) {
        if (url == null || url.isBlank()) {
            violations.add(new Violation("url", "must be the https URL your system receives webhooks at"));
            return null;
        }
        if (url.length() > 2000) {
            violations.add(new Violation("url", "must be at most 2000 characters"));
            return null;
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            violations.add(new Violation("url", "is not a valid URL: " + e.getReason()));
            return null;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        List<String> problems = new ArrayList<>();
        if (!scheme.equals("https") && !scheme.equals("http")) {
            problems.add("must start with https:// (or http://)");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            problems.add("must name a host, e.g. https://example.org/webhooks");
        }
        if (uri.getRawUserInfo() != null) {
            problems.add("must not carry a user name or password; the signature authenticates the sender");
        }
        if (uri.getRawFragment() != null) {
            problems.add("must not have a fragment (#...)");
        }
        if (!problems.isEmpty()) {
            violations.add(new Violation("url", String.join("; ", problems)));
            return null;
        }
        return uri;
    }

    public static String emailAddress(String address, List<Violation> violations) {
        if (address == null || address.isBlank()) {
            violations.add(new Violation("email", "must be your e-mail address, e.g. nome.cognome@example.it"));
            return null;
        }
        return wellFormed("email", address, violations);
    }

    /** The optional address told when a webhook is disabled: null when not given, checked when given. */
    public static String contactEmail(String address, List<Violation> violations) {
        if (address == null) {
            return null;
        }
        if (address.isBlank()) {
            violations.add(new Violation(
                    "contactEmail",
                    "must be the address to tell when the endpoint is disabled, e.g. sistemi@example.it, or left"
                            + " out"));
            return null;
        }
        return wellFormed("contactEmail", address, violations);
    }

    private static String wellFormed(String field, String address, List<Violation> violations) {
        String trimmed = address.trim();
        if (trimmed.length() > 254 || !EMAIL.matcher(trimmed).matches()) {
            violations.add(new Violation(
                    field, "'" + address + "' is not a valid e-mail address, e.g. nome.cognome@example.it"));
            return null;
        }
        return trimmed;
    }
}
