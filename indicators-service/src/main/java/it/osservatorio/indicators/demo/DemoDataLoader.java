package it.osservatorio.indicators.demo;

import it.osservatorio.contracts.indicators.ObservationSubmitted;
import it.osservatorio.indicators.catalogue.domain.Indicator;
import it.osservatorio.indicators.values.application.SubmissionOutcome;
import it.osservatorio.indicators.values.application.ValueLedger;
import it.osservatorio.indicators.values.domain.Target;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Loads illustrative values ({@code synthetic: true}) for the pact's 24 observed indicators, 2020 to 2026 in the
 * province of Cremona, and illustrative 2026 targets, when {@code osservatorio.demo.enabled=true} (the start command
 * sets it). Idempotent: values repeat their submissionIds, targets are set only when missing. Computed indicators need
 * no demo data: they are computed from the registry's and projects-service's demo data.
 */
@Component
@ConditionalOnProperty(name = "osservatorio.demo.enabled", havingValue = "true")
class DemoDataLoader {

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

    private final ValueLedger ledger;

    DemoDataLoader(ValueLedger ledger) {
        this.ledger = ledger;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        List<Indicator> pact = ledger.catalogue().all().stream()
                .filter(i -> "PACT".equals(i.origin()))
                .toList();
        List<ObservationSubmitted> observations = IndicatorsDemoData.observations(pact);
        Map<SubmissionOutcome.Result, Long> outcomes = ledger.submit(observations, false).stream()
                .collect(Collectors.groupingBy(SubmissionOutcome::result, Collectors.counting()));
        int targets = 0;
        for (Indicator indicator : pact) {
            Target target = IndicatorsDemoData.target(indicator, Instant.now());
            if (ledger.target(target.indicatorCode(), target.period(), target.territory()) == null) {
                ledger.setTarget(target);
                targets++;
            }
        }
        log.info(
                "Demo indicators: {} synthetic observations of {} indicators ({}), {} illustrative targets set",
                observations.size(),
                pact.size(),
                outcomes,
                targets);
    }
}
