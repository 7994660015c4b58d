package dev.marquee.segment.segment.rule;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import dev.marquee.contracts.user.AppVersion;
import dev.marquee.segment.error.FieldProblem;
import dev.marquee.segment.error.InvalidFields;

/**
 * Reads a rule tree from its JSON form and rejects what cannot be evaluated, naming each bad field by its path
 * ({@code rules.and[1].op}). The JSON form, one key naming the node kind:
 *
 * <pre>
 * {"and": [rule, ...]}   {"or": [rule, ...]}   {"not": rule}
 * {"attribute": "tier", "op": "eq", "value": "gold"}
 * {"event": "purchase", "where": [{"property": "amount", "op": "gte", "value": 10}],
 *  "count": "at_least", "times": 3, "withinDays": 30}
 * {"lastSeen": "before", "days": 7}   {"firstSeen": "within", "days": 30}
 * </pre>
 */
public final class RuleParser {

    public static final int MAX_DEPTH = 10;
    public static final int MAX_CONDITIONS = 100;
    private static final int MAX_SEEN_DAYS = 3650;
    private static final int MAX_IN_VALUES = 100;
    private static final int MAX_NAME = 128;

    private final int maxWithinDays;
    private final List<FieldProblem> errors = new ArrayList<>();
    private int conditions;

    private RuleParser(int maxWithinDays) {
        this.maxWithinDays = maxWithinDays;
    }

    /** The rule of {@code node}, or an {@link InvalidFields} naming every bad field under {@code field}. */
    public static Rule parse(JsonNode node, String field, int maxWithinDays) {
        RuleParser parser = new RuleParser(maxWithinDays);
        Rule rule = parser.rule(node, field, 1);
        if (parser.conditions > MAX_CONDITIONS) {
            parser.errors.add(new FieldProblem(field, "has " + parser.conditions + " conditions; at most "
                    + MAX_CONDITIONS + " are allowed"));
        }
        if (!parser.errors.isEmpty()) {
            throw new InvalidFields("The rule is not valid: " + parser.errors.get(0).field() + " "
                    + parser.errors.get(0).message() + ".", parser.errors);
        }
        return rule;
    }

    private Rule rule(JsonNode node, String path, int depth) {
        if (node == null || !node.isObject()) {
            return error(path, "must be a rule object");
        }
        if (depth > MAX_DEPTH) {
            return error(path, "is nested deeper than " + MAX_DEPTH + " levels");
        }
        if (node.has("and") || node.has("or")) {
            boolean and = node.has("and");
            String key = and ? "and" : "or";
            onlyFields(node, path, Set.of(key));
            JsonNode children = node.get(key);
            if (!children.isArray() || children.isEmpty()) {
                return error(path + "." + key, "must be a non-empty array of rules");
            }
            List<Rule> rules = new ArrayList<>();
            for (int i = 0; i < children.size(); i++) {
                rules.add(rule(children.get(i), path + "." + key + "[" + i + "]", depth + 1));
            }
            return and ? new Rule.And(rules) : new Rule.Or(rules);
        }
        if (node.has("not")) {
            onlyFields(node, path, Set.of("not"));
            return new Rule.Not(rule(node.get("not"), path + ".not", depth + 1));
        }
        conditions++;
        if (node.has("attribute")) {
            onlyFields(node, path, Set.of("attribute", "op", "value"));
            String attribute = name(node, "attribute", path);
            Operator op = operator(node, path);
            JsonNode value = op == null ? null : value(node, op, path);
            return new Rule.AttributeCondition(attribute, op, value);
        }
        if (node.has("event")) {
            return event(node, path);
        }
        if (node.has("firstSeen") || node.has("lastSeen")) {
            boolean first = node.has("firstSeen");
            String key = first ? "firstSeen" : "lastSeen";
            onlyFields(node, path, Set.of(key, "days"));
            Rule.Relation relation = switch (node.get(key).asText("")) {
                case "before" -> Rule.Relation.BEFORE;
                case "within" -> Rule.Relation.WITHIN;
                default -> error(path + "." + key, "must be one of [before, within]");
            };
            int days = integer(node, "days", path, 1, MAX_SEEN_DAYS, null);
            return new Rule.SeenCondition(first ? Rule.Seen.FIRST_SEEN : Rule.Seen.LAST_SEEN, relation, days);
        }
        return error(path, "must have one of and, or, not, attribute, event, firstSeen, lastSeen");
    }

