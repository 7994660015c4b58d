package dev.marquee.segment.segment.repository;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.marquee.segment.segment.SegmentKind;
import dev.marquee.segment.segment.SegmentStatus;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The definitions as background work reads and updates them (the catalog refresh, backfill progress): plain SQL on the
 * reactive pool, because that work runs outside any request and its Hibernate session.
 */
@ApplicationScoped
public class DefinitionTable {

    /** The columns evaluation needs. */
    public record Definition(String id, String appId, SegmentKind kind, String rules, long version, SegmentStatus status) {
    }

    private final Pool pool;

    public DefinitionTable(Pool pool) {
        this.pool = pool;
    }

    public Uni<List<Definition>> all() {
        return pool.query("select id, app_id, kind, rules, version, status from segment.segment_definition")
                .execute()
                .map(rows -> {
                    List<Definition> all = new ArrayList<>();
                    for (Row row : rows) {
                        all.add(new Definition(row.getString("id"), row.getString("app_id"),
                                SegmentKind.valueOf(row.getString("kind")), row.getString("rules"),
                                row.getLong("version"), SegmentStatus.valueOf(row.getString("status"))));
                    }
                    return all;
                });
    }

    /** Records progress of the build of {@code version}; a newer version's build owns the row, so it is left alone. */
    public Uni<Void> progress(String id, long version, SegmentStatus status, int percent) {
        return pool.preparedQuery("update segment.segment_definition set status = $1, progress = $2 "
                + "where id = $3 and version = $4")
                .execute(Tuple.of(status.name(), percent, id, version))
                .replaceWithVoid();
    }
}
