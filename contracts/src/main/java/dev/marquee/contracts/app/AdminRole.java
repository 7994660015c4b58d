package dev.marquee.contracts.app;

public enum AdminRole {
    ADMIN, EDITOR, VIEWER
}
