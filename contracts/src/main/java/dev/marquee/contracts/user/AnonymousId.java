package dev.marquee.contracts.user;

/**
 * The form of an anonymous user id: the SDKs generate {@code anon-<random>} for a user not yet identified. An identify
 * may merge only a profile whose id has this form (delivery-service refuses any other {@code anonymousId} with 400,
 * segment-service never absorbs one), so a known user's profile cannot be taken over by naming it as "anonymous".
 */
public final class AnonymousId {

    public static final String PREFIX = "anon-";

    private AnonymousId() {
    }

    public static boolean isAnonymous(String id) {
        return id != null && id.length() > PREFIX.length() && id.startsWith(PREFIX);
    }
}
