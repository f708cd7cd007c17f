package it.osservatorio.contracts;

import it.osservatorio.contracts.registry.OrganisationChanged;
import it.osservatorio.contracts.registry.OrganisationChanged.Address;
import it.osservatorio.contracts.registry.OrganisationChanged.Change;
import it.osservatorio.contracts.registry.OrganisationChanged.OrganisationType;
import java.time.Instant;
import java.util.List;

/** Builders of valid events, one per event type, for tests in any module. */
public final class EventFixture {

    private EventFixture() {}

    public static OrganisationChangedBuilder organisationChanged() {
        return new OrganisationChangedBuilder();
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
