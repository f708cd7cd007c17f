package it.osservatorio.indicators.memberstatistics.adapter;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.osservatorio.contracts.registry.OrganisationChanged;
import it.osservatorio.contracts.registry.OrganisationChanged.OrganisationType;
import it.osservatorio.indicators.memberstatistics.domain.MemberCount;
import it.osservatorio.platform.replica.VersionedReplica;
import it.osservatorio.platform.web.InvalidFieldException;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/statistics/members")
@Tag(name = "Member statistics", description = "Members of the ecosystem by the categories of the cluster reports")
class MemberStatisticsController {

    private static final Pattern PROVINCE = Pattern.compile("[A-Z]{2}");

    private final VersionedReplica<OrganisationChanged> organisations;

    MemberStatisticsController(VersionedReplica<OrganisationChanged> organisationReplicaStore) {
        this.organisations = organisationReplicaStore;
    }

    @GetMapping
    @Operation(summary = "Number of member organisations per type and in total, optionally in one province")
    MemberCount count(
            @Parameter(description = "two-letter province code, e.g. CR") @RequestParam(required = false)
                    String province) {
        String provinceCode = province == null ? null : province.trim().toUpperCase(Locale.ROOT);
        if (provinceCode != null && !PROVINCE.matcher(provinceCode).matches()) {
            throw new InvalidFieldException(
                    "province", "must be a two-letter province code such as CR, was '" + province + "'");
        }
        Map<String, ?> filter = provinceCode == null ? Map.of() : Map.of("address.province", provinceCode);
        Map<OrganisationType, Long> counted = new EnumMap<>(OrganisationType.class);
        organisations
                .countBy("type", filter)
                .forEach((type, count) -> counted.put(OrganisationType.valueOf(type), count));
        return MemberCount.of(provinceCode, counted);
    }
}
