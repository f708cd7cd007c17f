package it.osservatorio.gateway.identity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Identity", description = "The key services use to verify the identity the gateway forwards")
class JwksController {

    private final IdentityTokenIssuer issuer;

    JwksController(IdentityTokenIssuer issuer) {
        this.issuer = issuer;
    }

    @GetMapping(value = "/.well-known/jwks.json", produces = "application/jwk-set+json")
    @Operation(summary = "The gateway's public signing keys (JWK Set)")
    Map<String, Object> jwks() {
        return issuer.publicKeys().toJSONObject();
    }
}
