package it.osservatorio.registry.demo;

import it.osservatorio.registry.network.domain.NetworkDetails;
import it.osservatorio.registry.organisation.domain.OrganisationDetails;

/** A hand edit of a loaded demo record: a copy of its details with one field changed. */
final class DemoEditFixture {

    private DemoEditFixture() {}

    static OrganisationEdit anEditOf(OrganisationDetails details) {
        return new OrganisationEdit(details);
    }

    static NetworkEdit anEditOf(NetworkDetails details) {
        return new NetworkEdit(details);
    }

    static final class OrganisationEdit {
        private final OrganisationDetails d;
        private String legalName;

        private OrganisationEdit(OrganisationDetails details) {
            this.d = details;
            this.legalName = details.legalName();
        }

        OrganisationEdit legalName(String legalName) {
            this.legalName = legalName;
            return this;
        }

        OrganisationDetails build() {
            return new OrganisationDetails(
                    legalName,
                    d.type(),
                    d.sizeClass(),
                    d.category(),
                    d.partitaIva(),
                    d.codiceFiscale(),
                    d.atecoCode(),
                    d.address(),
                    d.website(),
                    d.ecosystems(),
                    d.externalId(),
                    d.synthetic());
        }
    }

    static final class NetworkEdit {
        private final NetworkDetails n;
        private String website;

        private NetworkEdit(NetworkDetails details) {
            this.n = details;
            this.website = details.website();
        }

        NetworkEdit website(String website) {
            this.website = website;
            return this;
        }

        NetworkDetails build() {
            return new NetworkDetails(
                    n.acronym(),
                    n.name(),
                    n.nameEn(),
                    n.ecosystems(),
                    n.technologyAreas(),
                    n.managingBody(),
                    n.foundingYear(),
                    n.recognitionStatus(),
                    website,
                    n.seats(),
                    n.territory());
        }
    }
}
