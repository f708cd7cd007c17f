package it.osservatorio.gateway.institution.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * API keys look like {@code oss_<keyId>_<secret>}: the key id finds the stored key, the secret (256 random bits) is
 * kept only as its SHA-256 hash. A fast hash is enough because the secret is random, not a password.
 */
public final class ApiKeys {

    private static final String PREFIX = "oss_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeys() {}

    public record Parsed(String keyId, String secret) {}

    public record Issued(String keyId, String apiKey, String secretHash) {}

    public static Issued issue() {
        String keyId = randomToken(9);
        String secret = randomToken(32);
        return new Issued(keyId, PREFIX + keyId + "_" + secret, hash(secret));
    }

    public static Optional<Parsed> parse(String apiKey) {
        if (apiKey == null || !apiKey.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String rest = apiKey.substring(PREFIX.length());
        int separator = rest.indexOf('_');
        if (separator <= 0 || separator == rest.length() - 1) {
            return Optional.empty();
        }
        return Optional.of(new Parsed(rest.substring(0, separator), rest.substring(separator + 1)));
    }

    public static String hash(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Constant-time comparison of a presented secret with a stored hash. */
    public static boolean matches(String secret, String storedHash) {
        return MessageDigest.isEqual(
                hash(secret).getBytes(StandardCharsets.US_ASCII), storedHash.getBytes(StandardCharsets.US_ASCII));
    }

    static String randomToken(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random).replace('_', '-');
    }
}
