package it.osservatorio.projects.demo;

import java.util.List;

/** {@value #RESOURCE}: the pact's projects and the dated calls of the reference data, with their sources. */
public record DemoDataset(String description, List<DemoProject> projects, List<DemoCall> calls) {

    public static final String RESOURCE = "demo/projects-demo.json";

    public record DemoProject(
            String id,
            String referenceId,
            String title,
            String description,
            Integer axis,
            String emblematicAction,
            String source,
            String location,
            String basis) {}

    /** Dates are Europe/Rome local date-times, as issuers print them. */
    public record DemoCall(
            String id,
            String referenceId,
            String issuer,
            String title,
            String programme,
            List<String> eligibleBeneficiaryTypes,
            List<String> ecosystems,
            String opensAt,
            String deadline,
            String source,
            String location,
            String basis) {}
}
