package it.osservatorio.projects.project.domain;

import it.osservatorio.projects.validation.Amounts;
import it.osservatorio.projects.validation.Violation;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;

/** Where a project's money comes from, in EUR; a part nobody gives counts as zero. */
public record Funding(
        BigDecimal eu, BigDecimal national, BigDecimal regional, BigDecimal local, BigDecimal privateFunds) {

    public BigDecimal sum() {
        return Stream.of(eu, national, regional, local, privateFunds)
                .map(part -> part == null ? BigDecimal.ZERO : part)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    void check(List<Violation> violations) {
        Amounts.check("funding.eu", eu, violations);
        Amounts.check("funding.national", national, violations);
        Amounts.check("funding.regional", regional, violations);
        Amounts.check("funding.local", local, violations);
        Amounts.check("funding.privateFunds", privateFunds, violations);
    }

    Funding normalised() {
        return new Funding(
                Amounts.euros(eu),
                Amounts.euros(national),
                Amounts.euros(regional),
                Amounts.euros(local),
                Amounts.euros(privateFunds));
    }
}
