package dev.marquee.campaign.app.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(example = "{\"name\": \"Demo shop\"}")
public record AppRequest(@NotBlank @Size(max = 200) String name) {
}
