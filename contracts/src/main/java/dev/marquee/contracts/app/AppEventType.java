package dev.marquee.contracts.app;

public enum AppEventType {
    CREATED, UPDATED, CREDENTIALS_CHANGED, SETTINGS_CHANGED
}
