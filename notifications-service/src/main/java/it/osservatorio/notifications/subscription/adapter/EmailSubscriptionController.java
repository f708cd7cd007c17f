package it.osservatorio.notifications.subscription.adapter;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.osservatorio.notifications.subscription.application.SubscriptionService;
import it.osservatorio.notifications.subscription.domain.Subscription;
import it.osservatorio.platform.security.CallerIdentity;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A person subscribes by e-mail without an API key: the address is kept unconfirmed and gets a mail with the
 * confirmation link (double opt-in); every later mail carries the unsubscribe link, which deletes the subscription.
 */
@RestController
@RequestMapping("/email-subscriptions")
@Tag(name = "E-mail subscriptions", description = "Alerts by e-mail, with double opt-in and one-click unsubscribe")
class EmailSubscriptionController {

    private final SubscriptionService subscriptions;

    EmailSubscriptionController(SubscriptionService subscriptions) {
        this.subscriptions = subscriptions;
    }

    @PostMapping
    @Operation(summary = "Subscribe an address; nothing is sent to it but the confirmation mail until confirmed")
    ResponseEntity<Map<String, Object>> subscribe(@RequestBody SubscriptionRequests.EmailRequest request) {
        Subscription created = subscriptions.createEmail(
                CallerIdentity.current(),
                request.kinds(),
                request.criteria(),
                request.email(),
                request.language(),
                request.digest());
        return ResponseEntity.accepted()
                .body(Map.of(
                        "id", created.id(),
                        "email", created.email().address(),
                        "status", "confirmation mail sent: follow its link to start receiving alerts"));
    }

    @GetMapping("/confirm")
    @Operation(summary = "The link of the confirmation mail")
    Map<String, Object> confirm(@RequestParam(required = false) String token) {
        Subscription confirmed = subscriptions.confirm(token);
        return Map.of("id", confirmed.id(), "email", confirmed.email().address(), "confirmed", true);
    }

    @RequestMapping(
            path = "/unsubscribe",
            method = {RequestMethod.GET, RequestMethod.POST})
    @Operation(summary = "The link of every mail (and the List-Unsubscribe one-click POST): deletes the subscription")
    Map<String, Object> unsubscribe(@RequestParam(required = false) String token) {
        subscriptions.unsubscribe(token);
        return Map.of("unsubscribed", true, "detail", "the subscription and its address were deleted");
    }
}
