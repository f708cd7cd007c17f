package it.osservatorio.notifications.intake;

import it.osservatorio.contracts.indicators.IndicatorStatusChanged;
import it.osservatorio.contracts.projects.CallChanged;
import it.osservatorio.contracts.projects.CallClosed;
import it.osservatorio.contracts.projects.CallClosingSoon;
import it.osservatorio.contracts.projects.CallNotice;
import it.osservatorio.contracts.projects.CallOpened;
import it.osservatorio.contracts.projects.ProjectChanged;
import it.osservatorio.contracts.registry.MembershipChanged;
import it.osservatorio.contracts.registry.NetworkChanged;
import it.osservatorio.notifications.subscription.domain.EventKind;
import it.osservatorio.notifications.subscription.domain.Notice;
import it.osservatorio.notifications.subscription.domain.Profile;
import it.osservatorio.notifications.subscription.domain.Vocabulary;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Notices from the events of projects-service and the registry. Each notice key names the happening, not the record:
 * a call is published once ({@code call.published:<id>}), each call notice has the call's version after it, a project
 * is approved once, a membership starts once.
 */
public final class NoticeFactory {

    private NoticeFactory() {}

    public static Optional<Notice> published(CallChanged call) {
        if (call.change() != CallChanged.Change.PUBLISHED) {
            return Optional.empty();
        }
        Map<String, Object> data = callData(
                call.callId(),
                call.issuer(),
                call.title(),
                call.programme(),
                call.axis(),
                call.ecosystems(),
                call.eligibleBeneficiaryTypes(),
                call.budget(),
                call.opensAt(),
                call.deadline(),
                call.link());
        data.put("status", call.status() == null ? null : call.status().name());
        return Optional.of(callNotice(
                "call.published:" + call.callId(),
                EventKind.CALL_PUBLISHED,
                call.callId(),
                call.issuer(),
                call.title(),
                call.programme(),
                call.axis(),
                call.ecosystems(),
                call.eligibleBeneficiaryTypes(),
                call.budget(),
                call.link(),
                call.changedAt(),
                data));
    }

    public static Notice notice(CallNotice call) {
        EventKind kind =
                switch (call) {
                    case CallOpened opened -> EventKind.CALL_OPENED;
                    case CallClosingSoon soon -> EventKind.CALL_CLOSING_SOON;
                    case CallClosed closed -> EventKind.CALL_CLOSED;
                    default -> throw new IllegalArgumentException("Unknown call notice " + call.getClass());
                };
        Map<String, Object> data = callData(
                call.callId(),
                call.issuer(),
                call.title(),
                call.programme(),
                call.axis(),
                call.ecosystems(),
                call.eligibleBeneficiaryTypes(),
                call.budget(),
                call.opensAt(),
                call.deadline(),
                call.link());
        data.put("dueAt", call.dueAt().toString());
        return callNotice(
                kind.type() + ":" + call.callId() + ":" + call.version(),
                kind,
                call.callId(),
                call.issuer(),
                call.title(),
                call.programme(),
                call.axis(),
                call.ecosystems(),
                call.eligibleBeneficiaryTypes(),
                call.budget(),
                call.link(),
                call.dueAt(),
                data);
    }

