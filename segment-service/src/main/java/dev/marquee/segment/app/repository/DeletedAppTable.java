package dev.marquee.segment.app.repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The deleted apps and their erasure ({@code segment.deleted_app}): plain SQL on the reactive pool, since all of it
 * runs in the background, outside any request.
 */
@ApplicationScoped
public class DeletedAppTable {

    /** What was erased of an app so far, by kind. */
    public record Erased(long segments, long members, long keys) {

        public Map<String, Long> asMap() {
            return Map.of("segments", segments, "staticMembers", members, "redisKeys", keys);
        }
    }

    private final Pool pool;

    public DeletedAppTable(Pool pool) {
        this.pool = pool;
    }

    /** Records a deletion once (a replayed DELETED event changes nothing); its erasure starts at {@code eraseAfter}. */
    public Uni<Void> record(String appId, Instant deletedAt, Instant eraseAfter) {
        return pool.preparedQuery("insert into segment.deleted_app (app_id, deleted_at, erase_after) "
                + "values ($1, $2, $3) on conflict (app_id) do nothing")
                .execute(Tuple.of(appId, utc(deletedAt), utc(eraseAfter)))
                .replaceWithVoid();
    }

    public Uni<Set<String>> ids() {
        return pool.query("select app_id from segment.deleted_app").execute().map(rows -> {
            Set<String> ids = new HashSet<>();
            for (Row row : rows) {
                ids.add(row.getString(0));
            }
            return ids;
        });
    }

    /**
     * Takes the oldest due erasure nobody holds (or whose holder's lease ran out) and holds it until
     * {@code leaseUntil}; empty when there is none.
     */
    public Uni<Optional<String>> claim(Instant now, Instant leaseUntil) {
        return pool.preparedQuery("update segment.deleted_app set claimed_until = $2 where app_id = ("
                + "select app_id from segment.deleted_app where finished_at is null and erase_after <= $1 "
                + "and (claimed_until is null or claimed_until < $1) order by erase_after limit 1 "
                + "for update skip locked) returning app_id")
                .execute(Tuple.of(utc(now), utc(leaseUntil)))
                .map(rows -> rows.size() == 0
                        ? Optional.<String>empty()
                        : Optional.of(rows.iterator().next().getString(0)));
    }

    /** The app's segments (id → version), to announce as deleted before their rows go. */
    public Uni<Map<String, Long>> definitions(String appId) {
        return pool.preparedQuery("select id, version from segment.segment_definition where app_id = $1")
                .execute(Tuple.of(appId))
                .map(rows -> {
                    Map<String, Long> versions = new HashMap<>();
                    for (Row row : rows) {
                        versions.put(row.getString(0), row.getLong(1));
                    }
                    return versions;
                });
    }

    /**
     * Deletes the app's segment definitions and, with them, the stored members of its static segments, in one
     * transaction that also adds their numbers to the app's row.
     */
    public Uni<Void> eraseDefinitions(String appId) {
        return pool.withTransaction(tx -> tx.preparedQuery("select count(*) from segment.static_member m "
                + "join segment.segment_definition d on d.id = m.segment_id where d.app_id = $1")
                .execute(Tuple.of(appId))
                .map(rows -> rows.iterator().next().getLong(0))
                .chain(members -> tx.preparedQuery("delete from segment.segment_definition where app_id = $1")
                        .execute(Tuple.of(appId))
                        .chain(deleted -> tx.preparedQuery("update segment.deleted_app set "
                                + "erased_segments = erased_segments + $2, erased_members = erased_members + $3 "
                                + "where app_id = $1")
                                .execute(Tuple.of(appId, (long) deleted.rowCount(), members)))))
                .replaceWithVoid();
    }

    public Uni<Void> addErasedKeys(String appId, long keys) {
        return pool.preparedQuery("update segment.deleted_app set erased_keys = erased_keys + $2 where app_id = $1")
                .execute(Tuple.of(appId, keys))
                .replaceWithVoid();
    }

    public Uni<Erased> erased(String appId) {
        return pool.preparedQuery("select erased_segments, erased_members, erased_keys from segment.deleted_app "
                + "where app_id = $1")
                .execute(Tuple.of(appId))
                .map(DeletedAppTable::erasedOf);
    }

    public Uni<Void> finish(String appId, Instant finishedAt) {
        return pool.preparedQuery("update segment.deleted_app set finished_at = $2, claimed_until = null "
                + "where app_id = $1")
                .execute(Tuple.of(appId, utc(finishedAt)))
                .replaceWithVoid();
    }

    private static Erased erasedOf(RowSet<Row> rows) {
        Row row = rows.iterator().next();
        return new Erased(row.getLong(0), row.getLong(1), row.getLong(2));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
