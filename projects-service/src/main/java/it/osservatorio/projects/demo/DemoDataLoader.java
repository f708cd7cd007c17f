package it.osservatorio.projects.demo;

import it.osservatorio.contracts.ServiceIdentity;
import it.osservatorio.platform.security.CallerIdentity;
import it.osservatorio.projects.call.application.CallService;
import it.osservatorio.projects.call.domain.Call;
import it.osservatorio.projects.call.domain.CallDetails;
import it.osservatorio.projects.call.domain.CallStatus;
import it.osservatorio.projects.organisationreplica.OrganisationReplicaLookup;
import it.osservatorio.projects.project.application.ProjectService;
import it.osservatorio.projects.project.domain.Expenditure;
import it.osservatorio.projects.project.domain.Milestone;
import it.osservatorio.projects.project.domain.Partner;
import it.osservatorio.projects.project.domain.PartnerRole;
import it.osservatorio.projects.project.domain.Programme;
import it.osservatorio.projects.project.domain.ProgrammeKind;
import it.osservatorio.projects.project.domain.Project;
import it.osservatorio.projects.project.domain.ProjectDetails;
import it.osservatorio.projects.project.domain.ProjectStatus;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads {@value DemoDataset#RESOURCE} through the application services when {@code osservatorio.demo.enabled=true}
 * (the start command sets it): creates what is missing under its fixed id, updates what differs, leaves the rest
 * untouched, so every start after the first changes nothing. No amount, CUP or date is invented (ADR 0016); the
 * generated progress of {@link SyntheticProgress} is marked synthetic (ADR 0022).
 *
 * <p>Partners are registry organisations, resolved through the organisation replica by the {@code externalId} (else
 * the legal name) the registry's demo data gives them. When the replica does not hold them yet (the registry loads
 * its demo data at the same time), the project is created without them and linked by a retry every {@code
 * osservatorio.demo.partners.retry-interval} (default 2 s) for at most {@code osservatorio.demo.partners.wait}
 * (default 10 minutes).
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
    private final OrganisationReplicaLookup organisations;
    private final Duration retryInterval;
    private final Duration partnerWait;
    private DemoDataset dataset;
    private Map<String, SyntheticProgress.Plan> synthetic;
    private ScheduledExecutorService retries;

    public DemoDataLoader(
            ProjectService projects,
            CallService calls,
            OrganisationReplicaLookup organisations,
            @Value("${osservatorio.demo.partners.retry-interval:PT2S}") Duration retryInterval,
            @Value("${osservatorio.demo.partners.wait:PT10M}") Duration partnerWait) {
        this.projects = projects;
        this.calls = calls;
        this.organisations = organisations;
        this.retryInterval = retryInterval;
        this.partnerWait = partnerWait;
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
                            + " unchanged; {} synthetic expenditures recorded; partners still to link for {}",
                    report.projects().created(),
                    report.projects().updated(),
                    report.projects().unchanged(),
                    report.calls().created(),
                    report.calls().updated(),
                    report.calls().unchanged(),
                    report.syntheticExpenditures(),
                    report.waitingForPartners());
            if (!report.waitingForPartners().isEmpty()) {
                retryPartners(Instant.now().plus(partnerWait));
            }
        } catch (RuntimeException e) {
            // demo data must never keep the service from serving
            log.error("Demo data not loaded", e);
        }
    }

    /** Loads everything once; projects whose partners the replica does not hold yet are named in the report. */
    public synchronized Report load() {
        readOnce();
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
        Counts projectCounts = new Counts();
        List<String> waiting = new ArrayList<>();
        int expenditures = 0;
        for (DemoDataset.DemoProject demo : dataset.projects()) {
            if (!loadProject(demo, projectCounts)) {
                waiting.add(demo.id());
            }
            expenditures += recordSyntheticExpenditures(demo);
        }
        return new Report(projectCounts.freeze(), callCounts.freeze(), expenditures, List.copyOf(waiting));
    }

    /**
     * Links the partners of the projects still waiting for them.
     *
     * @return the ids of the projects still waiting
     */
    public synchronized List<String> linkPartners() {
        readOnce();
        List<String> waiting = new ArrayList<>();
        Counts ignored = new Counts();
        for (DemoDataset.DemoProject demo : dataset.projects()) {
            if (!demo.partners().isEmpty() && !loadProject(demo, ignored)) {
                waiting.add(demo.id());
            }
        }
        return waiting;
    }

    /** Read at the first load, not at construction: a broken dataset must not keep the service from starting. */
    private void readOnce() {
        if (dataset == null) {
            DemoDataset read = readDataset();
            synthetic = SyntheticProgress.plan(read);
            dataset = read;
        }
    }

    private void retryPartners(Instant giveUpAt) {
        retries = Executors.newSingleThreadScheduledExecutor(
                runnable -> Thread.ofPlatform().name("demo-partners").daemon().unstarted(runnable));
        retries.scheduleWithFixedDelay(
                () -> {
                    try {
                        List<String> waiting = linkPartners();
                        if (waiting.isEmpty()) {
                            log.info("Demo data: every partner linked");
                            retries.shutdown();
                        } else if (Instant.now().isAfter(giveUpAt)) {
                            log.warn(
                                    "Demo data: partners of {} not in the organisation replica after {}; is the"
                                            + " registry's demo data loaded? Giving up until the next start",
                                    waiting,
                                    partnerWait);
                            retries.shutdown();
                        }
                    } catch (RuntimeException e) {
                        log.warn("Demo data: linking partners failed, retrying: {}", e.toString());
                    }
                },
                retryInterval.toMillis(),
                retryInterval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stopRetries() {
        if (retries != null) {
            retries.shutdownNow();
        }
    }

    /** @return false when some partner is not in the replica yet (the project then lacks them) */
    private boolean loadProject(DemoDataset.DemoProject demo, Counts counts) {
        List<Partner> partners = new ArrayList<>();
        for (DemoDataset.DemoPartner partner : demo.partners()) {
            organisations
                    .organisationId(partner.externalId(), partner.legalName())
                    .ifPresent(id -> partners.add(new Partner(id, PartnerRole.valueOf(partner.role()), null)));
        }
        boolean complete = partners.size() == demo.partners().size();
        LocalDate today = projects.today();
        List<Milestone> milestones =
                Optional.ofNullable(synthetic.get(demo.id()))
                        .map(SyntheticProgress.Plan::milestones)
                        .orElse(List.of())
                        .stream()
                        .map(m -> m.actualDate() != null && m.actualDate().isAfter(today) ? unreached(m) : m)
                        .toList();
        ProjectDetails details = details(demo, partners, milestones);
        Project existing = projects.find(demo.id()).orElse(null);
        if (existing == null) {
            projects.propose(
                    demo.id(),
                    details(
                            demo,
                            partners,
                            milestones.stream().map(DemoDataLoader::unreached).toList()),
                    ProjectStatus.PROPOSED,
                    DEMO_CALLER);
            for (Milestone milestone : milestones) {
                if (milestone.isReached()) {
                    // reached one by one, so that each publishes its MilestoneReached fact
                    projects.reachMilestone(
                            demo.id(),
                            milestone.milestoneId(),
                            milestone.actualDate(),
                            OptionalLong.empty(),
                            DEMO_CALLER);
                }
            }
            counts.created++;
        } else if (!complete) {
            counts.unchanged++; // left as it is until every partner can be named
        } else if (!existing.details().equals(details.validate(today, existing.status()))) {
            projects.update(demo.id(), details, OptionalLong.of(existing.version()), DEMO_CALLER);
            counts.updated++;
        } else {
            counts.unchanged++;
        }
        return complete;
    }

    private int recordSyntheticExpenditures(DemoDataset.DemoProject demo) {
        SyntheticProgress.Plan plan = synthetic.get(demo.id());
        if (plan == null) {
            return 0;
        }
        Project project = projects.get(demo.id());
        LocalDate today = projects.today();
        int recorded = 0;
        for (Expenditure expenditure : plan.expenditures()) {
            if (project.expenditure(expenditure.expenditureId()).isEmpty()
                    && !expenditure.date().isAfter(today)) {
                project = projects.recordExpenditure(demo.id(), expenditure, DEMO_CALLER);
                recorded++;
            }
        }
        return recorded;
    }

    private static Milestone unreached(Milestone m) {
        return new Milestone(m.milestoneId(), m.title(), m.plannedDate(), null, m.synthetic());
    }

    /** A demo project's details as the sources give them, without partners or generated progress. */
    static ProjectDetails details(DemoDataset.DemoProject demo) {
        return details(demo, List.of(), List.of());
    }

    static ProjectDetails details(DemoDataset.DemoProject demo, List<Partner> partners, List<Milestone> milestones) {
        Programme programme = demo.programme() == null
                ? PACT
                : new Programme(ProgrammeKind.valueOf(demo.programme()), null, null, null, null, demo.programmeName());
        return new ProjectDetails(
                null,
                demo.title(),
                demo.acronym(),
                demo.description(),
                programme,
                demo.callId(),
                demo.axis(),
                demo.emblematicAction(),
                null,
                List.of(),
                null,
                null,
                null,
                null,
                partners,
                milestones,
                false,
                demo.otherAxes());
    }

    static CallDetails details(DemoDataset.DemoCall demo) {
        return new CallDetails(
                demo.issuer(),
                demo.title(),
                ProgrammeKind.valueOf(demo.programme()),
                demo.axis(),
                demo.ecosystems(),
                demo.eligibleBeneficiaryTypes(),
                null,
                rome(demo.opensAt()),
                rome(demo.deadline()),
                null,
                false,
                demo.reportedStatus() == null ? null : CallStatus.valueOf(demo.reportedStatus()),
                demo.reportedStatusNote());
    }

    private static Instant rome(String localDateTime) {
        return localDateTime == null
                ? null
                : LocalDateTime.parse(localDateTime).atZone(ROME).toInstant();
    }

    /**
     * @param syntheticExpenditures generated expenditures recorded by this load
     * @param waitingForPartners projects whose partners the organisation replica does not hold yet
     */
    public record Report(Loaded projects, Loaded calls, int syntheticExpenditures, List<String> waitingForPartners) {}

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
