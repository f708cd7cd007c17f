package it.osservatorio.registry.membership.adapter;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.osservatorio.platform.web.FieldProblem;
import it.osservatorio.platform.web.InvalidFieldException;
import it.osservatorio.registry.membership.application.MembershipService;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/organisations")
@Tag(name = "Memberships")
class OrganisationMembershipsController {

    private final MembershipService service;

    OrganisationMembershipsController(MembershipService service) {
        this.service = service;
    }

    @GetMapping("/{id}/memberships")
    @Operation(summary = "Every membership of one organisation (public), ordered by id")
    List<MembershipResponse> memberships(
            @PathVariable String id,
            @Parameter(description = "only memberships valid on this day, YYYY-MM-DD") @RequestParam(required = false)
                    String activeOn,
            @RequestParam Map<String, String> all) {
        List<FieldProblem> problems = new ArrayList<>();
        all.keySet().stream()
                .filter(name -> !name.equals("activeOn"))
                .forEach(name ->
                        problems.add(new FieldProblem(name, "is not a known parameter; the only one is activeOn")));
        LocalDate day = MembershipRequest.date("activeOn", activeOn, problems);
        if (!problems.isEmpty()) {
            throw new InvalidFieldException(problems);
        }
        return service.ofOrganisation(id, day).stream()
                .map(MembershipResponse::of)
                .toList();
    }
}
