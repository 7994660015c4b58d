package dev.marquee.delivery.decision.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

import dev.marquee.contracts.campaign.CampaignSnapshot;
import dev.marquee.contracts.campaign.Variant;

/**
 * Which arm of a campaign's experiment a user is in: a stable hash of {@code campaignId:userId} picks one of 10,000
 * buckets; the first {@code controlPercent} of them are the control group, the rest follow the variants' weights in
 * order. No storage, the same answer on every instance, and the same user keeps the variant while weights stay.
 */
public final class VariantAssignment {

    private static final int BUCKETS = 10_000;
    /** Looking a digest up in the security providers costs more than hashing a short key: one per thread. */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    });

    private VariantAssignment() {
    }

    /** The user's variant, or empty for the control group (which sees nothing). */
    public static Optional<Variant> of(CampaignSnapshot campaign, String userId) {
        int bucket = bucket(campaign.id() + ":" + userId);
        int threshold = campaign.controlPercent() * (BUCKETS / 100);
        if (bucket < threshold) {
            return Optional.empty();
        }
        for (Variant variant : campaign.variants()) {
            threshold += variant.weight() * (BUCKETS / 100);
            if (bucket < threshold) {
                return Optional.of(variant);
            }
        }
        // weights make 100 with the control share, so this is reached only if they do not: the last variant takes it
        return Optional.of(campaign.variants().get(campaign.variants().size() - 1));
    }

    /** 0 ≤ bucket < 10,000, uniform: the first 8 bytes of SHA-256 as an unsigned number. */
    public static int bucket(String key) {
        byte[] digest = sha256(key);
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = (value << 8) | (digest[i] & 0xff);
        }
        return (int) Long.remainderUnsigned(value, BUCKETS);
    }

    private static byte[] sha256(String key) {
        // digest() resets the instance, so the next call on this thread starts afresh
        return SHA_256.get().digest(key.getBytes(StandardCharsets.UTF_8));
    }
}
