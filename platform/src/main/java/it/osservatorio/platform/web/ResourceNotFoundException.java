package it.osservatorio.platform.web;

/** The requested resource does not exist; answered as 404. */
public class ResourceNotFoundException extends RuntimeException {

    public ResourceNotFoundException(String kind, String id) {
        super(kind + " '" + id + "' does not exist");
    }
}
