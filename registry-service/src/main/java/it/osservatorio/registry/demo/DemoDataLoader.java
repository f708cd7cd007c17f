package it.osservatorio.registry.demo;

import it.osservatorio.contracts.ServiceIdentity;
import it.osservatorio.platform.security.CallerIdentity;
import it.osservatorio.registry.demo.DemoDataset.DemoMembership;
import it.osservatorio.registry.demo.DemoDataset.DemoNetwork;
import it.osservatorio.registry.demo.DemoDataset.DemoOrganisation;
import it.osservatorio.registry.membership.domain.MembershipTerms;
import it.osservatorio.registry.network.application.NetworkService;
import it.osservatorio.registry.network.domain.Network;
import it.osservatorio.registry.network.domain.NetworkKind;
import it.osservatorio.registry.organisation.application.OrganisationFilter;
import it.osservatorio.registry.organisation.application.OrganisationService;
import it.osservatorio.registry.organisation.application.OrganisationSort;
import it.osservatorio.registry.organisation.domain.Organisation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads {@code demo/registry-demo.json} through the application services when {@code osservatorio.demo.enabled=true}
 * (the start command sets it): creates what is missing, updates what differs, leaves the rest untouched, so running
 * it on every start changes nothing after the first. Networks match on kind and acronym (else name), organisations
 * on their {@code demo:} externalId. Memberships go to a {@link DemoMemberships} bean when one exists.
 */
@Component
@ConditionalOnProperty(name = "osservatorio.demo.enabled", havingValue = "true")
public class DemoDataLoader {

    /** The identity demo data is written as, and the institution that owns it. */
    private static final int REGISTER_BATCH = 500;

