package it.osservatorio.contracts;

import it.osservatorio.contracts.registry.MembershipChanged;
import it.osservatorio.contracts.registry.NetworkChanged;
import it.osservatorio.contracts.registry.OrganisationChanged;
import it.osservatorio.contracts.registry.OrganisationChanged.Address;
import it.osservatorio.contracts.registry.OrganisationChanged.Change;
import it.osservatorio.contracts.registry.OrganisationChanged.OrganisationType;
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
                    "LSC-0001",
                    false,
                    Instant.parse("2026-11-25T10:15:30Z"));
        }
    }
}
