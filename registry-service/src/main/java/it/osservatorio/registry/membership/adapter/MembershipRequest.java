package it.osservatorio.registry.membership.adapter;

import io.swagger.v3.oas.annotations.media.Schema;
import it.osservatorio.platform.web.FieldProblem;
import it.osservatorio.platform.web.InvalidFieldException;
import it.osservatorio.registry.membership.domain.MembershipRole;
import it.osservatorio.registry.membership.domain.MembershipTerms;
import it.osservatorio.registry.network.domain.NetworkKind;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** Dates arrive as text so that a malformed one is answered naming its field; the rest is checked by the domain. */
@Schema(description = "An organisation's membership of a cluster or filiera")
record MembershipRequest(
        @Schema(example = "org-019ab3c4-...", requiredMode = Schema.RequiredMode.REQUIRED)
        String organisationId,

        @Schema(example = "CLUSTER", requiredMode = Schema.RequiredMode.REQUIRED)
        NetworkKind networkKind,

        @Schema(
                example = "cluster-019ab3c4-...",
                description = "id of a registered cluster or filiera, of networkKind",
                requiredMode = Schema.RequiredMode.REQUIRED)
        String networkId,

        @Schema(example = "ASSOCIATE", requiredMode = Schema.RequiredMode.REQUIRED)
        MembershipRole role,

        @Schema(
                example = "2022-01-01",
                description = "first day, YYYY-MM-DD",
                requiredMode = Schema.RequiredMode.REQUIRED)
        String validFrom,

        @Schema(example = "2024-12-31", description = "last day, YYYY-MM-DD, inclusive; absent while still valid")
        String validTo) {

    MembershipTerms toTerms() {
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate from = date("validFrom", validFrom, problems);
        LocalDate to = date("validTo", validTo, problems);
        if (!problems.isEmpty()) {
            throw new InvalidFieldException(problems);
        }
        return new MembershipTerms(
                organisationId == null ? null : organisationId.trim(),
                networkKind,
                networkId == null ? null : networkId.trim(),
                role,
                from,
                to);
    }

    static LocalDate date(String field, String value, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            problems.add(
                    new FieldProblem(field, "must be a date as YYYY-MM-DD, e.g. 2022-01-31 (got '" + value + "')"));
            return null;
        }
    }
}
