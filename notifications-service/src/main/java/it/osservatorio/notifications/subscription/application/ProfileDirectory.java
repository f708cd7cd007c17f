package it.osservatorio.notifications.subscription.application;

import it.osservatorio.notifications.subscription.domain.Profile;
import java.util.Optional;

/** Registry organisations as profiles, from this service's replica. */
public interface ProfileDirectory {

    Optional<Profile> find(String organisationId);
}
