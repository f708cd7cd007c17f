package it.osservatorio.registry.organisation;

import it.osservatorio.registry.organisation.domain.Address;
import it.osservatorio.registry.organisation.domain.OrganisationCategory;
import it.osservatorio.registry.organisation.domain.OrganisationDetails;
import it.osservatorio.registry.organisation.domain.OrganisationType;
import it.osservatorio.registry.organisation.domain.SizeClass;
import it.osservatorio.testing.PartitaIvaFixture;
import java.util.List;

/** Valid organisation details (a medium-sized dairy in Soresina) unless a field is changed. */
public final class OrganisationDetailsFixture {

    public static final Address SORESINA = new Address("Via dei Mille 13", "Soresina", "019097", "CR", "Lombardia");

    private String legalName = "Latteria Soresina Società Cooperativa Agricola";
    private OrganisationType type = OrganisationType.IMPRESA;
    private SizeClass sizeClass = SizeClass.MEDIA;
    private OrganisationCategory category;
    private String partitaIva = PartitaIvaFixture.next();
    private String codiceFiscale;
    private String atecoCode = "10.51";
    private Address address = SORESINA;
    private String website = "https://www.latteriasoresina.it";
    private List<String> ecosystems = List.of("Nutrizione");
    private String externalId;
    private boolean synthetic;

    public static OrganisationDetailsFixture anImpresa() {
        return new OrganisationDetailsFixture();
    }

    public OrganisationDetailsFixture legalName(String legalName) {
        this.legalName = legalName;
        return this;
    }

    public OrganisationDetailsFixture type(OrganisationType type, SizeClass sizeClass, OrganisationCategory category) {
        this.type = type;
        this.sizeClass = sizeClass;
        this.category = category;
        return this;
    }

    public OrganisationDetailsFixture identifiers(String partitaIva, String codiceFiscale) {
        this.partitaIva = partitaIva;
        this.codiceFiscale = codiceFiscale;
        return this;
    }

    public OrganisationDetailsFixture atecoCode(String atecoCode) {
        this.atecoCode = atecoCode;
        return this;
    }

    public OrganisationDetailsFixture address(Address address) {
        this.address = address;
        return this;
    }

    public OrganisationDetailsFixture website(String website) {
        this.website = website;
        return this;
    }

    public OrganisationDetailsFixture ecosystems(List<String> ecosystems) {
        this.ecosystems = ecosystems;
        return this;
    }

    public OrganisationDetailsFixture externalId(String externalId) {
        this.externalId = externalId;
        return this;
    }

    public OrganisationDetailsFixture synthetic(boolean synthetic) {
        this.synthetic = synthetic;
        return this;
    }

    public OrganisationDetails build() {
        return new OrganisationDetails(
                legalName,
                type,
                sizeClass,
                category,
                partitaIva,
                codiceFiscale,
                atecoCode,
                address,
                website,
                ecosystems,
                externalId,
                synthetic);
    }
}
