package it.osservatorio.projects.project.application;

import it.osservatorio.contracts.EventCodec;
import it.osservatorio.contracts.projects.ProjectChanged;
import it.osservatorio.platform.ids.TimeOrderedIds;
import it.osservatorio.platform.outbox.OutboxRelay;
import it.osservatorio.platform.outbox.PendingEvent;
import it.osservatorio.platform.security.CallerIdentity;
import it.osservatorio.platform.web.ConflictException;
import it.osservatorio.platform.web.PreconditionFailedException;
import it.osservatorio.platform.web.ResourceNotFoundException;
import it.osservatorio.projects.project.domain.Expenditure;
import it.osservatorio.projects.project.domain.Milestone;
import it.osservatorio.projects.project.domain.Partner;
import it.osservatorio.projects.project.domain.Project;
import it.osservatorio.projects.project.domain.ProjectDetails;
import it.osservatorio.projects.project.domain.ProjectStatus;
import it.osservatorio.projects.validation.InvalidDetailsException;
import it.osservatorio.projects.validation.Violation;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;

/**
 * Projects: every change is one document write carrying the new state event and the progress facts it implies
 * (status changed, expenditure recorded, milestone reached), all with the project's new version.
 */
@Service
public class ProjectService {

    public static final String COLLECTION = "projects";
    public static final ZoneId ZONE = ZoneId.of("Europe/Rome");

    private final ProjectStore store;
    private final PartnerDirectory partners;
    private final CallDirectory calls;
    private final ProjectEvents events;
    private final OutboxRelay relay;
    private final Clock clock;
    private final TimeOrderedIds ids;

    public ProjectService(
            ProjectStore store,
            PartnerDirectory partners,
            CallDirectory calls,
            EventCodec codec,
            OutboxRelay relay,
            Clock clock) {
        this.store = store;
        this.partners = partners;
        this.calls = calls;
        this.events = new ProjectEvents(codec);
        this.relay = relay;
        this.clock = clock;
        this.ids = new TimeOrderedIds(clock);
    }

    public Project propose(ProjectDetails details, ProjectStatus initialStatus, CallerIdentity caller) {
        return propose(ids.next("prj-"), details, initialStatus, caller);
    }

    /** With an id of the caller's choosing, for data loaded idempotently (demo data). */
    public Project propose(String id, ProjectDetails details, ProjectStatus initialStatus, CallerIdentity caller) {
        ProjectStatus status = initialStatus == null ? ProjectStatus.PROPOSED : initialStatus;
        ProjectDetails valid = details.validate(today(), status);
        Map<String, String> names = requireKnownReferences(valid);
        rejectDuplicateCup(valid.cup(), null);
        Project project = Project.propose(id, caller.institutionId(), valid, status, clock.instant());
        List<PendingEvent> pending =
                List.of(events.changed(project, names, today()), events.statusChanged(project, null));
        try {
            store.insert(project, pending);
        } catch (ProjectStore.DuplicateCupException e) {
            rejectDuplicateCup(valid.cup(), null);
            throw e;
        }
        publish(project.id(), pending);
        return project;
    }

    /** A new project of a batch: its details and initial status (null: PROPOSED). */
    public record Proposal(ProjectDetails details, ProjectStatus status) {}

    /**
     * A proposal checked: the project it makes with its pending events (state and first status), or the problems
     * that keep it out.
     */
    public record Prepared(Project project, List<PendingEvent> events, List<Violation> problems) {

        public boolean accepted() {
            return problems.isEmpty();
        }
    }

    /**
     * Validates many proposals of the caller and checks what they refer to, with one read of all their partners and
     * one look-up per distinct call, and makes their projects without storing anything (a dry run stops here). A CUP
     * already taken is not checked here: {@link #publishAll} reports it.
     *
     * @return per proposal, in order, the project made or the problems found
     */
    public List<Prepared> prepareAll(List<Proposal> proposals, CallerIdentity caller) {
        LocalDate today = today();
        Instant now = clock.instant();
        List<ProjectDetails> valid = new ArrayList<>(proposals.size());
        List<List<Violation>> problems = new ArrayList<>(proposals.size());
        for (Proposal proposal : proposals) {
            try {
                valid.add(proposal.details().validate(today, statusOf(proposal)));
                problems.add(List.of());
            } catch (InvalidDetailsException e) {
                valid.add(null);
                problems.add(e.violations());
            }
        }
        Map<String, String> known = partners.legalNames(valid.stream()
                .filter(Objects::nonNull)
                .flatMap(ProjectService::partnerIds)
                .distinct()
                .toList());
        Map<String, Boolean> publishedCalls = new HashMap<>();
        Predicate<String> callExists = callId -> publishedCalls.computeIfAbsent(callId, calls::exists);
        List<Prepared> prepared = new ArrayList<>(proposals.size());
        for (int i = 0; i < proposals.size(); i++) {
            ProjectDetails details = valid.get(i);
            if (details == null) {
                prepared.add(new Prepared(null, List.of(), problems.get(i)));
                continue;
            }
            List<UnknownReferenceException.Unknown> unknown = unknownReferences(details, known, callExists);
            if (!unknown.isEmpty()) {
                prepared.add(new Prepared(
                        null,
                        List.of(),
                        unknown.stream()
                                .map(u -> new Violation(u.field(), u.message()))
                                .toList()));
                continue;
            }
            Project project =
                    Project.propose(ids.next("prj-"), caller.institutionId(), details, statusOf(proposals.get(i)), now);
            prepared.add(new Prepared(
                    project,
                    List.of(events.changed(project, known, today), events.statusChanged(project, null)),
                    List.of()));
        }
        return prepared;
    }

