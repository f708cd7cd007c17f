package it.osservatorio.registry.organisation;

import it.osservatorio.testing.PartitaIvaFixture;

/** JSON bodies of valid organisations, each with a fresh valid Partita IVA unless told otherwise. */
public final class OrganisationRequestFixture {

    private String legalName = "Latteria Soresina Società Cooperativa Agricola";
    private String type = "IMPRESA";
    private String partitaIva = nextPartitaIva();
    private String province = "CR";
    private String comuneIstat = "019097";
    private String atecoCode = "10.51";
    private boolean synthetic;

    public static OrganisationRequestFixture anOrganisation() {
        return new OrganisationRequestFixture();
    }

    public OrganisationRequestFixture legalName(String legalName) {
        this.legalName = legalName;
        return this;
    }

    public OrganisationRequestFixture type(String type) {
        this.type = type;
        return this;
    }

    public OrganisationRequestFixture partitaIva(String partitaIva) {
        this.partitaIva = partitaIva;
        return this;
    }

    public OrganisationRequestFixture province(String province) {
        this.province = province;
        return this;
    }

    public OrganisationRequestFixture comuneIstat(String comuneIstat) {
        this.comuneIstat = comuneIstat;
        return this;
    }

    public OrganisationRequestFixture atecoCode(String atecoCode) {
        this.atecoCode = atecoCode;
        return this;
    }

    public OrganisationRequestFixture synthetic(boolean synthetic) {
        this.synthetic = synthetic;
        return this;
    }

    public String json() {
        return """
                {"legalName":%s,"type":%s,"partitaIva":%s,
                 "address":{"street":"Via dei Mille 13","comune":"Soresina","comuneIstat":%s,"province":%s,
                            "region":"Lombardia"},
                 "website":"https://www.latteriasoresina.it","ecosystems":["Agroalimentare"],"atecoCode":%s,"synthetic":%s}""".formatted(
                        quote(legalName),
                        quote(type),
                        quote(partitaIva),
                        quote(comuneIstat),
                        quote(province),
                        quote(atecoCode),
                        synthetic);
    }

    public String partitaIva() {
        return partitaIva;
    }

    public static String nextPartitaIva() {
        return PartitaIvaFixture.next();
    }

    private static String quote(String value) {
        return value == null ? "null" : "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
