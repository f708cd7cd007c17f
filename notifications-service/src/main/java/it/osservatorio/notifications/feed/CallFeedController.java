package it.osservatorio.notifications.feed;

import com.rometools.rome.feed.synd.SyndCategoryImpl;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.osservatorio.contracts.projects.CallChanged;
import it.osservatorio.notifications.intake.NoticeFactory;
import it.osservatorio.notifications.subscription.domain.Criteria;
import it.osservatorio.notifications.subscription.domain.InvalidSubscriptionException;
import it.osservatorio.notifications.subscription.domain.Matcher;
import it.osservatorio.notifications.subscription.domain.Violation;
import it.osservatorio.platform.replica.VersionedReplica;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Atom feeds (RFC 4287, written by ROME) of the calls, one per public filter, e.g. {@code /feeds/calls?axis=2&status=OPEN}:
 * the same criteria as subscriptions, from this service's replica of the calls topic, newest change first.
 */
@RestController
@RequestMapping("/feeds")
@Tag(name = "Feeds", description = "Atom feeds of calls for proposals")
class CallFeedController {

    static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");
    private static final int ENTRIES = 100;
    private static final int PAGE = 500;

    private final VersionedReplica<CallChanged> calls;
    private final String publicBaseUrl;

    CallFeedController(
            VersionedReplica<CallChanged> callReplicaStore,
            @Value("${osservatorio.notifications.public-base-url:http://localhost:8080/api/notifications}")
                    String publicBaseUrl) {
        this.calls = callReplicaStore;
        this.publicBaseUrl = publicBaseUrl;
    }

    @GetMapping(value = "/calls", produces = "application/atom+xml")
    @Operation(summary = "Calls matching the filter as an Atom feed; every parameter may be repeated")
    ResponseEntity<String> calls(
            @RequestParam(required = false) List<String> programme,
            @RequestParam(required = false) List<Integer> axis,
            @RequestParam(required = false) List<String> ecosystem,
            @RequestParam(required = false) List<String> beneficiaryType,
            @RequestParam(required = false) BigDecimal minBudget,
            @RequestParam(required = false) BigDecimal maxBudget,
            @RequestParam(required = false) List<String> keyword,
            @RequestParam(required = false) List<String> status)
            throws FeedException {
        List<Violation> violations = new ArrayList<>();
        Criteria criteria = null;
        try {
            criteria = renamed(() -> new Criteria(
                            programme, axis, ecosystem, beneficiaryType, null, minBudget, maxBudget, keyword, null)
                    .validated(""));
        } catch (InvalidSubscriptionException e) {
            violations.addAll(e.violations());
        }
        List<CallChanged.CallStatus> statuses = List.of();
        try {
            statuses = statuses(status);
        } catch (InvalidSubscriptionException e) {
            violations.addAll(e.violations());
        }
        if (!violations.isEmpty()) {
            throw new InvalidSubscriptionException(violations);
        }
        Matcher matcher = Matcher.of(criteria, null);
        List<CallChanged> selected = new ArrayList<>();
        String after = null;
        while (true) {
            List<CallChanged> page = calls.page(after, PAGE);
            for (CallChanged call : page) {
                if ((statuses.isEmpty() || statuses.contains(call.status()))
                        && matcher.matches(Matcher.PreparedNotice.of(
                                NoticeFactory.published(asPublished(call)).orElseThrow()))) {
                    selected.add(call);
                }
            }
            if (page.size() < PAGE) {
                break;
            }
            after = page.getLast().callId();
        }
        selected.sort(Comparator.comparing(CallChanged::changedAt).reversed());
        return ResponseEntity.ok()
                .contentType(ATOM)
                .body(new SyndFeedOutput()
                        .outputString(feed(selected.stream().limit(ENTRIES).toList())));
    }