    public static Optional<Notice> approved(ProjectChanged project) {
        if (project.status() != ProjectChanged.ProjectStatus.APPROVED) {
            return Optional.empty();
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("projectId", project.projectId());
        data.put("cup", project.cup());
        data.put("title", project.title());
        data.put(
                "programme",
                project.programme() == null ? null : project.programme().kind().name());
        data.put("axis", project.axis());
        data.put("s3Ecosystem", project.s3Ecosystem());
        data.put(
                "totalCost",
                project.totalCost() == null ? null : project.totalCost().toPlainString());
        data.put("comuniIstat", project.comuniIstat());
        data.put(
                "partners",
                project.partners().stream()
                        .map(ProjectChanged.Partner::organisationId)
                        .toList());
        List<String> provinces = project.comuniIstat().stream()
                .map(Vocabulary::provinceOfComune)
                .flatMap(Optional::stream)
                .distinct()
                .toList();
        return Optional.of(new Notice(
                "project.approved:" + project.projectId(),
                EventKind.PROJECT_APPROVED,
                project.projectId(),
                project.title(),
                (project.acronym() == null ? "" : project.acronym() + " ")
                        + (project.description() == null ? "" : project.description()),
                project.programme() == null ? null : project.programme().kind().name(),
                project.axis(),
                project.s3Ecosystem() == null ? List.of() : List.of(project.s3Ecosystem()),
                List.of(),
                provinces,
                project.totalCost(),
                null,
                project.changedAt(),
                data));
    }

    /** A membership of a cluster registered: about the organisation, described by its profile when known. */
    public static Optional<Notice> joined(MembershipChanged membership, Optional<Profile> organisation, String name) {
        if (membership.change() != MembershipChanged.Change.REGISTERED
                || membership.networkKind() != NetworkChanged.Kind.CLUSTER) {
            return Optional.empty();
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("membershipId", membership.membershipId());
        data.put("organisationId", membership.organisationId());
        data.put("organisationName", name);
        data.put("clusterId", membership.networkId());
        data.put("role", membership.role() == null ? null : membership.role().name());
        data.put(
                "validFrom",
                membership.validFrom() == null ? null : membership.validFrom().toString());
        String title = (name == null ? membership.organisationId() : name) + " → " + membership.networkId();
        return Optional.of(new Notice(
                "membership.registered:" + membership.membershipId(),
                EventKind.ORGANISATION_JOINED_CLUSTER,
                membership.membershipId(),
                title,
                membership.networkId(),
                null,
                null,
                organisation.map(Profile::ecosystems).orElse(List.of()),
                organisation.map(Profile::beneficiaryType).map(List::of).orElse(List.of()),
                organisation.map(Profile::province).map(List::of).orElse(List.of()),
                null,
                null,
                membership.changedAt(),
                data));
    }

    /**
     * An indicator's deviation status moved (e.g. on track → at risk): about the indicator's axis and, when the value
     * is of a province or comune, that province. The first status of a cell is no change.
     */
    public static Optional<Notice> statusChanged(IndicatorStatusChanged change) {
        if (change.previousStatus() == null || change.previousStatus() == change.status()) {
            return Optional.empty();
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("seriesKey", change.seriesKey());
        data.put("indicatorCode", change.indicatorCode());
        data.put("nameIt", change.nameIt());
        data.put("nameEn", change.nameEn());
        data.put("axis", change.axis());
        data.put("period", change.period());
        data.put("territory", change.territory());
        data.put("previousStatus", change.previousStatus().name());
        data.put("status", change.status().name());
        data.put("value", change.value());
        data.put("target", change.target());
        data.put("deviation", change.deviation());
        data.put("deviationPercent", change.deviationPercent());
        data.put("synthetic", change.synthetic());
        return Optional.of(new Notice(
                "indicator.status:" + change.seriesKey() + ":" + change.version(),
                EventKind.INDICATOR_STATUS_CHANGED,
                change.seriesKey(),
                change.indicatorCode() + " " + change.nameIt() + " (" + change.period() + "): "
                        + change.previousStatus() + " → " + change.status(),
                change.nameEn(),
                null,
                change.axis(),
                List.of(),
                List.of(),
                provinceOf(change.territory()).map(List::of).orElse(List.of()),
                null,
                null,
                change.changedAt(),
                data));
    }

    /** {@code PROVINCE:CR} → CR, {@code COMUNE:019036} → CR; a region is no province. */
    static Optional<String> provinceOf(String territory) {
        if (territory == null) {
            return Optional.empty();
        }
        if (territory.startsWith("PROVINCE:")) {
            return Optional.of(territory.substring("PROVINCE:".length()));
        }
        if (territory.startsWith("COMUNE:")) {
            return Vocabulary.provinceOfComune(territory.substring("COMUNE:".length()));
        }
        return Optional.empty();
    }

    private static Notice callNotice(
            String key,
            EventKind kind,
            String callId,
            String issuer,
            String title,
            ProjectChanged.ProgrammeKind programme,
            Integer axis,
            List<String> ecosystems,
            List<String> beneficiaryTypes,
            BigDecimal budget,
            String link,
            Instant occurredAt,
            Map<String, Object> data) {
        return new Notice(
                key,
                kind,
                callId,
                title,
                issuer,
                programme == null ? null : programme.name(),
                axis,
                ecosystems,
                beneficiaryTypes,
                List.of(),
                budget,
                link,
                occurredAt,
                data);
    }

    private static Map<String, Object> callData(
            String callId,
            String issuer,
            String title,
            ProjectChanged.ProgrammeKind programme,
            Integer axis,
            List<String> ecosystems,
            List<String> beneficiaryTypes,
            BigDecimal budget,
            Instant opensAt,
            Instant deadline,
            String link) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("callId", callId);
        data.put("title", title);
        data.put("issuer", issuer);
        data.put("programme", programme == null ? null : programme.name());
        data.put("axis", axis);
        data.put("ecosystems", ecosystems);
        data.put("eligibleBeneficiaryTypes", beneficiaryTypes);
        data.put("budget", budget == null ? null : budget.toPlainString());
        data.put("opensAt", opensAt == null ? null : opensAt.toString());
        data.put("deadline", deadline == null ? null : deadline.toString());
        data.put("link", link);
        return data;
    }
}
