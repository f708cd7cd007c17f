package it.osservatorio.registry.network;

import it.osservatorio.registry.network.domain.NetworkDetails;
import java.util.List;

/** Valid network details (the AFIL cluster) unless a field is changed. */
public final class NetworkDetailsFixture {

    private String acronym = "AFIL";
    private String name = "Associazione Fabbrica Intelligente Lombardia";
    private String nameEn = "Intelligent Factory Association of Lombardy";
    private List<String> ecosystems = List.of("Manifattura avanzata");
    private List<String> technologyAreas = List.of("Robotica collaborativa", "Additive manufacturing");
    private String managingBody = "AFIL - Associazione Fabbrica Intelligente Lombardia";
    private Integer foundingYear = 2014;
    private String recognitionStatus = "Cluster Tecnologico Lombardo riconosciuto da Regione Lombardia";
    private String website = "https://www.afil.it";
    private List<String> seats = List.of("Milano");
    private String territory;

    public static NetworkDetailsFixture aCluster() {
        return new NetworkDetailsFixture();
    }

    public NetworkDetailsFixture acronym(String acronym) {
        this.acronym = acronym;
        return this;
    }

    public NetworkDetailsFixture name(String name) {
        this.name = name;
        return this;
    }

    public NetworkDetailsFixture ecosystems(List<String> ecosystems) {
        this.ecosystems = ecosystems;
        return this;
    }

    public NetworkDetailsFixture technologyAreas(List<String> technologyAreas) {
        this.technologyAreas = technologyAreas;
        return this;
    }

    public NetworkDetailsFixture foundingYear(Integer foundingYear) {
        this.foundingYear = foundingYear;
        return this;
    }

    public NetworkDetailsFixture website(String website) {
        this.website = website;
        return this;
    }

    public NetworkDetailsFixture seats(List<String> seats) {
        this.seats = seats;
        return this;
    }

    public NetworkDetailsFixture territory(String territory) {
        this.territory = territory;
        return this;
    }

    public NetworkDetails build() {
        return new NetworkDetails(
                acronym,
                name,
                nameEn,
                ecosystems,
                technologyAreas,
                managingBody,
                foundingYear,
                recognitionStatus,
                website,
                seats,
                territory);
    }
}
