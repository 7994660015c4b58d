package dev.marquee.segment.segment.rule;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import dev.marquee.contracts.user.AppVersion;
import dev.marquee.segment.profile.Profile;

/**
 * Evaluates a rule on a profile at an instant, and says why: every condition with the value it saw and its result.
 * Time-relative conditions are computed from {@code now}, so a result is exact at the instant it is asked for; day
 * windows are whole UTC days, today included.
 */
public final class RuleEvaluator {

    /** One condition of the tree as evaluated: its path in the rule JSON, what it asks, what it saw, its result. */
    public record ConditionResult(String path, String condition, Object value, boolean result) {
    }

    public record Evaluation(boolean member, List<ConditionResult> conditions) {
    }

    private RuleEvaluator() {
    }

    public static boolean matches(Rule rule, Profile profile, Instant now) {
        return eval(rule, profile, now, "rules", null);
    }

    public static Evaluation explain(Rule rule, Profile profile, Instant now) {
        List<ConditionResult> conditions = new ArrayList<>();
        boolean member = eval(rule, profile, now, "rules", conditions);
        return new Evaluation(member, conditions);
    }

    /** Does {@code value} (a tracked event's property, or null when absent) pass the filter? */
    public static boolean passes(Rule.PropertyFilter filter, JsonNode value) {
        return compare(filter.op(), value, filter.value());
    }

