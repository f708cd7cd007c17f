package it.osservatorio.notifications.subscription.domain;

/**
 * Whom an institution's webhook subscription names to be told when its endpoint is disabled, and in which language.
 *
 * @param email a checked address (see {@link SubscriptionRules#contactEmail})
 */
public record OwnerContact(String email, Language language) {

    public OwnerContact {
        language = language == null ? Language.IT : language;
    }
}
