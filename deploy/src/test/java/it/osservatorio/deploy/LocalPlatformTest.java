package it.osservatorio.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LocalPlatformTest {

    private static final Path HOME = Path.of("/tmp/osservatorio-home");
    private static final Path REPOSITORY = Path.of("/tmp/osservatorio-repository");

    @Test
    void shouldLoadDemoDataInTheRegistryWhenStartedByTheStartCommand() {
        PlatformConfig config = LocalPlatform.startCommandConfig(HOME, REPOSITORY);

        assertThat(config.extraArguments()).containsOnlyKeys("registry", "projects", "indicators");
        assertThat(config.extraArguments().get("projects")).containsExactly("--osservatorio.demo.enabled=true");
        assertThat(config.extraArguments().get("registry")).containsExactly("--osservatorio.demo.enabled=true");
        assertThat(config.extraArguments().get("indicators")).containsExactly("--osservatorio.demo.enabled=true");
        assertThat(config.registryPort())
                .isEqualTo(PlatformConfig.defaults(HOME, REPOSITORY).registryPort());
    }

    @Test
    void shouldPassNoDemoFlagWhenTestsUseTheirOwnConfiguration() {
        assertThat(PlatformConfig.randomPorts(HOME, REPOSITORY).extraArguments())
                .isEmpty();
        assertThat(PlatformConfig.defaults(HOME, REPOSITORY).extraArguments()).isEmpty();
    }

    @Test
    void shouldGiveDemoMailSinkDefaultPortsToStartCommandAndFreeOnesToTests() {
        PlatformConfig defaults = LocalPlatform.startCommandConfig(HOME, REPOSITORY);
        PlatformConfig random = PlatformConfig.randomPorts(HOME, REPOSITORY);

        assertThat(defaults.smtpPort()).isEqualTo(3025);
        assertThat(defaults.imapPort()).isEqualTo(3143);
        assertThat(Set.of(random.smtpPort(), random.imapPort(), random.kafkaPort(), random.notificationsPort()))
                .hasSize(4)
                .doesNotContain(3025, 3143);
        assertThat(random.withExtraArguments(java.util.Map.of()).smtpPort()).isEqualTo(random.smtpPort());
    }

    @Test
    void shouldShowAnyAddressItsMailsOverImapWhenDemoSinkReceivedThemOverSmtp() throws Exception {
        String address = "ufficio.bandi@cremona.example.it";
        try (DemoMailSink sink = DemoMailSink.start(PlatformConfig.freePort(), PlatformConfig.freePort())) {
            Session session = Session.getInstance(new Properties());
            MimeMessage mail = new MimeMessage(session);
            mail.setFrom("osservatorio@localhost");
            mail.setRecipient(Message.RecipientType.TO, new InternetAddress(address));
            mail.setSubject("Osservatorio: conferma l'iscrizione agli avvisi");
            mail.setText("Per ricevere gli avvisi sui bandi conferma l'iscrizione");
            Transport transport = session.getTransport("smtp");
            transport.connect("127.0.0.1", sink.smtpPort(), null, null);
            transport.sendMessage(mail, mail.getAllRecipients());
            transport.close();

            Store store = session.getStore("imap");
            // as the README tells: the address as user name, any password
            store.connect("127.0.0.1", sink.imapPort(), address, "any password");
            try {
                Folder inbox = store.getFolder("INBOX");
                inbox.open(Folder.READ_ONLY);
                assertThat(inbox.getMessages())
                        .extracting(Message::getSubject)
                        .containsExactly("Osservatorio: conferma l'iscrizione agli avvisi");
                inbox.close(false);
            } finally {
                store.close();
            }
            assertThat(sink.received()).hasSize(1);
        }
    }
}
