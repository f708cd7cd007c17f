package it.osservatorio.registry.demo;

import com.fasterxml.jackson.annotation.JsonInclude;
import it.osservatorio.registry.demo.DemoDataset.DemoMembership;
import it.osservatorio.registry.demo.DemoDataset.DemoNetwork;
import it.osservatorio.registry.demo.DemoDataset.DemoOrganisation;
import it.osservatorio.registry.demo.DemoDataset.TypeCounts;
import it.osservatorio.registry.membership.domain.MembershipRole;
import it.osservatorio.registry.network.domain.NetworkDetails;
import it.osservatorio.registry.network.domain.NetworkKind;
import it.osservatorio.registry.organisation.domain.Address;
import it.osservatorio.registry.organisation.domain.OrganisationCategory;
import it.osservatorio.registry.organisation.domain.OrganisationDetails;
import it.osservatorio.registry.organisation.domain.OrganisationType;
import it.osservatorio.registry.organisation.domain.SizeClass;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds {@code registry-demo.json} from the facts of {@code shared/reference-data} (transcribed below, each with its
 * source) and a seeded random generator for the synthetic members, so the output is the same on every run.
 * {@code DemoDatasetTest} fails when the checked-in file differs; regenerate it with
 * {@code mvn -o -q test -pl registry-service -Dtest=DemoDatasetTest -Ddemo.regenerate=true}.
 */
public final class DemoDataGenerator {

    static final long SEED = 20260217L;

    /** Clusters: the report prints its 2022 projects; members are valid from this date (see the notes). */
    static final LocalDate CLUSTER_MEMBERS_FROM = LocalDate.of(2022, 1, 1);

    /** Filiere: the working paper (000) dates from about 2022. */
    static final LocalDate FILIERA_ACTORS_FROM = LocalDate.of(2022, 1, 1);

    /** The news item (002) of the day Regione Lombardia took note of the new cosmetics cluster. */
    static final LocalDate COSMETICS_FOUNDED = LocalDate.of(2026, 2, 17);

    /** Office code of the synthetic Partite IVA: not one the Agenzia delle Entrate assigns (see ADR 0013). */
    static final String SYNTHETIC_VAT_OFFICE = "700";

    /** First two digits of the matricola of every synthetic Partita IVA. */
    static final String SYNTHETIC_VAT_PREFIX = "99";

    private static final String SRC_003 = "003_5aafe0354b664389.txt";
    private static final String SRC_002 = "002_e0acd66d3fca0ec1.txt";
    private static final String SRC_000 = "000_456b4a6777d10b80.txt";
    private static final String LOMBARDIA = "Lombardia";

    /** Real comuni of Lombardy with their ISTAT codes (ISTAT, elenco dei comuni). */
    static final List<Address> COMUNI = List.of(
            comune("Milano", "015146", "MI"),
            comune("Bergamo", "016024", "BG"),
            comune("Brescia", "017029", "BS"),
            comune("Como", "013075", "CO"),
            comune("Cremona", "019036", "CR"),
            comune("Crema", "019035", "CR"),
            comune("Lecco", "097042", "LC"),
            comune("Lodi", "098031", "LO"),
            comune("Mantova", "020030", "MN"),
            comune("Monza", "108033", "MB"),
            comune("Pavia", "018110", "PV"),
            comune("Sondrio", "014061", "SO"),
            comune("Varese", "012133", "VA"));

    /** Comuni of the province of Cremona, for the actors of the Cremona filiere. */
    static final List<Address> COMUNI_CREMONESI = List.of(
            comune("Cremona", "019036", "CR"),
            comune("Crema", "019035", "CR"),
            comune("Casalmaggiore", "019021", "CR"),
            comune("Soresina", "019097", "CR"));

    private final Random random = new Random(SEED);
    private final List<DemoNetwork> networks = new ArrayList<>();
    private final List<DemoOrganisation> organisations = new ArrayList<>();
    private final List<DemoMembership> memberships = new ArrayList<>();
    private int vatSerial;

    private DemoDataGenerator() {}

    public static DemoDataset generate() {
        return new DemoDataGenerator().build();
    }

