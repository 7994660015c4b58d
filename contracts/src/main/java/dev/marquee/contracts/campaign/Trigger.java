package dev.marquee.contracts.campaign;

public record Trigger(TriggerType type) {
}