    /**
     * Stores accepted projects of {@link #prepareAll} with one insertMany, each document carrying its own pending
     * events (so none is ever half-written), then hands their events to the relay.
     *
     * @return per project, in order, the project stored, or null where another project holds its CUP (already, or
     *     published meanwhile)
     */
    public List<Project> publishAll(List<Prepared> accepted) {
        if (accepted.stream().anyMatch(p -> !p.accepted())) {
            throw new IllegalArgumentException("Only accepted projects can be published");
        }
        Set<Integer> refused = store.insertAll(
                accepted.stream().map(Prepared::project).toList(),
                accepted.stream().map(Prepared::events).toList());
        List<Project> published = new ArrayList<>(accepted.size());
        for (int i = 0; i < accepted.size(); i++) {
            Prepared prepared = accepted.get(i);
            if (refused.contains(i)) {
                published.add(null);
            } else {
                publish(prepared.project().id(), prepared.events());
                published.add(prepared.project());
            }
        }
        return published;
    }

    private static ProjectStatus statusOf(Proposal proposal) {
        return proposal.status() == null ? ProjectStatus.PROPOSED : proposal.status();
    }

    public Project update(String id, ProjectDetails details, OptionalLong ifMatch, CallerIdentity caller) {
        Project current = writable(id, ifMatch, caller);
        ProjectDetails valid = details.validate(today(), current.status());
        Map<String, String> names = requireKnownReferences(valid);
        rejectDuplicateCup(valid.cup(), id);
        Project updated = current.update(valid, clock.instant());
        List<PendingEvent> pending = new ArrayList<>();
        pending.add(events.changed(updated, names, today()));
        for (Milestone milestone : valid.milestones()) {
            boolean wasReached = current.milestone(milestone.milestoneId())
                    .map(m -> m.isReached() && m.actualDate().equals(milestone.actualDate()))
                    .orElse(false);
            if (milestone.isReached() && !wasReached) {
                pending.add(events.milestoneReached(updated, milestone));
            }
        }
        return write(current, updated, pending, ifMatch);
    }

    public Project changeStatus(String id, ProjectStatus to, OptionalLong ifMatch, CallerIdentity caller) {
        Project current = writable(id, ifMatch, caller);
        Project moved = current.moveTo(to, clock.instant());
        return write(
                current,
                moved,
                List.of(events.changed(moved, names(moved), today()), events.statusChanged(moved, current.status())),
                ifMatch);
    }

    public Project recordExpenditure(String id, Expenditure expenditure, OptionalLong ifMatch, CallerIdentity caller) {
        Project current = writable(id, ifMatch, caller);
        Expenditure withId = Expenditure.spent(
                ids.next("exp-"),
                expenditure.date(),
                expenditure.amount(),
                expenditure.category(),
                expenditure.note(),
                expenditure.synthetic());
        return recordEntry(current, withId, ifMatch);
    }

    /**
     * Records an expenditure under an id of the caller's choosing, for data loaded idempotently (demo data): nothing
     * happens when the project already has an entry of that id.
     */
    public Project recordExpenditure(String id, Expenditure expenditure, CallerIdentity caller) {
        Project current = writable(id, OptionalLong.empty(), caller);
        if (current.expenditure(expenditure.expenditureId()).isPresent()) {
            return current;
        }
        return recordEntry(current, expenditure, OptionalLong.empty());
    }

    private Project recordEntry(Project current, Expenditure withId, OptionalLong ifMatch) {
        Project recorded = current.record(withId, today(), clock.instant());
        Expenditure stored = recorded.expenditures().getLast();
        return write(
                current,
                recorded,
                List.of(
                        events.changed(recorded, names(recorded), today()),
                        events.expenditureRecorded(recorded, stored)),
                ifMatch);
    }

