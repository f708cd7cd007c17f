package it.osservatorio.registry.membership;

import static it.osservatorio.registry.membership.MembershipTermsFixture.aMembership;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.osservatorio.registry.membership.domain.MembershipTerms;
import it.osservatorio.registry.validation.InvalidDetailsException;
import it.osservatorio.registry.validation.Violation;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class MembershipTermsTest {

    @Test
    void shouldAcceptTermsWhenEveryFieldIsValid() {
        MembershipTerms terms = aMembership().build();

        assertThat(terms.validate()).isSameAs(terms);
    }

    @Test
    void shouldNameValidToWhenItIsBeforeValidFrom() {
        MembershipTerms terms = aMembership().valid("2022-05-01", "2022-04-30").build();

        assertThatThrownBy(terms::validate)
                .isInstanceOfSatisfying(InvalidDetailsException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field)
                        .containsExactly("validTo"));
    }

    @Test
    void shouldNameEveryMissingFieldWhenTermsAreEmpty() {
        MembershipTerms terms = new MembershipTerms(" ", null, null, null, null, null);

        assertThatThrownBy(terms::validate)
                .isInstanceOfSatisfying(InvalidDetailsException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field)
                        .containsExactlyInAnyOrder("organisationId", "networkKind", "networkId", "role", "validFrom"));
    }

    @Test
    void shouldBeActiveOnBothEndDaysWhenPeriodIsClosed() {
        MembershipTerms terms = aMembership().valid("2022-01-01", "2022-12-31").build();

        assertThat(terms.isActiveOn(LocalDate.of(2021, 12, 31))).isFalse();
        assertThat(terms.isActiveOn(LocalDate.of(2022, 1, 1))).isTrue();
        assertThat(terms.isActiveOn(LocalDate.of(2022, 12, 31))).isTrue();
        assertThat(terms.isActiveOn(LocalDate.of(2023, 1, 1))).isFalse();
    }

    @Test
    void shouldOverlapWhenPeriodsShareOneDayOrOneIsOpenEnded() {
        MembershipTerms closed = aMembership().valid("2022-01-01", "2022-12-31").build();

        assertThat(closed.overlaps(aMembership().valid("2022-12-31", null).build()))
                .isTrue();
        assertThat(closed.overlaps(aMembership().valid("2023-01-01", null).build()))
                .isFalse();
        assertThat(aMembership().valid("2010-01-01", null).build().overlaps(closed))
                .isTrue();
    }
}
