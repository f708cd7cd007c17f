package it.osservatorio.gateway.aggregation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;

/**
 * One part of an aggregated view, from one service: {@code AVAILABLE} with the service's answer (its JSON as it
 * came), or {@code UNAVAILABLE} with the reason (down, slow, or an error), so that the rest of the view still answers.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Section(
        Status status, String service, @JsonRawValue String data, String reason) {

    public enum Status {
        AVAILABLE,
        UNAVAILABLE
    }

    static Section available(String service, String data) {
        return new Section(Status.AVAILABLE, service, data, null);
    }

    static Section unavailable(String service, String reason) {
        return new Section(Status.UNAVAILABLE, service, null, reason);
    }

    boolean isAvailable() {
        return status == Status.AVAILABLE;
    }
}
