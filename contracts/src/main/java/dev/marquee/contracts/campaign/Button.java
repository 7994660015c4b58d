package dev.marquee.contracts.campaign;

/** A message button; {@code url} is set for {@link ButtonAction#DEEP_LINK} and {@link ButtonAction#URL} only. */
public record Button(String id, String label, ButtonAction action, String url) {
}