    /**
     * Corrects a recorded expenditure: a new entry with the corrected date, amount and category replaces it, and only
     * the new one counts; publishes the new state and an {@code ExpenditureCorrected} fact.
     */
    public Project correctExpenditure(
            String id, String expenditureId, Expenditure correction, OptionalLong ifMatch, CallerIdentity caller) {
        Project current = writable(id, ifMatch, caller);
        Expenditure withId = new Expenditure(
                ids.next("exp-"),
                correction.date(),
                correction.amount(),
                correction.category(),
                correction.note(),
                correction.synthetic(),
                null,
                expenditureId);
        Project corrected = current.correct(expenditureId, withId, today(), clock.instant());
        return writeCorrection(current, corrected, ifMatch);
    }

    /** Cancels a recorded expenditure with a new entry of amount 0; publishes the state and the fact. */
    public Project cancelExpenditure(
            String id, String expenditureId, String note, OptionalLong ifMatch, CallerIdentity caller) {
        Project current = writable(id, ifMatch, caller);
        Project cancelled = current.cancel(expenditureId, ids.next("exp-"), note, clock.instant());
        return writeCorrection(current, cancelled, ifMatch);
    }

    private Project writeCorrection(Project current, Project corrected, OptionalLong ifMatch) {
        Expenditure entry = corrected.expenditures().getLast();
        Expenditure replaced =
                current.expenditure(entry.correctsExpenditureId()).orElseThrow();
        return write(
                current,
                corrected,
                List.of(
                        events.changed(corrected, names(corrected), today()),
                        events.expenditureCorrected(corrected, entry, replaced)),
                ifMatch);
    }

    public Project reachMilestone(
            String id, String milestoneId, LocalDate actualDate, OptionalLong ifMatch, CallerIdentity caller) {
        Project current = writable(id, ifMatch, caller);
        Project reached = current.reach(milestoneId, actualDate, today(), clock.instant());
        return write(
                current,
                reached,
                List.of(
                        events.changed(reached, names(reached), today()),
                        events.milestoneReached(
                                reached, reached.milestone(milestoneId).orElseThrow())),
                ifMatch);
    }

    public void delete(String id, OptionalLong ifMatch, CallerIdentity caller) {
        Project current = writable(id, ifMatch, caller);
        PendingEvent tombstone = events.deleted(current, clock.instant());
        if (!store.markDeleted(id, current.version(), tombstone)) {
            throw stale(id, ifMatch.orElse(current.version()));
        }
        relay.publishSoon(COLLECTION, id, tombstone);
    }

    public Optional<Project> find(String id) {
        return store.find(id);
    }

    public Project get(String id) {
        return store.find(id).orElseThrow(() -> new ResourceNotFoundException("Project", id));
    }

    public List<Project> search(ProjectFilter filter, String afterId, int limit) {
        return store.search(filter, afterId, limit);
    }

    /** Legal names of the project's partners as the registry replica knows them now. */
    public Map<String, String> names(Project project) {
        return partners.legalNames(project.details().partners().stream()
                .map(Partner::organisationId)
                .toList());
    }

