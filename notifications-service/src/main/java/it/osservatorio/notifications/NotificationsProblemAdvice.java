package it.osservatorio.notifications;

import it.osservatorio.notifications.subscription.application.MailUnavailableException;
import it.osservatorio.notifications.subscription.domain.InvalidSubscriptionException;
import it.osservatorio.platform.web.FieldProblem;
import it.osservatorio.platform.web.ProblemDetailsAdvice;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Invalid subscriptions as 400 problems listing each field; an unreachable mail server as 503. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class NotificationsProblemAdvice {

    @ExceptionHandler(InvalidSubscriptionException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidSubscriptionException e) {
        return ResponseEntity.badRequest()
                .body(ProblemDetailsAdvice.invalid(e.violations().stream()
                        .map(v -> new FieldProblem(v.field(), v.message()))
                        .toList()));
    }

    @ExceptionHandler(MailUnavailableException.class)
    ResponseEntity<ProblemDetail> mailUnavailable(MailUnavailableException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        problem.setTitle("Mail server unavailable");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(problem);
    }
}
