package it.osservatorio.projects.project;

import it.osservatorio.projects.project.domain.Funding;
import it.osservatorio.projects.project.domain.Milestone;
import it.osservatorio.projects.project.domain.Partner;
import it.osservatorio.projects.project.domain.PartnerRole;
import it.osservatorio.projects.project.domain.Programme;
import it.osservatorio.projects.project.domain.ProgrammeKind;
import it.osservatorio.projects.project.domain.ProjectDetails;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Valid project details (a FESR project in Cremona of 100,000.00 EUR), changed one field at a time by tests. */
public final class ProjectDetailsFixture {

    private String cup = "E11B22000040007";
    private String title = "Laboratorio condiviso della filiera cosmetica";
    private Programme programme = Programme.of(ProgrammeKind.FESR);
    private Integer axis = 1;
    private List<String> comuni = List.of("019036");
    private LocalDate start = LocalDate.of(2025, 1, 1);
    private LocalDate end = LocalDate.of(2026, 12, 31);
    private BigDecimal total = new BigDecimal("100000.00");
    private Funding funding = new Funding(
            new BigDecimal("50000.00"),
            new BigDecimal("30000"),
            new BigDecimal("10000.00"),
            null,
            new BigDecimal("10000"));
    private List<Partner> partners = new ArrayList<>();
    private List<Milestone> milestones = new ArrayList<>();
    private List<Integer> otherAxes = List.of();

    public static ProjectDetailsFixture aProject() {
        return new ProjectDetailsFixture();
    }

    public ProjectDetailsFixture cup(String cup) {
        this.cup = cup;
        return this;
    }

    public ProjectDetailsFixture title(String title) {
        this.title = title;
        return this;
    }

    public ProjectDetailsFixture programme(Programme programme) {
        this.programme = programme;
        return this;
    }

    public ProjectDetailsFixture axis(Integer axis) {
        this.axis = axis;
        return this;
    }

    public ProjectDetailsFixture otherAxes(Integer... otherAxes) {
        this.otherAxes = List.of(otherAxes);
        return this;
    }

    public ProjectDetailsFixture comuni(String... comuni) {
        this.comuni = List.of(comuni);
        return this;
    }

    public ProjectDetailsFixture dates(LocalDate start, LocalDate end) {
        this.start = start;
        this.end = end;
        return this;
    }

    public ProjectDetailsFixture money(String total, Funding funding) {
        this.total = total == null ? null : new BigDecimal(total);
        this.funding = funding;
        return this;
    }

    public ProjectDetailsFixture partner(String organisationId, PartnerRole role, String share) {
        partners.add(new Partner(organisationId, role, share == null ? null : new BigDecimal(share)));
        return this;
    }

    public ProjectDetailsFixture milestone(String id, LocalDate planned, LocalDate actual) {
        milestones.add(new Milestone(id, "Milestone " + id, planned, actual));
        return this;
    }

    public static Funding funding(String eu, String national, String regional, String local, String privateFunds) {
        return new Funding(amount(eu), amount(national), amount(regional), amount(local), amount(privateFunds));
    }

    private static BigDecimal amount(String value) {
        return value == null ? null : new BigDecimal(value);
    }

    public ProjectDetails build() {
        return new ProjectDetails(
                cup,
                title,
                "COSMO",
                "Shared laboratory",
                programme,
                null,
                axis,
                null,
                "Manifattura avanzata",
                comuni,
                start,
                end,
                total,
                funding,
                partners,
                milestones,
                false,
                otherAxes);
    }
}
