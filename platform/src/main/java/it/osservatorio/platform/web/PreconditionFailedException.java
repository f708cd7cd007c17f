package it.osservatorio.platform.web;

/** The client wrote on a version it no longer holds ({@code If-Match}); answered as 412 with the current version. */
public class PreconditionFailedException extends RuntimeException {

    private final long currentVersion;

    public PreconditionFailedException(String message, long currentVersion) {
        super(message);
        this.currentVersion = currentVersion;
    }

    public long currentVersion() {
        return currentVersion;
    }
}
