package it.osservatorio.gateway.oauth;

import it.osservatorio.gateway.institution.domain.ApiKeys;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Client secrets are 256 random bits stored as their SHA-256 hash, like API keys: a slow password hash would add
 * nothing against guessing and cost every token request.
 */
class ClientSecretHashes implements PasswordEncoder {

    @Override
    public String encode(CharSequence rawSecret) {
        return ApiKeys.hash(rawSecret.toString());
    }

    @Override
    public boolean matches(CharSequence rawSecret, String storedHash) {
        return rawSecret != null && storedHash != null && ApiKeys.matches(rawSecret.toString(), storedHash);
    }
}
