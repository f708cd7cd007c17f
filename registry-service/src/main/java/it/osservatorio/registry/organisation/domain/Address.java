package it.osservatorio.registry.organisation.domain;

/** The organisation's seat: comune with its six-digit ISTAT code, two-letter province code, region. */
public record Address(String street, String comune, String comuneIstat, String province, String region) {}
