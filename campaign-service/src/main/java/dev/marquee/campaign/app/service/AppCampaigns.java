package dev.marquee.campaign.app.service;

import io.smallrye.mutiny.Uni;

/**
 * What the app feature needs to know of an app's campaigns. Campaigns belong to an app, so the campaign feature
 * depends on the app feature and implements this; the app feature never imports the campaign feature (no cycle).
 * Both calls run in the caller's session and transaction.
 */
public interface AppCampaigns {

    /** How many of the app's campaigns that are not yet ended use the HTML format. */
    Uni<Long> countLiveHtml(String appId);

    /**
     * Erases up to {@code limit} campaigns of a deleted app, with their versions and audit entries, each published as
     * deleted.
     */
    Uni<Erased> eraseSome(String appId, int limit);

    /** What one {@link #eraseSome} call erased. */
    record Erased(int campaigns, long versions, long auditEntries) {
    }
}
