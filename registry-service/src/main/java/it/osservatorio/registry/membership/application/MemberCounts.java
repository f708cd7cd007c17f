package it.osservatorio.registry.membership.application;

import it.osservatorio.registry.organisation.domain.OrganisationType;
import java.util.Collection;

/** Member organisations split as the reports do: imprese + organismi di ricerca + altri enti = total. */
public record MemberCounts(int imprese, int organismiDiRicerca, int altriEnti, int total) {

    public static final MemberCounts NONE = new MemberCounts(0, 0, 0, 0);

    public static MemberCounts of(Collection<OrganisationType> types) {
        int imprese = 0;
        int ricerca = 0;
        int altri = 0;
        for (OrganisationType type : types) {
            switch (type) {
                case IMPRESA -> imprese++;
                case ORGANISMO_DI_RICERCA -> ricerca++;
                case ALTRO_ENTE -> altri++;
            }
        }
        return new MemberCounts(imprese, ricerca, altri, imprese + ricerca + altri);
    }

    public MemberCounts plus(MemberCounts other) {
        return new MemberCounts(
                imprese + other.imprese,
                organismiDiRicerca + other.organismiDiRicerca,
                altriEnti + other.altriEnti,
                total + other.total);
    }
}