    /**
     * The next instant after {@code now} at which the passage of time alone may change the rule's result for this
     * profile (a last-seen age crossing its limit, a counted day leaving a window), if any.
     */
    public static Optional<Instant> nextChange(Rule rule, Profile profile, Instant now) {
        if (rule instanceof Rule.And and) {
            return earliest(and.rules(), profile, now);
        }
        if (rule instanceof Rule.Or or) {
            return earliest(or.rules(), profile, now);
        }
        if (rule instanceof Rule.Not not) {
            return nextChange(not.rule(), profile, now);
        }
        if (rule instanceof Rule.SeenCondition seen) {
            Instant at = seen.seen() == Rule.Seen.FIRST_SEEN ? profile.firstSeen() : profile.lastSeen();
            Instant boundary = at == null ? null : at.plus(Duration.ofDays(seen.days()));
            return boundary != null && boundary.isAfter(now) ? Optional.of(boundary) : Optional.empty();
        }
        if (rule instanceof Rule.EventCondition event) {
            LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
            long counted = profile.count(event.counterField(), today.minusDays(event.withinDays() - 1L), today);
            return counted > 0
                    ? Optional.of(today.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC))
                    : Optional.empty();
        }
        return Optional.empty();
    }

    private static Optional<Instant> earliest(List<Rule> rules, Profile profile, Instant now) {
        return rules.stream().map(r -> nextChange(r, profile, now)).flatMap(Optional::stream).min(Instant::compareTo);
    }

    private static boolean eval(Rule rule, Profile profile, Instant now, String path, List<ConditionResult> out) {
        if (rule instanceof Rule.And and) {
            boolean result = true;
            for (int i = 0; i < and.rules().size(); i++) {
                // with an explanation every condition is shown, so no short-circuit then
                if (out == null && !result) {
                    break;
                }
                result &= eval(and.rules().get(i), profile, now, path + ".and[" + i + "]", out);
            }
            return result;
        }
        if (rule instanceof Rule.Or or) {
            boolean result = false;
            for (int i = 0; i < or.rules().size(); i++) {
                if (out == null && result) {
                    break;
                }
                result |= eval(or.rules().get(i), profile, now, path + ".or[" + i + "]", out);
            }
            return result;
        }
        if (rule instanceof Rule.Not not) {
            return !eval(not.rule(), profile, now, path + ".not", out);
        }
        if (rule instanceof Rule.AttributeCondition a) {
            JsonNode value = profile.attributes().get(a.attribute());
            boolean result = compare(a.op(), value, a.value());
            record(out, path, a.attribute() + " " + a.op().wireName() + (a.value() == null ? "" : " " + a.value()),
                    value, result);
            return result;
        }
        if (rule instanceof Rule.EventCondition e) {
            LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
            long count = profile.count(e.counterField(), today.minusDays(e.withinDays() - 1L), today);
            boolean result = switch (e.comparison()) {
                case AT_LEAST -> count >= e.times();
                case AT_MOST -> count <= e.times();
                case EXACTLY -> count == e.times();
            };
            record(out, path, "did " + e.event() + (e.where().isEmpty() ? "" : " where " + describe(e.where())) + " "
                    + e.comparison().name().toLowerCase(Locale.ROOT).replace('_', ' ') + " " + e.times()
                    + " times in the last " + e.withinDays() + " days", count, result);
            return result;
        }
        Rule.SeenCondition s = (Rule.SeenCondition) rule;
        Instant at = s.seen() == Rule.Seen.FIRST_SEEN ? profile.firstSeen() : profile.lastSeen();
        Instant limit = now.minus(Duration.ofDays(s.days()));
        boolean result = at != null && (s.relation() == Rule.Relation.BEFORE ? at.isBefore(limit) : !at.isBefore(limit));
        record(out, path, (s.seen() == Rule.Seen.FIRST_SEEN ? "first seen " : "last seen ")
                + s.relation().name().toLowerCase(Locale.ROOT) + " " + s.days() + " days",
                at == null ? null : at.toString(), result);
        return result;
    }

    private static String describe(List<Rule.PropertyFilter> where) {
        return String.join(" and ", where.stream()
                .map(f -> f.property() + " " + f.op().wireName() + (f.value() == null ? "" : " " + f.value()))
                .toList());
    }

    private static void record(List<ConditionResult> out, String path, String condition, Object value,
            boolean result) {
        if (out != null) {
            out.add(new ConditionResult(path, condition, value, result));
        }
    }

    /**
     * A missing value (attribute never set, property absent) fails every operator but {@code neq}: "tier is not gold"
     * holds for a user without a tier.
     */
    static boolean compare(Operator op, JsonNode actual, JsonNode expected) {
        if (actual == null || actual.isNull()) {
            return op == Operator.NEQ;
        }
        return switch (op) {
            case EXISTS -> true;
            case EQ -> same(actual, expected);
            case NEQ -> !same(actual, expected);
            case IN -> {
                for (JsonNode candidate : expected) {
                    if (same(actual, candidate)) {
                        yield true;
                    }
                }
                yield false;
            }
            case GT, GTE, LT, LTE -> {
                if (!actual.isNumber()) {
                    yield false;
                }
                int c = actual.decimalValue().compareTo(expected.decimalValue());
                yield switch (op) {
                    case GT -> c > 0;
                    case GTE -> c >= 0;
                    case LT -> c < 0;
                    default -> c <= 0;
                };
            }
            case CONTAINS -> actual.isTextual() && actual.asText().contains(expected.asText());
            case VERSION_EQ, VERSION_GT, VERSION_GTE, VERSION_LT, VERSION_LTE -> {
                Optional<AppVersion> have = actual.isValueNode()
                        ? AppVersion.parse(actual.asText())
                        : Optional.empty();
                if (have.isEmpty()) {
                    yield false;
                }
                int c = have.get().compareTo(AppVersion.parse(expected.asText()).orElseThrow());
                yield switch (op) {
                    case VERSION_EQ -> c == 0;
                    case VERSION_GT -> c > 0;
                    case VERSION_GTE -> c >= 0;
                    case VERSION_LT -> c < 0;
                    default -> c <= 0;
                };
            }
        };
    }

    private static boolean same(JsonNode actual, JsonNode expected) {
        if (actual.isNumber() && expected.isNumber()) {
            return actual.decimalValue().compareTo(expected.decimalValue()) == 0;
        }
        return actual.isValueNode() && expected.isValueNode() && actual.getNodeType() == expected.getNodeType()
                && actual.asText().equals(expected.asText());
    }
}
