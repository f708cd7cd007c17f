package it.osservatorio.registry.importing;

import static it.osservatorio.registry.importing.ImportRowFixture.aRow;
import static org.assertj.core.api.Assertions.assertThat;

import it.osservatorio.registry.importing.domain.RowMapper;
import it.osservatorio.registry.importing.domain.RowProblem;
import it.osservatorio.registry.organisation.domain.OrganisationType;
import it.osservatorio.registry.organisation.domain.SizeClass;
import org.junit.jupiter.api.Test;

class RowMapperTest {

    @Test
    void shouldMapEveryColumnWhenRowIsValid() {
        RowMapper.MappedRow mapped = RowMapper.map(
                aRow().with("externalId", " crm-1 ").with("synthetic", "TRUE").build());

        assertThat(mapped.isValid()).isTrue();
        assertThat(mapped.details().type()).isEqualTo(OrganisationType.IMPRESA);
        assertThat(mapped.details().sizeClass()).isEqualTo(SizeClass.PICCOLA);
        assertThat(mapped.details().ecosystems()).containsExactly("Nutrizione", "Agroalimentare");
        assertThat(mapped.details().externalId()).isEqualTo("crm-1");
        assertThat(mapped.details().synthetic()).isTrue();
        assertThat(mapped.details().address().comuneIstat()).isEqualTo("019097");
        assertThat(mapped.details().category()).isNull();
    }

    @Test
    void shouldReportEveryFieldWithApiMessagesWhenRowIsInvalid() {
        RowMapper.MappedRow mapped = RowMapper.map(aRow().row(7)
                .with("legalName", "")
                .with("partitaIva", "12345678901")
                .with("comuneIstat", "19036")
                .with("province", "Cremona")
                .build());

        assertThat(mapped.isValid()).isFalse();
        assertThat(mapped.problems()).extracting(RowProblem::row).containsOnly(7);
        assertThat(mapped.problems())
                .extracting(RowProblem::field)
                .containsExactlyInAnyOrder("legalName", "partitaIva", "comuneIstat", "province");
        assertThat(mapped.problems())
                .filteredOn(p -> p.field().equals("partitaIva"))
                .first()
                .extracting(RowProblem::message)
                .asString()
                .contains("wrong check digit");
        assertThat(mapped.problems())
                .filteredOn(p -> p.field().equals("legalName"))
                .extracting(RowProblem::message)
                .containsExactly("is required: the registered legal name (ragione sociale)");
    }

    @Test
    void shouldNameAllowedValuesWhenEnumOrBooleanIsUnknown() {
        RowMapper.MappedRow mapped = RowMapper.map(aRow().with("type", "STARTUP")
                .with("sizeClass", "ENORME")
                .with("synthetic", "forse")
                .build());

        assertThat(mapped.problems())
                .extracting(RowProblem::field, RowProblem::message)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(
                                "type", "must be one of IMPRESA, ORGANISMO_DI_RICERCA, ALTRO_ENTE"),
                        org.assertj.core.groups.Tuple.tuple(
                                "sizeClass", "must be one of MICRO, PICCOLA, MEDIA, GRANDE"),
                        org.assertj.core.groups.Tuple.tuple("synthetic", "must be true or false"));
    }

    @Test
    void shouldAcceptLowerCaseEnumsWhenTheyNameAValue() {
        RowMapper.MappedRow mapped = RowMapper.map(aRow().with("type", "altro_ente")
                .with("sizeClass", "")
                .with("category", "fondazione")
                .build());

        assertThat(mapped.problems()).isEmpty();
        assertThat(mapped.details().type()).isEqualTo(OrganisationType.ALTRO_ENTE);
    }
}
