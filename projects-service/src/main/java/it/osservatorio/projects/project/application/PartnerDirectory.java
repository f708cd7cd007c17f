package it.osservatorio.projects.project.application;

import java.util.Collection;
import java.util.Map;

/** The organisations this service knows (its replica of the registry), to validate and name project partners. */
public interface PartnerDirectory {

    /** The legal name of each known organisation among {@code organisationIds}; unknown ids are absent. */
    Map<String, String> legalNames(Collection<String> organisationIds);
}
