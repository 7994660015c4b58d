package dev.marquee.segment.segment.repository;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import dev.marquee.segment.error.Unavailable;
import io.agroal.api.AgroalDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The uploaded members of static segments in PostgreSQL, so that their Redis membership can be rebuilt. An upload
 * streams its ids with {@code COPY} over JDBC (the reactive client has no COPY; uploads run on a worker thread anyway)
 * into a temporary table, and one statement then adds the new ones: a million ids cost seconds, not minutes of
 * inserts. The rebuild reads them back page by page on the reactive pool.
 */
@ApplicationScoped
public class StaticMemberTable {

    private final AgroalDataSource dataSource;
    private final Pool pool;

    public StaticMemberTable(AgroalDataSource dataSource, Pool pool) {
        this.dataSource = dataSource;
        this.pool = pool;
    }

    /** Starts storing an upload to {@code segmentId}; nothing is stored unless {@link Upload#commit()} is called. */
    public Upload begin(String segmentId) {
        try {
            Connection connection = dataSource.getConnection();
            try {
                connection.setAutoCommit(false);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("create temporary table uploaded (user_id text not null) on commit drop");
                }
                CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI()
                        .copyIn("copy uploaded (user_id) from stdin");
                return new Upload(segmentId, connection, copy);
            } catch (SQLException | RuntimeException e) {
                connection.close();
                throw e;
            }
        } catch (SQLException e) {
            throw new Unavailable("PostgreSQL", "PostgreSQL did not take the upload", e);
        }
    }

    /** One upload's ids on their way into PostgreSQL; closing without commit discards them. */
    public static final class Upload implements AutoCloseable {

        private final String segmentId;
        private final Connection connection;
        private final CopyIn copy;

        private Upload(String segmentId, Connection connection, CopyIn copy) {
            this.segmentId = segmentId;
            this.connection = connection;
            this.copy = copy;
        }

        /** Ids hold no control characters (validated), so only the backslash needs escaping in COPY's text format. */
        public void add(List<String> userIds) {
            StringBuilder rows = new StringBuilder(userIds.size() * 16);
            for (String userId : userIds) {
                rows.append(userId.replace("\\", "\\\\")).append('\n');
            }
            byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
            try {
                copy.writeToCopy(bytes, 0, bytes.length);
            } catch (SQLException e) {
                throw new Unavailable("PostgreSQL", "PostgreSQL did not take the upload", e);
            }
        }

        public void commit() {
            try {
                copy.endCopy();
                try (PreparedStatement insert = connection.prepareStatement("insert into segment.static_member "
                        + "(segment_id, user_id) select ?, user_id from uploaded on conflict do nothing")) {
                    insert.setString(1, segmentId);
                    insert.executeUpdate();
                }
                connection.commit();
            } catch (SQLException e) {
                throw new Unavailable("PostgreSQL", "PostgreSQL did not take the upload", e);
            }
        }

        @Override
        public void close() {
            try {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
                connection.rollback();
            } catch (SQLException e) {
                // the connection is closed below whatever state it is in
            } finally {
                try {
                    connection.close();
                } catch (SQLException e) {
                    throw new Unavailable("PostgreSQL", "PostgreSQL did not take the upload", e);
                }
            }
        }
    }

    /** Up to {@code limit} members of the segment after {@code afterUserId} (""), in user id order. */
    public Uni<List<String>> page(String segmentId, String afterUserId, int limit) {
        return pool.preparedQuery("select user_id from segment.static_member where segment_id = $1 and user_id > $2 "
                + "order by user_id limit $3")
                .execute(Tuple.of(segmentId, afterUserId, limit))
                .map(rows -> {
                    List<String> userIds = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        userIds.add(row.getString(0));
                    }
                    return userIds;
                });
    }

    /**
     * Erasure: deletes the user from the stored uploads of every static segment of the app, so that no rebuild puts
     * them back; answers the segments they were stored in. Idempotent.
     */
    public Uni<List<String>> eraseUser(String appId, String userId) {
        return pool.preparedQuery("delete from segment.static_member m using segment.segment_definition d "
                + "where m.segment_id = d.id and d.app_id = $1 and m.user_id = $2 returning m.segment_id")
                .execute(Tuple.of(appId, userId))
                .map(rows -> {
                    List<String> segmentIds = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        segmentIds.add(row.getString(0));
                    }
                    return segmentIds;
                });
    }

    public Uni<Long> count(String segmentId) {
        return pool.preparedQuery("select count(*) from segment.static_member where segment_id = $1")
                .execute(Tuple.of(segmentId))
                .map(rows -> rows.iterator().next().getLong(0));
    }
}
