package dev.marquee.delivery.campaign.service;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import dev.marquee.contracts.Topics;
import dev.marquee.delivery.config.DeliveryConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Ready once the index holds every campaign event that existed at start: the end offsets of the topic are read at
 * start, and each processed record moves its partition forward. Until then the service would answer from a partial
 * index, so it stays out of rotation.
 */
@ApplicationScoped
public class CampaignIndexReadiness {

    private static final Logger LOG = Logger.getLogger(CampaignIndexReadiness.class);

    private final String bootstrapServers;
    private final Duration retry;
    private final Map<Integer, Long> processedUpTo = new ConcurrentHashMap<>();
    private volatile Map<Integer, Long> endOffsetsAtStart;
    private volatile boolean caughtUp;
    private volatile boolean stopping;

    @Inject
    public CampaignIndexReadiness(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            DeliveryConfig config) {
        this(bootstrapServers, config.catchUp().retry());
    }

    CampaignIndexReadiness(String bootstrapServers, Duration retry) {
        this.bootstrapServers = bootstrapServers;
        this.retry = retry;
    }

    void onStart(@Observes StartupEvent event) {
        Thread reader = new Thread(this::readEndOffsets, "campaign-index-catch-up");
        reader.setDaemon(true);
        reader.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    /** Called by the consumer after a record of {@code partition} at {@code offset} is in the index. */
    public void processed(int partition, long offset) {
        processedUpTo.merge(partition, offset + 1, Math::max);
    }

    public boolean isCaughtUp() {
        if (caughtUp) {
            return true;
        }
        Map<Integer, Long> targets = endOffsetsAtStart;
        if (targets == null) {
            return false;
        }
        caughtUp = targets.entrySet().stream()
                .allMatch(target -> processedUpTo.getOrDefault(target.getKey(), 0L) >= target.getValue());
        return caughtUp;
    }

    /** The end offsets (per partition) the index must reach before it is ready. */
    void catchUpTo(Map<Integer, Long> endOffsets) {
        LOG.infof("campaign index catches up to %s", endOffsets);
        endOffsetsAtStart = Map.copyOf(endOffsets);
    }

    private void readEndOffsets() {
        Map<String, Object> settings = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000);
        while (!stopping) {
            try (Admin admin = Admin.create(settings)) {
                TopicDescription topic = admin.describeTopics(Set.of(Topics.CAMPAIGN_EVENTS))
                        .allTopicNames().get(10, TimeUnit.SECONDS).get(Topics.CAMPAIGN_EVENTS);
                Map<TopicPartition, OffsetSpec> latest = topic.partitions().stream().collect(Collectors.toMap(
                        p -> new TopicPartition(Topics.CAMPAIGN_EVENTS, p.partition()), p -> OffsetSpec.latest()));
                Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all()
                        .get(10, TimeUnit.SECONDS);
                catchUpTo(ends.entrySet().stream()
                        .collect(Collectors.toMap(e -> e.getKey().partition(), e -> e.getValue().offset())));
                return;
            } catch (Exception e) {
                LOG.warnf("cannot read the end of %s yet (%s); retrying", Topics.CAMPAIGN_EVENTS, e.getMessage());
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                    return;
                }
                try {
                    Thread.sleep(retry.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
