package dev.marquee.contracts.campaign;

public enum TriggerType {
    SESSION_START
}
