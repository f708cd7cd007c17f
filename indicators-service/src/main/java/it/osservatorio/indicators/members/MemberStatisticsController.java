package it.osservatorio.indicators.members;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.osservatorio.contracts.registry.OrganisationChanged;
import it.osservatorio.contracts.registry.OrganisationChanged.OrganisationType;
import it.osservatorio.platform.replica.VersionedReplica;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/statistics/members")
@Tag(name = "Member statistics", description = "Members of the ecosystem by the categories of the cluster reports")
class MemberStatisticsController {

    private final VersionedReplica<OrganisationChanged> members;

    MemberStatisticsController(VersionedReplica<OrganisationChanged> memberReplica) {
        this.members = memberReplica;
    }

    @GetMapping
    @Operation(summary = "Number of member organisations per type, optionally in one province")
    MemberCount count(@RequestParam(required = false) String province) {
        Map<OrganisationType, Long> byType = new EnumMap<>(OrganisationType.class);
        for (OrganisationType type : OrganisationType.values()) {
            byType.put(type, 0L);
        }
        String provinceCode = province == null ? null : province.trim().toUpperCase(Locale.ROOT);
        members.findAll(new Query()).stream()
                .filter(m -> provinceCode == null
                        || (m.address() != null
                                && provinceCode.equals(m.address().province())))
                .forEach(m -> byType.merge(m.type(), 1L, Long::sum));
        long total = byType.values().stream().mapToLong(Long::longValue).sum();
        return new MemberCount(provinceCode, byType, total);
    }

    record MemberCount(String province, Map<OrganisationType, Long> byType, long total) {}
}
