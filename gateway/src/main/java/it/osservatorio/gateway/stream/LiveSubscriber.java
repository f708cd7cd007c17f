package it.osservatorio.gateway.stream;

/** A client of the live stream; offers must never block, so that one slow client cannot delay the others. */
public interface LiveSubscriber {

    /** @return false when the client's queue is full: it is then disconnected */
    boolean offer(LiveEvent event);

    void disconnect(String reason);
}
