package it.osservatorio.indicators.computed.domain;

/**
 * What a formula counts or sums, and the fields each fact offers (all read from the latest version of the entity):
 *
 * <ul>
 *   <li>PROJECTS: {@code axis, status, programme, totalCost, spent, committed} (the total cost of approved, ongoing
 *       and completed projects, else 0), {@code synthetic}
 *   <li>CALLS: {@code axis, status, programme, budget, synthetic}
 *   <li>ORGANISATIONS: {@code type, province, synthetic, inNetwork} (true with at least one open-ended membership),
 *       {@code clusterMemberships, filieraMemberships} (numbers of open-ended memberships)
 * </ul>
 */
public enum Source {
    PROJECTS,
    CALLS,
    ORGANISATIONS
}
