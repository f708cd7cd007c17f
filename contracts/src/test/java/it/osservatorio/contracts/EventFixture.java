package it.osservatorio.contracts;

import it.osservatorio.contracts.projects.CallChanged;
import it.osservatorio.contracts.projects.CallClosed;
import it.osservatorio.contracts.projects.CallClosingSoon;
import it.osservatorio.contracts.projects.CallOpened;
import it.osservatorio.contracts.projects.ExpenditureCorrected;
import it.osservatorio.contracts.projects.ExpenditureRecorded;
import it.osservatorio.contracts.projects.MilestoneReached;
import it.osservatorio.contracts.projects.ProjectChanged;
import it.osservatorio.contracts.projects.ProjectStatusChanged;
import it.osservatorio.contracts.registry.MembershipChanged;
import it.osservatorio.contracts.registry.NetworkChanged;
import it.osservatorio.contracts.registry.OrganisationChanged;
import it.osservatorio.contracts.registry.OrganisationChanged.Address;
import it.osservatorio.contracts.registry.OrganisationChanged.Change;
import it.osservatorio.contracts.registry.OrganisationChanged.OrganisationType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Builders of valid events, one per event type, for tests in any module. */
public final class EventFixture {

    private EventFixture() {}

    public static OrganisationChangedBuilder organisationChanged() {
        return new OrganisationChangedBuilder();
    }

    public static NetworkChangedBuilder networkChanged() {
        return new NetworkChangedBuilder();
    }

    public static MembershipChangedBuilder membershipChanged() {
        return new MembershipChangedBuilder();
    }

    public static ProjectChangedBuilder projectChanged() {
        return new ProjectChangedBuilder();
    }

    public static CallChangedBuilder callChanged() {
        return new CallChangedBuilder();
    }

    public static ExpenditureRecorded expenditureRecorded() {
        return new ExpenditureRecorded(
                "prj-001",
                3,
                "provincia-cremona",
                1,
                ProjectChanged.ProgrammeKind.FESR,
                "exp-001",
                LocalDate.of(2025, 3, 31),
                new BigDecimal("12500.00"),
                "PERSONALE",
                new BigDecimal("12500.00"),
                new BigDecimal("250000.00"),
                new BigDecimal("0.0500"),
                Instant.parse("2026-11-25T10:15:30Z"),
                List.of(1),
                false);
    }

    public static ExpenditureCorrected expenditureCorrected() {
        return new ExpenditureCorrected(
                "prj-001",
                5,
                "provincia-cremona",
                2,
                List.of(2, 6),
                ProjectChanged.ProgrammeKind.FESR,
                "exp-002",
                "exp-001",
                false,
                LocalDate.of(2025, 3, 31),
                new BigDecimal("10500.00"),
                "PERSONALE",
                LocalDate.of(2025, 3, 31),
                new BigDecimal("12500.00"),
                new BigDecimal("-2000.00"),
                new BigDecimal("10500.00"),
                new BigDecimal("250000.00"),
                new BigDecimal("0.0420"),
                false,
                Instant.parse("2026-11-26T10:15:30Z"));
    }

    public static MilestoneReached milestoneReached() {
        return new MilestoneReached(
                "prj-001",
                4,
                "provincia-cremona",
                1,
                ProjectChanged.ProgrammeKind.FESR,
                "ms-001",
                "Kick-off",
                LocalDate.of(2025, 2, 1),
                LocalDate.of(2025, 2, 10),
                true,
                new BigDecimal("0.5000"),
                Instant.parse("2026-11-25T10:15:30Z"),
                List.of(1),
                true);
    }

    public static ProjectStatusChanged projectStatusChanged() {
        return new ProjectStatusChanged(
                "prj-001",
                2,
                "provincia-cremona",
                1,
                ProjectChanged.ProgrammeKind.FESR,
                ProjectChanged.ProjectStatus.PROPOSED,
                ProjectChanged.ProjectStatus.APPROVED,
                new BigDecimal("250000.00"),
                Instant.parse("2026-11-25T10:15:30Z"),
                List.of(1));
    }

    public static CallOpened callOpened() {
        CallChanged call = callChanged().build();
        return new CallOpened(
                call.callId(),
                2,
                call.issuer(),
                call.title(),
                call.programme(),
                call.axis(),
                call.ecosystems(),
                call.eligibleBeneficiaryTypes(),
                call.budget(),
                call.opensAt(),
                call.deadline(),
                call.link(),
                call.opensAt(),
                Instant.parse("2026-02-17T08:00:01Z"));
    }

    public static CallClosingSoon callClosingSoon() {
        CallChanged call = callChanged().build();
        return new CallClosingSoon(
                call.callId(),
                3,
                call.issuer(),
                call.title(),
                call.programme(),
                call.axis(),
                call.ecosystems(),
                call.eligibleBeneficiaryTypes(),
                call.budget(),
                call.opensAt(),
                call.deadline(),
                call.link(),
                7,
                Instant.parse("2026-02-26T22:59:59Z"),
                Instant.parse("2026-02-26T23:00:00Z"));
    }

