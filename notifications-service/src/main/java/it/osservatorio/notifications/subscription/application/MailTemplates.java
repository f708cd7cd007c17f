package it.osservatorio.notifications.subscription.application;

import it.osservatorio.notifications.subscription.domain.EventKind;
import it.osservatorio.notifications.subscription.domain.Language;
import it.osservatorio.notifications.subscription.domain.Subscription;
import it.osservatorio.notifications.subscription.domain.WebhookTarget;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The mails, in Italian or English, each as plain text and HTML: those to subscribers each with the unsubscribe link,
 * and the one telling a webhook's contact that the endpoint was disabled.
 */
public class MailTemplates {

    private static final DateTimeFormatter ROME_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Europe/Rome"));

    private final String publicBaseUrl;

    /** @param publicBaseUrl where people reach this service's links, e.g. http://localhost:8080/api/notifications */
    public MailTemplates(String publicBaseUrl) {
        this.publicBaseUrl =
                publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
    }

    /** One notice in a mail. */
    public record Item(EventKind kind, String title, String link, String detail) {}

    public String confirmUrl(Subscription subscription) {
        return publicBaseUrl + "/email-subscriptions/confirm?token="
                + encode(subscription.email().confirmToken());
    }

    public String unsubscribeUrl(Subscription subscription) {
        return publicBaseUrl + "/email-subscriptions/unsubscribe?token="
                + encode(subscription.email().unsubscribeToken());
    }

    public Mailer.MailMessage confirmation(Subscription subscription) {
        boolean it = subscription.email().language() == Language.IT;
        String confirm = confirmUrl(subscription);
        String unsubscribe = unsubscribeUrl(subscription);
        String subject = it ? "Osservatorio: conferma l'iscrizione agli avvisi" : "Osservatorio: confirm your alerts";
        String lead = it
                ? "Per ricevere gli avvisi sui bandi conferma l'iscrizione con questo link:"
                : "To receive alerts about calls, confirm your subscription with this link:";
        String ignore = it
                ? "Se non hai chiesto tu l'iscrizione, ignora questo messaggio o cancellala:"
                : "If you did not ask for this, ignore this message or delete the subscription:";
        String text = lead + "\n" + confirm + "\n\n" + ignore + "\n" + unsubscribe + "\n";
        String html = "<html><body><p>" + escape(lead) + "</p><p><a href=\"" + escape(confirm) + "\">"
                + (it ? "Conferma l'iscrizione" : "Confirm the subscription") + "</a></p><p>" + escape(ignore)
                + " <a href=\"" + escape(unsubscribe) + "\">" + (it ? "Cancella" : "Unsubscribe")
                + "</a></p></body></html>";
        return new Mailer.MailMessage(subscription.email().address(), subject, text, html, unsubscribe);
    }

    public Mailer.MailMessage notices(Subscription subscription, List<Item> items) {
        Language language = subscription.email().language();
        boolean it = language == Language.IT;
        String unsubscribe = unsubscribeUrl(subscription);
        String subject = items.size() == 1
                ? "Osservatorio: " + items.getFirst().kind().label(language) + " - "
                        + items.getFirst().title()
                : (it
                        ? "Osservatorio: " + items.size() + " avvisi di oggi"
                        : "Osservatorio: today's " + items.size() + " alerts");
        StringBuilder text = new StringBuilder();
        StringBuilder html = new StringBuilder("<html><body><ul>");
        for (Item item : items) {
            text.append("- ").append(item.kind().label(language)).append(": ").append(item.title());
            html.append("<li><strong>")
                    .append(escape(item.kind().label(language)))
                    .append("</strong>: ");
            if (item.link() != null) {
                html.append("<a href=\"")
                        .append(escape(item.link()))
                        .append("\">")
                        .append(escape(item.title()))
                        .append("</a>");
                text.append("\n  ").append(item.link());
            } else {
                html.append(escape(item.title()));
            }
            if (item.detail() != null) {
                text.append("\n  ").append(item.detail());
                html.append("<br>").append(escape(item.detail()));
            }
            text.append("\n");
            html.append("</li>");
        }
        String footer = it
                ? "Ricevi questo messaggio perché ti sei iscritto agli avvisi di Osservatorio. Per cancellarti:"
                : "You receive this message because you subscribed to Osservatorio alerts. To unsubscribe:";
        text.append("\n").append(footer).append("\n").append(unsubscribe).append("\n");
        html.append("</ul><p>")
                .append(escape(footer))
                .append(" <a href=\"")
                .append(escape(unsubscribe))
                .append("\">")
                .append(it ? "cancella l'iscrizione" : "unsubscribe")
                .append("</a></p></body></html>");
        return new Mailer.MailMessage(
                subscription.email().address(), subject, text.toString(), html.toString(), unsubscribe);
    }

