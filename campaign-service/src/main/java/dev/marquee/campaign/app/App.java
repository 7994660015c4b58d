package dev.marquee.campaign.app;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A workspace: one app (web, iOS and Android builds of one product share it). Everything else belongs to one. */
@Entity
@Table(name = "app")
public class App {

    @Id
    public String id;

    public String name;

    @Column(name = "created_at")
    public Instant createdAt;

    /** The version of the app's last published snapshot ({@code AppEvent.version}). */
    @Column(name = "snapshot_version")
    public long snapshotVersion;

    /** Set when the app was deleted: it answers 404 from then on, and its data is being erased ({@link AppDeletion}). */
    @Column(name = "deleted_at")
    public Instant deletedAt;

    public boolean deleted() {
        return deletedAt != null;
    }
}
