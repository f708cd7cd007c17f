package it.osservatorio.gateway.institution.adapter;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.osservatorio.gateway.institution.domain.ApiKeys;
import it.osservatorio.gateway.institution.domain.OAuthClient;
import it.osservatorio.gateway.institution.domain.Scope;
import it.osservatorio.platform.web.InvalidFieldException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/admin/institutions")
@Tag(
        name = "Institutions (admin)",
        description = "Institutions, their API keys and their OAuth2 clients (client credentials); needs the admin"
                + " scope")
class InstitutionAdminController {

    private static final String TOKEN_ENDPOINT = "/oauth2/token";

    private final InstitutionService institutions;

    InstitutionAdminController(InstitutionService institutions) {
        this.institutions = institutions;
    }

    record CreateInstitution(
            @NotBlank(message = "is required: a short lowercase id, e.g. camera-commercio-cremona")
            @Pattern(
                    regexp = "[a-z0-9][a-z0-9-]{1,62}",
                    message = "must be 2 to 63 lowercase letters, digits or dashes, e.g. provincia-cremona")
            String id,

            @NotBlank(message = "is required: the institution's name")
            @Size(max = 200, message = "must be at most 200 characters")
            String name) {}

    record InstitutionView(String id, String name, Instant createdAt, List<KeyView> keys, List<ClientView> clients) {
        static InstitutionView of(InstitutionDocument d) {
            return new InstitutionView(
                    d.id(),
                    d.name(),
                    d.createdAt(),
                    d.keys().stream()
                            .map(k -> new KeyView(
                                    k.keyId(), k.scopes(), k.createdAt(), k.revokedAt(), k.expiresAt(), k.replacedBy()))
                            .toList(),
                    d.clients().stream()
                            .map(c -> new ClientView(
                                    c.clientId(),
                                    c.scopes(),
                                    c.createdAt(),
                                    c.revokedAt(),
                                    c.expiresAt(),
                                    c.replacedBy()))
                            .toList());
        }
    }

    record ClientView(
            String clientId,
            Set<Scope> scopes,
            Instant createdAt,
            Instant revokedAt,
            Instant expiresAt,
            String replacedBy) {}

    record RegisterClient(
            @NotEmpty(message = "list at least one of read, write, admin")
            List<String> scopes) {}

    record RegisteredClientView(
            String institutionId,
            String clientId,
            String clientSecret,
            Set<Scope> scopes,
            String tokenEndpoint,
            String notice) {}

    record RotatedClient(
            String institutionId,
            String clientId,
            String clientSecret,
            Set<Scope> scopes,
            String tokenEndpoint,
            String replacedClientId,
            Instant replacedClientExpiresAt,
            String notice) {}

    record KeyView(
            String keyId,
            Set<Scope> scopes,
            Instant createdAt,
            Instant revokedAt,
            Instant expiresAt,
            String replacedBy) {}

    /** @param graceSeconds how long the old key keeps working, 0 to 604800 (7 days); default 86400 (1 day) */
    record RotateKey(
            @Min(value = 0, message = "must be 0 (the old key stops at once) or more seconds")
            @Max(value = 604_800, message = "must be at most 604800 seconds (7 days)")
            Long graceSeconds) {}

    record RotatedKey(
            String institutionId,
            String keyId,
            String apiKey,
            Set<Scope> scopes,
            String replacedKeyId,
            Instant replacedKeyExpiresAt,
            String notice) {}

    record IssueKey(
            @NotEmpty(message = "list at least one of read, write, admin")
            List<String> scopes) {}

    record IssuedKey(String institutionId, String keyId, String apiKey, Set<Scope> scopes, String notice) {}

    @PostMapping
    @Operation(summary = "Register an institution")
    ResponseEntity<InstitutionView> create(@Valid @RequestBody CreateInstitution request) {
        InstitutionDocument created =
                institutions.create(request.id(), request.name().trim());
        return ResponseEntity.created(URI.create("/api/admin/institutions/" + created.id()))
                .body(InstitutionView.of(created));
    }

    @GetMapping
    @Operation(summary = "List institutions and their keys (never the secrets)")
    List<InstitutionView> list() {
        return institutions.list().stream().map(InstitutionView::of).toList();
    }

    @GetMapping("/{id}")
    InstitutionView get(@PathVariable String id) {
        return InstitutionView.of(institutions.get(id));
    }

    @PostMapping("/{id}/keys")
    @Operation(summary = "Issue an API key; the key is shown only in this response")
    ResponseEntity<IssuedKey> issue(@PathVariable String id, @Valid @RequestBody IssueKey request) {
        Set<Scope> scopes = scopes(request.scopes());
        ApiKeys.Issued issued = institutions.issueKey(id, scopes);
        return ResponseEntity.created(URI.create("/api/admin/institutions/" + id + "/keys/" + issued.keyId()))
                .body(new IssuedKey(
                        id, issued.keyId(), issued.apiKey(), scopes, "Store this key now: it cannot be shown again"));
    }

