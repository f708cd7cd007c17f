package it.osservatorio.registry.demo;

/**
 * What one run of the demo loader did.
 *
 * @param membershipsWritten null when no {@link DemoMemberships} bean exists and memberships were skipped
 */
public record DemoLoadReport(Counts networks, Counts organisations, int membershipRows, Integer membershipsWritten) {

    /** @param failed records the registry refused (each logged with the reason) */
    public record Counts(int created, int updated, int unchanged, int failed) {

        public int total() {
            return created + updated + unchanged + failed;
        }
    }

    public boolean changedNothing() {
        return networks.created() + networks.updated() + organisations.created() + organisations.updated() == 0
                && (membershipsWritten == null || membershipsWritten == 0);
    }
}
