package dev.marquee.results.campaign.repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.marquee.results.campaign.CampaignDefinition;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/** Campaign definitions in {@code results.campaign}: the latest version announced wins, an older one changes nothing. */
@ApplicationScoped
public class CampaignTable {

    private static final String UPSERT = """
            insert into results.campaign (app_id, campaign_id, name, version, state, variants, control_percent,
                goal_events, goal_window_days, deleted, updated_at)
            values ($1, $2, $3, $4, $5, $6::text::jsonb, $7, $8::text::jsonb, $9, $10, $11)
            on conflict (app_id, campaign_id) do update set name = excluded.name, version = excluded.version,
                state = excluded.state, variants = excluded.variants, control_percent = excluded.control_percent,
                goal_events = excluded.goal_events, goal_window_days = excluded.goal_window_days,
                deleted = excluded.deleted, updated_at = excluded.updated_at
            where results.campaign.version <= excluded.version
            """;

    private static final String FIND = """
            select app_id, campaign_id, name, version, state, variants::text, control_percent, goal_events::text,
                goal_window_days, deleted
            from results.campaign where app_id = $1 and campaign_id = $2
            """;

    private final Pool pool;

    public CampaignTable(Pool pool) {
        this.pool = pool;
    }

    public Uni<Void> store(CampaignDefinition definition, Instant updatedAt) {
        JsonArray variants = new JsonArray();
        for (CampaignDefinition.VariantArm variant : definition.variants()) {
            variants.add(new JsonObject().put("id", variant.id()).put("name", variant.name())
                    .put("weight", variant.weight()));
        }
        Tuple values = Tuple.tuple(List.of(definition.appId(), definition.campaignId(),
                definition.name() == null ? "" : definition.name(), definition.version(),
                definition.state() == null ? "" : definition.state(), variants.encode(), definition.controlPercent(),
                new JsonArray(new ArrayList<>(definition.goalEvents())).encode()));
        values.addValue(definition.goalWindowDays());
        values.addValue(definition.deleted());
        values.addValue(OffsetDateTime.ofInstant(updatedAt, ZoneOffset.UTC));
        return pool.preparedQuery(UPSERT).execute(values).replaceWithVoid();
    }

    public Uni<Optional<CampaignDefinition>> find(String appId, String campaignId) {
        return pool.preparedQuery(FIND).execute(Tuple.of(appId, campaignId)).map(CampaignTable::first);
    }

    private static Optional<CampaignDefinition> first(RowSet<Row> rows) {
        var iterator = rows.iterator();
        if (!iterator.hasNext()) {
            return Optional.empty();
        }
        Row row = iterator.next();
        List<CampaignDefinition.VariantArm> variants = new ArrayList<>();
        for (Object variant : new JsonArray(row.getString(5))) {
            JsonObject v = (JsonObject) variant;
            variants.add(new CampaignDefinition.VariantArm(v.getString("id"), v.getString("name"),
                    v.getInteger("weight", 0)));
        }
        List<String> goals = new ArrayList<>();
        for (Object goal : new JsonArray(row.getString(7))) {
            goals.add(String.valueOf(goal));
        }
        return Optional.of(new CampaignDefinition(row.getString(0), row.getString(1), row.getString(2),
                row.getLong(3), row.getString(4), variants, row.getInteger(6), goals, row.getInteger(8),
                row.getBoolean(9)));
    }
}
