package it.osservatorio.notifications.subscription.domain;

/** What a subscriber can hear about; the webhook payload's {@code type} is {@link #type()}. */
public enum EventKind {
    CALL_PUBLISHED("call.published"),
    CALL_OPENED("call.opened"),
    CALL_CLOSING_SOON("call.closing_soon"),
    CALL_CLOSED("call.closed"),
    PROJECT_APPROVED("project.approved"),
    ORGANISATION_JOINED_CLUSTER("organisation.joined_cluster"),
    INDICATOR_STATUS_CHANGED("indicator.status_changed");

    private final String type;

    EventKind(String type) {
        this.type = type;
    }

    public String type() {
        return type;
    }

    public boolean isCall() {
        return name().startsWith("CALL_");
    }

    public String label(Language language) {
        String italian =
                switch (this) {
                    case CALL_PUBLISHED -> "Nuovo bando pubblicato";
                    case CALL_OPENED -> "Bando aperto";
                    case CALL_CLOSING_SOON -> "Bando in scadenza";
                    case CALL_CLOSED -> "Bando chiuso";
                    case PROJECT_APPROVED -> "Progetto approvato";
                    case ORGANISATION_JOINED_CLUSTER -> "Nuovo membro di un cluster";
                    case INDICATOR_STATUS_CHANGED -> "Cambio di stato di un indicatore";
                };
        String english =
                switch (this) {
                    case CALL_PUBLISHED -> "New call published";
                    case CALL_OPENED -> "Call opened";
                    case CALL_CLOSING_SOON -> "Call closing soon";
                    case CALL_CLOSED -> "Call closed";
                    case PROJECT_APPROVED -> "Project approved";
                    case ORGANISATION_JOINED_CLUSTER -> "Organisation joined a cluster";
                    case INDICATOR_STATUS_CHANGED -> "Indicator status changed";
                };
        return language == Language.IT ? italian : english;
    }
}
