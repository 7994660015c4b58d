package dev.marquee.segment.error;

import java.util.List;

/** Several fields of one input are not acceptable: each is named, so the caller can fix them all at once. */
public class InvalidFields extends RuntimeException {

    private final List<FieldProblem> problems;

    public InvalidFields(String message, List<FieldProblem> problems) {
        super(message);
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