    @PostMapping("/{id}/keys/{keyId}/rotation")
    @Operation(
            summary = "Rotate an API key: a new key with the same scopes; the old one works for a grace period",
            description = "graceSeconds (default 86400, 0 stops the old key at once, at most 604800). The new key is"
                    + " shown only in this response.")
    ResponseEntity<RotatedKey> rotate(
            @PathVariable String id,
            @PathVariable String keyId,
            @Valid @RequestBody(required = false) RotateKey request) {
        long grace = request == null || request.graceSeconds() == null ? 86_400 : request.graceSeconds();
        InstitutionService.Rotation rotation = institutions.rotateKey(id, keyId, Duration.ofSeconds(grace));
        return ResponseEntity.created(URI.create("/api/admin/institutions/" + id + "/keys/"
                        + rotation.issued().keyId()))
                .body(new RotatedKey(
                        id,
                        rotation.issued().keyId(),
                        rotation.issued().apiKey(),
                        rotation.scopes(),
                        keyId,
                        rotation.oldKeyExpiresAt(),
                        "Store this key now: it cannot be shown again. The old key stops working at "
                                + rotation.oldKeyExpiresAt()));
    }

    @DeleteMapping("/{id}/keys/{keyId}")
    @Operation(summary = "Revoke an API key at once")
    ResponseEntity<Void> revoke(@PathVariable String id, @PathVariable String keyId) {
        institutions.revokeKey(id, keyId);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/clients")
    @Operation(
            summary = "Register an OAuth2 client (client credentials grant); the secret is shown only in this response",
            description = "The institution's system then obtains access tokens with"
                    + " POST /oauth2/token grant_type=client_credentials, client_id and client_secret as HTTP Basic"
                    + " (or form parameters), optionally scope=\"read write\" (default: every scope of the client),"
                    + " and sends them as 'Authorization: Bearer <token>' like an API key.")
    ResponseEntity<RegisteredClientView> registerClient(
            @PathVariable String id, @Valid @RequestBody RegisterClient request) {
        Set<Scope> scopes = scopes(request.scopes());
        OAuthClient.Registered registered = institutions.registerClient(id, scopes);
        return ResponseEntity.created(URI.create("/api/admin/institutions/" + id + "/clients/"
                        + registered.client().clientId()))
                .body(new RegisteredClientView(
                        id,
                        registered.client().clientId(),
                        registered.clientSecret(),
                        registered.client().scopes(),
                        TOKEN_ENDPOINT,
                        "Store this client secret now: it cannot be shown again"));
    }

    @PostMapping("/{id}/clients/{clientId}/rotation")
    @Operation(
            summary = "Rotate an OAuth2 client: a new client id and secret with the same scopes; the old client and"
                    + " its tokens work for a grace period",
            description = "graceSeconds (default 86400, 0 stops the old client and its tokens at once, at most"
                    + " 604800). The new secret is shown only in this response.")
    ResponseEntity<RotatedClient> rotateClient(
            @PathVariable String id,
            @PathVariable String clientId,
            @Valid @RequestBody(required = false) RotateKey request) {
        long grace = request == null || request.graceSeconds() == null ? 86_400 : request.graceSeconds();
        InstitutionService.ClientRotation rotation = institutions.rotateClient(id, clientId, Duration.ofSeconds(grace));
        OAuthClient fresh = rotation.registered().client();
        return ResponseEntity.created(URI.create("/api/admin/institutions/" + id + "/clients/" + fresh.clientId()))
                .body(new RotatedClient(
                        id,
                        fresh.clientId(),
                        rotation.registered().clientSecret(),
                        fresh.scopes(),
                        TOKEN_ENDPOINT,
                        clientId,
                        rotation.oldClientExpiresAt(),
                        "Store this client secret now: it cannot be shown again. The old client and its tokens stop"
                                + " working at " + rotation.oldClientExpiresAt()));
    }

    @DeleteMapping("/{id}/clients/{clientId}")
    @Operation(summary = "Revoke an OAuth2 client at once: it gets no more tokens and the tokens it has stop working")
    ResponseEntity<Void> revokeClient(@PathVariable String id, @PathVariable String clientId) {
        institutions.revokeClient(id, clientId);
        return ResponseEntity.noContent().build();
    }

    private static Set<Scope> scopes(List<String> values) {
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        for (String value : values) {
            scopes.add(Scope.ofClaim(value)
                    .orElseThrow(() -> new InvalidFieldException(
                            "scopes", "'" + value + "' is not a scope; use read, write or admin")));
        }
        return scopes;
    }
}
