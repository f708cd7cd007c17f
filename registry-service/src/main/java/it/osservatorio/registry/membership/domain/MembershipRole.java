package it.osservatorio.registry.membership.domain;

/** Roles as the reports name them: socio fondatore, associato, capofila (of a filiera), partner. */
public enum MembershipRole {
    FOUNDER,
    ASSOCIATE,
    LEAD,
    PARTNER
}
