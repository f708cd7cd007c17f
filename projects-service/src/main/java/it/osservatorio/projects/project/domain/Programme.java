package it.osservatorio.projects.project.domain;

import it.osservatorio.projects.validation.Violation;
import java.util.List;

/**
 * The programme funding a project. PNRR projects name missione, componente and investimento (e.g. M4, C2, 1.5);
 * Interreg projects name their Interreg programme (e.g. Italia-Svizzera); any programme may carry a name (e.g. "POR
 * FESR 2014-2020").
 */
public record Programme(
        ProgrammeKind kind,
        String missione,
        String componente,
        String investimento,
        String interregProgramme,
        String name) {

    public Programme {
        missione = Texts.trim(missione);
        componente = Texts.trim(componente);
        investimento = Texts.trim(investimento);
        interregProgramme = Texts.trim(interregProgramme);
        name = Texts.trim(name);
    }

    public static Programme of(ProgrammeKind kind) {
        return new Programme(kind, null, null, null, null, null);
    }

    void check(List<Violation> violations) {
        if (kind == null) {
            violations.add(new Violation(
                    "programme.kind",
                    "is required: one of FESR, FSE_PLUS, PNRR, HORIZON_EUROPE, H2020, INTERREG, COSME, LIFE,"
                            + " REGIONAL, CREMONA_PACT, OTHER"));
            return;
        }
        if (kind == ProgrammeKind.PNRR) {
            if (missione == null || !missione.matches("M[1-7]")) {
                violations.add(new Violation(
                        "programme.missione",
                        "is required for PNRR: the missione M1 to M7 (got " + quoted(missione) + ")"));
            }
            if (componente == null || !componente.matches("C[1-9]")) {
                violations.add(new Violation(
                        "programme.componente",
                        "is required for PNRR: the componente, e.g. C2 (got " + quoted(componente) + ")"));
            }
            if (investimento == null || !investimento.matches("[0-9]{1,2}(\\.[0-9]{1,2}){0,2}")) {
                violations.add(new Violation(
                        "programme.investimento",
                        "is required for PNRR: the investimento (or riforma) number, e.g. 1.5 (got "
                                + quoted(investimento) + ")"));
            }
        } else {
            for (String[] pnrrOnly :
                    new String[][] {{"missione", missione}, {"componente", componente}, {"investimento", investimento}
                    }) {
                if (pnrrOnly[1] != null) {
                    violations.add(new Violation(
                            "programme." + pnrrOnly[0], "applies only to PNRR projects; leave it out for " + kind));
                }
            }
        }
        if (kind == ProgrammeKind.INTERREG) {
            if (interregProgramme == null) {
                violations.add(new Violation(
                        "programme.interregProgramme",
                        "is required for INTERREG: the Interreg programme, e.g. Italia-Svizzera"));
            }
        } else if (interregProgramme != null) {
            violations.add(new Violation(
                    "programme.interregProgramme", "applies only to INTERREG projects; leave it out for " + kind));
        }
        if (name != null && name.length() > 200) {
            violations.add(new Violation("programme.name", "must be at most 200 characters"));
        }
    }

    private static String quoted(String value) {
        return value == null ? "nothing" : "'" + value + "'";
    }
}
