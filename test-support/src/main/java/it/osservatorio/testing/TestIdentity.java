package it.osservatorio.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import it.osservatorio.contracts.ServiceIdentity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A throw-away RSA key pair for the JVM, written as PEM files, and tokens signed with it exactly like the gateway
 * signs them. Services under test verify with {@link #publicKeyLocation()}.
 */
public final class TestIdentity {

    private static final KeyPair KEY_PAIR = generate();
    private static final Path PUBLIC_KEY =
            writePem("PUBLIC KEY", KEY_PAIR.getPublic().getEncoded(), "public");
    private static final Path PRIVATE_KEY =
            writePem("PRIVATE KEY", KEY_PAIR.getPrivate().getEncoded(), "private");

    private TestIdentity() {}

    public static String publicKeyLocation() {
        return PUBLIC_KEY.toUri().toString();
    }

    public static String privateKeyLocation() {
        return PRIVATE_KEY.toUri().toString();
    }

    /** Points a service's resource server at the test public key. */
    public static void register(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", TestIdentity::publicKeyLocation);
    }

    /** A valid token for an institution with the given scopes (read, write, admin). */
    public static String token(String institutionId, String... scopes) {
        return sign(institutionId, Instant.now().plusSeconds(60), scopes);
    }

    public static String expiredToken(String institutionId, String... scopes) {
        return sign(institutionId, Instant.now().minus(Duration.ofMinutes(5)), scopes);
    }

    private static String sign(String institutionId, Instant expiresAt, String... scopes) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .jwtID(UUID.randomUUID().toString())
                .issuer(ServiceIdentity.ISSUER)
                .audience(ServiceIdentity.AUDIENCE)
                .subject(institutionId)
                .claim(ServiceIdentity.INSTITUTION_NAME_CLAIM, "Test institution " + institutionId)
                .claim(ServiceIdentity.SCOPE_CLAIM, String.join(" ", scopes))
                .issueTime(Date.from(expiresAt.minusSeconds(60)))
                .expirationTime(Date.from(expiresAt))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        try {
            jwt.sign(new RSASSASigner((RSAPrivateKey) KEY_PAIR.getPrivate()));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path writePem(String label, byte[] der, String name) {
        try {
            Path file = Files.createTempFile("osservatorio-test-" + name, ".pem");
            file.toFile().deleteOnExit();
            String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der);
            Files.writeString(file, "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n");
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
