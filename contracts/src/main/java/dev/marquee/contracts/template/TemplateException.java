package dev.marquee.contracts.template;

/** A personalization template that is not allowed; the message says what and where (1-based column). */
public class TemplateException extends IllegalArgumentException {

    public TemplateException(String message) {
        super(message);
    }
}
