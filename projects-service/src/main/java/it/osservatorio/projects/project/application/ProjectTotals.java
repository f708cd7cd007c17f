package it.osservatorio.projects.project.application;

import java.math.BigDecimal;
import java.util.List;

/**
 * Projects and money per group (strategic axis or programme). Amounts add up what is published: {@code projects}
 * counts every project, {@code projectsWithCost} those with a total cost; {@code syntheticSpent} is the part of
 * {@code spent} generated for the demo (expenditure marked synthetic).
 */
public record ProjectTotals(String groupBy, List<Group> groups, Group overall) {

    public record Group(
            String key,
            long projects,
            long projectsWithCost,
            BigDecimal totalCost,
            BigDecimal eu,
            BigDecimal national,
            BigDecimal regional,
            BigDecimal local,
            BigDecimal privateFunds,
            BigDecimal spent,
            BigDecimal syntheticSpent) {}
}
