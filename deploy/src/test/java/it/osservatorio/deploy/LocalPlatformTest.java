package it.osservatorio.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
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
}
