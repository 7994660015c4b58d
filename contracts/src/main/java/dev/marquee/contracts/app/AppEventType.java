package dev.marquee.contracts.app;

/**
 * What changed in an app; every event carries the app's complete state whatever its type.
 *
 * <p>{@code DELETED}: the app was deleted. Its snapshot has no credentials and no identity secrets (all revoked at
 * once) and is the app's last: consumers drop what they hold of the app and erase its data. Added after the others:
 * a consumer built before it cannot read it (Jackson refuses an unknown enum value, the record is skipped), so
 * campaign-service publishes the deletion as a {@code CREDENTIALS_CHANGED} snapshot without credentials first, which
 * every consumer applies, then {@code DELETED}. A rename publishes {@code SETTINGS_CHANGED} (the app's state besides
 * its credentials) for the same reason: on the compacted topic a new type could be an app's only record left, and an
 * older gateway skipping it would lose that app's keys.
 */
public enum AppEventType {
    CREATED, CREDENTIALS_CHANGED, SETTINGS_CHANGED, DELETED
}