    /** The state as its events carry it now: partners named by the registry replica, late flags as of today. */
    public ProjectChanged state(Project project) {
        return ProjectEvents.state(project, names(project), today());
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(ZONE));
    }

    /**
     * Sums per strategic axis ({@code axis}) or programme ({@code programme}) of the selected projects. A project of
     * several axes counts in each of them (so the groups may add up to more than the overall sum, which counts it
     * once).
     */
    public ProjectTotals totals(ProjectFilter filter, String groupBy) {
        Function<Project, List<String>> keys = "axis".equals(groupBy)
                ? p -> p.details().axes().isEmpty()
                        ? List.of("none")
                        : p.details().axes().stream().map(String::valueOf).toList()
                : p -> List.of(p.details().programme().kind().name());
        Map<String, Sum> groups = new TreeMap<>();
        Sum overall = new Sum("all");
        store.forEach(filter, project -> {
            keys.apply(project)
                    .forEach(key -> groups.computeIfAbsent(key, Sum::new).add(project));
            overall.add(project);
        });
        return new ProjectTotals(
                groupBy,
                groups.values().stream()
                        .sorted(Comparator.comparing(s -> s.key.equals("none") ? "~" : s.key))
                        .map(Sum::toGroup)
                        .toList(),
                overall.toGroup());
    }

    private Project writable(String id, OptionalLong ifMatch, CallerIdentity caller) {
        Project current = get(id);
        caller.requireWriteAccess(current.ownerInstitutionId(), "Project '" + id + "'");
        if (ifMatch.isPresent() && ifMatch.getAsLong() != current.version()) {
            throw new PreconditionFailedException(
                    "Project '" + id + "' is at version " + current.version() + ", not " + ifMatch.getAsLong()
                            + "; read it again and repeat your change",
                    current.version());
        }
        return current;
    }

    private Project write(Project current, Project changed, List<PendingEvent> pending, OptionalLong ifMatch) {
        boolean written;
        try {
            written = store.update(changed, current.version(), pending);
        } catch (ProjectStore.DuplicateCupException e) {
            rejectDuplicateCup(changed.details().cup(), changed.id());
            throw e;
        }
        if (!written) {
            throw stale(current.id(), ifMatch.orElse(current.version()));
        }
        publish(changed.id(), pending);
        return changed;
    }

    private void publish(String id, List<PendingEvent> pending) {
        pending.forEach(event -> relay.publishSoon(COLLECTION, id, event));
    }

    private PreconditionFailedException stale(String id, long expected) {
        long now = store.find(id).map(Project::version).orElse(expected);
        return new PreconditionFailedException(
                "Project '" + id + "' was changed by another request (now at version " + now
                        + "); read it again and repeat your change",
                now);
    }

    /** @return the partners' legal names */
    private Map<String, String> requireKnownReferences(ProjectDetails details) {
        Map<String, String> known = partners.legalNames(partnerIds(details).toList());
        List<UnknownReferenceException.Unknown> unknown = unknownReferences(details, known, calls::exists);
        if (!unknown.isEmpty()) {
            throw new UnknownReferenceException(unknown);
        }
        return known;
    }

    /** What the details name and does not exist: partners missing from {@code known}, a call not published. */
    private static List<UnknownReferenceException.Unknown> unknownReferences(
            ProjectDetails details, Map<String, String> known, Predicate<String> callExists) {
        List<String> wanted = partnerIds(details).toList();
        List<UnknownReferenceException.Unknown> unknown = new ArrayList<>();
        for (int i = 0; i < wanted.size(); i++) {
            if (!known.containsKey(wanted.get(i))) {
                unknown.add(UnknownReferenceException.Unknown.organisation(
                        "partners[" + i + "].organisationId", wanted.get(i)));
            }
        }
        if (details.callId() != null && !callExists.test(details.callId())) {
            unknown.add(UnknownReferenceException.Unknown.call(details.callId()));
        }
        return unknown;
    }

    private static Stream<String> partnerIds(ProjectDetails details) {
        return details.partners().stream().map(Partner::organisationId);
    }

    private void rejectDuplicateCup(String cup, String exceptId) {
        if (cup == null) {
            return;
        }
        store.findByCup(cup).filter(existing -> !existing.id().equals(exceptId)).ifPresent(existing -> {
            throw new ConflictException(
                    "CUP " + cup + " is already used by project '" + existing.id() + "' ("
                            + existing.details().title() + ")",
                    URI.create("/projects/" + existing.id()));
        });
    }

    private static final class Sum {
        private final String key;
        private long projects;
        private long withCost;
        private BigDecimal total = BigDecimal.ZERO.setScale(2);
        private BigDecimal eu = BigDecimal.ZERO.setScale(2);
        private BigDecimal national = BigDecimal.ZERO.setScale(2);
        private BigDecimal regional = BigDecimal.ZERO.setScale(2);
        private BigDecimal local = BigDecimal.ZERO.setScale(2);
        private BigDecimal privateFunds = BigDecimal.ZERO.setScale(2);
        private BigDecimal spent = BigDecimal.ZERO.setScale(2);
        private BigDecimal syntheticSpent = BigDecimal.ZERO.setScale(2);

        Sum(String key) {
            this.key = key;
        }

        void add(Project project) {
            projects++;
            ProjectDetails d = project.details();
            if (d.totalCost() != null) {
                withCost++;
                total = total.add(d.totalCost());
            }
            if (d.funding() != null) {
                eu = plus(eu, d.funding().eu());
                national = plus(national, d.funding().national());
                regional = plus(regional, d.funding().regional());
                local = plus(local, d.funding().local());
                privateFunds = plus(privateFunds, d.funding().privateFunds());
            }
            spent = spent.add(project.spent());
            for (Expenditure expenditure : project.expenditures()) {
                if (expenditure.synthetic() && !project.isSuperseded(expenditure)) {
                    syntheticSpent = syntheticSpent.add(expenditure.amount());
                }
            }
        }

        private static BigDecimal plus(BigDecimal sum, BigDecimal part) {
            return part == null ? sum : sum.add(part);
        }

        ProjectTotals.Group toGroup() {
            return new ProjectTotals.Group(
                    key, projects, withCost, total, eu, national, regional, local, privateFunds, spent, syntheticSpent);
        }
    }
}