    private Rule event(JsonNode node, String path) {
        onlyFields(node, path, Set.of("event", "where", "count", "times", "withinDays"));
        String event = name(node, "event", path);
        List<Rule.PropertyFilter> where = new ArrayList<>();
        JsonNode filters = node.get("where");
        if (filters != null && !filters.isNull()) {
            if (!filters.isArray()) {
                error(path + ".where", "must be an array of property filters");
            } else {
                for (int i = 0; i < filters.size(); i++) {
                    String filterPath = path + ".where[" + i + "]";
                    JsonNode filter = filters.get(i);
                    if (!filter.isObject()) {
                        error(filterPath, "must be a property filter object");
                        continue;
                    }
                    onlyFields(filter, filterPath, Set.of("property", "op", "value"));
                    String property = name(filter, "property", filterPath);
                    Operator op = operator(filter, filterPath);
                    JsonNode value = op == null ? null : value(filter, op, filterPath);
                    where.add(new Rule.PropertyFilter(property, op, value));
                }
            }
        }
        Rule.CountComparison comparison = Rule.CountComparison.AT_LEAST;
        JsonNode count = node.get("count");
        if (count != null) {
            switch (count.asText("")) {
                case "at_least" -> comparison = Rule.CountComparison.AT_LEAST;
                case "at_most" -> comparison = Rule.CountComparison.AT_MOST;
                case "exactly" -> comparison = Rule.CountComparison.EXACTLY;
                default -> error(path + ".count", "must be one of [at_least, at_most, exactly]");
            }
        }
        long times = integer(node, "times", path, 0, 1_000_000, 1);
        int withinDays = integer(node, "withinDays", path, 1, maxWithinDays, null);
        String counterField = event == null ? null : where.isEmpty() ? event : event + "#" + filterId(node);
        return new Rule.EventCondition(event, where, comparison, times, withinDays, counterField);
    }

    /** Same event and filters → same counter, whichever segment asks: the JSON of the condition, hashed. */
    private static String filterId(JsonNode node) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((node.get("event").asText() + node.get("where").toString()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String name(JsonNode node, String key, String path) {
        JsonNode value = node.get(key);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            return error(path + "." + key, "must be a non-empty string");
        }
        String text = value.asText();
        if (text.length() > MAX_NAME || text.contains("#") || text.chars().anyMatch(Character::isISOControl)) {
            return error(path + "." + key, "must be at most " + MAX_NAME + " characters without '#' or control characters");
        }
        return text;
    }

    private Operator operator(JsonNode node, String path) {
        JsonNode op = node.get("op");
        if (op == null || !op.isTextual()) {
            return error(path + ".op", "is required; one of " + Operator.wireNames());
        }
        return Operator.fromWire(op.asText().toLowerCase(Locale.ROOT))
                .orElseGet(() -> error(path + ".op", "is not a known operator; one of " + Operator.wireNames()));
    }

    private JsonNode value(JsonNode node, Operator op, String path) {
        JsonNode value = node.get("value");
        String field = path + ".value";
        if (op == Operator.EXISTS) {
            return value == null ? null : error(field, "must not be set for exists");
        }
        if (value == null || value.isNull()) {
            return error(field, "is required for " + op.wireName());
        }
        if (op.numeric() && !value.isNumber()) {
            return error(field, "must be a number for " + op.wireName());
        }
        if (op == Operator.CONTAINS && !value.isTextual()) {
            return error(field, "must be a string for contains");
        }
        if (op.version() && (!value.isTextual() || AppVersion.parse(value.asText()).isEmpty())) {
            return error(field, "must be a version such as 2.10.1 for " + op.wireName());
        }
        if (op == Operator.IN) {
            if (!value.isArray() || value.isEmpty() || value.size() > MAX_IN_VALUES) {
                return error(field, "must be an array of 1 to " + MAX_IN_VALUES + " values for in");
            }
            for (Iterator<JsonNode> it = value.elements(); it.hasNext();) {
                if (!it.next().isValueNode()) {
                    return error(field, "must hold only strings, numbers or booleans");
                }
            }
        } else if ((op == Operator.EQ || op == Operator.NEQ) && !value.isValueNode()) {
            return error(field, "must be a string, number or boolean for " + op.wireName());
        }
        return value;
    }

    private int integer(JsonNode node, String key, String path, int min, int max, Integer byDefault) {
        JsonNode value = node.get(key);
        if (value == null && byDefault != null) {
            return byDefault;
        }
        if (value == null || !value.canConvertToInt() || !value.isIntegralNumber() || value.asInt() < min
                || value.asInt() > max) {
            error(path + "." + key, "must be an integer from " + min + " to " + max);
            return min;
        }
        return value.asInt();
    }

    private void onlyFields(JsonNode node, String path, Set<String> allowed) {
        node.fieldNames().forEachRemaining(name -> {
            if (!allowed.contains(name)) {
                error(path + "." + name, "is not a known field here");
            }
        });
    }

    private <T> T error(String field, String message) {
        errors.add(new FieldProblem(field, message));
        return null;
    }
}
