package it.osservatorio.indicators.memberstatistics.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.osservatorio.contracts.registry.OrganisationChanged.OrganisationType;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MemberCountTest {

    @Test
    void shouldListEveryTypeWithZeroWhenSomeTypesHaveNoMembers() {
        MemberCount count = MemberCount.of(null, Map.of(OrganisationType.IMPRESA, 4L));

        assertThat(count.byType())
                .containsExactly(
                        Map.entry(OrganisationType.IMPRESA, 4L),
                        Map.entry(OrganisationType.ORGANISMO_DI_RICERCA, 0L),
                        Map.entry(OrganisationType.ALTRO_ENTE, 0L));
        assertThat(count.total()).isEqualTo(4);
    }

    @Test
    void shouldAddUpEveryTypeWhenComputingTheTotal() {
        MemberCount count = MemberCount.of(
                "CR",
                Map.of(
                        OrganisationType.IMPRESA, 120L,
                        OrganisationType.ORGANISMO_DI_RICERCA, 7L,
                        OrganisationType.ALTRO_ENTE, 15L));

        assertThat(count.total()).isEqualTo(142);
        assertThat(count.province()).isEqualTo("CR");
    }

    @Test
    void shouldCountNothingWhenThereAreNoMembers() {
        MemberCount count = MemberCount.of(null, Map.of());

        assertThat(count.total()).isZero();
        assertThat(count.byType()).hasSize(OrganisationType.values().length).containsValue(0L);
    }

    @Test
    void shouldRejectCountWhenItIsNegative() {
        assertThatThrownBy(() -> MemberCount.of(null, Map.of(OrganisationType.ALTRO_ENTE, -1L)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ALTRO_ENTE");
    }
}
