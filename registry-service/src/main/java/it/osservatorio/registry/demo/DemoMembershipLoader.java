package it.osservatorio.registry.demo;

import it.osservatorio.platform.web.ConflictException;
import it.osservatorio.registry.membership.application.MembershipFilter;
import it.osservatorio.registry.membership.application.MembershipService;
import it.osservatorio.registry.membership.domain.Membership;
import it.osservatorio.registry.membership.domain.MembershipTerms;
import it.osservatorio.registry.network.domain.NetworkKind;
import it.osservatorio.registry.validation.InvalidDetailsException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Writes the demo memberships through the membership service, so that each is validated and published like any
 * other. Existing memberships are read once and matched on organisation and network: a row already stored as given
 * writes nothing, one whose terms differ is updated.
 */
@Component
class DemoMembershipLoader implements DemoMemberships {

    private static final Logger log = LoggerFactory.getLogger(DemoMembershipLoader.class);
    private static final int PAGE = 1_000;

    private final MembershipService memberships;

    DemoMembershipLoader(MembershipService memberships) {
        this.memberships = memberships;
    }

    private record Key(String organisationId, NetworkKind kind, String networkId) {

        static Key of(MembershipTerms terms) {
            return new Key(terms.organisationId(), terms.networkKind(), terms.networkId());
        }
    }

    @Override
    public int load(List<DemoMembershipRow> rows) {
        Map<Key, Membership> existing = new HashMap<>();
        for (Membership membership : all()) {
            existing.put(Key.of(membership.terms()), membership);
        }
        int written = 0;
        List<DemoMembershipRow> missing = new ArrayList<>();
        for (DemoMembershipRow row : rows) {
            MembershipTerms terms = row.terms();
            Membership current = existing.get(Key.of(terms));
            try {
                if (current == null) {
                    missing.add(row);
                } else if (!current.terms().equals(terms)) {
                    memberships.update(
                            current.id(), terms, OptionalLong.of(current.version()), DemoDataLoader.DEMO_CALLER);
                    written++;
                }
            } catch (InvalidDetailsException | ConflictException e) {
                refused(row, e);
            }
        }
        List<MembershipService.Registration> registrations = memberships.registerAll(
                missing.stream().map(DemoMembershipRow::terms).toList(), DemoDataLoader.DEMO_CALLER);
        for (int i = 0; i < missing.size(); i++) {
            if (registrations.get(i).refusal() == null) {
                written++;
            } else {
                refused(missing.get(i), registrations.get(i).refusal());
            }
        }
        return written;
    }

    private static void refused(DemoMembershipRow row, RuntimeException reason) {
        log.warn(
                "Demo membership of {} in {} refused: {}",
                row.organisationExternalId(),
                row.networkKey(),
                reason.getMessage());
    }

    private List<Membership> all() {
        List<Membership> all = new ArrayList<>();
        String after = null;
        List<Membership> page;
        do {
            page = memberships.search(MembershipFilter.all(), after, PAGE);
            all.addAll(page);
            after = page.isEmpty() ? null : page.getLast().id();
        } while (page.size() == PAGE);
        return all;
    }
}
