package it.osservatorio.contracts;

/**
 * The identity the gateway forwards to every service: a short-lived JWT (RS256) signed by the gateway, naming the
 * institution in {@code sub} and its scopes in {@code scope}. Services verify it with the gateway's public key.
 */
public final class ServiceIdentity {

    public static final String ISSUER = "osservatorio-gateway";
    public static final String AUDIENCE = "osservatorio-services";
    public static final String INSTITUTION_NAME_CLAIM = "institution_name";
    public static final String SCOPE_CLAIM = "scope";

    public static final String SCOPE_READ = "read";
    public static final String SCOPE_WRITE = "write";
    public static final String SCOPE_ADMIN = "admin";

    private ServiceIdentity() {}
}
