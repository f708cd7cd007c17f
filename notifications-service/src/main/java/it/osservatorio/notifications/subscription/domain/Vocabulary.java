package it.osservatorio.notifications.subscription.domain;

import it.osservatorio.contracts.projects.ProjectChanged;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The values criteria may name: programmes of the contracts, the pact's 8 axes, the S3 ecosystems of Lombardy, the
 * beneficiary types calls list, the 12 Lombard provinces. Values are compared folded (accents and case ignored) and
 * stored in their canonical spelling.
 */
public final class Vocabulary {

    public static final int AXES = 8;

    public static final List<String> PROGRAMMES =
            Arrays.stream(ProjectChanged.ProgrammeKind.values()).map(Enum::name).toList();

    /** The ecosystems of the regional S3 strategy as the cluster reports spell them. */
    public static final List<String> ECOSYSTEMS = List.of(
            "Manifatturiero Avanzato",
            "Sostenibilità",
            "Salute e Life Science",
            "Nutrizione",
            "Sviluppo Sociale",
            "Connettività e Informazione",
            "Smart Mobility e Architecture",
            "Cultura e conoscenza",
            "Mobilità Sostenibile");

    /** The registry's organisation types, and clusters themselves (the regional call for the clusters). */
    public static final List<String> BENEFICIARY_TYPES =
            List.of("IMPRESA", "ORGANISMO_DI_RICERCA", "ALTRO_ENTE", "CLUSTER");

    /** Lombard provinces by code, and the ISTAT province number that starts each comune code. */
    public static final Map<String, String> PROVINCES_BY_ISTAT = provinces();

    public static final List<String> PROVINCES =
            PROVINCES_BY_ISTAT.values().stream().sorted().toList();

    private Vocabulary() {}

    private static Map<String, String> provinces() {
        Map<String, String> byIstat = new LinkedHashMap<>();
        byIstat.put("012", "VA");
        byIstat.put("013", "CO");
        byIstat.put("014", "SO");
        byIstat.put("015", "MI");
        byIstat.put("016", "BG");
        byIstat.put("017", "BS");
        byIstat.put("018", "PV");
        byIstat.put("019", "CR");
        byIstat.put("020", "MN");
        byIstat.put("097", "LC");
        byIstat.put("098", "LO");
        byIstat.put("108", "MB");
        return Map.copyOf(byIstat);
    }

    /** The canonical spelling of a value among the allowed ones, compared folded. */
    public static Optional<String> canonical(List<String> allowed, String value) {
        String folded = Texts.fold(value);
        return allowed.stream().filter(a -> Texts.fold(a).equals(folded)).findFirst();
    }

    /** The province code of a six-digit ISTAT comune code, when the comune is in Lombardy. */
    public static Optional<String> provinceOfComune(String comuneIstat) {
        if (comuneIstat == null || comuneIstat.length() != 6) {
            return Optional.empty();
        }
        return Optional.ofNullable(PROVINCES_BY_ISTAT.get(comuneIstat.substring(0, 3)));
    }
}
