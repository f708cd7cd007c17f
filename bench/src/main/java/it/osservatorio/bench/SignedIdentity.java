package it.osservatorio.bench;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import it.osservatorio.contracts.ServiceIdentity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;

/**
 * The identity token the gateway would forward for an institution, signed with the platform's own key pair, so that a
 * benchmark can call a service directly (the baseline without the gateway).
 */
final class SignedIdentity {

    private SignedIdentity() {}

    /** {@code bench.identityKey}, default {@code $OSSERVATORIO_HOME/keys/identity-private.pem}. */
    static Path keyFile() {
        return Path.of(System.getProperty(
                "bench.identityKey",
                System.getenv().getOrDefault("OSSERVATORIO_HOME", System.getProperty("user.home") + "/.osservatorio")
                        + "/keys/identity-private.pem"));
    }

    /** Claims as in the gateway's issuer, read and write scopes, valid for 1 hour. */
    static String token(Path privateKeyPem, String institution, String institutionName) throws Exception {
        return token(
                privateKeyPem,
                institution,
                institutionName,
                ServiceIdentity.SCOPE_READ + " " + ServiceIdentity.SCOPE_WRITE);
    }

    /** Claims as in the gateway's issuer with the given space-separated scopes, valid for 1 hour. */
    static String token(Path privateKeyPem, String institution, String institutionName, String scopes)
            throws Exception {
        String base64 = Files.readString(privateKeyPem)
                .replaceAll("-----[A-Z ]+-----", "")
                .replaceAll("\\s", "");
        RSAPrivateKey key = (RSAPrivateKey) KeyFactory.getInstance("RSA")
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .jwtID(UUID.randomUUID().toString())
                .issuer(ServiceIdentity.ISSUER)
                .audience(ServiceIdentity.AUDIENCE)
                .subject(institution)
                .claim(ServiceIdentity.INSTITUTION_NAME_CLAIM, institutionName)
                .claim(ServiceIdentity.SCOPE_CLAIM, scopes)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofHours(1))))
                .build();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .type(JOSEObjectType.JWT)
                        .build(),
                claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }
}