    public static JsonMapper mapper() {
        // absent means null or empty: the file stays readable and about half as long
        return JsonMapper.builder()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .changeDefaultPropertyInclusion(
                        inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_EMPTY))
                .build();
    }

    public static String toJson(DemoDataset dataset) {
        return mapper().writeValueAsString(dataset) + "\n";
    }

    /** Writes the dataset to the given file (by default the resource in this module's source tree). */
    public static void main(String[] args) throws IOException {
        Path target =
                Path.of(args.length > 0 ? args[0] : "registry-service/src/main/resources/" + DemoDataset.RESOURCE);
        Files.createDirectories(target.getParent());
        Files.writeString(target, toJson(generate()), StandardCharsets.UTF_8);
    }

    private DemoDataset build() {
        clusters();
        cosmeticsCluster();
        filiere();
        return new DemoDataset(notes(), List.copyOf(networks), List.copyOf(organisations), List.copyOf(memberships));
    }

    // ---- the nine Cluster Tecnologici Lombardi (003), clusters.json "clusters" ----

    private void clusters() {
        cluster(
                "AFIL",
                "AFIL",
                "Associazione Fabbrica Intelligente Lombardia",
                "Smart Factory Lombardy Association",
                List.of("Manifatturiero Avanzato"),
                List.of("Advanced Manufacturing Technologies"),
                List.of("Via Stezzano, 87 – 24126 Bergamo", "Via G. Colombo, 83 – 20133 Milano"),
                "www.afil.it",
                new TypeCounts(116, 14, 14),
                "28.99",
                List.of());
        cluster(
                "AGRIFOOD",
                null,
                "Cluster Alta Tecnologia Agrifood Lombardia",
                "Agrifood High Technology Cluster Lombardy",
                List.of("Nutrizione"),
                // the printed area (a 211-character sentence) exceeds the 200-character limit: see the notes
                List.of(),
                List.of("Via Einstein – loc. Cascina Codazza – 26900 Lodi"),
                "www.clusteragrofoodlombardia.eu",
                new TypeCounts(4, 4, 6),
                "10.89",
                List.of());
        cluster(
                "CLM",
                "CLM",
                "Cluster Lombardo della Mobilità",
                "Lombardy Mobility Cluster",
                List.of("Mobilità Sostenibile"),
                List.of("Smart Mobility e Architecture"),
                List.of("Via Cefalonia, 60 – 25124 Brescia"),
                "www.clusterlombardomobilita.it",
                new TypeCounts(70, 4, 9),
                "29.32",
                List.of());
        cluster(
                "CLSV",
                null,
                "Cluster Lombardo Scienze della Vita",
                "Lombardy Life Sciences Cluster",
                List.of("Salute e Life Science"),
                List.of("Medical Device", "Digital Health", "Salute e Benessere", "Farmaceutica", "Biotecnologie"),
                List.of("Via Pantano, 9 – 20122 Milano"),
                "www.lombardialifesciences.it",
                new TypeCounts(61, 38, 11),
                "21.20",
                List.of());
        cluster(
                "TAV",
                "TAV",
                "Fondazione Cluster Lombardo Tecnologie per gli Ambienti di Vita",
                "Lombardy Cluster Foundation for Living Environment Technologies",
                List.of("Salute e Life Science"),
                List.of(
                        "Salute e Benessere",
                        "Digital Health",
                        "Medicina Personalizzata",
                        "Riabilitazione",
                        "Nutrizione",
                        "Invecchiamento Attivo",
                        "Health Tourism & Sport",
                        "Ambienti di Vita del Futuro"),
                List.of("Viale Tonale, 28/30 – 23900 Lecco"),
                "www.cluster.techforlife.it",
                new TypeCounts(19, 12, 8),
                "32.50",
                List.of());
        cluster(
                "SCC",
                "SCC",
                "Fondazione Cluster Tecnologie per le Smart Cities & Communities Lombardia",
                "Lombardy Smart Cities & Communities Technology Cluster Foundation",
                List.of(
                        "Salute e Life Science",
                        "Cultura e conoscenza",
                        "Connettività e Informazione",
                        "Smart Mobility e Architecture",
                        "Sostenibilità",
                        "Sviluppo Sociale"),
                List.of("Sistemi Digitali"),
                List.of("Via Giovanni Durando, 38 - 20158 Milano"),
                "www.clusterscclombardia.it",
                new TypeCounts(52, 8, 12),
                "62.01",
                List.of());
        cluster(
                "LAC",
                "LAC",
                "Lombardia Aerospace Cluster",
                "Lombardy Aerospace Cluster",
                List.of("Smart Mobility e Architecture", "Connettività e Informazione"),
                List.of("Aerospazio"),
                List.of("Piazza Monte Grappa, 5 – 21100 Varese"),
                "www.aerospacelombardia.it",
                new TypeCounts(91, 6, 2),
                "30.30",
                List.of());
        // 003: "I partner del progetto FANGHI sono A2A Ambiente - capofila - Brianzacque S.r.l., Istituto di
        // Ricerche Farmacologiche Mario Negri IRCCS, Lariana Depur S.p.A., MM S.p.A, TCR Tecora S.r.l., tutti
        // associati a Lombardy Energy Cleantech Cluster"
        Address leSeat = comune("Milano", "015146", "MI");
        String leBasis = "member as stated in 003 (FANGHI project, 'tutti associati a Lombardy Energy Cleantech"
                + " Cluster'); comune assumed: Milano, the cluster's seat (the sources give no address)";
        cluster(
                "LE2C",
                "LE2C",
                "Lombardy Energy Cleantech Cluster",
                "Lombardy Energy Cleantech Cluster",
                List.of("Sostenibilità"),
                List.of(
                        "Water Energy Nexus – gestione e depurazione delle acque",
                        "Smart Energy Systems – produzione e distribuzione di energia",
                        "Green Building",
                        "Sustainable Manufacturing",
                        "Clean Air",
                        "Circular Economy"),
                List.of("Via Pantano, 9 – 20122 Milano"),
                "www.energycluster.it",
                new TypeCounts(109, 12, 23),
                "35.11",
                List.of(
                        real("ORG-061", "A2A Ambiente", OrganisationType.IMPRESA, null, leSeat, leBasis),
                        real("ORG-062", "Brianzacque S.r.l.", OrganisationType.IMPRESA, null, leSeat, leBasis),
                        real("ORG-063", "Lariana Depur S.p.A.", OrganisationType.IMPRESA, null, leSeat, leBasis),
                        real("ORG-064", "MM S.p.A", OrganisationType.IMPRESA, null, leSeat, leBasis),
                        real("ORG-065", "TCR Tecora S.r.l.", OrganisationType.IMPRESA, null, leSeat, leBasis),
                        real(
                                "ORG-045",
                                "Istituto di Ricerche Farmacologiche Mario Negri IRCCS",
                                OrganisationType.ORGANISMO_DI_RICERCA,
                                OrganisationCategory.CENTRO_DI_RICERCA,
                                leSeat,
                                leBasis)));
        cluster(
                "LGCA",
                "LGCA",
                "Lombardy Green Chemistry Association",
                "Lombardy Green Chemistry Association",
                List.of("Sostenibilità"),
                List.of("Chimica Sostenibile", "Bioraffinerie", "Bioeconomia del futuro"),
                List.of("Piazza della Trivulziana, 4/A – 20126 Milano"),
                "www.chimicaverdelombardia.it",
                new TypeCounts(33, 11, 6),
                "20.14",
                List.of());
    }

    private void cluster(
            String id,
            String acronym,
            String name,
            String nameEn,
            List<String> ecosystems,
            List<String> technologyAreas,
            List<String> seats,
            String website,
            TypeCounts published,
            String syntheticAteco,
            List<DemoOrganisation> namedMembers) {
        String key = "demo:cluster:" + id;
        NetworkDetails details = new NetworkDetails(
                acronym,
                name,
                nameEn,
                ecosystems,
                technologyAreas,
                null,
                null,
                "Riconosciuto da Regione Lombardia: uno dei 9 Cluster Tecnologici Lombardi",
                website,
                seats,
                null);
        networks.add(new DemoNetwork(
                key,
                NetworkKind.CLUSTER,
                published.total(),
                published,
                SRC_003 + ", " + id + " page ('NUMERO ASSOCIATI ... di cui imprese / organismi di ricerca / altri"
                        + " enti')",
                details));
        int imprese = published.imprese();
        int research = published.organismiDiRicerca();
        int others = published.altriEnti();
        for (DemoOrganisation member : namedMembers) {
            addOrganisation(member);
            memberships.add(
                    new DemoMembership(member.key(), key, MembershipRole.ASSOCIATE, CLUSTER_MEMBERS_FROM, null));
            switch (member.details().type()) {
                case IMPRESA -> imprese--;
                case ORGANISMO_DI_RICERCA -> research--;
                case ALTRO_ENTE -> others--;
            }
        }
        synthetics(
                id,
                key,
                new TypeCounts(imprese, research, others),
                COMUNI,
                syntheticAteco,
                ecosystems,
                CLUSTER_MEMBERS_FROM);
    }

    // ---- the new cosmetics cluster (002), clusters.json "new_cluster_2026" ----

    private void cosmeticsCluster() {
        String key = "demo:cluster:SISTEMA-COSMETICO";
        NetworkDetails details = new NetworkDetails(
                null,
                "Cluster Tecnologico Lombardo del Made in Italy – Sistema Cosmetico",
                "Lombardy Made in Italy Technology Cluster – Cosmetics System",
                List.of(),
                List.of(),
                null,
                COSMETICS_FOUNDED.getYear(),
                "La Giunta di Regione Lombardia ha preso atto della costituzione (2026-02-17); avviato l'iter per il"
                        + " riconoscimento ufficiale da parte della Direzione generale Università, Ricerca e"
                        + " Innovazione",
                null,
                List.of(),
                "Crema, Lodi, Milano e Monza (baricentro produttivo e tecnologico)");
        networks.add(new DemoNetwork(
                key, NetworkKind.CLUSTER, null, null, SRC_002 + ", news item dated 2026-02-17", details));
        Address crema = comune("Crema", "019035", "CR");
        Address milano = comune("Milano", "015146", "MI");
        String founder = "socio fondatore as stated in 002";
        String assumedCrema = founder + "; comune assumed: Crema, first of the cluster's territory in 002 (the sources"
                + " give no address)";
        String namedMilano = founder + "; comune: Milano, as in its name";
        List<DemoOrganisation> founders = List.of(
                real(
                        "ORG-076",
                        "REI Reindustria Innovazione",
                        OrganisationType.ALTRO_ENTE,
                        OrganisationCategory.ALTRO,
                        crema,
                        founder + " (soggetto proponente); capofila of the Filiera Cosmetica Lombarda (000); type"
                                + " assumed from 'development_agency' in organisations.json; comune assumed: Crema,"
                                + " first of the cluster's territory in 002 (the sources give no address)"),
                real(
                        "ORG-031",
                        "Politecnico di Milano",
                        OrganisationType.ORGANISMO_DI_RICERCA,
                        OrganisationCategory.UNIVERSITA,
                        milano,
                        namedMilano),
                real(
                        "ORG-032",
                        "Università degli Studi di Milano",
                        OrganisationType.ORGANISMO_DI_RICERCA,
                        OrganisationCategory.UNIVERSITA,
                        milano,
                        namedMilano),
                real(
                        "ORG-033",
                        "Università degli Studi di Milano-Bicocca",
                        OrganisationType.ORGANISMO_DI_RICERCA,
                        OrganisationCategory.UNIVERSITA,
                        milano,
                        namedMilano),
                real("ORG-055", "Ancorotti Cosmetics", OrganisationType.IMPRESA, null, crema, assumedCrema),
                real("ORG-056", "Regi", OrganisationType.IMPRESA, null, crema, assumedCrema),
                real("ORG-057", "Lumson", OrganisationType.IMPRESA, null, crema, assumedCrema));
        for (DemoOrganisation member : founders) {
            addOrganisation(member);
            memberships.add(new DemoMembership(member.key(), key, MembershipRole.FOUNDER, COSMETICS_FOUNDED, null));
        }
    }

    // ---- the six filiere of the Cremona area (000), filiere.json ----

    private void filiere() {
        Address cremona = comune("Cremona", "019036", "CR");
        String lead = "capofila as stated in 000";
        String assumedCremona = "; comune assumed: Cremona, the area of the filiera (the sources give no address)";
        filiera(
                "FIL-GOLDENAGE",
                "Filiera della Golden Age",
                "Golden Age (senior care) supply chain",
                15,
                real(
                        "ORG-004",
                        "Camera di Commercio di Cremona",
                        OrganisationType.ALTRO_ENTE,
                        OrganisationCategory.CAMERA_DI_COMMERCIO,
                        cremona,
                        lead + "; comune: Cremona, as in its name"),
                "88.10");
        filiera(
                "FIL-COSMETICA",
                "Filiera Cosmetica Lombarda",
                "Lombardy cosmetics supply chain",
                36,
                organisation("demo:org:ORG-076"),
                "20.42");
        filiera(
                "FIL-AGROZOOTECNICA",
                "Filiera Agrozootecnica",
                "Agri-livestock supply chain",
                21,
                real(
                        "ORG-079",
                        "CRIT",
                        OrganisationType.ALTRO_ENTE,
                        OrganisationCategory.ALTRO,
                        cremona,
                        lead + "; type assumed (the sources do not state it: ALTRO_ENTE, ALTRO)" + assumedCremona),
                "01.41");
        filiera(
                "FIL-MUSICA",
                "Filiera della Musica",
                "Music supply chain",
                14,
                real(
                        "ORG-075",
                        "CremonaFiere",
                        OrganisationType.IMPRESA,
                        null,
                        cremona,
                        lead + " (as 'Cremona Fiere'); 'Fiera S.p.a.' in 001; comune: Cremona, as in its name"),
                "32.20");
        filiera(
                "FIL-ARTEORGANARIA",
                "Filiera produttiva dell'Arte Organaria",
                "Organ-building supply chain",
                23,
                real(
                        "ORG-080",
                        "Libera Associazione Artigiani",
                        OrganisationType.ALTRO_ENTE,
                        OrganisationCategory.ASSOCIAZIONE,
                        cremona,
                        lead + "; type from 'business_association'" + assumedCremona),
                "32.20");
        filiera(
                "FIL-METALMECCANICA",
                "Filiera Metalmeccanica",
                "Metal-mechanical supply chain",
                27,
                real(
                        "ORG-054",
                        "AP srl",
                        OrganisationType.IMPRESA,
                        null,
                        comune("Casalmaggiore", "019021", "CR"),
                        lead + " as 'AP srl (Casalmaggiore)'; comune: Casalmaggiore, as stated"),
                "25.62");
    }

    private void filiera(String id, String name, String nameEn, int actors, DemoOrganisation lead, String ateco) {
        String key = "demo:filiera:" + id;
        NetworkDetails details = new NetworkDetails(
                null,
                name,
                nameEn,
                List.of(),
                List.of(),
                lead.details().legalName(),
                null,
                "Riconosciuta da Regione Lombardia (Manifestazione di interesse per il rafforzamento delle filiere"
                        + " produttive)",
                null,
                List.of(),
                "Area di Cremona");
        networks.add(new DemoNetwork(
                key,
                NetworkKind.FILIERA,
                actors,
                null,
                SRC_000 + ", 'Riconoscimento filiere da parte di Regione Lombardia' (capofila, attori coinvolti)",
                details));
        if (organisations.stream().noneMatch(o -> o.key().equals(lead.key()))) {
            addOrganisation(lead);
        }
        memberships.add(new DemoMembership(lead.key(), key, MembershipRole.LEAD, FILIERA_ACTORS_FROM, null));
        int others = actors - 1;
        int research = Math.max(1, others / 10);
        int bodies = Math.max(1, others / 10);
        synthetics(
                id,
                key,
                new TypeCounts(others - research - bodies, research, bodies),
                COMUNI_CREMONESI,
                ateco,
                List.of(),
                FILIERA_ACTORS_FROM);
    }

    // ---- synthetic members ----

    private void synthetics(
            String networkId,
            String networkKey,
            TypeCounts counts,
            List<Address> comuni,
            String ateco,
            List<String> ecosystems,
            LocalDate from) {
        for (int i = 1; i <= counts.imprese(); i++) {
            SizeClass size = size(random.nextInt(100));
            synthetic(
                    networkKey,
                    "demo:synthetic:" + networkId + ":impresa:" + pad(i),
                    "Impresa sintetica " + networkId + " " + pad(i),
                    OrganisationType.IMPRESA,
                    size,
                    null,
                    ateco,
                    pick(comuni),
                    ecosystems,
                    from);
        }
        for (int i = 1; i <= counts.organismiDiRicerca(); i++) {
            OrganisationCategory category =
                    random.nextInt(3) == 0 ? OrganisationCategory.UNIVERSITA : OrganisationCategory.CENTRO_DI_RICERCA;
            synthetic(
                    networkKey,
                    "demo:synthetic:" + networkId + ":ricerca:" + pad(i),
                    "Organismo di ricerca sintetico " + networkId + " " + pad(i),
                    OrganisationType.ORGANISMO_DI_RICERCA,
                    null,
                    category,
                    null,
                    pick(comuni),
                    ecosystems,
                    from);
        }
        List<OrganisationCategory> bodies = List.of(
                OrganisationCategory.ASSOCIAZIONE,
                OrganisationCategory.FONDAZIONE,
                OrganisationCategory.ENTE_PUBBLICO,
                OrganisationCategory.CONSORZIO,
                OrganisationCategory.ENTE_DI_FORMAZIONE);
        for (int i = 1; i <= counts.altriEnti(); i++) {
            synthetic(
                    networkKey,
                    "demo:synthetic:" + networkId + ":ente:" + pad(i),
                    "Ente sintetico " + networkId + " " + pad(i),
                    OrganisationType.ALTRO_ENTE,
                    null,
                    bodies.get(random.nextInt(bodies.size())),
                    null,
                    pick(comuni),
                    ecosystems,
                    from);
        }
    }

    private void synthetic(
            String networkKey,
            String key,
            String name,
            OrganisationType type,
            SizeClass size,
            OrganisationCategory category,
            String ateco,
            Address comune,
            List<String> ecosystems,
            LocalDate from) {
        OrganisationDetails details = new OrganisationDetails(
                name, type, size, category, nextVat(), null, ateco, comune, null, ecosystems, key, true);
        addOrganisation(new DemoOrganisation(null, "synthetic: generated to complete the published count", details));
        memberships.add(new DemoMembership(key, networkKey, MembershipRole.ASSOCIATE, from, null));
    }

    /** Roughly the Italian mix of firms in clusters: many small, few large. */
    private static SizeClass size(int percentile) {
        if (percentile < 35) {
            return SizeClass.MICRO;
        }
        if (percentile < 70) {
            return SizeClass.PICCOLA;
        }
        if (percentile < 90) {
            return SizeClass.MEDIA;
        }
        return SizeClass.GRANDE;
    }

    private String nextVat() {
        vatSerial++;
        return syntheticPartitaIva(vatSerial);
    }

    /** {@code 99} + five-digit serial + office {@code 700} + check digit. */
    static String syntheticPartitaIva(int serial) {
        if (serial < 1 || serial > 99_999) {
            throw new IllegalArgumentException("serial must be 1..99999, got " + serial);
        }
        String firstTen = SYNTHETIC_VAT_PREFIX + "%05d".formatted(serial) + SYNTHETIC_VAT_OFFICE;
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            int digit = firstTen.charAt(i) - '0';
            if (i % 2 == 1) {
                digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
            }
            sum += digit;
        }
        return firstTen + (10 - sum % 10) % 10;
    }

    // ---- helpers ----

    private static DemoOrganisation real(
            String reference,
            String name,
            OrganisationType type,
            OrganisationCategory category,
            Address address,
            String basis) {
        OrganisationDetails details = new OrganisationDetails(
                name, type, null, category, null, null, null, address, null, List.of(), "demo:org:" + reference, false);
        return new DemoOrganisation(reference, basis, details);
    }

    private void addOrganisation(DemoOrganisation organisation) {
        organisation.details().validate();
        organisations.add(organisation);
    }

    private DemoOrganisation organisation(String key) {
        return organisations.stream()
                .filter(o -> o.key().equals(key))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no organisation " + key));
    }

    private Address pick(List<Address> comuni) {
        return comuni.get(random.nextInt(comuni.size()));
    }

    private static String pad(int number) {
        return "%03d".formatted(number);
    }

    private static Address comune(String name, String istat, String province) {
        return new Address(null, name, istat, province, LOMBARDIA);
    }

    private static List<String> notes() {
        return List.of(
                "Sources: shared/reference-data (clusters.json, filiere.json, organisations.json), taken from the seeds"
                        + " 003 (Cluster Tecnologici Lombardi, 2022 projects), 002 (news item of 2026-02-17) and 000"
                        + " (Cremona working paper, c. 2022). Nothing is invented: a field the sources do not give is"
                        + " null or empty; every assumption is stated here or in an organisation's 'basis'.",
                "Clusters: the 9 CTL with members per type exactly as printed in 003 (total 755 = 555 imprese + 109"
                        + " organismi di ricerca + 91 altri enti), acronyms as in clusters.json (none printed for"
                        + " AGRIFOOD and CLSV), no managing body and no founding year (003 prints none). Plus the new"
                        + " Cluster Tecnologico Lombardo del Made in Italy – Sistema Cosmetico (002): founding year"
                        + " 2026, its seven soci fondatori as FOUNDER members from 2026-02-17; 002 prints no member"
                        + " count, so it has no synthetic members.",
                "AGRIFOOD's technology area is printed as a 211-character sentence ('Filiera agroalimentare lombarda"
                        + " che favorisce la collaborazione ...'); it exceeds the registry's 200-character limit for a"
                        + " technology area and is left out rather than shortened.",
                "Named members: the only organisations the sources call members of a CTL are the six FANGHI partners"
                        + " of LE2C (003: 'tutti associati a Lombardy Energy Cleantech Cluster'); they count towards"
                        + " LE2C's printed split (5 imprese, 1 organismo di ricerca). Their Partita IVA and codice"
                        + " fiscale are left empty (the sources print none); they are identified by their externalId.",
                "Filiere: the six Cremona filiere of 000 with capofila and actors (15 + 36 + 21 + 14 + 23 + 27 ="
                        + " 136). The capofila is counted as one of the actors and is a LEAD member. Assumption: 000"
                        + " prints no split by type, so the other actors of each filiera are generated as"
                        + " max(1, n/10) organismi di ricerca, max(1, n/10) altri enti and the rest imprese (n ="
                        + " actors - 1). Each actor sits in one filiera only.",
                "Membership dates: the sources print no joining dates. Cluster members are valid from 2022-01-01 (the"
                        + " report describes the clusters with their 2022 projects: a member on that date, not one"
                        + " who joined on it); filiera actors from 2022-01-01 (000 dates from about 2022); the"
                        + " cosmetics founders from 2026-02-17 (002). None has an end date.",
                "Synthetic organisations: synthetic = true, externalId demo:synthetic:<network>:<type>:<nnn>, names"
                        + " such as 'Impresa sintetica AFIL 017', a real Lombard comune with its ISTAT code, size"
                        + " class, category and ATECO code drawn from a seeded random generator (seed " + SEED
                        + "). Each belongs to one network only.",
                "Synthetic Partita IVA: 99 + a five-digit serial + office code 700 + the check digit. Digits 8-10"
                        + " of a Partita IVA are the issuing office; 700 is not an office code the Agenzia delle"
                        + " Entrate assigns (001-100 provincial offices, 120-121 and 888/999 special), so no real"
                        + " company can hold one of these numbers.",
                "Idempotency: every organisation has an externalId starting with demo:, networks match on acronym,"
                        + " else on kind and name; the loader writes only what differs from this file.");
    }
}
