package it.osservatorio.projects.project.domain;

/**
 * A correction or cancellation of an entry that can no longer be corrected (already replaced, or itself a
 * cancellation); answered as 409 naming the entry to correct instead.
 */
public class ExpenditureCorrectionException extends RuntimeException {

    private final String latestExpenditureId;

    public ExpenditureCorrectionException(String message, String latestExpenditureId) {
        super(message);
        this.latestExpenditureId = latestExpenditureId;
    }

    /** The entry that counts now in place of the one named, or null. */
    public String latestExpenditureId() {
        return latestExpenditureId;
    }
}
