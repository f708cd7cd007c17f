package it.osservatorio.projects;

import it.osservatorio.platform.web.FieldProblem;
import it.osservatorio.platform.web.ProblemDetailsAdvice;
import it.osservatorio.projects.project.application.UnknownReferenceException;
import it.osservatorio.projects.project.domain.ExpenditureCorrectionException;
import it.osservatorio.projects.project.domain.IllegalTransitionException;
import it.osservatorio.projects.validation.InvalidDetailsException;
import java.net.URI;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Broken domain rules become a 400 problem listing each field and what to fix; an unknown partner or call a 422 naming it;
 * an illegal status change a 409 listing the allowed ones.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProjectsProblemAdvice {

    @ExceptionHandler(InvalidDetailsException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidDetailsException e) {
        return ResponseEntity.badRequest()
                .body(ProblemDetailsAdvice.invalid(e.violations().stream()
                        .map(v -> new FieldProblem(v.field(), v.message()))
                        .toList()));
    }

    @ExceptionHandler(UnknownReferenceException.class)
    ResponseEntity<ProblemDetail> unknownReference(UnknownReferenceException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
        problem.setTitle("Unknown reference");
        problem.setType(URI.create("https://osservatorio.example/problems/unknown-reference"));
        problem.setProperty(
                ProblemDetailsAdvice.ERRORS,
                e.unknown().stream()
                        .map(u -> new FieldProblem(u.field(), u.message()))
                        .toList());
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(problem);
    }

    @ExceptionHandler(IllegalTransitionException.class)
    ResponseEntity<ProblemDetail> illegalTransition(IllegalTransitionException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Status change not allowed");
        problem.setType(URI.create("https://osservatorio.example/problems/illegal-transition"));
        problem.setProperty("currentStatus", e.from());
        problem.setProperty("requestedStatus", e.to());
        problem.setProperty("allowed", e.allowed());
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    @ExceptionHandler(ExpenditureCorrectionException.class)
    ResponseEntity<ProblemDetail> notCorrectable(ExpenditureCorrectionException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Expenditure already replaced");
        problem.setType(URI.create("https://osservatorio.example/problems/expenditure-replaced"));
        if (e.latestExpenditureId() != null) {
            problem.setProperty("correctInstead", e.latestExpenditureId());
        }
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    @ExceptionHandler(IllegalTransitionException.MissingCup.class)
    ResponseEntity<ProblemDetail> missingCup(IllegalTransitionException.MissingCup e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("CUP missing");
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    @ExceptionHandler(IllegalTransitionException.ClosedProject.class)
    ResponseEntity<ProblemDetail> closedProject(IllegalTransitionException.ClosedProject e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Project closed");
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }
}
