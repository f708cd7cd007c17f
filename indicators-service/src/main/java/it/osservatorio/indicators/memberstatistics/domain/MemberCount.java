package it.osservatorio.indicators.memberstatistics.domain;

import it.osservatorio.contracts.registry.OrganisationChanged.OrganisationType;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Members of the ecosystem by the categories of the cluster reports (imprese, organismi di ricerca, altri enti),
 * every category present even when it has none.
 *
 * @param province the two-letter province code the count is restricted to, or null for every province
 */
public record MemberCount(String province, Map<OrganisationType, Long> byType, long total) {

    public MemberCount {
        Map<OrganisationType, Long> copy = new EnumMap<>(OrganisationType.class);
        copy.putAll(byType);
        byType = Collections.unmodifiableMap(copy);
    }

    public static MemberCount of(String province, Map<OrganisationType, Long> counted) {
        Map<OrganisationType, Long> byType = new EnumMap<>(OrganisationType.class);
        long total = 0;
        for (OrganisationType type : OrganisationType.values()) {
            long count = counted.getOrDefault(type, 0L);
            if (count < 0) {
                throw new IllegalArgumentException("Count of " + type + " is negative: " + count);
            }
            byType.put(type, count);
            total += count;
        }
        return new MemberCount(province, byType, total);
    }
}
