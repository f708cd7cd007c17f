package it.osservatorio.notifications.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import it.osservatorio.notifications.delivery.domain.TargetGuard;
import java.net.URI;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TargetGuardTest {

    private final TargetGuard guard = new TargetGuard(false, Set.of("127.0.0.1"));

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://localhost/hook",
                "http://10.1.2.3/hook",
                "http://172.16.0.1/hook",
                "http://192.168.1.10/hook",
                "http://169.254.169.254/latest/meta-data",
                "http://100.64.0.1/hook",
                "http://0.0.0.0/hook",
                "http://[::1]/hook",
                "http://[fd00::1]/hook",
                "http://[fe80::1]/hook",
                "http://[::ffff:10.0.0.1]/hook",
                "http://127.0.0.2/hook"
            })
    void shouldRefuseTargetWhenAddressIsPrivateLoopbackOrLinkLocal(String url) {
        assertThat(guard.refusal(URI.create(url))).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://93.184.215.14/hook", "http://127.0.0.1:8099/receiver", "https://[2606:4700::1]/x"})
    void shouldAllowTargetWhenAddressIsPublicOrHostIsAllowed(String url) {
        assertThat(guard.refusal(URI.create(url))).isEmpty();
    }
}
