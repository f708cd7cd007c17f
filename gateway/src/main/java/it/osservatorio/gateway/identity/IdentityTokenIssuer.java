package it.osservatorio.gateway.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import it.osservatorio.contracts.ServiceIdentity;
import it.osservatorio.gateway.GatewayProperties;
import it.osservatorio.gateway.institution.domain.InstitutionPrincipal;
import it.osservatorio.gateway.institution.domain.Scope;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.core.io.Resource;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.stereotype.Component;

/**
 * Signs the short-lived identity the gateway forwards with every call (RS256); the services verify it with the
 * public key, served as a JWK Set too.
 */
@Component
public class IdentityTokenIssuer {

    private final RSASSASigner signer;
    private final RSAKey publicJwk;
    private final GatewayProperties.Identity properties;
    private final Clock clock = Clock.systemUTC();
    private final Map<InstitutionPrincipal, IssuedToken> recent = new ConcurrentHashMap<>();

    IdentityTokenIssuer(GatewayProperties.Identity properties) {
        this.properties = properties;
        RSAPrivateKey privateKey = read(properties.privateKeyLocation(), true);
        RSAPublicKey publicKey = read(properties.publicKeyLocation(), false);
        this.signer = new RSASSASigner(privateKey);
        try {
            this.publicJwk = new RSAKey.Builder(publicKey)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .keyIDFromThumbprint()
                    .build();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot derive the signing key's id", e);
        }
    }

    /**
     * A token for the institution, reused while more than half of its lifetime remains: signing with RSA costs more
     * than the rest of a forwarded call.
     */
    public String issue(InstitutionPrincipal institution) {
        Instant now = clock.instant();
        IssuedToken cached = recent.get(institution);
        if (cached != null && cached.reusableUntil().isAfter(now)) {
            return cached.token();
        }
        String token = sign(institution, now);
        recent.put(
                institution,
                new IssuedToken(token, now.plus(properties.tokenLifetime().dividedBy(2))));
        return token;
    }

    private record IssuedToken(String token, Instant reusableUntil) {}

    private String sign(InstitutionPrincipal institution, Instant now) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .jwtID(UUID.randomUUID().toString())
                .issuer(ServiceIdentity.ISSUER)
                .audience(ServiceIdentity.AUDIENCE)
                .subject(institution.institutionId())
                .claim(ServiceIdentity.INSTITUTION_NAME_CLAIM, institution.name())
                .claim(
                        ServiceIdentity.SCOPE_CLAIM,
                        institution.scopes().stream().map(Scope::claim).sorted().collect(Collectors.joining(" ")))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(properties.tokenLifetime())))
                .build();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .keyID(publicJwk.getKeyID())
                        .type(JOSEObjectType.JWT)
                        .build(),
                claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign the forwarded identity", e);
        }
        return jwt.serialize();
    }

    public JWKSet publicKeys() {
        return new JWKSet(publicJwk);
    }

    @SuppressWarnings("unchecked")
    private static <K> K read(Resource location, boolean privateKey) {
        if (location == null || !location.exists()) {
            throw new IllegalStateException("Set osservatorio.identity." + (privateKey ? "private" : "public")
                    + "-key-location to the gateway's " + (privateKey ? "PKCS#8 private" : "X.509 public")
                    + " key PEM file (./start.sh generates the pair); not found: " + location);
        }
        try (InputStream in = location.getInputStream()) {
            return (K)
                    (privateKey
                            ? RsaKeyConverters.pkcs8().convert(in)
                            : RsaKeyConverters.x509().convert(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
