package it.osservatorio.platform.security;

/** The caller may not change this resource: another institution owns it. Answered as 403. */
public class OwnershipViolationException extends RuntimeException {

    public OwnershipViolationException(String message) {
        super(message);
    }
}
