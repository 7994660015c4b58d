package dev.marquee.campaign.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

/** Reads the outbox table directly, as an operator would, to see what is still waiting for Kafka. */
final class OutboxTable {

    private OutboxTable() {
    }

    static int rows(DataSource dataSource, String key) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("select count(*) from outbox where event_key = ?")) {
            query.setString(1, key);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** Adds an event to the outbox as the services do, in its own transaction; answers its id. */
    static long insert(DataSource dataSource, String topic, String key, String payload) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "insert into outbox (topic, event_key, payload, created_at) values (?, ?, ?, now()) returning id")) {
            insert.setString(1, topic);
            insert.setString(2, key);
            insert.setString(3, payload);
            try (ResultSet rs = insert.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** A row of {@code outbox_dead_letter}, as an operator would query it. */
    record DeadLetter(long id, String topic, int attempts, String reason, String payload) {
    }

    static List<DeadLetter> deadLetters(DataSource dataSource, String key) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "select id, topic, attempts, reason, payload from outbox_dead_letter where event_key = ? order by id")) {
            query.setString(1, key);
            List<DeadLetter> letters = new ArrayList<>();
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    letters.add(new DeadLetter(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                            rs.getString(5)));
                }
            }
            return letters;
        }
    }

    /** Relay passes that failed on the key's waiting events for their own reason. */
    static int attempts(DataSource dataSource, String key) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "select coalesce(max(attempts), 0) from outbox where event_key = ?")) {
            query.setString(1, key);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
