package it.osservatorio.gateway.oauth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.converter.RsaKeyConverters;

/**
 * The RSA key the gateway signs OAuth2 access tokens with. It is a file next to the identity key (PKCS#8 PEM, owner
 * read/write only), generated on the first start when missing, so that tokens issued before a restart still verify
 * after it. Several gateway instances must share the file (mount the same secret), as they share the identity key.
 * The key is separate from the identity key: a token given to an institution can never pass as the identity the
 * gateway forwards to services.
 */
public class OAuthSigningKey {

    private static final Logger log = LoggerFactory.getLogger(OAuthSigningKey.class);

    private final RSAKey jwk;
    private final RSAPublicKey publicKey;

    /** The key in {@code file}, generated and written there first when the file does not exist. */
    static OAuthSigningKey inFile(Path file) {
        return new OAuthSigningKey(loadOrGenerate(file));
    }

    private OAuthSigningKey(RSAPrivateCrtKey privateKey) {
        this.publicKey = publicKeyOf(privateKey);
        try {
            this.jwk = new RSAKey.Builder(publicKey)
                    .privateKey(privateKey)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .keyIDFromThumbprint()
                    .build();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot derive the OAuth2 signing key's id", e);
        }
    }

    /** The key pair as a JWK, private part included: only for the token encoder. */
    RSAKey jwk() {
        return jwk;
    }

    public RSAPublicKey publicKey() {
        return publicKey;
    }

    private static RSAPrivateCrtKey loadOrGenerate(Path file) {
        if (Files.exists(file)) {
            return read(file);
        }
        RSAPrivateCrtKey generated = generate();
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), ".oauth-signing", ".tmp");
            try {
                restrictToOwner(temporary);
                Files.writeString(temporary, pem(generated), StandardCharsets.US_ASCII);
                // no replacement: when another instance wrote the file first, everybody uses that one
                Files.move(temporary, file);
            } finally {
                Files.deleteIfExists(temporary);
            }
            log.info("Generated the OAuth2 token signing key in {}", file.toAbsolutePath());
            return generated;
        } catch (FileAlreadyExistsException e) {
            return read(file);
        } catch (IOException | UnsupportedOperationException e) {
            throw new IllegalStateException(
                    "Cannot write the OAuth2 token signing key to " + file.toAbsolutePath()
                            + "; set osservatorio.gateway.oauth.signing-key-file to a writable path or provide the PKCS#8"
                            + " PEM file there",
                    e);
        }
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the directory's permissions are all there is
        }
    }

    private static RSAPrivateCrtKey read(Path file) {
        try {
            RSAPrivateKey key = RsaKeyConverters.pkcs8().convert(new ByteArrayInputStream(Files.readAllBytes(file)));
            if (!(key instanceof RSAPrivateCrtKey crt)) {
                throw new IllegalStateException("The OAuth2 signing key in " + file + " lacks its public part (CRT)");
            }
            return crt;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the OAuth2 token signing key " + file, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(
                    file + " is not an RSA private key in PKCS#8 PEM ('-----BEGIN PRIVATE KEY-----')", e);
        }
    }

    private static RSAPrivateCrtKey generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return (RSAPrivateCrtKey) generator.generateKeyPair().getPrivate();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAPublicKey publicKeyOf(RSAPrivateCrtKey privateKey) {
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(RSAPrivateKey key) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(key.getEncoded());
        return "-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n";
    }
}
