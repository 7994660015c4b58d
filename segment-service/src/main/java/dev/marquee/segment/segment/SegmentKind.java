package dev.marquee.segment.segment;

/** How membership is decided: by a rule tree, or by an uploaded list of user ids. */
public enum SegmentKind {
    RULES, STATIC
}
