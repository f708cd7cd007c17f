package it.osservatorio.notifications.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.osservatorio.notifications.subscription.domain.Criteria;
import it.osservatorio.notifications.subscription.domain.EventKind;
import it.osservatorio.notifications.subscription.domain.InvalidSubscriptionException;
import it.osservatorio.notifications.subscription.domain.Matcher;
import it.osservatorio.notifications.subscription.domain.Notice;
import it.osservatorio.notifications.subscription.domain.Profile;
import it.osservatorio.notifications.subscription.domain.Violation;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MatcherTest {

    private static Notice call(String title, Integer axis, List<String> ecosystems, String budget) {
        return new Notice(
                "call.published:c1",
                EventKind.CALL_PUBLISHED,
                "c1",
                title,
                "Regione Lombardia",
                "REGIONAL",
                axis,
                ecosystems,
                List.of("IMPRESA"),
                List.of(),
                budget == null ? null : new BigDecimal(budget),
                null,
                Instant.parse("2026-03-01T10:00:00Z"),
                null);
    }

    private static Criteria criteria(List<Integer> axes, List<String> ecosystems, List<String> keywords) {
        return new Criteria(null, axes, ecosystems, null, null, null, null, keywords, null).validated("");
    }

    private static boolean matches(Criteria criteria, Notice notice) {
        return Matcher.of(criteria, null).matches(Matcher.PreparedNotice.of(notice));
    }

    @Test
    void shouldMatchKeywordsWhenAccentsAndCaseDiffer() {
        Notice notice = call("Bando per la SOSTENIBILITÀ e l'innovazione digitale", 2, List.of(), null);

        assertThat(matches(criteria(null, null, List.of("sostenibilita")), notice))
                .isTrue();
        assertThat(matches(criteria(null, null, List.of("Innovazióne")), notice))
                .isTrue();
        assertThat(matches(criteria(null, null, List.of("digit")), notice)).isTrue();
        assertThat(matches(criteria(null, null, List.of("vazione")), notice)).isFalse();
        assertThat(matches(criteria(null, null, List.of("energia", "hydrogen")), notice))
                .isFalse();
    }

    @Test
    void shouldRequireEveryCriterionWhenSeveralAreGiven() {
        Notice notice = call("Bando nutrizione", 2, List.of("Nutrizione"), "500000.00");

        assertThat(matches(criteria(List.of(2, 3), List.of("nutrizione"), null), notice))
                .isTrue();
        assertThat(matches(criteria(List.of(3), List.of("nutrizione"), null), notice))
                .isFalse();
        assertThat(matches(criteria(List.of(2), List.of("Sostenibilità"), null), notice))
                .isFalse();
        Criteria budget = new Criteria(
                        null, null, null, null, null, new BigDecimal("100000"), new BigDecimal("400000"), null, null)
                .validated("");
        assertThat(matches(budget, notice)).isFalse();
        assertThat(matches(budget, call("Bando", 2, List.of(), "250000"))).isTrue();
        assertThat(matches(budget, call("Bando", 2, List.of(), null))).isFalse();
    }

    @Test
    void shouldTakeCriteriaFromProfileWhenSubscriptionMatchesAnOrganisation() {
        Criteria mine = new Criteria(null, null, null, null, null, null, null, null, "org-1").validated("");
        Profile nutrition = new Profile("org-1", 1, "IMPRESA", List.of("Nutrizione"), "CR");
        Profile research = new Profile("org-1", 2, "ORGANISMO_DI_RICERCA", List.of("Nutrizione"), "CR");
        Notice notice = call("Bando", 2, List.of("Nutrizione"), null);

        assertThat(Matcher.of(mine, nutrition).matches(Matcher.PreparedNotice.of(notice)))
                .isTrue();
        assertThat(Matcher.of(mine, research).matches(Matcher.PreparedNotice.of(notice)))
                .isFalse();
        assertThat(Matcher.of(mine, null).matches(Matcher.PreparedNotice.of(notice)))
                .isFalse();
    }

    @Test
    void shouldNameEveryUnknownValueWhenCriteriaAreValidated() {
        Criteria wrong = new Criteria(
                List.of("FESR", "ERASMUS"),
                List.of(9),
                List.of("Spazio"),
                List.of("STUDENTE"),
                List.of("RM"),
                new BigDecimal("10"),
                new BigDecimal("5"),
                List.of("  "),
                null);

        assertThatThrownBy(() -> wrong.validated("criteria."))
                .isInstanceOfSatisfying(InvalidSubscriptionException.class, e -> assertThat(
                                e.violations().stream().map(Violation::field))
                        .containsExactly(
                                "criteria.programmes[1]",
                                "criteria.axes[0]",
                                "criteria.ecosystems[0]",
                                "criteria.beneficiaryTypes[0]",
                                "criteria.territories[0]",
                                "criteria.maxBudget",
                                "criteria.keywords[0]"));
    }

    @Test
    void shouldStoreCanonicalSpellingWhenValueDiffersInAccentsOrCase() {
        Criteria criteria = new Criteria(
                        List.of("fesr"),
                        null,
                        List.of("sostenibilita"),
                        List.of("impresa"),
                        List.of("cr"),
                        null,
                        null,
                        null,
                        null)
                .validated("");
        assertThat(criteria.programmes()).containsExactly("FESR");
        assertThat(criteria.ecosystems()).containsExactly("Sostenibilità");
        assertThat(criteria.beneficiaryTypes()).containsExactly("IMPRESA");
        assertThat(criteria.territories()).containsExactly("CR");
    }
}
