package dev.marquee.results.ingest.service;

import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.marquee.contracts.delivery.DeliveryOutcome;
import dev.marquee.results.ingest.MalformedOutcomes;
import dev.marquee.results.ingest.repository.OutcomeTable;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;

/**
 * Makes a batch of outcomes durable: in one transaction, retried with back-off for as long as PostgreSQL is away (the
 * consumer waits and Kafka keeps the records; nothing is skipped for an outage). When PostgreSQL refuses a value (a
 * data error, not an outage), the batch is applied one outcome at a time and only the refused ones are skipped as
 * malformed.
 */
@ApplicationScoped
public class OutcomeIngest {

    private static final Logger LOG = Logger.getLogger(OutcomeIngest.class);

    private final OutcomeTable outcomes;
    private final MalformedOutcomes malformed;

    public OutcomeIngest(OutcomeTable outcomes, MalformedOutcomes malformed) {
        this.outcomes = outcomes;
        this.malformed = malformed;
    }

    /** An outcome with where it was read from, for the log of a malformed one. */
    public record Located(DeliveryOutcome outcome, String where) {
    }

    public Uni<Void> apply(List<Located> batch) {
        if (batch.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return untilStored(outcomes.apply(batch.stream().map(Located::outcome).toList()), batch.size())
                .onFailure().recoverWithUni(e -> {
                    LOG.debugf("a batch of %d outcomes was refused (%s); applying them one at a time", batch.size(),
                            e.getMessage());
                    return Multi.createFrom().iterable(batch).onItem().transformToUniAndConcatenate(this::alone)
                            .collect().last().replaceWithVoid();
                });
    }

    private Uni<Void> alone(Located located) {
        return untilStored(outcomes.apply(List.of(located.outcome())), 1)
                .onFailure().recoverWithItem(e -> {
                    malformed.skip(MalformedOutcomes.Reason.UNSTORABLE, located.where(), e.getMessage());
                    return null;
                });
    }

    /** Retries {@code apply} while the failure is an outage; fails with a failure that is the data's. */
    private static Uni<Void> untilStored(Uni<Void> apply, int size) {
        return apply
                .onFailure(e -> !isDataFault(e))
                .invoke(e -> LOG.warnf("%d outcomes not stored, retrying: %s", size, e.getMessage()))
                .onFailure(e -> !isDataFault(e)).retry().withBackOff(Duration.ofMillis(100), Duration.ofSeconds(5))
                .indefinitely();
    }

    /** SQLSTATE class 22 (data exception), 23 (integrity) or 54 (a limit, e.g. an index row too large). */
    static boolean isDataFault(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof PgException pg && pg.getSqlState() != null) {
                String state = pg.getSqlState();
                return state.startsWith("22") || state.startsWith("23") || state.startsWith("54");
            }
        }
        return false;
    }
}