    /**
     * To the contact of a disabled webhook: which endpoint, why, failing since when, and how to enable it again (the
     * subscription's own API, with the institution's key). It carries no unsubscribe link: the contact is part of the
     * subscription, which the institution changes or deletes.
     */
    public Mailer.MailMessage endpointDisabled(Subscription subscription) {
        WebhookTarget webhook = subscription.webhook();
        boolean it = webhook.contact().language() == Language.IT;
        String base = publicBaseUrl + "/subscriptions/" + subscription.id();
        String subject =
                (it ? "Osservatorio: webhook disattivato - " : "Osservatorio: webhook disabled - ") + webhook.url();
        List<String[]> facts = new ArrayList<>();
        facts.add(new String[] {it ? "Endpoint" : "Endpoint", webhook.url().toString()});
        facts.add(new String[] {
            it ? "Sottoscrizione" : "Subscription",
            subscription.id()
                    + (subscription.ownerInstitutionId() == null
                            ? ""
                            : (it ? " dell'istituzione " : " of institution ") + subscription.ownerInstitutionId())
        });
        facts.add(new String[] {it ? "Motivo" : "Reason", webhook.disabledReason()});
        if (webhook.failingSince() != null) {
            facts.add(new String[] {it ? "In errore dal" : "Failing since", rome(webhook.failingSince(), it)});
        }
        facts.add(new String[] {it ? "Disattivato il" : "Disabled at", rome(webhook.disabledAt(), it)});
        String lead = it
                ? "L'endpoint webhook di questa sottoscrizione è stato disattivato: finché resta disattivato non riceve"
                        + " avvisi."
                : "The webhook endpoint of this subscription was disabled: while it stays disabled it receives no"
                        + " notices.";
        String enable = it
                ? "Quando l'endpoint risponde di nuovo con 2xx, riattivalo con la chiave API dell'istituzione:"
                : "Once the endpoint answers 2xx again, enable it with the institution's API key:";
        String command = "curl -X POST " + base + "/enable -H \"Authorization: Bearer $KEY\"";
        String log = it
                ? "Le consegne non riuscite restano nel registro (GET " + base + "/deliveries) e si possono ripetere"
                        + " con POST " + base + "/deliveries/{deliveryId}/redeliver."
                : "The failed deliveries stay in the log (GET " + base + "/deliveries) and can be sent again with POST "
                        + base + "/deliveries/{deliveryId}/redeliver.";
        String why = it
                ? "Ricevi questo messaggio perché l'indirizzo è il contatto indicato nella sottoscrizione; per non"
                        + " riceverne più, eliminala (DELETE " + base + ") o creane una senza contactEmail."
                : "You receive this message because this address is the contact the subscription names; to stop"
                        + " them, delete it (DELETE " + base + ") or create one without contactEmail.";
        StringBuilder text = new StringBuilder(lead).append("\n\n");
        StringBuilder html =
                new StringBuilder("<html><body><p>").append(escape(lead)).append("</p><ul>");
        for (String[] fact : facts) {
            text.append(fact[0]).append(": ").append(fact[1]).append("\n");
            html.append("<li><strong>")
                    .append(escape(fact[0]))
                    .append("</strong>: ")
                    .append(escape(fact[1]))
                    .append("</li>");
        }
        text.append("\n")
                .append(enable)
                .append("\n  ")
                .append(command)
                .append("\n\n")
                .append(log)
                .append("\n\n")
                .append(why)
                .append("\n");
        html.append("</ul><p>")
                .append(escape(enable))
                .append("</p><pre>")
                .append(escape(command))
                .append("</pre><p>")
                .append(escape(log))
                .append("</p><p>")
                .append(escape(why))
                .append("</p></body></html>");
        return new Mailer.MailMessage(webhook.contact().email(), subject, text.toString(), html.toString(), null);
    }

    private static String rome(Instant instant, boolean it) {
        return ROME_TIME.format(instant) + (it ? " (ora di Roma)" : " (Rome time)");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