    public static CallClosed callClosed() {
        CallChanged call = callChanged().build();
        return new CallClosed(
                call.callId(),
                4,
                call.issuer(),
                call.title(),
                call.programme(),
                call.axis(),
                call.ecosystems(),
                call.eligibleBeneficiaryTypes(),
                call.budget(),
                call.opensAt(),
                call.deadline(),
                call.link(),
                call.deadline(),
                Instant.parse("2026-03-05T23:00:00Z"));
    }

    public static final class ProjectChangedBuilder {
        private String projectId = "prj-001";
        private long version = 1;
        private String cup = "E11B22000040007";

        public ProjectChangedBuilder projectId(String projectId) {
            this.projectId = projectId;
            return this;
        }

        public ProjectChangedBuilder version(long version) {
            this.version = version;
            return this;
        }

        public ProjectChangedBuilder cup(String cup) {
            this.cup = cup;
            return this;
        }

        public ProjectChanged build() {
            return new ProjectChanged(
                    projectId,
                    version,
                    version == 1 ? ProjectChanged.Change.PROPOSED : ProjectChanged.Change.UPDATED,
                    "provincia-cremona",
                    cup,
                    "Polo tecnologico della cosmesi",
                    "COSMO",
                    "Laboratori condivisi per le imprese della filiera cosmetica",
                    new ProjectChanged.Programme(ProjectChanged.ProgrammeKind.PNRR, "M4", "C2", "1.5", null, null),
                    "call-rl-cluster-2026",
                    1,
                    "IL SISTEMA LATTE",
                    "Manifattura avanzata",
                    List.of("019036"),
                    ProjectChanged.ProjectStatus.ONGOING,
                    LocalDate.of(2025, 1, 1),
                    LocalDate.of(2027, 12, 31),
                    new BigDecimal("250000.00"),
                    new ProjectChanged.Funding(
                            new BigDecimal("125000.00"),
                            new BigDecimal("50000.00"),
                            new BigDecimal("50000.00"),
                            BigDecimal.ZERO,
                            new BigDecimal("25000.00")),
                    List.of(new ProjectChanged.Partner(
                            "org-cremona-001",
                            "Latteria Soresina",
                            ProjectChanged.PartnerRole.LEAD,
                            new BigDecimal("150000.00"))),
                    List.of(new ProjectChanged.Milestone(
                            "ms-001", "Kick-off", LocalDate.of(2025, 2, 1), LocalDate.of(2025, 2, 10), true, false)),
                    List.of(
                            new ProjectChanged.Expenditure(
                                    "exp-001",
                                    LocalDate.of(2025, 3, 31),
                                    new BigDecimal("12500.00"),
                                    "PERSONALE",
                                    ProjectChanged.ExpenditureKind.RECORDED,
                                    null,
                                    true,
                                    false),
                            new ProjectChanged.Expenditure(
                                    "exp-002",
                                    LocalDate.of(2025, 3, 31),
                                    new BigDecimal("10500.00"),
                                    "PERSONALE",
                                    ProjectChanged.ExpenditureKind.CORRECTION,
                                    "exp-001",
                                    false,
                                    false)),
                    new BigDecimal("10500.00"),
                    new BigDecimal("0.0420"),
                    new BigDecimal("1.0000"),
                    false,
                    Instant.parse("2026-11-25T10:15:30Z"),
                    List.of(1));
        }
    }

    public static final class CallChangedBuilder {
        private String callId = "call-rl-cluster-2026";
        private long version = 1;
        private CallChanged.CallStatus status = CallChanged.CallStatus.OPEN;

        public CallChangedBuilder callId(String callId) {
            this.callId = callId;
            return this;
        }

        public CallChangedBuilder version(long version) {
            this.version = version;
            return this;
        }

        public CallChangedBuilder status(CallChanged.CallStatus status) {
            this.status = status;
            return this;
        }

        public CallChanged build() {
            return new CallChanged(
                    callId,
                    version,
                    version == 1 ? CallChanged.Change.PUBLISHED : CallChanged.Change.UPDATED,
                    "regione-lombardia",
                    "Regione Lombardia",
                    "Bando regionale rivolto ai Cluster lombardi",
                    ProjectChanged.ProgrammeKind.REGIONAL,
                    null,
                    List.of("Manifattura avanzata"),
                    List.of("CLUSTER"),
                    null,
                    Instant.parse("2026-02-17T08:00:00Z"),
                    Instant.parse("2026-03-05T22:59:59Z"),
                    "https://www.regione.lombardia.it/bandi/cluster-2026",
                    status,
                    false,
                    Instant.parse("2026-11-25T10:15:30Z"),
                    CallChanged.StatusBasis.DATES,
                    null,
                    null);
        }
    }

