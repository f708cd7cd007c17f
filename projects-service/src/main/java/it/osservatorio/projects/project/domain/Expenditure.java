package it.osservatorio.projects.project.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

/** An amount spent on a project on a date, in EUR, by category. */
public record Expenditure(
        String expenditureId, LocalDate date, BigDecimal amount, ExpenditureCategory category, String note) {}
