package it.osservatorio.projects.project.domain;

import java.util.List;

final class Texts {

    private Texts() {}

    static String trim(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.trim();
        return trimmed.isEmpty() ? null : trimmed;
    }

    static List<String> trimAll(List<String> values) {
        return values == null
                ? List.of()
                : values.stream()
                        .map(Texts::trim)
                        .filter(v -> v != null)
                        .distinct()
                        .toList();
    }
}
