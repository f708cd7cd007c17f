package it.osservatorio.gateway.oauth;

import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * Keeps no record of issued tokens. The gateway issues only self-contained JWTs for the client credentials grant and
 * checks, on every use, the signature, the expiry and that the token's client is still active; a store of every token
 * would only grow (Spring Authorization Server's in-memory one keeps them all).
 */
class SelfContainedTokens implements OAuth2AuthorizationService {

    @Override
    public void save(OAuth2Authorization authorization) {
        // nothing to keep: see the class comment
    }

    @Override
    public void remove(OAuth2Authorization authorization) {
        // nothing kept
    }

    @Override
    public OAuth2Authorization findById(String id) {
        return null;
    }

    @Override
    public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
        return null;
    }
}
