package it.osservatorio.notifications.subscription.adapter;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.osservatorio.notifications.delivery.application.DeliveryStore;
import it.osservatorio.notifications.delivery.application.WebhookSender;
import it.osservatorio.notifications.delivery.domain.Attempt;
import it.osservatorio.notifications.delivery.domain.Delivery;
import it.osservatorio.notifications.subscription.application.SubscriptionService;
import it.osservatorio.notifications.subscription.domain.Subscription;
import it.osservatorio.platform.security.CallerIdentity;
import it.osservatorio.platform.security.OwnershipViolationException;
import it.osservatorio.platform.web.FieldProblem;
import it.osservatorio.platform.web.InvalidFieldException;
import it.osservatorio.platform.web.PageLimits;
import it.osservatorio.platform.web.ResourceNotFoundException;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/subscriptions")
@Tag(name = "Subscriptions", description = "An institution's webhook and e-mail subscriptions, and their deliveries")
class SubscriptionController {

    private final SubscriptionService subscriptions;
    private final DeliveryStore deliveries;
    private final WebhookSender webhooks;
    private final Clock clock;

    SubscriptionController(
            SubscriptionService subscriptions, DeliveryStore deliveries, WebhookSender webhooks, Clock clock) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.webhooks = webhooks;
        this.clock = clock;
    }

    @PostMapping("/webhooks")
    @Operation(summary = "Subscribe a webhook endpoint; the answer shows the signing secret once")
    ResponseEntity<SubscriptionResponse> createWebhook(@RequestBody SubscriptionRequests.WebhookRequest request) {
        Subscription created = subscriptions.createWebhook(
                CallerIdentity.require(),
                request.kinds(),
                request.criteria(),
                request.url(),
                request.contactEmail(),
                request.language());
        return ResponseEntity.created(URI.create("/subscriptions/" + created.id()))
                .body(SubscriptionResponse.of(created, true));
    }

    @GetMapping
    @Operation(summary = "The calling institution's subscriptions, by id; the next page starts after the last id")
    List<SubscriptionResponse> list(
            @RequestParam(required = false) String after, @RequestParam(required = false) String limit) {
        return subscriptions.ownedBy(caller(), after, limit(limit)).stream()
                .map(s -> SubscriptionResponse.of(s, false))
                .toList();
    }

    @GetMapping("/{id}")
    SubscriptionResponse get(@PathVariable String id) {
        return SubscriptionResponse.of(subscriptions.get(id, caller()), false);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String id) {
        subscriptions.delete(id, CallerIdentity.require());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/secret/rotate")
    @Operation(summary = "A new signing secret; the previous one keeps signing alongside it for a day")
    SubscriptionResponse rotate(@PathVariable String id) {
        return SubscriptionResponse.of(subscriptions.rotateSecret(id, CallerIdentity.require()), true);
    }

    @PostMapping("/{id}/enable")
    @Operation(summary = "Enable a webhook that was disabled (410 Gone, or failing for days)")
    SubscriptionResponse enable(@PathVariable String id) {
        return SubscriptionResponse.of(subscriptions.enable(id, CallerIdentity.require()), false);
    }

    @PostMapping("/{id}/ping")
    @Operation(summary = "Send a signed test event (type ping) now and report the attempt")
    Attempt ping(@PathVariable String id) {
        return webhooks.ping(subscriptions.webhookOf(id, CallerIdentity.require()));
    }

    @GetMapping("/{id}/deliveries")
    @Operation(summary = "The delivery log: every notice delivered or pending, with each attempt")
    List<Delivery> deliveries(
            @PathVariable String id,
            @RequestParam(required = false) String after,
            @RequestParam(required = false) String limit) {
        subscriptions.get(id, caller());
        return deliveries.forSubscription(id, after, limit(limit));
    }

    @PostMapping("/{id}/deliveries/{deliveryId}/redeliver")
    @Operation(summary = "Send a delivery again now, whatever its status; the attempts so far are kept")
    ResponseEntity<Delivery> redeliver(@PathVariable String id, @PathVariable String deliveryId) {
        subscriptions.webhookOf(id, CallerIdentity.require());
        Delivery delivery = deliveries
                .find(deliveryId)
                .filter(d -> d.subscriptionId().equals(id))
                .orElseThrow(() -> new ResourceNotFoundException("Delivery", deliveryId));
        deliveries.save(delivery.redeliver(clock.instant()));
        webhooks.submit(deliveryId);
        return ResponseEntity.accepted().body(deliveries.find(deliveryId).orElseThrow());
    }

    static int limit(String limit) {
        List<FieldProblem> problems = new ArrayList<>();
        int size = PageLimits.parse(limit, 50, 500, problems);
        if (!problems.isEmpty()) {
            throw new InvalidFieldException(problems);
        }
        return size;
    }

    private static CallerIdentity caller() {
        return CallerIdentity.current()
                .orElseThrow(() -> new OwnershipViolationException(
                        "Subscriptions are shown to the institution that owns them: send its API key"));
    }
}
