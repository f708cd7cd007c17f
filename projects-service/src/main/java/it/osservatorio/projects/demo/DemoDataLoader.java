package it.osservatorio.projects.demo;

import it.osservatorio.contracts.ServiceIdentity;
import it.osservatorio.platform.security.CallerIdentity;
import it.osservatorio.projects.call.application.CallService;
import it.osservatorio.projects.call.domain.Call;
import it.osservatorio.projects.call.domain.CallDetails;
import it.osservatorio.projects.project.application.ProjectService;
import it.osservatorio.projects.project.domain.Programme;
import it.osservatorio.projects.project.domain.ProgrammeKind;
import it.osservatorio.projects.project.domain.Project;
import it.osservatorio.projects.project.domain.ProjectDetails;
import it.osservatorio.projects.project.domain.ProjectStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads {@value DemoDataset#RESOURCE} through the application services when {@code osservatorio.demo.enabled=true}
 * (the start command sets it): creates what is missing under its fixed id, updates what differs, leaves the rest
 * untouched, so every start after the first changes nothing. No amount, CUP, partner or date is invented (ADR 0016).
 */
@Component
@ConditionalOnProperty(name = "osservatorio.demo.enabled", havingValue = "true")
public class DemoDataLoader {

    /** The identity demo data is written as, and the institution that owns it (as in the registry). */
    public static final CallerIdentity DEMO_CALLER = new CallerIdentity(
            "osservatorio-demo",
            "Osservatorio demo data",
            Set.of(ServiceIdentity.SCOPE_READ, ServiceIdentity.SCOPE_WRITE, ServiceIdentity.SCOPE_ADMIN));

    static final Programme PACT = new Programme(
            ProgrammeKind.CREMONA_PACT,
            null,
            null,
            null,
            null,
            "Patto per lo sviluppo della provincia di Cremona (2007)");

    private static final ZoneId ROME = ZoneId.of("Europe/Rome");
    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

    private final ProjectService projects;
    private final CallService calls;

    public DemoDataLoader(ProjectService projects, CallService calls) {
        this.projects = projects;
        this.calls = calls;
    }

    public static DemoDataset readDataset() {
        try (InputStream in = DemoDataLoader.class.getClassLoader().getResourceAsStream(DemoDataset.RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(DemoDataset.RESOURCE + " is not on the classpath");
            }
            return JsonMapper.builder().build().readValue(in, DemoDataset.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    public void onReady() {
        try {
            Report report = load();
            log.info(
                    "Demo data loaded: projects {} created, {} updated, {} unchanged; calls {} created, {} updated, {}"
                            + " unchanged",
                    report.projects().created(),
                    report.projects().updated(),
                    report.projects().unchanged(),
                    report.calls().created(),
                    report.calls().updated(),
                    report.calls().unchanged());
        } catch (RuntimeException e) {
            // demo data must never keep the service from serving
            log.error("Demo data not loaded", e);
        }
    }

    public Report load() {
        DemoDataset dataset = readDataset();
        Counts projectCounts = new Counts();
        for (DemoDataset.DemoProject demo : dataset.projects()) {
            ProjectDetails details = details(demo);
            Project existing = projects.find(demo.id()).orElse(null);
            if (existing == null) {
                projects.propose(demo.id(), details, ProjectStatus.PROPOSED, DEMO_CALLER);
                projectCounts.created++;
            } else if (!existing.details().equals(details.validate(projects.today(), existing.status()))) {
                projects.update(demo.id(), details, OptionalLong.of(existing.version()), DEMO_CALLER);
                projectCounts.updated++;
            } else {
                projectCounts.unchanged++;
            }
        }
        Counts callCounts = new Counts();
        for (DemoDataset.DemoCall demo : dataset.calls()) {
            CallDetails details = details(demo);
            Call existing = calls.find(demo.id()).orElse(null);
            if (existing == null) {
                calls.publish(demo.id(), details, DEMO_CALLER);
                callCounts.created++;
            } else if (!existing.details().equals(details.validate())) {
                calls.update(demo.id(), details, OptionalLong.of(existing.version()), DEMO_CALLER);
                callCounts.updated++;
            } else {
                callCounts.unchanged++;
            }
        }
        return new Report(projectCounts.freeze(), callCounts.freeze());
    }

    static ProjectDetails details(DemoDataset.DemoProject demo) {
        return new ProjectDetails(
                null,
                demo.title(),
                null,
                demo.description(),
                PACT,
                null,
                demo.axis(),
                demo.emblematicAction(),
                null,
                List.of(),
                null,
                null,
                null,
                null,
                List.of(),
                List.of(),
                false,
                List.of());
    }

    static CallDetails details(DemoDataset.DemoCall demo) {
        return new CallDetails(
                demo.issuer(),
                demo.title(),
                ProgrammeKind.valueOf(demo.programme()),
                null,
                demo.ecosystems(),
                demo.eligibleBeneficiaryTypes(),
                null,
                rome(demo.opensAt()),
                rome(demo.deadline()),
                null,
                false,
                null,
                null);
    }

    private static Instant rome(String localDateTime) {
        return localDateTime == null
                ? null
                : LocalDateTime.parse(localDateTime).atZone(ROME).toInstant();
    }

    public record Report(Loaded projects, Loaded calls) {}

    public record Loaded(int created, int updated, int unchanged) {}

    private static final class Counts {
        private int created;
        private int updated;
        private int unchanged;

        Loaded freeze() {
            return new Loaded(created, updated, unchanged);
        }
    }
}
