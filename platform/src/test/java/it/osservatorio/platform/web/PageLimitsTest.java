package it.osservatorio.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PageLimitsTest {

    @Test
    void shouldUseDefaultWhenLimitIsAbsentAndValueWhenInRange() {
        List<FieldProblem> problems = new ArrayList<>();

        assertThat(PageLimits.parse(null, 50, 200, problems)).isEqualTo(50);
        assertThat(PageLimits.parse(" 200 ", 50, 200, problems)).isEqualTo(200);
        assertThat(problems).isEmpty();
    }

    @Test
    void shouldNameLimitAndRangeWhenLimitIsNotAWholeNumberInRange() {
        for (String limit : List.of("0", "201", "ten", "")) {
            List<FieldProblem> problems = new ArrayList<>();

            assertThat(PageLimits.parse(limit, 50, 200, problems)).isEqualTo(-1);
            assertThat(problems).singleElement().satisfies(problem -> {
                assertThat(problem.field()).isEqualTo("limit");
                assertThat(problem.message()).isEqualTo("must be a whole number between 1 and 200");
            });
        }
    }
}
