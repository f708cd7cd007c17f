package it.osservatorio.notifications.subscription.domain;

/**
 * A person's address, confirmed by the link of the opt-in mail; every mail carries the unsubscribe link, which
 * deletes the subscription and with it the address.
 */
public record EmailTarget(
        String address,
        Language language,
        DigestMode digest,
        boolean confirmed,
        String confirmToken,
        String unsubscribeToken) {

    public EmailTarget confirm() {
        return new EmailTarget(address, language, digest, true, null, unsubscribeToken);
    }
}
