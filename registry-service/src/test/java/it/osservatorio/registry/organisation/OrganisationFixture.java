package it.osservatorio.registry.organisation;

import it.osservatorio.registry.organisation.domain.Organisation;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

/** Registered organisations with increasing ids and creation times, owned by the Camera di Commercio di Cremona. */
public final class OrganisationFixture {

    private static final AtomicLong SEQUENCE = new AtomicLong();
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private String id = "org-" + String.format("%08d", SEQUENCE.incrementAndGet());
    private String owner = "camera-commercio-cremona";
    private long version = 1;
    private Instant createdAt = START.plusSeconds(SEQUENCE.get());
    private Instant updatedAt = createdAt;
    private OrganisationDetailsFixture details = OrganisationDetailsFixture.anImpresa();

    public static OrganisationFixture anOrganisation() {
        return new OrganisationFixture();
    }

    public OrganisationFixture id(String id) {
        this.id = id;
        return this;
    }

    public OrganisationFixture owner(String owner) {
        this.owner = owner;
        return this;
    }

    public OrganisationFixture version(long version) {
        this.version = version;
        return this;
    }

    public OrganisationFixture createdAt(Instant createdAt) {
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
        return this;
    }

    public OrganisationFixture updatedAt(Instant updatedAt) {
        this.updatedAt = updatedAt;
        return this;
    }

    public OrganisationFixture details(UnaryOperator<OrganisationDetailsFixture> change) {
        this.details = change.apply(details);
        return this;
    }

    public Organisation build() {
        return new Organisation(id, version, owner, details.build(), createdAt, updatedAt);
    }
}
