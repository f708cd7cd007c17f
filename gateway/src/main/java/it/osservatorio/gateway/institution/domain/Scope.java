package it.osservatorio.gateway.institution.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What an API key allows: reading, writing the institution's own data, administering the platform. */
public enum Scope {
    READ,
    WRITE,
    ADMIN;

    public String claim() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Scope> ofClaim(String value) {
        return Arrays.stream(values())
                .filter(s -> s.claim().equalsIgnoreCase(value))
                .findFirst();
    }
}
