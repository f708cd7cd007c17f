package it.osservatorio.projects.project.domain;

import java.time.LocalDate;

/** A planned step of a project; reached when it has an actual date. */
public record Milestone(String milestoneId, String title, LocalDate plannedDate, LocalDate actualDate) {

    public Milestone {
        milestoneId = Texts.trim(milestoneId);
        title = Texts.trim(title);
    }

    public boolean isReached() {
        return actualDate != null;
    }

    /** Late: past the planned date without an actual date, or reached after the planned date. */
    public boolean isLate(LocalDate today) {
        if (plannedDate == null) {
            return false;
        }
        return actualDate == null ? today.isAfter(plannedDate) : actualDate.isAfter(plannedDate);
    }

    Milestone reached(LocalDate date) {
        return new Milestone(milestoneId, title, plannedDate, date);
    }
}
