package dev.marquee.campaign.app;

import java.util.Arrays;
import java.util.List;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** A list of words (origins, bundle ids, scope names) stored space-separated; none of them may contain a space. */
@Converter
public class WordList implements AttributeConverter<List<String>, String> {

    @Override
    public String convertToDatabaseColumn(List<String> words) {
        return words == null ? null : String.join(" ", words);
    }

    @Override
    public List<String> convertToEntityAttribute(String column) {
        return column == null ? null : Arrays.stream(column.split(" ")).filter(w -> !w.isEmpty()).toList();
    }
}
