package it.osservatorio.registry;

import it.osservatorio.platform.web.FieldProblem;
import it.osservatorio.platform.web.ProblemDetailsAdvice;
import it.osservatorio.registry.validation.InvalidDetailsException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Broken domain rules become a 400 problem listing each field and what to fix. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class RegistryProblemAdvice {

    @ExceptionHandler(InvalidDetailsException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidDetailsException e) {
        return ResponseEntity.badRequest()
                .body(ProblemDetailsAdvice.invalid(e.violations().stream()
                        .map(v -> new FieldProblem(v.field(), v.message()))
                        .toList()));
    }
}
