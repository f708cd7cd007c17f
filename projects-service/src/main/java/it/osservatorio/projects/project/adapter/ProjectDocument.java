package it.osservatorio.projects.project.adapter;

import it.osservatorio.platform.outbox.PendingEvent;
import it.osservatorio.projects.project.domain.Expenditure;
import it.osservatorio.projects.project.domain.ExpenditureCategory;
import it.osservatorio.projects.project.domain.ExpenditureKind;
import it.osservatorio.projects.project.domain.Funding;
import it.osservatorio.projects.project.domain.Milestone;
import it.osservatorio.projects.project.domain.Partner;
import it.osservatorio.projects.project.domain.PartnerRole;
import it.osservatorio.projects.project.domain.Programme;
import it.osservatorio.projects.project.domain.ProgrammeKind;
import it.osservatorio.projects.project.domain.Project;
import it.osservatorio.projects.project.domain.ProjectDetails;
import it.osservatorio.projects.project.domain.ProjectStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A project as stored, with the events not yet acknowledged by the broker. Amounts are kept as exact decimal text
 * (plus the total cost in cents, for range filters) and dates as ISO-8601 text, which sorts like the dates: no
 * conversion through floating point or time zones.
 */
@Document("projects")
record ProjectDocument(
        @Id String id,
        long version,
        String ownerInstitutionId,
        String cup,
        String title,
        String acronym,
        String description,
        ProgrammeDocument programme,
        String callId,
        Integer axis,
        String emblematicAction,
        String s3Ecosystem,
        List<String> comuniIstat,
        String status,
        String startDate,
        String endDate,
        String totalCost,
        Long totalCostCents,
        FundingDocument funding,
        List<PartnerDocument> partners,
        List<MilestoneDocument> milestones,
        List<ExpenditureDocument> expenditures,
        boolean synthetic,
        Instant createdAt,
        Instant updatedAt,
        boolean deleted,
        List<PendingEvent> pendingEvents,
        List<Integer> otherAxes) {

    record ProgrammeDocument(
            String kind,
            String missione,
            String componente,
            String investimento,
            String interregProgramme,
            String name) {}

    record FundingDocument(String eu, String national, String regional, String local, String privateFunds) {}

    record PartnerDocument(String organisationId, String role, String budgetShare) {}

    record MilestoneDocument(
            String milestoneId, String title, String plannedDate, String actualDate, boolean synthetic) {}

    record ExpenditureDocument(
            String expenditureId,
            String date,
            String amount,
            String category,
            String note,
            boolean synthetic,
            String kind,
            String correctsExpenditureId) {}

    static ProjectDocument of(Project project, List<PendingEvent> events) {
        ProjectDetails d = project.details();
        Programme p = d.programme();
        Funding f = d.funding();
        return new ProjectDocument(
                project.id(),
                project.version(),
                project.ownerInstitutionId(),
                d.cup(),
                d.title(),
                d.acronym(),
                d.description(),
                new ProgrammeDocument(
                        p.kind().name(),
                        p.missione(),
                        p.componente(),
                        p.investimento(),
                        p.interregProgramme(),
                        p.name()),
                d.callId(),
                d.axis(),
                d.emblematicAction(),
                d.s3Ecosystem(),
                d.comuniIstat(),
                project.status().name(),
                text(d.startDate()),
                text(d.endDate()),
                text(d.totalCost()),
                cents(d.totalCost()),
                f == null
                        ? null
                        : new FundingDocument(
                                text(f.eu()),
                                text(f.national()),
                                text(f.regional()),
                                text(f.local()),
                                text(f.privateFunds())),
                d.partners().stream()
                        .map(partner -> new PartnerDocument(
                                partner.organisationId(), partner.role().name(), text(partner.budgetShare())))
                        .toList(),
                d.milestones().stream()
                        .map(m -> new MilestoneDocument(
                                m.milestoneId(), m.title(), text(m.plannedDate()), text(m.actualDate()), m.synthetic()))
                        .toList(),
                project.expenditures().stream()
                        .map(e -> new ExpenditureDocument(
                                e.expenditureId(),
                                text(e.date()),
                                text(e.amount()),
                                e.category().name(),
                                e.note(),
                                e.synthetic(),
                                e.kind().name(),
                                e.correctsExpenditureId()))
                        .toList(),
                d.synthetic(),
                project.createdAt(),
                project.updatedAt(),
                false,
                events,
                d.otherAxes());
    }

    Project toProject() {
        ProgrammeDocument p = programme;
        return new Project(
                id,
                version,
                ownerInstitutionId,
                new ProjectDetails(
                        cup,
                        title,
                        acronym,
                        description,
                        new Programme(
                                ProgrammeKind.valueOf(p.kind()),
                                p.missione(),
                                p.componente(),
                                p.investimento(),
                                p.interregProgramme(),
                                p.name()),
                        callId,
                        axis,
                        emblematicAction,
                        s3Ecosystem,
                        comuniIstat,
                        date(startDate),
                        date(endDate),
                        amount(totalCost),
                        funding == null
                                ? null
                                : new Funding(
                                        amount(funding.eu()),
                                        amount(funding.national()),
                                        amount(funding.regional()),
                                        amount(funding.local()),
                                        amount(funding.privateFunds())),
                        partners == null
                                ? List.of()
                                : partners.stream()
                                        .map(partner -> new Partner(
                                                partner.organisationId(),
                                                PartnerRole.valueOf(partner.role()),
                                                amount(partner.budgetShare())))
                                        .toList(),
                        milestones == null
                                ? List.of()
                                : milestones.stream()
                                        .map(m -> new Milestone(
                                                m.milestoneId(),
                                                m.title(),
                                                date(m.plannedDate()),
                                                date(m.actualDate()),
                                                m.synthetic()))
                                        .toList(),
                        synthetic,
                        otherAxes),
                ProjectStatus.valueOf(status),
                expenditures == null
                        ? List.of()
                        : expenditures.stream()
                                .map(e -> new Expenditure(
                                        e.expenditureId(),
                                        date(e.date()),
                                        amount(e.amount()),
                                        ExpenditureCategory.valueOf(e.category()),
                                        e.note(),
                                        e.synthetic(),
                                        e.kind() == null ? ExpenditureKind.RECORDED : ExpenditureKind.valueOf(e.kind()),
                                        e.correctsExpenditureId()))
                                .toList(),
                createdAt,
                updatedAt);
    }

    static String text(BigDecimal amount) {
        return amount == null ? null : amount.toPlainString();
    }

    static String text(LocalDate date) {
        return date == null ? null : date.toString();
    }

    static Long cents(BigDecimal amount) {
        return amount == null ? null : amount.movePointRight(2).longValueExact();
    }

    private static BigDecimal amount(String text) {
        return text == null ? null : new BigDecimal(text);
    }

    private static LocalDate date(String text) {
        return text == null ? null : LocalDate.parse(text);
    }
}
