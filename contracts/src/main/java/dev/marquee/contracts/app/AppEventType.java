package dev.marquee.contracts.app;

public enum AppEventType {
    CREATED, CREDENTIALS_CHANGED, SETTINGS_CHANGED
}
