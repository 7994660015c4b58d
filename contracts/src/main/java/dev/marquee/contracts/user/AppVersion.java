package dev.marquee.contracts.user;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An app version compared by semantic-versioning precedence ({@code 2.10.0 > 2.9.1}; {@code 2.0.0-beta < 2.0.0};
 * build metadata after {@code +} ignored). Missing minor/patch count as 0 ({@code 2.1} = {@code 2.1.0}), as app stores
 * show short versions; a leading {@code v} is allowed. Shared because delivery-service (a campaign's app-version
 * range) and segment-service (a rule's {@code version_*} operators) must order one user's version alike; a text that
 * is not such a version is no version ({@link #parse} is empty), which neither range nor rule matches.
 */
public record AppVersion(long major, long minor, long patch, String preRelease) implements Comparable<AppVersion> {

    private static final Pattern FORMAT = Pattern
            .compile("v?(\\d{1,9})(?:\\.(\\d{1,9}))?(?:\\.(\\d{1,9}))?(?:-([0-9A-Za-z.-]+))?(?:\\+[0-9A-Za-z.-]+)?");

    public static Optional<AppVersion> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = FORMAT.matcher(text.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new AppVersion(Long.parseLong(m.group(1)),
                m.group(2) == null ? 0 : Long.parseLong(m.group(2)),
                m.group(3) == null ? 0 : Long.parseLong(m.group(3)),
                m.group(4)));
    }

    @Override
    public int compareTo(AppVersion other) {
        int c = Long.compare(major, other.major);
        if (c == 0) {
            c = Long.compare(minor, other.minor);
        }
        if (c == 0) {
            c = Long.compare(patch, other.patch);
        }
        if (c != 0) {
            return c;
        }
        if (preRelease == null || other.preRelease == null) {
            // a release ranks above its pre-releases
            return preRelease == null ? (other.preRelease == null ? 0 : 1) : -1;
        }
        return comparePreRelease(preRelease, other.preRelease);
    }

    private static int comparePreRelease(String a, String b) {
        String[] left = a.split("\\.");
        String[] right = b.split("\\.");
        for (int i = 0; i < Math.min(left.length, right.length); i++) {
            boolean leftNumeric = left[i].chars().allMatch(Character::isDigit);
            boolean rightNumeric = right[i].chars().allMatch(Character::isDigit);
            int c;
            if (leftNumeric && rightNumeric) {
                c = Long.compare(Long.parseLong(left[i]), Long.parseLong(right[i]));
            } else if (leftNumeric != rightNumeric) {
                c = leftNumeric ? -1 : 1;
            } else {
                c = left[i].compareTo(right[i]);
            }
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(left.length, right.length);
    }
}
