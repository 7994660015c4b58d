package dev.marquee.segment.segment.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.marquee.contracts.user.UserEvent;
import dev.marquee.contracts.user.UserEventType;
import dev.marquee.segment.config.SegmentConfig;
import dev.marquee.segment.segment.SegmentKind;
import dev.marquee.segment.segment.repository.DefinitionTable;
import dev.marquee.segment.segment.rule.Rule;
import dev.marquee.segment.segment.rule.RuleEvaluator;
import dev.marquee.segment.segment.rule.RuleParser;
import io.smallrye.mutiny.Uni;

/**
 * Every app's segment definitions in memory, compiled, for the consumer's hot path. Changes made here are applied at
 * once; changes made by another instance arrive with the periodic {@link #reload()}.
 */
@ApplicationScoped
public class SegmentCatalog {

    private static final Logger LOG = Logger.getLogger(SegmentCatalog.class);

    private final DefinitionTable table;
    private final ObjectMapper json;
    private final SegmentConfig config;
    private final Map<String, Map<String, CompiledSegment>> byApp = new ConcurrentHashMap<>();
    private volatile Uni<Void> firstLoad;

    public SegmentCatalog(DefinitionTable table, ObjectMapper json, SegmentConfig config) {
        this.table = table;
        this.json = json;
        this.config = config;
        this.firstLoad = reload().memoize().indefinitely();
    }

    /** Completes once the definitions were read at least once: nothing is evaluated against an empty catalog. */
    public Uni<Void> loaded() {
        return firstLoad;
    }

    public Uni<Void> reload() {
        return Uni.createFrom().deferred(() -> table.all()).map(rows -> {
            Map<String, Map<String, CompiledSegment>> fresh = new HashMap<>();
            for (DefinitionTable.Definition row : rows) {
                CompiledSegment compiled = compile(row.id(), row.appId(), row.kind(), row.rules(), row.version());
                if (compiled != null) {
                    fresh.computeIfAbsent(row.appId(), a -> new ConcurrentHashMap<>()).put(row.id(), compiled);
                }
            }
            byApp.keySet().retainAll(fresh.keySet());
            byApp.putAll(fresh);
            return null;
        });
    }

    public CompiledSegment compile(String id, String appId, SegmentKind kind, String rules, long version) {
        if (kind == SegmentKind.STATIC) {
            return CompiledSegment.uploaded(id, appId, version);
        }
        try {
            Rule rule = RuleParser.parse(json.readTree(rules), "rules", config.counterRetentionDays());
            return CompiledSegment.rules(id, appId, version, rule);
        } catch (JsonProcessingException | RuntimeException e) {
            // stored rules were validated when saved; one unreadable row must not stop the others
            LOG.warnf("segment %s has rules this version cannot read: %s", id, e.getMessage());
            return null;
        }
    }

    public void put(CompiledSegment segment) {
        byApp.computeIfAbsent(segment.appId(), a -> new ConcurrentHashMap<>()).put(segment.id(), segment);
    }

    public void remove(String appId, String id) {
        Map<String, CompiledSegment> segments = byApp.get(appId);
        if (segments != null) {
            segments.remove(id);
        }
    }

    public CompiledSegment get(String appId, String id) {
        return byApp.getOrDefault(appId, Map.of()).get(id);
    }

    public List<CompiledSegment> all() {
        List<CompiledSegment> all = new ArrayList<>();
        byApp.values().forEach(segments -> all.addAll(segments.values()));
        return all;
    }

    public List<CompiledSegment> affectedBy(UserEvent event) {
        return byApp.getOrDefault(event.appId(), Map.of()).values().stream().filter(s -> s.dependsOn(event)).toList();
    }

    /** Every rule segment of the app (an identify that merges profiles can change any of them). */
    public List<CompiledSegment> rulesOf(String appId) {
        return byApp.getOrDefault(appId, Map.of()).values().stream().filter(s -> s.kind() == SegmentKind.RULES)
                .toList();
    }

    public List<CompiledSegment> timeDependent(String appId) {
        return byApp.getOrDefault(appId, Map.of()).values().stream().filter(CompiledSegment::timeDependent).toList();
    }

    /**
     * The day-counter fields a tracked event increments: its name, and {@code name#filterId} for every filtered
     * condition of the app whose property filters it passes.
     */
    public List<String> counterFields(UserEvent event) {
        if (event.type() != UserEventType.TRACK) {
            return List.of();
        }
        Set<String> fields = new LinkedHashSet<>();
        fields.add(event.name());
        for (CompiledSegment segment : byApp.getOrDefault(event.appId(), Map.of()).values()) {
            for (Rule.EventCondition condition : segment.filtered()) {
                if (condition.event().equals(event.name()) && condition.where().stream()
                        .allMatch(f -> RuleEvaluator.passes(f, property(event, f.property())))) {
                    fields.add(condition.counterField());
                }
            }
        }
        return List.copyOf(fields);
    }

    private com.fasterxml.jackson.databind.JsonNode property(UserEvent event, String name) {
        if (event.properties() == null || !event.properties().containsKey(name)) {
            return null;
        }
        return json.valueToTree(event.properties().get(name));
    }
}
