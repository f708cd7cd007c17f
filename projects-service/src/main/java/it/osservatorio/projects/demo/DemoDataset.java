package it.osservatorio.projects.demo;

import java.util.List;

/**
 * {@value #RESOURCE}: the pact's projects, the LE2C project FANGHI and the 14 calls of the reference data, with their
 * sources.
 */
public record DemoDataset(String description, List<DemoProject> projects, List<DemoCall> calls) {

    public static final String RESOURCE = "demo/projects-demo.json";

    /**
     * A project as the sources give it. Without {@code programme} it is a project of the 2007 pact. {@code
     * printedAmounts}: the source prints an amount for it, so no synthetic progress is generated for it.
     */
    public record DemoProject(
            String id,
            String referenceId,
            String title,
            String acronym,
            String description,
            Integer axis,
            List<Integer> otherAxes,
            String emblematicAction,
            String programme,
            String programmeName,
            String callId,
            List<DemoPartner> partners,
            Boolean printedAmounts,
            String source,
            String location,
            String basis) {

        public DemoProject {
            otherAxes = otherAxes == null ? List.of() : List.copyOf(otherAxes);
            partners = partners == null ? List.of() : List.copyOf(partners);
            printedAmounts = Boolean.TRUE.equals(printedAmounts);
        }
    }

    /**
     * A partner as the registry's demo data defines the organisation: its {@code externalId} ({@code
     * demo:org:ORG-nnn}) and legal name, resolved to a registry id through the organisation replica.
     */
    public record DemoPartner(String externalId, String legalName, String role, String basis) {}

    /**
     * Dates are Europe/Rome local date-times, as issuers print them. Without dates, {@code reportedStatus} is the
     * status the source reports (OPEN or CLOSED), or null (UNKNOWN).
     */
    public record DemoCall(
            String id,
            String referenceId,
            String issuer,
            String title,
            String programme,
            Integer axis,
            List<String> eligibleBeneficiaryTypes,
            List<String> ecosystems,
            String opensAt,
            String deadline,
            String reportedStatus,
            String reportedStatusNote,
            String source,
            String location,
            String basis) {}
}
