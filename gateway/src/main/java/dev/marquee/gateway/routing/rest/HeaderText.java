package dev.marquee.gateway.routing.rest;

import java.nio.charset.StandardCharsets;

/** Free text (a credential's name) made safe for a header value: printable ASCII kept, the rest percent-encoded. */
final class HeaderText {

    private static final int MAX_LENGTH = 200;

    private HeaderText() {
    }

    static String printable(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 0x20 && c < 0x7f && c != '%') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
            if (out.length() >= MAX_LENGTH) {
                break;
            }
        }
        return out.toString();
    }
}
