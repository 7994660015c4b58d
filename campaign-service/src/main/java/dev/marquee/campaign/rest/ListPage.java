package dev.marquee.campaign.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a list; {@code nextCursor} is null on the last page. */
@Schema(example = "{\"items\": [], \"nextCursor\": \"MjAyNi0xMS0yM1QxMDowMDowMFp8OGYwZQ\"}")
public record ListPage<T>(List<T> items, String nextCursor) {
}
