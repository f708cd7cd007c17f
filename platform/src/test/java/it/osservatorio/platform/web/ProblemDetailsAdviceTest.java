package it.osservatorio.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.mock.http.MockHttpInputMessage;
import tools.jackson.databind.json.JsonMapper;

class ProblemDetailsAdviceTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ProblemDetailsAdvice advice = new ProblemDetailsAdvice();

    enum Kind {
        CLUSTER,
        FILIERA
    }

    record Seat(String comune) {}

    record Body(Integer foundingYear, Kind kind, List<Seat> seats) {}

    @Test
    void shouldNameTheFieldWhenValueHasTheWrongType() {
        assertThat(problemsOf("{\"foundingYear\":\"duemila\"}"))
                .containsExactly(new FieldProblem("foundingYear", "must be a whole number, e.g. 2014"));
    }

    @Test
    void shouldListTheAllowedValuesWhenEnumValueIsUnknown() {
        assertThat(problemsOf("{\"kind\":\"DISTRETTO\"}"))
                .containsExactly(new FieldProblem("kind", "must be one of CLUSTER, FILIERA"));
    }

    @Test
    void shouldNameTheNestedFieldWhenValueInsideAListIsWrong() {
        assertThat(problemsOf("{\"seats\":[{\"comune\":\"Cremona\"},{\"comune\":[1]}]}"))
                .extracting(FieldProblem::field)
                .containsExactly("seats[1].comune");
    }

    @Test
    void shouldExplainWithoutFieldsWhenBodyIsNotJson() {
        ResponseEntity<Object> response = handle("{not json");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(((ProblemDetail) response.getBody()).getTitle()).isEqualTo("Unreadable request body");
    }

    @SuppressWarnings("unchecked")
    private List<FieldProblem> problemsOf(String json) {
        ResponseEntity<Object> response = handle(json);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        ProblemDetail problem = (ProblemDetail) response.getBody();
        return (List<FieldProblem>) problem.getProperties().get(ProblemDetailsAdvice.ERRORS);
    }

    private ResponseEntity<Object> handle(String json) {
        Throwable cause = catchThrowable(() -> JSON.readValue(json, Body.class));
        HttpMessageNotReadableException exception =
                new HttpMessageNotReadableException("JSON parse error", cause, new MockHttpInputMessage(new byte[0]));
        return advice.handleHttpMessageNotReadable(exception, new HttpHeaders(), HttpStatus.BAD_REQUEST, null);
    }
}
