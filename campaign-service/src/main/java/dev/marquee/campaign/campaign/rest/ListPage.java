package dev.marquee.campaign.campaign.rest;

import java.util.List;

/** One page of a list; {@code nextCursor} is null on the last page. */
public record ListPage<T>(List<T> items, String nextCursor) {
}
