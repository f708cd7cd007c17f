package it.osservatorio.indicators.catalogue.domain;

import static it.osservatorio.indicators.computed.domain.Aggregate.count;
import static it.osservatorio.indicators.computed.domain.Aggregate.sum;
import static it.osservatorio.indicators.computed.domain.Filter.eq;
import static it.osservatorio.indicators.computed.domain.Filter.notIn;

import it.osservatorio.contracts.indicators.IndicatorDirection;
import it.osservatorio.contracts.indicators.IndicatorValueChanged.Kind;
import it.osservatorio.indicators.computed.domain.Aggregate;
import it.osservatorio.indicators.computed.domain.Filter;
import it.osservatorio.indicators.computed.domain.Formula;
import it.osservatorio.indicators.computed.domain.Source;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The computed indicators the platform declares over the registry's and projects-service's events: per axis the
 * projects, committed and spent funding, financial progress and open calls; cluster members per type; and the share of
 * the Cremona area's companies in a cluster or filiera, a proxy of the pact's "Indice di networking" (IND-17).
 */
public final class DeclaredComputedIndicators {

    public static final String PACT_TERRITORY = "PROVINCE:CR";
    public static final String LOMBARDY = "REGION:03";
    private static final String SOURCE_PROJECTS = "projects-service: osservatorio.projects.projects.v1";
    private static final String SOURCE_CALLS = "projects-service: osservatorio.projects.calls.v1";
    private static final String SOURCE_REGISTRY =
            "registry-service: osservatorio.registry.organisations.v1, osservatorio.registry.memberships.v1";
    private static final Filter LIVE_PROJECT = notIn("status", "REVOKED", "WITHDRAWN");
    private static final BigDecimal PERCENT = BigDecimal.valueOf(100);

    private DeclaredComputedIndicators() {}

    public static List<Indicator> all() {
        List<Indicator> indicators = new ArrayList<>();
        for (int axis = 1; axis <= 8; axis++) {
            Filter onAxis = eq("axis", String.valueOf(axis));
            indicators.add(computed(
                    "PRJ-COUNT-A" + axis,
                    "Progetti dell'asse " + axis + " (esclusi revocati e ritirati)",
                    "Projects of axis " + axis + " (not revoked or withdrawn)",
                    axis,
                    "progetti",
                    SOURCE_PROJECTS,
                    PACT_TERRITORY,
                    new Formula(Source.PROJECTS, List.of(onAxis, LIVE_PROJECT), count(), null, null)));
            indicators.add(computed(
                    "PRJ-COMMITTED-A" + axis,
                    "Finanziamento impegnato dell'asse " + axis + " (progetti approvati, in corso, conclusi)",
                    "Committed funding of axis " + axis + " (approved, ongoing, completed projects)",
                    axis,
                    "EUR",
                    SOURCE_PROJECTS,
                    PACT_TERRITORY,
                    new Formula(Source.PROJECTS, List.of(onAxis), sum("committed"), null, null)));
            indicators.add(computed(
                    "PRJ-SPENT-A" + axis,
                    "Spesa sostenuta dell'asse " + axis,
                    "Funding spent on axis " + axis,
                    axis,
                    "EUR",
                    SOURCE_PROJECTS,
                    PACT_TERRITORY,
                    new Formula(Source.PROJECTS, List.of(onAxis, LIVE_PROJECT), sum("spent"), null, null)));
            indicators.add(computed(
                    "PRJ-FINPROGRESS-A" + axis,
                    "Avanzamento finanziario dell'asse " + axis + " (spesa / costo totale)",
                    "Financial progress of axis " + axis + " (spent / total cost)",
                    axis,
                    "%",
                    SOURCE_PROJECTS,
                    PACT_TERRITORY,
                    new Formula(
                            Source.PROJECTS, List.of(onAxis, LIVE_PROJECT), sum("spent"), sum("totalCost"), PERCENT)));
            indicators.add(computed(
                    "CALLS-OPEN-A" + axis,
                    "Bandi aperti dell'asse " + axis,
                    "Open calls of axis " + axis,
                    axis,
                    "bandi",
                    SOURCE_CALLS,
                    PACT_TERRITORY,
                    new Formula(Source.CALLS, List.of(onAxis, eq("status", "OPEN")), count(), null, null)));
        }
        for (String[] type : new String[][] {
            {"IMPRESA", "imprese", "companies"},
            {"ORGANISMO_DI_RICERCA", "organismi di ricerca", "research organisations"},
            {"ALTRO_ENTE", "altri enti", "other bodies"}
        }) {
            indicators.add(computed(
                    "CLUSTER-MEMBERS-" + type[0].replace('_', '-'),
                    "Associati ai cluster tecnologici lombardi: " + type[1],
                    "Members of the Lombardy technology clusters: " + type[2],
                    6,
                    "associati",
                    SOURCE_REGISTRY,
                    LOMBARDY,
                    new Formula(
                            Source.ORGANISATIONS,
                            List.of(eq("type", type[0])),
                            sum("clusterMemberships"),
                            null,
                            null)));
        }
        indicators.add(computed(
                "NETWORKING-CR",
                "Imprese dell'area cremonese in cluster o filiere (% sulle imprese registrate; proxy dell'indice di"
                        + " networking)",
                "Cremona-area companies in clusters or supply chains (% of registered companies; proxy of the"
                        + " networking index)",
                6,
                "% imprese registrate",
                SOURCE_REGISTRY,
                PACT_TERRITORY,
                new Formula(
                        Source.ORGANISATIONS,
                        List.of(eq("type", "IMPRESA"), eq("province", "CR")),
                        Aggregate.count(eq("inNetwork", "true")),
                        Aggregate.count(),
                        PERCENT)));
        return indicators;
    }

    private static Indicator computed(
            String code,
            String nameIt,
            String nameEn,
            int axis,
            String unit,
            String source,
            String territory,
            Formula formula) {
        return new Indicator(
                code,
                0,
                nameIt,
                nameEn,
                axis,
                unit,
                IndicatorDirection.HIGHER_IS_BETTER,
                Periodicity.YEAR,
                null,
                null,
                Kind.COMPUTED,
                source,
                "Computed by indicators-service from the events of " + source + "; reported for the year of the"
                        + " latest event",
                "COMPUTED",
                formula,
                territory);
    }
}
