package it.osservatorio.registry.network.domain;

/** The two kinds of network an organisation can belong to: a technology cluster or a filiera (supply chain). */
public enum NetworkKind {
    CLUSTER("Cluster", "clusters"),
    FILIERA("Filiera", "filiere");

    private final String label;
    private final String collection;

    NetworkKind(String label, String collection) {
        this.label = label;
        this.collection = collection;
    }

    public String label() {
        return label;
    }

    /** Also the path segment of its API, e.g. {@code /clusters}. */
    public String collection() {
        return collection;
    }
}
