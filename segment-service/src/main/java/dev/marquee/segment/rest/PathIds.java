package dev.marquee.segment.rest;

/**
 * What path ids may contain. App ids become part of Redis keys and SCAN patterns, so braces, colons, glob characters
 * and spaces are refused; user ids are the app's own, refused only if empty, too long or with control characters.
 */
public final class PathIds {

    public static final String APP_ID = "[A-Za-z0-9_.-]{1,64}";
    public static final String APP_ID_MESSAGE = "must be 1 to 64 letters, digits, '_', '.' or '-'";
    public static final String USER_ID = "[^\\p{Cntrl}]{1,256}";
    public static final String USER_ID_MESSAGE = "must be 1 to 256 characters without control characters";

    private PathIds() {
    }
}