    private SyndFeed feed(List<CallChanged> selected) {
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType("atom_1.0");
        feed.setTitle("Osservatorio - bandi / calls for proposals");
        feed.setUri("urn:osservatorio:feeds:calls");
        feed.setLink(publicBaseUrl + "/feeds/calls");
        feed.setAuthor("Osservatorio");
        feed.setLanguage("it");
        feed.setPublishedDate(Date.from(
                selected.isEmpty() ? Instant.EPOCH : selected.getFirst().changedAt()));
        List<SyndEntry> entries = new ArrayList<>();
        for (CallChanged call : selected) {
            SyndEntry entry = new SyndEntryImpl();
            entry.setUri("urn:osservatorio:call:" + call.callId());
            entry.setTitle(call.title());
            entry.setAuthor(call.issuer());
            if (call.link() != null) {
                SyndLinkImpl link = new SyndLinkImpl();
                link.setHref(call.link());
                link.setRel("alternate");
                entry.setLinks(List.of(link));
                entry.setLink(call.link());
            }
            entry.setUpdatedDate(Date.from(call.changedAt()));
            entry.setPublishedDate(Date.from(call.changedAt()));
            SyndContentImpl summary = new SyndContentImpl();
            summary.setType("text");
            summary.setValue(summary(call));
            entry.setDescription(summary);
            List<com.rometools.rome.feed.synd.SyndCategory> categories = new ArrayList<>();
            if (call.programme() != null) {
                categories.add(category("programme", call.programme().name()));
            }
            if (call.axis() != null) {
                categories.add(category("axis", call.axis().toString()));
            }
            call.ecosystems().forEach(e -> categories.add(category("ecosystem", e)));
            entry.setCategories(categories);
            entries.add(entry);
        }
        feed.setEntries(entries);
        return feed;
    }

    private static com.rometools.rome.feed.synd.SyndCategory category(String scheme, String name) {
        SyndCategoryImpl category = new SyndCategoryImpl();
        category.setTaxonomyUri("urn:osservatorio:" + scheme);
        category.setName(name);
        return category;
    }

    private static String summary(CallChanged call) {
        StringBuilder text = new StringBuilder(call.issuer() == null ? "" : call.issuer());
        text.append(" - ")
                .append(call.status() == null ? "" : call.status().name().toLowerCase(Locale.ROOT));
        if (call.opensAt() != null) {
            text.append(", opens ").append(call.opensAt());
        }
        if (call.deadline() != null) {
            text.append(", deadline ").append(call.deadline());
        }
        if (call.budget() != null) {
            text.append(", budget EUR ").append(call.budget().toPlainString());
        }
        return text.toString();
    }

    /** The call's current state seen as its publication, for matching with the subscription rules. */
    private static CallChanged asPublished(CallChanged call) {
        return new CallChanged(
                call.callId(),
                call.version(),
                CallChanged.Change.PUBLISHED,
                call.ownerInstitutionId(),
                call.issuer(),
                call.title(),
                call.programme(),
                call.axis(),
                call.ecosystems(),
                call.eligibleBeneficiaryTypes(),
                call.budget(),
                call.opensAt(),
                call.deadline(),
                call.link(),
                call.status(),
                call.synthetic(),
                call.changedAt(),
                call.statusBasis(),
                call.reportedStatus(),
                call.reportedStatusNote());
    }

    private static List<CallChanged.CallStatus> statuses(List<String> values) {
        List<CallChanged.CallStatus> out = new ArrayList<>();
        if (values == null) {
            return out;
        }
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            try {
                out.add(CallChanged.CallStatus.valueOf(values.get(i).trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                violations.add(new Violation(
                        "status[" + i + "]",
                        "'" + values.get(i) + "' is not known; use FORTHCOMING, OPEN, CLOSED or UNKNOWN"));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidSubscriptionException(violations);
        }
        return out;
    }

    /** Criteria fields named as the query parameters: axes[0] becomes axis[0]. */
    private static Criteria renamed(java.util.function.Supplier<Criteria> validation) {
        try {
            return validation.get();
        } catch (InvalidSubscriptionException e) {
            throw new InvalidSubscriptionException(e.violations().stream()
                    .map(v -> new Violation(
                            v.field()
                                    .replace("programmes", "programme")
                                    .replace("axes", "axis")
                                    .replace("ecosystems", "ecosystem")
                                    .replace("beneficiaryTypes", "beneficiaryType")
                                    .replace("keywords", "keyword"),
                            v.message()))
                    .toList());
        }
    }
}
