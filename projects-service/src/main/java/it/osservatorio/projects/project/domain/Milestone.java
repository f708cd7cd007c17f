package it.osservatorio.projects.project.domain;

import java.time.LocalDate;

/**
 * A planned step of a project; reached when it has an actual date. {@code synthetic}: generated for the demo, not
 * reported by anyone.
 */
public record Milestone(
        String milestoneId, String title, LocalDate plannedDate, LocalDate actualDate, boolean synthetic) {

    public Milestone(String milestoneId, String title, LocalDate plannedDate, LocalDate actualDate) {
        this(milestoneId, title, plannedDate, actualDate, false);
    }

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
        return new Milestone(milestoneId, title, plannedDate, date, synthetic);
    }
}
