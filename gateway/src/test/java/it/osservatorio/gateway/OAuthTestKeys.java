package it.osservatorio.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where gateways under test keep their OAuth2 signing key: a throw-away directory, never the working tree. */
final class OAuthTestKeys {

    private OAuthTestKeys() {}

    static Path newSigningKeyFile() {
        try {
            return Files.createTempDirectory("gateway-oauth-keys").resolve("oauth-signing-private.pem");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
