package it.osservatorio.projects.project.domain;

import java.util.EnumSet;
import java.util.Set;

/** The lifecycle: proposed, approved, ongoing, completed; or revoked (funding withdrawn) or withdrawn (by the promoter). */
public enum ProjectStatus {
    PROPOSED,
    APPROVED,
    ONGOING,
    COMPLETED,
    REVOKED,
    WITHDRAWN;

    /** The statuses this one may move to; none from completed, revoked or withdrawn. */
    public Set<ProjectStatus> next() {
        return switch (this) {
            case PROPOSED -> EnumSet.of(APPROVED, WITHDRAWN);
            case APPROVED -> EnumSet.of(ONGOING, REVOKED, WITHDRAWN);
            case ONGOING -> EnumSet.of(COMPLETED, REVOKED, WITHDRAWN);
            case COMPLETED, REVOKED, WITHDRAWN -> EnumSet.noneOf(ProjectStatus.class);
        };
    }

    public boolean isFinal() {
        return next().isEmpty();
    }
}
