package it.osservatorio.testing;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reading the mails notifications-service sent to a test's in-process SMTP server (GreenMail). */
public final class MailMessages {

    private MailMessages() {}

    /** The mails whose first recipient is {@code address}, in order of arrival. */
    public static List<MimeMessage> to(MimeMessage[] received, String address) throws MessagingException {
        return to(List.of(received), address);
    }

    public static List<MimeMessage> to(List<MimeMessage> received, String address) throws MessagingException {
        List<MimeMessage> mine = new ArrayList<>();
        for (MimeMessage message : received) {
            if (message.getAllRecipients()[0].toString().equals(address)) {
                mine.add(message);
            }
        }
        return mine;
    }

    /** The first part of {@code mimeType} (e.g. {@code text/plain}) in the mail or its nested parts; null if none. */
    public static String part(Part part, String mimeType) throws Exception {
        if (part.isMimeType(mimeType)) {
            return part.getContent().toString();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                String found = part(child, mimeType);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** The whole link of an e-mail subscription action ({@code confirm}, {@code unsubscribe}) in a mail's text. */
    public static String subscriptionLink(String text, String action) {
        Matcher matcher = Pattern.compile("(http\\S+/email-subscriptions/" + action + "\\?token=\\S+)")
                .matcher(text);
        if (!matcher.find()) {
            throw new AssertionError("No " + action + " link in the mail:\n" + text);
        }
        return matcher.group(1);
    }
}
