package it.osservatorio.registry.organisation.application;

import static it.osservatorio.registry.organisation.OrganisationFixture.anOrganisation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.osservatorio.platform.web.InvalidFieldException;
import it.osservatorio.registry.organisation.domain.Address;
import it.osservatorio.registry.organisation.domain.Organisation;
import it.osservatorio.registry.organisation.domain.OrganisationCategory;
import it.osservatorio.registry.organisation.domain.OrganisationType;
import it.osservatorio.registry.organisation.domain.SizeClass;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OrganisationSearchIndexTest {

    private static final Address MILANO = new Address("Via Roma 1", "Milano", "015146", "MI", "Lombardia");
    private static final Address CREMA = new Address("Via Mazzini 2", "Crema", "019035", "CR", "Lombardia");

    private final OrganisationSearchIndex index = new OrganisationSearchIndex();

    @Test
    void shouldReturnOnlyMatchesWhenFilteringByEachCriterion() {
        Organisation dairy = add(anOrganisation().details(d -> d.atecoCode("10.51")));
        Organisation software = add(anOrganisation().owner("provincia-cremona").details(d -> d.type(
                        OrganisationType.IMPRESA, SizeClass.PICCOLA, null)
                .atecoCode("62.01.00")
                .address(MILANO)
                .ecosystems(List.of("Connettività e informazione"))
                .synthetic(true)));
        Organisation university = add(anOrganisation()
                .details(d -> d.type(OrganisationType.ORGANISMO_DI_RICERCA, null, OrganisationCategory.UNIVERSITA)
                        .atecoCode(null)
                        .address(CREMA)));

        assertThat(ids(OrganisationFilter.builder().type(OrganisationType.ORGANISMO_DI_RICERCA)))
                .containsExactly(university.id());
        assertThat(ids(OrganisationFilter.builder().sizeClass(SizeClass.PICCOLA)))
                .containsExactly(software.id());
        assertThat(ids(OrganisationFilter.builder().category(OrganisationCategory.UNIVERSITA)))
                .containsExactly(university.id());
        assertThat(ids(OrganisationFilter.builder().province("CR"))).containsExactly(dairy.id(), university.id());
        assertThat(ids(OrganisationFilter.builder().comune("019035"))).containsExactly(university.id());
        assertThat(ids(OrganisationFilter.builder().comune("MILANO"))).containsExactly(software.id());
        assertThat(ids(OrganisationFilter.builder().ecosystem("connettivita e INFORMAZIONE")))
                .containsExactly(software.id());
        assertThat(ids(OrganisationFilter.builder().synthetic(true))).containsExactly(software.id());
        assertThat(ids(OrganisationFilter.builder().synthetic(false))).containsExactly(dairy.id(), university.id());
        assertThat(ids(OrganisationFilter.builder().owner("provincia-cremona"))).containsExactly(software.id());
        assertThat(ids(OrganisationFilter.builder().province("CR").type(OrganisationType.IMPRESA)))
                .containsExactly(dairy.id());
    }

    @Test
    void shouldMatchCodesUnderThePrefixWhenFilteringByAtecoPrefix() {
        Organisation programming = add(anOrganisation().details(d -> d.atecoCode("62.01")));
        Organisation consulting = add(anOrganisation().details(d -> d.atecoCode("62.02.00")));
        Organisation division = add(anOrganisation().details(d -> d.atecoCode("62")));
        add(anOrganisation().details(d -> d.atecoCode("63.11")));

        assertThat(ids(OrganisationFilter.builder().atecoPrefix("62")))
                .containsExactly(programming.id(), consulting.id(), division.id());
        assertThat(ids(OrganisationFilter.builder().atecoPrefix("62.01"))).containsExactly(programming.id());
        assertThat(ids(OrganisationFilter.builder().atecoPrefix("62.0")))
                .containsExactly(programming.id(), consulting.id());
    }

    @Test
    void shouldMatchNameWhenCaseAndAccentsDiffer() {
        Organisation societa = add(anOrganisation().details(d -> d.legalName("Società Agricola Perù S.r.l.")));
        add(anOrganisation().details(d -> d.legalName("Latteria Soresina")));

        assertThat(ids(OrganisationFilter.builder().name("SOCIETA agricola peru")))
                .containsExactly(societa.id());
        assertThat(ids(OrganisationFilter.builder().name("perù"))).containsExactly(societa.id());
        assertThat(ids(OrganisationFilter.builder().name("latteria  soresina"))).hasSize(1);
        assertThat(ids(OrganisationFilter.builder().name("caseificio"))).isEmpty();
    }

    @Test
    void shouldOrderByEveryFieldThenIdWhenSortHasTwoFields() {
        Instant early = Instant.parse("2026-02-01T00:00:00Z");
        Instant late = Instant.parse("2026-03-01T00:00:00Z");
        Organisation alfaEarly = add(anOrganisation().createdAt(early).details(d -> d.legalName("alfa")));
        Organisation alfaLate = add(anOrganisation().createdAt(late).details(d -> d.legalName("Alfa")));
        Organisation beta = add(anOrganisation().createdAt(early).details(d -> d.legalName("Beta")));
        Organisation accented = add(anOrganisation().createdAt(early).details(d -> d.legalName("Àlfa")));

        List<Organisation> page = index.search(
                        OrganisationFilter.ANY, OrganisationSort.parse("legalName,-createdAt"), null, 10)
                .items();

        // accents and case are ignored first, then the exact name orders "Alfa" < "alfa" < "Àlfa"
        assertThat(page)
                .extracting(Organisation::id)
                .containsExactly(alfaLate.id(), alfaEarly.id(), accented.id(), beta.id());
        assertThat(index.search(OrganisationFilter.ANY, OrganisationSort.parse("-createdAt"), null, 1)
                        .items())
                .extracting(Organisation::id)
                .containsExactly(alfaLate.id());
    }

    @Test
    void shouldVisitEveryMatchExactlyOnceInOrderWhenPagingWithCursor() {
        Random random = new Random(4);
        String[] provinces = {"CR", "MI", "BG", "BS"};
        for (int i = 0; i < 500; i++) {
            String name = "Impresa " + (char) ('A' + random.nextInt(26)) + random.nextInt(5);
            Address address = new Address("Via " + i, "Comune", "019036", provinces[random.nextInt(4)], null);
            add(anOrganisation()
                    .createdAt(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(random.nextInt(50)))
                    .details(d -> d.legalName(name).address(address)));
        }
        OrganisationSort sort = OrganisationSort.parse("province,-legalName,createdAt");
        List<Organisation> expected = index.all(OrganisationFilter.ANY, sort);

        List<Organisation> paged = new ArrayList<>();
        String cursor = null;
        do {
            OrganisationSearchIndex.Page page = index.search(OrganisationFilter.ANY, sort, cursor, 7);
            paged.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);

        assertThat(paged).hasSize(500).containsExactlyElementsOf(expected);
        assertThat(expected)
                .isSortedAccordingTo(Comparator.comparing(
                                (Organisation o) -> o.details().address().province())
                        .thenComparing(o -> SearchText.normalize(o.details().legalName()), Comparator.reverseOrder()));
    }

    @Test
    void shouldContinueAfterLastItemWhenOrganisationsChangeBetweenPages() {
        Organisation a = add(anOrganisation().details(d -> d.legalName("A")));
        Organisation b = add(anOrganisation().details(d -> d.legalName("B")));
        Organisation c = add(anOrganisation().details(d -> d.legalName("C")));
        Organisation d = add(anOrganisation().details(f -> f.legalName("D")));
        OrganisationSort byName = OrganisationSort.parse("legalName");
        OrganisationSearchIndex.Page first = index.search(OrganisationFilter.ANY, byName, null, 2);

        index.remove(b.id(), 2);
        add(anOrganisation().details(f -> f.legalName("AA")));
        OrganisationSearchIndex.Page second = index.search(OrganisationFilter.ANY, byName, first.nextCursor(), 2);

        assertThat(first.items()).containsExactly(a, b);
        assertThat(second.items()).containsExactly(c, d);
        assertThat(second.nextCursor()).isNull();
    }

    @Test
    void shouldRejectCursorWhenTamperedOrIssuedForAnotherSort() {
        for (int i = 0; i < 3; i++) {
            add(anOrganisation());
        }
        String cursor = index.search(OrganisationFilter.ANY, OrganisationSort.parse("legalName"), null, 1)
                .nextCursor();
        String tampered = cursor.substring(0, 5) + (cursor.charAt(5) == 'A' ? 'B' : 'A') + cursor.substring(6);

        assertThatThrownBy(() -> index.search(OrganisationFilter.ANY, OrganisationSort.parse("legalName"), tampered, 1))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.problems())
                        .singleElement()
                        .satisfies(p -> assertThat(p.field()).isEqualTo("cursor")));
        assertThatThrownBy(() -> index.search(OrganisationFilter.ANY, OrganisationSort.BY_ID, "garbage!", 1))
                .isInstanceOf(InvalidFieldException.class);
        assertThatThrownBy(() -> index.search(OrganisationFilter.ANY, OrganisationSort.parse("type"), cursor, 1))
                .isInstanceOfSatisfying(
                        InvalidFieldException.class,
                        e -> assertThat(e.problems().getFirst().message()).contains("sort=legalName"));
    }

    @Test
    void shouldNameAllowedFieldsWhenSortFieldIsUnknown() {
        assertThatThrownBy(() -> OrganisationSort.parse("legalName,colour"))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> {
                    assertThat(e.problems().getFirst().field()).isEqualTo("sort");
                    assertThat(e.problems().getFirst().message())
                            .contains("'colour'")
                            .contains("createdAt, legalName, province, type, updatedAt");
                });
        assertThatThrownBy(() -> OrganisationSort.parse("type,-type")).isInstanceOf(InvalidFieldException.class);
    }

    @Test
    void shouldKeepLaterStateWhenUpdatesArriveOutOfOrder() {
        Organisation v1 = anOrganisation().details(d -> d.legalName("Prima")).build();
        Organisation v2 = new Organisation(
                v1.id(),
                2,
                v1.ownerInstitutionId(),
                anOrganisationDetailsNamed("Seconda"),
                v1.createdAt(),
                v1.updatedAt());
        index.put(v2);
        index.put(v1);
        assertThat(ids(OrganisationFilter.builder().name("seconda"))).containsExactly(v1.id());

        index.remove(v1.id(), 3);
        index.put(v2);
        assertThat(ids(OrganisationFilter.builder())).isEmpty();
        assertThat(index.size()).isZero();
    }

    @Test
    void shouldKeepOnlyAcceptedIdsWhenFilterHasIdPredicate() {
        Organisation member = add(anOrganisation());
        add(anOrganisation());

        assertThat(ids(OrganisationFilter.builder().organisationIds(Set.of(member.id())::contains)))
                .containsExactly(member.id());
    }

    @Test
    void shouldHoldEveryCurrentOrganisationWhenLoadedFromStore() {
        List<Organisation> stored =
                List.of(anOrganisation().build(), anOrganisation().build());

        OrganisationSearchIndex loaded = OrganisationSearchIndex.loadedFrom(stored::forEach);

        assertThat(loaded.size()).isEqualTo(2);
        assertThat(loaded.all(OrganisationFilter.ANY, OrganisationSort.BY_ID)).containsExactlyElementsOf(stored);
    }

    private Organisation add(it.osservatorio.registry.organisation.OrganisationFixture fixture) {
        Organisation organisation = fixture.build();
        index.put(organisation);
        return organisation;
    }

    private List<String> ids(OrganisationFilter.Builder filter) {
        return index.all(filter.build(), OrganisationSort.BY_ID).stream()
                .map(Organisation::id)
                .toList();
    }

    private static it.osservatorio.registry.organisation.domain.OrganisationDetails anOrganisationDetailsNamed(
            String name) {
        return it.osservatorio.registry.organisation.OrganisationDetailsFixture.anImpresa()
                .legalName(name)
                .build();
    }
}
