package dev.marquee.campaign.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

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
}
