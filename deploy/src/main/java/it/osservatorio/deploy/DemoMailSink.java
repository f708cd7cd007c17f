package it.osservatorio.deploy;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.util.List;

/**
 * The local platform's mail server, in the platform's own process: SMTP takes every mail for any address, IMAP shows
 * each address its mails (user name the address, any password). Only on 127.0.0.1, kept in memory: a demo sink, not
 * a mail server that forwards anything.
 */
public final class DemoMailSink implements AutoCloseable {

    static final String HOST = "127.0.0.1";

    private final GreenMail greenMail;

    private DemoMailSink(GreenMail greenMail) {
        this.greenMail = greenMail;
    }

    public static DemoMailSink start(int smtpPort, int imapPort) {
        GreenMail mail = new GreenMail(new ServerSetup[] {
                    new ServerSetup(smtpPort, HOST, ServerSetup.PROTOCOL_SMTP),
                    new ServerSetup(imapPort, HOST, ServerSetup.PROTOCOL_IMAP)
                })
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        mail.start();
        return new DemoMailSink(mail);
    }

    public int smtpPort() {
        return greenMail.getSmtp().getPort();
    }

    public int imapPort() {
        return greenMail.getImap().getPort();
    }

    /** Every mail received so far, in order of arrival. */
    public List<MimeMessage> received() {
        return List.of(greenMail.getReceivedMessages());
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
