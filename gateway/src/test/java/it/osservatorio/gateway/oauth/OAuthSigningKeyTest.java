package it.osservatorio.gateway.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OAuthSigningKeyTest {

    @TempDir
    Path directory;

    @Test
    void shouldGenerateKeyOnceAndReadSameKeyWhenStartedAgain() throws Exception {
        Path file = directory.resolve("keys").resolve("oauth-signing-private.pem");

        OAuthSigningKey first = OAuthSigningKey.inFile(file);
        String written = Files.readString(file);
        OAuthSigningKey again = OAuthSigningKey.inFile(file);

        assertThat(written).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(Files.getPosixFilePermissions(file))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(again.jwk().getKeyID()).isEqualTo(first.jwk().getKeyID());
        assertThat(again.publicKey()).isEqualTo(first.publicKey());
        assertThat(first.jwk().isPrivate()).isTrue();
        assertThat(Files.readString(file)).isEqualTo(written);
        try (var leftovers = Files.list(file.getParent())) {
            assertThat(leftovers).containsExactly(file);
        }
    }

    @Test
    void shouldGenerateDifferentKeysWhenFilesDiffer() {
        OAuthSigningKey one = OAuthSigningKey.inFile(directory.resolve("one.pem"));
        OAuthSigningKey two = OAuthSigningKey.inFile(directory.resolve("two.pem"));

        assertThat(one.jwk().getKeyID()).isNotEqualTo(two.jwk().getKeyID());
    }

    @Test
    void shouldExplainWhenFileIsNotPkcs8RsaKey() throws Exception {
        Path file = directory.resolve("broken.pem");
        Files.writeString(file, "not a key");

        assertThatThrownBy(() -> OAuthSigningKey.inFile(file))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("PKCS#8");
    }
}
