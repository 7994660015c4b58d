package dev.marquee.bench.delivery;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import dev.marquee.contracts.Topics;
import dev.marquee.contracts.app.AppEvent;
import dev.marquee.contracts.app.AppEventType;
import dev.marquee.contracts.app.Credential;
import dev.marquee.contracts.app.CredentialKind;
import dev.marquee.contracts.app.SdkScope;
import dev.marquee.contracts.app.WorkspaceSettings;
import dev.marquee.contracts.campaign.CampaignEvent;
import dev.marquee.contracts.campaign.CampaignEventType;
import dev.marquee.contracts.campaign.CampaignSnapshot;
import dev.marquee.contracts.campaign.CampaignState;
import dev.marquee.contracts.campaign.Frequency;
import dev.marquee.contracts.campaign.Message;
import dev.marquee.contracts.campaign.MessageFormat;
import dev.marquee.contracts.campaign.PropertyFilter;
import dev.marquee.contracts.campaign.Schedule;
import dev.marquee.contracts.campaign.Targeting;
import dev.marquee.contracts.campaign.Trigger;
import dev.marquee.contracts.campaign.Variant;

/**
 * Seeds the delivery bench: app "bench-app" with 50 active campaigns (five trigger kinds, half of them targeting one
 * of the 10 segments, per-session and rolling caps, 2 variants each, personalized and translated texts), 10 built
 * segments and 2,000 users with memberships and a first name, in segment-service's Redis layout; the app's SDK key (as
 * campaign-service publishes it: its SHA-256 on app.events.v1) for the runs through the gateway.
 * Run (bench/delivery/run.sh does): java -cp <bench classpath> dev.marquee.bench.delivery.Seed <redis port> <kafka bootstrap> <sdk key>
 */
public class Seed {

    static final String APP = "bench-app";
    static final int USERS = 2000;

    public static void main(String[] args) throws Exception {
        int redisPort = Integer.parseInt(args[0]);
        String bootstrap = args[1];
        String sdkKey = args[2];
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

        List<List<String>> commands = new ArrayList<>();
        for (int s = 0; s < 10; s++) {
            commands.add(List.of("HSET", "mq:{" + APP + "}:segments-ready", "seg-" + s, "1"));
        }
        for (int u = 0; u < USERS; u++) {
            String tag = "mq:{" + APP + ":user-" + u + "}";
            commands.add(List.of("SADD", tag + ":segments", "seg-" + (u % 10), "seg-" + ((u / 10) % 10)));
            commands.add(List.of("HSET", tag + ":profile", "a:first_name", "\"Name" + u + "\""));
        }
        redis(redisPort, commands);

        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("key.serializer", StringSerializer.class.getName());
        p.put("value.serializer", StringSerializer.class.getName());
        p.put("acks", "all");
        try (KafkaProducer<String, String> kafka = new KafkaProducer<>(p)) {
            AppEvent app = new AppEvent(UUID.randomUUID().toString(), AppEventType.CREATED, APP, "Bench", Instant.now(),
                    List.of(new Credential("bench-key", CredentialKind.SDK_KEY, "bench", null, sha256(sdkKey),
                            List.of(SdkScope.READ, SdkScope.TRACK), List.of(), List.of(), null)),
                    new WorkspaceSettings(1_000_000, 1_000_000, 0));
            kafka.send(new ProducerRecord<>(Topics.APP_EVENTS, APP, json.writeValueAsString(app))).get();
            for (int i = 0; i < 50; i++) {
                CampaignSnapshot c = campaign(i);
                CampaignEvent event = new CampaignEvent(UUID.randomUUID().toString(), CampaignEventType.PUBLISHED, APP,
                        c.id(), c.updatedAt(), c);
                kafka.send(new ProducerRecord<>(Topics.CAMPAIGN_EVENTS, event.key(), json.writeValueAsString(event)))
                        .get();
            }
        }
        System.out.println("seeded 50 campaigns, 10 segments, " + USERS + " users");
    }

    static CampaignSnapshot campaign(int i) {
        Trigger trigger = switch (i % 5) {
            case 0 -> new Trigger(Trigger.Type.SESSION_START, null, null, List.of(), 0);
            case 1 -> new Trigger(Trigger.Type.SCREEN_VIEW, "screen-" + (i % 10), null, List.of(), 0);
            case 2 -> new Trigger(Trigger.Type.CUSTOM_EVENT, "event-" + (i % 10), null, List.of(), 0);
            case 3 -> new Trigger(Trigger.Type.PURCHASE, null, null,
                    List.of(new PropertyFilter("amount", PropertyFilter.Operator.GTE, List.of(10))), 0);
            default -> new Trigger(Trigger.Type.APP_OPEN, null, null, List.of(), 0);
        };
        // the odd campaigns target seg-0 … seg-9 in turn (25 campaigns over the 10 segments)
        Targeting targeting = i % 2 == 0
                ? Targeting.EVERYONE
                : new Targeting(Set.of("seg-" + ((i / 2) % 10)), Set.of(), Set.of(), null, List.of(), 100);
        Frequency frequency = new Frequency(null, 1000, new Frequency.RollingCap(1000, 24), null, 1 + i % 100, false);
        return new CampaignSnapshot("campaign-" + i, APP, "Campaign " + i, CampaignState.ACTIVE, 1, List.of(trigger),
                targeting, List.of(new Variant("A", null, 50, message(i, "A")), new Variant("B", null, 50,
                        message(i, "B"))),
                0, Schedule.DEFAULT, frequency, null, Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i),
                Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i));
    }

    static Message message(int i, String variant) {
        return new Message(MessageFormat.MODAL, "Hi {{ user.first_name | default: \"there\" }} (" + i + variant + ")",
                "Offer " + i, null, List.of(new Message.Button("ok", "OK", Message.Button.Action.DISMISS, null, null)),
                null, null, null, null, null, null, null, null,
                Map.of("fr", new Message.Translation("Salut {{ user.first_name | default: \"toi\" }}", "Offre " + i,
                        null, Map.of("ok", "D'accord"), null, null)));
    }

    static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Pipelines simple commands whose replies are one line each (integers, OK). */
    static void redis(int port, List<List<String>> commands) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            StringBuilder batch = new StringBuilder();
            for (List<String> command : commands) {
                batch.append('*').append(command.size()).append("\r\n");
                for (String part : command) {
                    batch.append('$').append(part.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(part)
                            .append("\r\n");
                }
            }
            out.write(batch.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            for (int i = 0; i < commands.size(); i++) {
                String reply = in.readLine();
                if (reply.startsWith("-")) {
                    throw new IllegalStateException("redis: " + reply);
                }
            }
        }
    }
}
