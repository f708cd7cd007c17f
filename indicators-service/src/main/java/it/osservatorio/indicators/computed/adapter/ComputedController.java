package it.osservatorio.indicators.computed.adapter;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.osservatorio.indicators.computed.application.ComputedIndicators;
import it.osservatorio.indicators.computed.domain.ComputedValue;
import it.osservatorio.platform.security.CallerIdentity;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Computed indicators", description = "Values computed from the registry's and projects' events")
class ComputedController {

    private final ComputedIndicators computed;
    private final SourceTopicsConsumer consumer;

    ComputedController(ComputedIndicators computed, SourceTopicsConsumer consumer) {
        this.computed = computed;
        this.consumer = consumer;
    }

    record ComputedState(boolean caughtUp, long eventsApplied, int facts, String digest, List<ComputedValue> values) {}

    @GetMapping("/computed")
    @Operation(
            summary = "Every computed value with a SHA-256 digest of them all",
            description = "The digest covers code|period|territory=value of every value: a rebuild from offset 0 gives"
                    + " the same digest.")
    ComputedState state() {
        return new ComputedState(
                computed.caughtUp(), computed.applied(), computed.factCount(), computed.digest(), computed.values());
    }

    @PostMapping("/computed/rebuild")
    @Operation(summary = "Forgets every fact and replays the source topics from offset 0 (admin only)")
    ResponseEntity<Void> rebuild() {
        CallerIdentity.require().requireAdmin("Rebuilding the computed indicators");
        consumer.rebuild();
        return ResponseEntity.accepted().build();
    }
}
