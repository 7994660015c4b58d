package dev.marquee.contracts.app;

public enum CredentialKind {
    SDK_KEY, ADMIN_TOKEN
}
