package it.osservatorio.notifications.subscription.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Something that happened, described by what subscriptions match on. {@code key} names the happening itself (kind,
 * aggregate, version) so that a replayed or re-delivered event yields the same key: one delivery per subscription
 * and key, ever.
 *
 * @param territories province codes the notice concerns; empty for region-wide calls
 * @param beneficiaryTypes who may apply; empty when the notice does not restrict it
 * @param data the webhook payload's {@code data}
 */
public record Notice(
        String key,
        EventKind kind,
        String subjectId,
        String title,
        String text,
        String programme,
        Integer axis,
        List<String> ecosystems,
        List<String> beneficiaryTypes,
        List<String> territories,
        BigDecimal budget,
        String link,
        Instant occurredAt,
        Map<String, Object> data) {

    public Notice {
        ecosystems = ecosystems == null ? List.of() : List.copyOf(ecosystems);
        beneficiaryTypes = beneficiaryTypes == null ? List.of() : List.copyOf(beneficiaryTypes);
        territories = territories == null ? List.of() : List.copyOf(territories);
        data = data == null ? Map.of() : data;
    }
}
