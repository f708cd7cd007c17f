package it.osservatorio.notifications.subscription.application;

import it.osservatorio.notifications.subscription.domain.EventKind;
import it.osservatorio.notifications.subscription.domain.Language;
import it.osservatorio.notifications.subscription.domain.Subscription;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The mails, in Italian or English, each as plain text and HTML, each with the unsubscribe link. */
public class MailTemplates {

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
