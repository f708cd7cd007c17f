package it.osservatorio.indicators.catalogue.domain;

/** A strategic axis (asse strategico) of the Cremona pact, 1 to 8. */
public record Axis(int number, String name, String nameEn) {}
