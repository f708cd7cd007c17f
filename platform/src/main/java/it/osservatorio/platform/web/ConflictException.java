package it.osservatorio.platform.web;

import java.net.URI;

/** The request clashes with existing state (e.g. a duplicate); answered as 409, pointing at the existing resource. */
public class ConflictException extends RuntimeException {

    private final URI existing;

    public ConflictException(String message, URI existing) {
        super(message);
        this.existing = existing;
    }

    public URI existing() {
        return existing;
    }
}