    public static final CallerIdentity DEMO_CALLER = new CallerIdentity(
            "osservatorio-demo",
            "Osservatorio demo data",
            Set.of(ServiceIdentity.SCOPE_READ, ServiceIdentity.SCOPE_WRITE, ServiceIdentity.SCOPE_ADMIN));

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);
    private static final int PAGE = 500;

    private final NetworkService networks;
    private final OrganisationService organisations;
    private final ObjectProvider<DemoMemberships> memberships;

    public DemoDataLoader(
            NetworkService networks, OrganisationService organisations, ObjectProvider<DemoMemberships> memberships) {
        this.networks = networks;
        this.organisations = organisations;
        this.memberships = memberships;
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
            load();
        } catch (RuntimeException e) {
            // demo data must never keep the registry from serving
            log.error("Demo data not loaded", e);
        }
    }

    public DemoLoadReport load() {
        long started = System.nanoTime();
        DemoDataset dataset = readDataset();
        Map<String, Network> networkIds = new HashMap<>();
        DemoLoadReport.Counts networkCounts = loadNetworks(dataset.networks(), networkIds);
        long networksDone = System.nanoTime();
        Map<String, Organisation> organisationIds = new HashMap<>();
        DemoLoadReport.Counts organisationCounts = loadOrganisations(dataset.organisations(), organisationIds);
        long organisationsDone = System.nanoTime();
        List<DemoMembershipRow> rows = membershipRows(dataset.memberships(), networkIds, organisationIds);
        DemoMemberships target = memberships.getIfAvailable();
        Integer written = target == null ? null : target.load(rows);
        log.info(
                "Demo data phases: networks {} ms, organisations {} ms, memberships {} ms",
                (networksDone - started) / 1_000_000,
                (organisationsDone - networksDone) / 1_000_000,
                (System.nanoTime() - organisationsDone) / 1_000_000);
        DemoLoadReport report = new DemoLoadReport(networkCounts, organisationCounts, rows.size(), written);
        log.info(
                "Demo data loaded in {} ms: networks {} created, {} updated, {} unchanged, {} failed; organisations {}"
                        + " created, {} updated, {} unchanged, {} failed; {}",
                (System.nanoTime() - started) / 1_000_000,
                networkCounts.created(),
                networkCounts.updated(),
                networkCounts.unchanged(),
                networkCounts.failed(),
                organisationCounts.created(),
                organisationCounts.updated(),
                organisationCounts.unchanged(),
                organisationCounts.failed(),
                written == null
                        ? rows.size() + " memberships skipped (no DemoMemberships bean)"
                        : rows.size() + " memberships, " + written + " written");
        return report;
    }

    private DemoLoadReport.Counts loadNetworks(List<DemoNetwork> demo, Map<String, Network> resolved) {
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        int failed = 0;
        Map<NetworkKind, List<Network>> existing = new HashMap<>();
        for (DemoNetwork network : demo) {
            List<Network> ofKind = existing.computeIfAbsent(network.kind(), this::allNetworks);
            try {
                Optional<Network> match = ofKind.stream()
                        .filter(candidate -> matches(candidate, network))
                        .findFirst();
                if (match.isEmpty()) {
                    resolved.put(network.key(), networks.register(network.kind(), network.details(), DEMO_CALLER));
                    created++;
                } else if (match.get().details().equals(network.details())) {
                    resolved.put(network.key(), match.get());
                    unchanged++;
                } else {
                    Network current = match.get();
                    resolved.put(
                            network.key(),
                            networks.update(
                                    network.kind(),
                                    current.id(),
                                    network.details(),
                                    OptionalLong.of(current.version()),
                                    DEMO_CALLER));
                    updated++;
                }
            } catch (RuntimeException e) {
                log.warn("Demo network {} not loaded: {}", network.key(), e.getMessage());
                failed++;
            }
        }
        return new DemoLoadReport.Counts(created, updated, unchanged, failed);
    }

    private static boolean matches(Network candidate, DemoNetwork network) {
        String acronym = network.details().acronym();
        if (acronym != null) {
            return acronym.toLowerCase(Locale.ROOT)
                    .equals(Optional.ofNullable(candidate.details().acronym())
                            .map(a -> a.toLowerCase(Locale.ROOT))
                            .orElse(null));
        }
        return candidate.details().acronym() == null
                && network.details().name().equals(candidate.details().name());
    }

    private List<Network> allNetworks(NetworkKind kind) {
        List<Network> all = new ArrayList<>();
        String after = null;
        List<Network> page;
        do {
            page = networks.list(kind, after, PAGE);
            all.addAll(page);
            after = page.isEmpty() ? null : page.getLast().id();
        } while (page.size() == PAGE);
        return all;
    }

    private DemoLoadReport.Counts loadOrganisations(List<DemoOrganisation> demo, Map<String, Organisation> resolved) {
        Map<String, Organisation> existing = existingDemoOrganisations();
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        int failed = 0;
        List<DemoOrganisation> missing = new ArrayList<>();
        for (DemoOrganisation organisation : demo) {
            try {
                Organisation current = existing.get(organisation.key());
                if (current == null) {
                    organisation.details().validate();
                    missing.add(organisation);
                } else if (current.details().equals(organisation.details())) {
                    resolved.put(organisation.key(), current);
                    unchanged++;
                } else {
                    resolved.put(
                            organisation.key(),
                            organisations.update(
                                    current.id(),
                                    organisation.details(),
                                    OptionalLong.of(current.version()),
                                    DEMO_CALLER));
                    updated++;
                }
            } catch (RuntimeException e) {
                log.warn("Demo organisation {} not loaded: {}", organisation.key(), e.getMessage());
                failed++;
            }
        }
        // new ones in batches: one insertMany each instead of a look-up and an insert per organisation
        for (int from = 0; from < missing.size(); from += REGISTER_BATCH) {
            List<DemoOrganisation> batch = missing.subList(from, Math.min(missing.size(), from + REGISTER_BATCH));
            List<Organisation> registered = organisations.registerAll(
                    batch.stream().map(DemoOrganisation::details).toList(), DEMO_CALLER.institutionId());
            for (int i = 0; i < batch.size(); i++) {
                if (registered.get(i) == null) {
                    log.warn(
                            "Demo organisation {} not loaded: its Partita IVA is taken",
                            batch.get(i).key());
                    failed++;
                } else {
                    resolved.put(batch.get(i).key(), registered.get(i));
                    created++;
                }
            }
        }
        return new DemoLoadReport.Counts(created, updated, unchanged, failed);
    }

    private Map<String, Organisation> existingDemoOrganisations() {
        Map<String, Organisation> byExternalId = new HashMap<>();
        for (Organisation organisation : organisations.export(OrganisationFilter.ANY, OrganisationSort.BY_ID)) {
            String externalId = organisation.details().externalId();
            if (externalId != null && externalId.startsWith(DemoDataset.KEY_PREFIX)) {
                byExternalId.putIfAbsent(externalId, organisation);
            }
        }
        return byExternalId;
    }

    private static List<DemoMembershipRow> membershipRows(
            List<DemoMembership> demo, Map<String, Network> networkIds, Map<String, Organisation> organisationIds) {
        List<DemoMembershipRow> rows = new ArrayList<>();
        for (DemoMembership membership : demo) {
            Network network = networkIds.get(membership.network());
            Organisation organisation = organisationIds.get(membership.organisation());
            if (network == null || organisation == null) {
                log.warn(
                        "Demo membership {} in {} skipped: {} not loaded",
                        membership.organisation(),
                        membership.network(),
                        network == null ? "network" : "organisation");
                continue;
            }
            rows.add(new DemoMembershipRow(
                    membership.organisation(),
                    membership.network(),
                    new MembershipTerms(
                            organisation.id(),
                            network.kind(),
                            network.id(),
                            membership.role(),
                            membership.validFrom(),
                            membership.validTo())));
        }
        return rows;
    }
}
