package it.osservatorio.projects.project.domain;

/** The funding programme families of the ecosystem. */
public enum ProgrammeKind {
    FESR(false),
    FSE_PLUS(false),
    PNRR(false),
    HORIZON_EUROPE(true),
    H2020(true),
    INTERREG(true),
    COSME(true),
    LIFE(true),
    REGIONAL(false),
    CREMONA_PACT(false),
    OTHER(false);

    private final boolean directEuProgramme;

    ProgrammeKind(boolean directEuProgramme) {
        this.directEuProgramme = directEuProgramme;
    }

    /**
     * Programmes managed by the EU (not through Italian authorities): their projects may have no CUP when no Italian
     * public funding is involved.
     */
    public boolean isDirectEuProgramme() {
        return directEuProgramme;
    }
}
