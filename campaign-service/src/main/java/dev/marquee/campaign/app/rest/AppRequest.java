package dev.marquee.campaign.app.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record AppRequest(@NotBlank @Size(max = 200) String name) {
}
