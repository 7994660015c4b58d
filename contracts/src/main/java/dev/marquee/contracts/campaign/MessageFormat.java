package dev.marquee.contracts.campaign;

public enum MessageFormat {
    MODAL
}
