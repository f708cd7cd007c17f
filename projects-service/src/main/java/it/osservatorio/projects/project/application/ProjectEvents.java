package it.osservatorio.projects.project.application;

import it.osservatorio.contracts.EventCodec;
import it.osservatorio.contracts.EventType;
import it.osservatorio.contracts.projects.ExpenditureCorrected;
import it.osservatorio.contracts.projects.ExpenditureRecorded;
import it.osservatorio.contracts.projects.MilestoneReached;
import it.osservatorio.contracts.projects.ProjectChanged;
import it.osservatorio.contracts.projects.ProjectStatusChanged;
import it.osservatorio.platform.outbox.PendingEvent;
import it.osservatorio.projects.project.domain.Expenditure;
import it.osservatorio.projects.project.domain.ExpenditureKind;
import it.osservatorio.projects.project.domain.Funding;
import it.osservatorio.projects.project.domain.Milestone;
import it.osservatorio.projects.project.domain.Programme;
import it.osservatorio.projects.project.domain.Project;
import it.osservatorio.projects.project.domain.ProjectDetails;
import it.osservatorio.projects.project.domain.ProjectStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/** Turns a project's new state and progress into the integration events that carry them. */
final class ProjectEvents {

    private final EventCodec codec;

    ProjectEvents(EventCodec codec) {
        this.codec = codec;
    }

    PendingEvent changed(Project project, Map<String, String> partnerNames, LocalDate today) {
        return PendingEvent.of(codec.envelope(state(project, partnerNames, today), project.updatedAt()));
    }

    static ProjectChanged state(Project project, Map<String, String> partnerNames, LocalDate today) {
        ProjectDetails d = project.details();
        Programme p = d.programme();
        Funding f = d.funding();
        return new ProjectChanged(
                project.id(),
                project.version(),
                project.version() == 1 ? ProjectChanged.Change.PROPOSED : ProjectChanged.Change.UPDATED,
                project.ownerInstitutionId(),
                d.cup(),
                d.title(),
                d.acronym(),
                d.description(),
                new ProjectChanged.Programme(
                        kind(p), p.missione(), p.componente(), p.investimento(), p.interregProgramme(), p.name()),
                d.callId(),
                d.axis(),
                d.emblematicAction(),
                d.s3Ecosystem(),
                d.comuniIstat(),
                status(project.status()),
                d.startDate(),
                d.endDate(),
                d.totalCost(),
                f == null
                        ? null
                        : new ProjectChanged.Funding(f.eu(), f.national(), f.regional(), f.local(), f.privateFunds()),
                d.partners().stream()
                        .map(partner -> new ProjectChanged.Partner(
                                partner.organisationId(),
                                partnerNames.get(partner.organisationId()),
                                ProjectChanged.PartnerRole.valueOf(
                                        partner.role().name()),
                                partner.budgetShare()))
                        .toList(),
                d.milestones().stream()
                        .map(m -> new ProjectChanged.Milestone(
                                m.milestoneId(),
                                m.title(),
                                m.plannedDate(),
                                m.actualDate(),
                                m.isLate(today),
                                m.synthetic()))
                        .toList(),
                project.expenditures().stream()
                        .map(e -> new ProjectChanged.Expenditure(
                                e.expenditureId(),
                                e.date(),
                                e.amount(),
                                e.category().name(),
                                ProjectChanged.ExpenditureKind.valueOf(e.kind().name()),
                                e.correctsExpenditureId(),
                                project.isSuperseded(e),
                                e.synthetic()))
                        .toList(),
                project.spent(),
                project.financialProgress().orElse(null),
                project.physicalProgress().orElse(null),
                d.synthetic(),
                project.updatedAt(),
                d.axes());
    }

    PendingEvent statusChanged(Project project, ProjectStatus from) {
        return PendingEvent.of(codec.envelope(
                new ProjectStatusChanged(
                        project.id(),
                        project.version(),
                        project.ownerInstitutionId(),
                        project.details().axis(),
                        kind(project.details().programme()),
                        from == null ? null : status(from),
                        status(project.status()),
                        project.details().totalCost(),
                        project.updatedAt(),
                        project.details().axes()),
                project.updatedAt()));
    }

    PendingEvent expenditureRecorded(Project project, Expenditure expenditure) {
        return PendingEvent.of(codec.envelope(
                new ExpenditureRecorded(
                        project.id(),
                        project.version(),
                        project.ownerInstitutionId(),
                        project.details().axis(),
                        kind(project.details().programme()),
                        expenditure.expenditureId(),
                        expenditure.date(),
                        expenditure.amount(),
                        expenditure.category().name(),
                        project.spent(),
                        project.details().totalCost(),
                        project.financialProgress().orElse(null),
                        project.updatedAt(),
                        project.details().axes(),
                        expenditure.synthetic()),
                project.updatedAt()));
    }

    PendingEvent expenditureCorrected(Project project, Expenditure entry, Expenditure replaced) {
        boolean cancelled = entry.kind() == ExpenditureKind.CANCELLATION;
        return PendingEvent.of(codec.envelope(
                new ExpenditureCorrected(
                        project.id(),
                        project.version(),
                        project.ownerInstitutionId(),
                        project.details().axis(),
                        project.details().axes(),
                        kind(project.details().programme()),
                        entry.expenditureId(),
                        replaced.expenditureId(),
                        cancelled,
                        entry.date(),
                        entry.amount(),
                        entry.category().name(),
                        replaced.date(),
                        replaced.amount(),
                        entry.amount().subtract(replaced.amount()),
                        project.spent(),
                        project.details().totalCost(),
                        project.financialProgress().orElse(null),
                        entry.synthetic(),
                        project.updatedAt()),
                project.updatedAt()));
    }

    PendingEvent milestoneReached(Project project, Milestone milestone) {
        return PendingEvent.of(codec.envelope(
                new MilestoneReached(
                        project.id(),
                        project.version(),
                        project.ownerInstitutionId(),
                        project.details().axis(),
                        kind(project.details().programme()),
                        milestone.milestoneId(),
                        milestone.title(),
                        milestone.plannedDate(),
                        milestone.actualDate(),
                        milestone.isLate(milestone.actualDate()),
                        project.physicalProgress().orElse(null),
                        project.updatedAt(),
                        project.details().axes(),
                        milestone.synthetic()),
                project.updatedAt()));
    }

    PendingEvent deleted(Project project, Instant now) {
        return PendingEvent.of(codec.tombstone(EventType.PROJECT_DELETED, project.id(), project.version() + 1, now));
    }

    private static ProjectChanged.ProgrammeKind kind(Programme programme) {
        return ProjectChanged.ProgrammeKind.valueOf(programme.kind().name());
    }

    private static ProjectChanged.ProjectStatus status(ProjectStatus status) {
        return ProjectChanged.ProjectStatus.valueOf(status.name());
    }
}
