package dev.marquee.contracts.campaign;

public enum ButtonAction {
    DISMISS, DEEP_LINK, URL
}
