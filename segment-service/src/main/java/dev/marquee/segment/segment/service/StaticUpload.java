package dev.marquee.segment.segment.service;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.marquee.contracts.segment.MembershipChange;
import dev.marquee.contracts.segment.SegmentMembershipEvent;
import dev.marquee.contracts.user.UserEventRules;
import dev.marquee.segment.config.TimeSource;
import dev.marquee.segment.error.FieldProblem;
import dev.marquee.segment.error.InvalidField;
import dev.marquee.segment.error.NotFound;
import dev.marquee.segment.segment.SegmentKind;
import dev.marquee.segment.segment.messaging.MembershipPublisher;
import dev.marquee.segment.segment.repository.MembershipStore;
import dev.marquee.segment.segment.repository.StaticMemberTable;

/**
 * Adds uploaded user ids to a static segment while the body streams in: CSV (the first column of each line; a
 * {@code userId} header line is skipped) or NDJSON ({@code {"userId": "…"}} per line). Ids are written in pipelined
 * batches, so memory stays flat whatever the size; bad lines are counted and the first ones reported by line number.
 * The ids are also streamed into PostgreSQL ({@link StaticMemberTable}) and stored there when the upload completes, so
 * the segment can be rebuilt after a Redis data loss; an upload that fails stores nothing there (upload it again).
 */
@ApplicationScoped
public class StaticUpload {

    private static final int BATCH = 2000;
    private static final int REPORTED_ERRORS = 100;

    private final SegmentCatalog catalog;
    private final MembershipStore membership;
    private final StaticMemberTable members;
    private final MembershipPublisher publisher;
    private final TimeSource time;
    private final ObjectMapper json;

    public StaticUpload(SegmentCatalog catalog, MembershipStore membership, StaticMemberTable members,
            MembershipPublisher publisher, TimeSource time, ObjectMapper json) {
        this.catalog = catalog;
        this.membership = membership;
        this.members = members;
        this.publisher = publisher;
        this.time = time;
        this.json = json;
    }

    /** Blocking: runs on a worker thread while the request body streams. */
    public UploadResult upload(String appId, String segmentId, InputStream body, boolean ndjson) {
        catalog.loaded().await().indefinitely();
        CompiledSegment segment = catalog.get(appId, segmentId);
        if (segment == null) {
            throw new NotFound("Segment");
        }
        if (segment.kind() != SegmentKind.STATIC) {
            throw new InvalidField("kind", "members can be uploaded to STATIC segments only");
        }
        String uploadId = UUID.randomUUID().toString();
        long received = 0;
        long added = 0;
        long rejected = 0;
        List<FieldProblem> errors = new ArrayList<>();
        List<String> batch = new ArrayList<>(BATCH);
        try (StaticMemberTable.Upload stored = members.begin(segmentId);
                BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8), 1 << 16)) {
            String line;
            long number = 0;
            while ((line = lines.readLine()) != null) {
                number++;
                String userId = ndjson ? fromJson(line) : fromCsv(line, number);
                if (userId == null && line.isBlank()) {
                    continue;
                }
                if (userId == null && !ndjson && number == 1) {
                    continue;
                }
                if (userId == null || userId.isEmpty() || userId.length() > UserEventRules.MAX_USER_ID
                        || userId.chars().anyMatch(Character::isISOControl)) {
                    rejected++;
                    if (errors.size() < REPORTED_ERRORS) {
                        errors.add(new FieldProblem("line " + number, "is not a user id (1 to " + UserEventRules.MAX_USER_ID
                                + " characters" + (ndjson ? ", as {\"userId\": \"…\"}" : "") + ")"));
                    }
                    continue;
                }
                received++;
                batch.add(userId);
                if (batch.size() == BATCH) {
                    stored.add(batch);
                    added += flush(segment, batch, uploadId);
                    batch = new ArrayList<>(BATCH);
                }
            }
            if (!batch.isEmpty()) {
                stored.add(batch);
                added += flush(segment, batch, uploadId);
            }
            stored.commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new UploadResult(received, added, rejected, errors);
    }

    private long flush(CompiledSegment segment, List<String> userIds, String uploadId) {
        List<String> added = membership.addAll(segment.appId(), segment.id(), userIds).await().indefinitely();
        List<SegmentMembershipEvent> events = new ArrayList<>(added.size());
        for (String userId : added) {
            events.add(new SegmentMembershipEvent(
                    UUID.nameUUIDFromBytes((uploadId + "|" + userId).getBytes(StandardCharsets.UTF_8)).toString(),
                    MembershipChange.ENTERED, segment.appId(), userId, segment.id(), segment.version(), List.of(),
                    time.now()));
        }
        publisher.publish(events).await().indefinitely();
        return added.size();
    }

    /** The first column; a header line ({@code userId}, {@code user_id}, {@code id}) reads as null. */
    private static String fromCsv(String line, long number) {
        String first = line.split(",", 2)[0].trim();
        if (first.length() >= 2 && first.startsWith("\"") && first.endsWith("\"")) {
            first = first.substring(1, first.length() - 1);
        }
        if (number == 1 && (first.equalsIgnoreCase("userId") || first.equalsIgnoreCase("user_id")
                || first.equalsIgnoreCase("id"))) {
            return null;
        }
        return first.isEmpty() ? null : first;
    }

    private String fromJson(String line) {
        if (line.isBlank()) {
            return null;
        }
        try {
            JsonNode node = json.readTree(line);
            JsonNode id = node == null ? null : node.get("userId");
            return id != null && id.isTextual() ? id.asText() : "";
        } catch (JsonProcessingException e) {
            return "";
        }
    }
}
