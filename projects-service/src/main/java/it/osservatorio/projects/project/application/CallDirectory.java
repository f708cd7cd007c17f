package it.osservatorio.projects.project.application;

/** The calls for proposals published in this service, which projects link to. */
public interface CallDirectory {

    boolean exists(String callId);
}
