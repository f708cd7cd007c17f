package it.osservatorio.notifications.subscription.domain;

import java.util.List;

/**
 * What "match my profile" takes from a registry organisation: its type as beneficiary type, its S3 ecosystems, the
 * province of its seat.
 */
public record Profile(
        String organisationId, long version, String beneficiaryType, List<String> ecosystems, String province) {

    public Profile {
        ecosystems = ecosystems == null ? List.of() : List.copyOf(ecosystems);
    }
}