    public static final class MembershipChangedBuilder {
        private String membershipId = "membership-001";
        private long version = 1;
        private MembershipChanged.Change change = MembershipChanged.Change.REGISTERED;
        private LocalDate validFrom = LocalDate.of(2014, 3, 1);
        private LocalDate validTo;

        public MembershipChangedBuilder membershipId(String membershipId) {
            this.membershipId = membershipId;
            return this;
        }

        public MembershipChangedBuilder version(long version) {
            this.version = version;
            this.change = version == 1 ? MembershipChanged.Change.REGISTERED : MembershipChanged.Change.UPDATED;
            return this;
        }

        public MembershipChangedBuilder valid(LocalDate validFrom, LocalDate validTo) {
            this.validFrom = validFrom;
            this.validTo = validTo;
            return this;
        }

        public MembershipChanged build() {
            return new MembershipChanged(
                    membershipId,
                    version,
                    change,
                    "regione-lombardia",
                    "org-cremona-001",
                    NetworkChanged.Kind.CLUSTER,
                    "cluster-afil",
                    MembershipChanged.Role.FOUNDER,
                    validFrom,
                    validTo,
                    Instant.parse("2026-11-25T10:15:30Z"));
        }
    }

    public static final class NetworkChangedBuilder {
        private String networkId = "cluster-afil";
        private long version = 1;
        private NetworkChanged.Change change = NetworkChanged.Change.REGISTERED;
        private NetworkChanged.Kind kind = NetworkChanged.Kind.CLUSTER;
        private String acronym = "AFIL";
        private String name = "Associazione Fabbrica Intelligente Lombardia";

        public NetworkChangedBuilder networkId(String networkId) {
            this.networkId = networkId;
            return this;
        }

        public NetworkChangedBuilder version(long version) {
            this.version = version;
            this.change = version == 1 ? NetworkChanged.Change.REGISTERED : NetworkChanged.Change.UPDATED;
            return this;
        }

        public NetworkChangedBuilder filiera(String acronym, String name) {
            this.kind = NetworkChanged.Kind.FILIERA;
            this.acronym = acronym;
            this.name = name;
            return this;
        }

        public NetworkChanged build() {
            return new NetworkChanged(
                    networkId,
                    version,
                    change,
                    kind,
                    "regione-lombardia",
                    acronym,
                    name,
                    "Intelligent Factory Association of Lombardy",
                    List.of("Manifattura avanzata"),
                    List.of("Robotica", "Additive manufacturing"),
                    "AFIL - Associazione Fabbrica Intelligente Lombardia",
                    2014,
                    "Riconosciuto da Regione Lombardia",
                    "www.afil.it",
                    List.of("Milano"),
                    null,
                    Instant.parse("2026-11-25T10:15:30Z"));
        }
    }

    public static final class OrganisationChangedBuilder {
        private String organisationId = "org-cremona-001";
        private long version = 1;
        private Change change = Change.REGISTERED;
        private String ownerInstitutionId = "camera-commercio-cremona";
        private String legalName = "Latteria Soresina Società Cooperativa Agricola";
        private OrganisationType type = OrganisationType.IMPRESA;
        private String externalId = "LSC-0001";

        public OrganisationChangedBuilder organisationId(String organisationId) {
            this.organisationId = organisationId;
            return this;
        }

        public OrganisationChangedBuilder version(long version) {
            this.version = version;
            this.change = version == 1 ? Change.REGISTERED : Change.UPDATED;
            return this;
        }

        public OrganisationChangedBuilder ownerInstitutionId(String ownerInstitutionId) {
            this.ownerInstitutionId = ownerInstitutionId;
            return this;
        }

        public OrganisationChangedBuilder legalName(String legalName) {
            this.legalName = legalName;
            return this;
        }

        public OrganisationChangedBuilder type(OrganisationType type) {
            this.type = type;
            return this;
        }

        public OrganisationChangedBuilder externalId(String externalId) {
            this.externalId = externalId;
            return this;
        }

        public OrganisationChanged build() {
            return new OrganisationChanged(
                    organisationId,
                    version,
                    change,
                    ownerInstitutionId,
                    legalName,
                    type,
                    type == OrganisationType.IMPRESA ? OrganisationChanged.SizeClass.MEDIA : null,
                    null,
                    "00092220193",
                    "00092220193",
                    "10.51",
                    new Address("Via dei Mille 13", "Soresina", "019097", "CR", "Lombardia"),
                    "https://www.latteriasoresina.it",
                    List.of("Agroalimentare"),
                    externalId,
                    false,
                    Instant.parse("2026-11-25T10:15:30Z"));
        }
    }
}
