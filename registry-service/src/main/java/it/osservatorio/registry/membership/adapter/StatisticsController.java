package it.osservatorio.registry.membership.adapter;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.osservatorio.platform.web.FieldProblem;
import it.osservatorio.platform.web.InvalidFieldException;
import it.osservatorio.registry.membership.application.MemberStatistics;
import it.osservatorio.registry.membership.application.StatisticsService;
import it.osservatorio.registry.network.domain.NetworkKind;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/statistics")
@Tag(name = "Statistics", description = "Member counts per cluster and filiera by type, as of a date")
class StatisticsController {

    /** The reports' dates are Italian calendar days. */
    static final ZoneId ROME = ZoneId.of("Europe/Rome");

    private static final Set<String> PARAMETERS = new TreeSet<>(List.of("asOf", "networkKind"));

    private final StatisticsService service;
    private final Clock clock;

    StatisticsController(StatisticsService service, Clock clock) {
        this.service = service;
        this.clock = clock;
    }

    @GetMapping("/members")
    @Operation(
            summary = "Member organisations active on a date, per cluster and filiera, by type (public)",
            description = "Rows: imprese + organismi di ricerca + altri enti = total per network. Totals per kind and"
                    + " overall: sumOverNetworks adds the rows (an organisation in two networks counts twice),"
                    + " distinctOrganisations counts each organisation once.")
    MemberStatistics.Report members(
            @Parameter(description = "YYYY-MM-DD; default today in Europe/Rome") @RequestParam(required = false)
                    String asOf,
            @Parameter(description = "CLUSTER or FILIERA; default both") @RequestParam(required = false)
                    String networkKind,
            @RequestParam Map<String, String> all) {
        List<FieldProblem> problems = new ArrayList<>();
        all.keySet().stream()
                .filter(name -> !PARAMETERS.contains(name))
                .forEach(name -> problems.add(new FieldProblem(
                        name, "is not a known parameter; allowed parameters are " + String.join(", ", PARAMETERS))));
        LocalDate day = MembershipRequest.date("asOf", asOf, problems);
        NetworkKind kind = MembershipController.networkKind(networkKind, problems);
        if (!problems.isEmpty()) {
            throw new InvalidFieldException(problems);
        }
        return service.members(day == null ? LocalDate.now(clock.withZone(ROME)) : day, kind);
    }
}
