package it.osservatorio.projects.call.adapter;

import io.swagger.v3.oas.annotations.media.Schema;
import it.osservatorio.platform.web.FieldProblem;
import it.osservatorio.platform.web.InvalidFieldException;
import it.osservatorio.projects.call.domain.CallDetails;
import it.osservatorio.projects.call.domain.CallStatus;
import it.osservatorio.projects.project.domain.ProgrammeKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * A call as its issuer publishes it. Opening time and deadline are ISO-8601 date-times: without an offset they are
 * Europe/Rome local time (e.g. 2026-03-05T12:00), with one they are taken as given (e.g. 2026-03-05T12:00+01:00).
 */
record CallRequest(
        @Schema(example = "Regione Lombardia") String issuer,
        String title,
        ProgrammeKind programme,
        Integer axis,
        List<String> ecosystems,

        @Schema(example = "[\"IMPRESA\", \"ORGANISMO_DI_RICERCA\"]")
        List<String> eligibleBeneficiaryTypes,

        BigDecimal budget,
        @Schema(example = "2026-02-17T09:00") String opensAt,
        @Schema(example = "2026-03-05T12:00") String deadline,
        String link,
        Boolean synthetic,

        @Schema(
                description = "only for a call whose dates are not known: OPEN or CLOSED as the source reports it;"
                        + " without it such a call is UNKNOWN")
        CallStatus reportedStatus,

        @Schema(example = "graduatoria pubblicata: FANGHI 4° su 78 progetti (Cluster Tecnologici Lombardi, 2022)")
        String reportedStatusNote) {

    static final ZoneId ROME = ZoneId.of("Europe/Rome");

    CallDetails toDetails() {
        List<FieldProblem> problems = new ArrayList<>();
        Instant opens = instant("opensAt", opensAt, problems);
        Instant closes = instant("deadline", deadline, problems);
        if (!problems.isEmpty()) {
            throw new InvalidFieldException(problems);
        }
        return new CallDetails(
                issuer,
                title,
                programme,
                axis,
                ecosystems,
                eligibleBeneficiaryTypes,
                budget,
                opens,
                closes,
                link,
                Boolean.TRUE.equals(synthetic),
                reportedStatus,
                reportedStatusNote);
    }

    private static Instant instant(String field, String value, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.trim();
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(text).atZone(ROME).toInstant();
            } catch (DateTimeParseException e) {
                problems.add(new FieldProblem(
                        field,
                        "must be an ISO-8601 date-time in Europe/Rome time, e.g. 2026-03-05T12:00 (or with an offset,"
                                + " 2026-03-05T12:00+01:00); got '" + text + "'"));
                return null;
            }
        }
    }
}
