package it.osservatorio.projects.project;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import tools.jackson.databind.json.JsonMapper;

/** A valid project request body (FESR, axis 1, Cremona, 100,000.00 EUR), changed one field at a time by tests. */
public final class ProjectRequestFixture {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<String, Object> body = new LinkedHashMap<>();
    private final List<Map<String, Object>> partners = new ArrayList<>();
    private final List<Map<String, Object>> milestones = new ArrayList<>();

    private ProjectRequestFixture() {
        body.put("cup", randomCup());
        body.put("title", "Laboratorio condiviso della filiera cosmetica");
        body.put("acronym", "COSMO");
        body.put("programme", Map.of("kind", "FESR"));
        body.put("axis", 1);
        body.put("s3Ecosystem", "Manifattura avanzata");
        body.put("comuniIstat", List.of("019036"));
        body.put("startDate", "2025-01-01");
        body.put("endDate", "2026-12-31");
        body.put("totalCost", 100000.00);
        body.put("funding", funding("50000.00", "30000.00", "10000.00", "0", "10000.00"));
    }

    public static ProjectRequestFixture aProjectRequest() {
        return new ProjectRequestFixture();
    }

    /** A CUP of the right format that no other test uses. */
    public static String randomCup() {
        return "E11B" + String.format("%011d", ThreadLocalRandom.current().nextLong(100_000_000_000L));
    }

    public static Map<String, Object> funding(
            String eu, String national, String regional, String local, String privateFunds) {
        Map<String, Object> funding = new LinkedHashMap<>();
        funding.put("eu", new java.math.BigDecimal(eu));
        funding.put("national", new java.math.BigDecimal(national));
        funding.put("regional", new java.math.BigDecimal(regional));
        funding.put("local", new java.math.BigDecimal(local));
        funding.put("privateFunds", new java.math.BigDecimal(privateFunds));
        return funding;
    }

    public ProjectRequestFixture with(String field, Object value) {
        body.put(field, value);
        return this;
    }

    public ProjectRequestFixture without(String field) {
        body.remove(field);
        return this;
    }

    public ProjectRequestFixture money(String total, Map<String, Object> funding) {
        body.put("totalCost", total == null ? null : new java.math.BigDecimal(total));
        body.put("funding", funding);
        return this;
    }

    public ProjectRequestFixture partner(String organisationId, String role, String share) {
        Map<String, Object> partner = new LinkedHashMap<>();
        partner.put("organisationId", organisationId);
        partner.put("role", role);
        if (share != null) {
            partner.put("budgetShare", new java.math.BigDecimal(share));
        }
        partners.add(partner);
        return this;
    }

    public ProjectRequestFixture milestone(String id, String planned, String actual) {
        Map<String, Object> milestone = new LinkedHashMap<>();
        milestone.put("milestoneId", id);
        milestone.put("title", "Milestone " + id);
        milestone.put("plannedDate", planned);
        milestone.put("actualDate", actual);
        milestones.add(milestone);
        return this;
    }

    public String cup() {
        return (String) body.get("cup");
    }

    public String json() {
        Map<String, Object> all = new LinkedHashMap<>(body);
        all.put("partners", partners);
        all.put("milestones", milestones);
        return JSON.writeValueAsString(all);
    }
}
