package dev.marquee.delivery.outcome.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import dev.marquee.contracts.campaign.Message;
import dev.marquee.contracts.campaign.Message.Question;
import dev.marquee.delivery.error.FieldProblem;

/**
 * The answers of one {@code survey_answer} interaction, checked against the questions of the variant the user was
 * shown: each answer names one of its questions and has that question's kind (an NPS score 0–10, one known choice
 * id, distinct known choice ids, or a text of at most 2000 characters). Choices are published as a list of choice
 * ids whichever the kind, so results read one shape. A survey may be answered in parts (one
 * interaction per page), so questions marked required are not demanded here; the SDK asks for them before it sends.
 */
final class SurveyAnswers {

    static final int MAX_TEXT = 2000;

    private SurveyAnswers() {
    }

    /**
     * The answers as they are published (question id → Integer, List of choice ids, or String); adds an error per answer
     * at fault. {@code shown} is empty when the campaign or variant is unknown (already reported): then only the
     * shape is checked.
     */
    static Map<String, Object> read(JsonNode node, Optional<Message> shown, String path, List<FieldProblem> errors) {
        if (node == null || !node.isObject() || node.isEmpty()) {
            errors.add(new FieldProblem(path, "must be an object of answers by question id"));
            return Map.of();
        }
        Map<String, Question> questions = new LinkedHashMap<>();
        if (shown.isPresent()) {
            List<Question> asked = shown.get().questions();
            if (asked == null || asked.isEmpty()) {
                errors.add(new FieldProblem(path, "are for a survey; the variant shown has no questions"));
                return Map.of();
            }
            asked.forEach(q -> questions.put(q.id(), q));
        }
        Map<String, Object> answers = new LinkedHashMap<>();
        node.fields().forEachRemaining(field -> {
            String at = path + "." + field.getKey();
            Question question = questions.get(field.getKey());
            if (shown.isPresent() && question == null) {
                errors.add(new FieldProblem(at, "is not a question of the survey shown"));
                return;
            }
            Object value = question == null ? null : answer(question, field.getValue(), at, errors);
            if (value != null) {
                answers.put(field.getKey(), value);
            }
        });
        return answers;
    }

    private static Object answer(Question question, JsonNode value, String at, List<FieldProblem> errors) {
        Set<String> choices = question.choices() == null
                ? Set.of()
                : question.choices().stream().map(Message.Question.Choice::id).collect(Collectors.toSet());
        switch (question.kind()) {
            case NPS -> {
                if (value.isIntegralNumber() && value.canConvertToInt() && value.asInt() >= 0 && value.asInt() <= 10) {
                    return value.asInt();
                }
                errors.add(new FieldProblem(at, "must be a score from 0 to 10"));
            }
            case SINGLE_CHOICE, MULTIPLE_CHOICE -> {
                boolean single = question.kind() == Question.Kind.SINGLE_CHOICE;
                // the web SDK sends a single choice as a one-element list; a bare id is read as one too
                JsonNode list = single && value.isTextual() ? JsonNodeFactory.instance.arrayNode().add(value) : value;
                Set<String> picked = new LinkedHashSet<>();
                boolean valid = list.isArray() && !list.isEmpty() && (!single || list.size() == 1);
                for (JsonNode choice : list) {
                    valid &= choice.isTextual() && choices.contains(choice.asText()) && picked.add(choice.asText());
                }
                if (valid) {
                    return new ArrayList<>(picked);
                }
                errors.add(new FieldProblem(at, single
                        ? "must be one choice id of " + sorted(choices)
                        : "must be a list of distinct choice ids of " + sorted(choices)));
            }
            case FREE_TEXT -> {
                if (value.isTextual() && value.asText().length() <= MAX_TEXT) {
                    return value.asText();
                }
                errors.add(new FieldProblem(at, "must be a text of at most " + MAX_TEXT + " characters"));
            }
        }
        return null;
    }

    private static List<String> sorted(Set<String> choices) {
        return choices.stream().sorted().toList();
    }
}
