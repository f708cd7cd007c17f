package it.osservatorio.projects.call;

import static it.osservatorio.projects.call.CallDetailsFixture.aCall;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.osservatorio.projects.call.domain.Call;
import it.osservatorio.projects.call.domain.CallStatus;
import it.osservatorio.projects.call.domain.Notice;
import it.osservatorio.projects.call.domain.NoticeKind;
import it.osservatorio.projects.call.domain.StatusBasis;
import it.osservatorio.projects.validation.InvalidDetailsException;
import it.osservatorio.projects.validation.Violation;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CallTest {

    private static final Instant OPENS = Instant.parse("2026-02-17T08:00:00Z");
    private static final Instant DEADLINE = Instant.parse("2026-03-05T11:00:00Z");
    private static final Duration WEEK = Duration.ofDays(7);

    private static Call published(Instant at) {
        return Call.publish(
                "call-1",
                "regione-lombardia",
                aCall().dates(OPENS, DEADLINE).build().validate(),
                at);
    }

    @Test
    void shouldDeriveStatusFromDatesWhenTimePasses() {
        Call call = published(OPENS.minusSeconds(3600));

        assertThat(call.status()).isEqualTo(CallStatus.FORTHCOMING);
        assertThat(call.details().statusAt(OPENS)).isEqualTo(CallStatus.OPEN);
        assertThat(call.details().statusAt(DEADLINE.minusMillis(1))).isEqualTo(CallStatus.OPEN);
        assertThat(call.details().statusAt(DEADLINE)).isEqualTo(CallStatus.CLOSED);
    }

    @Test
    void shouldScheduleClosingSoonTheConfiguredPeriodBeforeTheDeadline() {
        assertThat(published(OPENS.minusSeconds(60)).schedule(WEEK))
                .containsExactly(
                        new Call.Scheduled(NoticeKind.OPENED, OPENS),
                        new Call.Scheduled(NoticeKind.CLOSING_SOON, DEADLINE.minus(WEEK)),
                        new Call.Scheduled(NoticeKind.CLOSED, DEADLINE));
    }

    @Test
    void shouldPublishEachNoticeOnceWhenItsMomentPasses() {
        Call call = published(OPENS.minusSeconds(60));
        assertThat(call.handleDueNotices(OPENS.minusMillis(1), WEEK)).isEmpty();

        Call.Handled opened = call.handleDueNotices(OPENS.plusMillis(200), WEEK).orElseThrow();
        assertThat(opened.published()).extracting(Notice::kind).containsExactly(NoticeKind.OPENED);
        assertThat(opened.call().status()).isEqualTo(CallStatus.OPEN);
        assertThat(opened.call().version()).isEqualTo(2);
        assertThat(opened.call().handleDueNotices(OPENS.plusSeconds(5), WEEK)).isEmpty();
        assertThat(opened.call().nextNoticeAt(WEEK)).hasValue(DEADLINE.minus(WEEK));
    }

    @Test
    void shouldSkipOvertakenNoticesAndPublishOnlyClosedWhenCatchingUpAfterTheDeadline() {
        Call call = published(OPENS.minusSeconds(60));

        Call.Handled caughtUp =
                call.handleDueNotices(DEADLINE.plusSeconds(3600), WEEK).orElseThrow();

        assertThat(caughtUp.published()).extracting(Notice::kind).containsExactly(NoticeKind.CLOSED);
        assertThat(caughtUp.call().notices())
                .extracting(Notice::kind, Notice::skipped)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(NoticeKind.OPENED, true),
                        org.assertj.core.groups.Tuple.tuple(NoticeKind.CLOSING_SOON, true),
                        org.assertj.core.groups.Tuple.tuple(NoticeKind.CLOSED, false));
        assertThat(caughtUp.call().status()).isEqualTo(CallStatus.CLOSED);
        assertThat(caughtUp.call().nextNoticeAt(WEEK)).isEmpty();
    }

    @Test
    void shouldPublishOpenedAndClosingSoonWhenCallIsPublishedAlreadyOpenNearItsDeadline() {
        Call call = published(DEADLINE.minusSeconds(3600));

        Call.Handled handled =
                call.handleDueNotices(DEADLINE.minusSeconds(3599), WEEK).orElseThrow();

        assertThat(handled.published())
                .extracting(Notice::kind)
                .containsExactly(NoticeKind.OPENED, NoticeKind.CLOSING_SOON);
    }

    @Test
    void shouldPublishNothingWhenCallIsRecordedAfterItsDeadline() {
        Call historic = published(DEADLINE.plusSeconds(86_400));

        Optional<Call.Handled> handled = historic.handleDueNotices(DEADLINE.plusSeconds(86_401), WEEK);

        assertThat(handled.orElseThrow().published()).isEmpty();
        assertThat(handled.orElseThrow().call().notices()).allMatch(Notice::skipped);
    }

    @Test
    void shouldScheduleNewNoticesWhenDeadlineIsMoved() {
        Call closed = published(OPENS.minusSeconds(60))
                .handleDueNotices(DEADLINE.plusSeconds(1), WEEK)
                .orElseThrow()
                .call();
        Instant extended = DEADLINE.plus(Duration.ofDays(30));

        Call reopened = closed.update(aCall().dates(OPENS, extended).build().validate(), DEADLINE.plusSeconds(2));

        assertThat(reopened.status()).isEqualTo(CallStatus.OPEN);
        assertThat(reopened.nextNoticeAt(WEEK)).hasValue(extended.minus(WEEK));
    }

    @Test
    void shouldNameFieldsWhenDatesAreReversedOrLinkAndBudgetInvalid() {
        assertThatThrownBy(() -> aCall().dates(DEADLINE, OPENS)
                        .budget("-5")
                        .link("ftp://example")
                        .build()
                        .validate())
                .isInstanceOfSatisfying(InvalidDetailsException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field)
                        .containsExactlyInAnyOrder("deadline", "budget", "link"));
    }

    @Test
    void shouldBeUnknownNotOpenAndNeverDueWhenDatesAreNotKnownAndNoStatusIsReported() {
        Call call = Call.publish(
                "call-2",
                "osservatorio-demo",
                aCall().undated(null, "proposta in preparazione (2022)").build().validate(),
                OPENS);

        assertThat(call.status()).isEqualTo(CallStatus.UNKNOWN);
        assertThat(call.details().statusBasis()).isEqualTo(StatusBasis.NONE);
        assertThat(call.details().statusAt(DEADLINE.plus(Duration.ofDays(3650))))
                .isEqualTo(CallStatus.UNKNOWN);
        assertThat(call.schedule(WEEK)).isEmpty();
        assertThat(call.nextNoticeAt(WEEK)).isEmpty();
        assertThat(call.handleDueNotices(DEADLINE.plus(Duration.ofDays(3650)), WEEK))
                .isEmpty();
    }

    @Test
    void shouldShowReportedStatusWithItsBasisWhenDatesAreNotKnown() {
        Call call = Call.publish(
                "call-3",
                "osservatorio-demo",
                aCall().undated(CallStatus.CLOSED, "graduatoria pubblicata (003)")
                        .issuer(null)
                        .build()
                        .validate(),
                OPENS);

        assertThat(call.status()).isEqualTo(CallStatus.CLOSED);
        assertThat(call.details().statusBasis()).isEqualTo(StatusBasis.REPORTED);
        assertThat(call.details().issuer()).isNull();
        assertThat(call.handleDueNotices(OPENS.plus(Duration.ofDays(30)), WEEK)).isEmpty();
    }

    @Test
    void shouldNameFieldsWhenReportedStatusMeetsDatesOrIsNotOpenOrClosedOrIssuerMissingWithDates() {
        assertThatThrownBy(() -> aCall().reported(CallStatus.CLOSED).build().validate())
                .isInstanceOfSatisfying(InvalidDetailsException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field)
                        .containsExactly("reportedStatus"));
        assertThatThrownBy(() ->
                        aCall().undated(CallStatus.FORTHCOMING, null).build().validate())
                .isInstanceOfSatisfying(InvalidDetailsException.class, e -> assertThat(e.violations())
                        .extracting(Violation::message)
                        .singleElement()
                        .asString()
                        .contains("OPEN or CLOSED"));
        assertThatThrownBy(() -> aCall().issuer(null).build().validate())
                .isInstanceOfSatisfying(InvalidDetailsException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field)
                        .containsExactly("issuer"));
    }
}
