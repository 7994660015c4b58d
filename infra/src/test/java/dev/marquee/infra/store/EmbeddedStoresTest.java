package dev.marquee.infra.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;

import dev.marquee.contracts.Topics;

class EmbeddedStoresTest {

    @Test
    void postgresAnswersSql() throws Exception {
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(0, null);
                Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), EmbeddedPostgresServer.USER,
                        EmbeddedPostgresServer.PASSWORD);
                ResultSet result = connection.createStatement().executeQuery("select 40 + 2")) {
            assertTrue(result.next());
            assertEquals(42, result.getInt(1));
        }
    }

    @Test
    void redisAnswersPing() throws Exception {
        try (EmbeddedRedisServer redis = EmbeddedRedisServer.start(0, null);
                Socket socket = new Socket("127.0.0.1", redis.port())) {
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            assertEquals("+PONG", in.readLine());
        }
    }

    @Test
    void kafkaCreatesEveryTopicWithItsCleanupPolicy() throws Exception {
        try (EmbeddedKafkaServer kafka = EmbeddedKafkaServer.start(0, null);
                Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", kafka.bootstrapServers()))) {
            Set<String> names = admin.listTopics().names().get();
            for (Topics.TopicSpec spec : Topics.ALL) {
                assertTrue(names.contains(spec.name()), spec.name() + " missing");
            }
            ConfigResource campaignTopic = new ConfigResource(ConfigResource.Type.TOPIC, Topics.CAMPAIGN_EVENTS);
            Config config = admin.describeConfigs(List.of(campaignTopic)).all()
                    .get()
                    .get(campaignTopic);
            assertEquals("compact", config.get("cleanup.policy").value());
        }
    }
}
