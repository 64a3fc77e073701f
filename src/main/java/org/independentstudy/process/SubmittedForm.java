package org.independentstudy.process;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Date;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.independentstudy.errors.InvalidRequestException;

/**
 * Reads what a Camunda Form submitted (dates as yyyy-MM-dd text, numbers as any number type); a value of the
 * wrong form is an error naming the field, as the REST API gives.
 */
public final class SubmittedForm {

    private final VariableScope scope;

    public SubmittedForm(VariableScope scope) {
        this.scope = scope;
    }

    public String text(String key) {
        Object value = scope.getVariable(key);
        return value == null || value.toString().isBlank() ? null : value.toString().strip();
    }

    public boolean flag(String key) {
        Object value = scope.getVariable(key);
        return value instanceof Boolean b ? b : value != null && Boolean.parseBoolean(value.toString());
    }

    public Long number(String key) {
        Object value = scope.getVariable(key);
        if (value == null || value instanceof Number) {
            return value == null ? null : ((Number) value).longValue();
        }
        try {
            return Long.valueOf(value.toString().strip());
        } catch (NumberFormatException e) {
            throw InvalidRequestException.field(key, "'" + value + "' is not a number");
        }
    }

    public LocalDate date(String key, ZoneId zone) {
        Object value = scope.getVariable(key);
        if (value instanceof Date date) {
            return date.toInstant().atZone(zone).toLocalDate();
        }
        String text = text(key);
        try {
            return text == null ? null : LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            throw InvalidRequestException.field(key, "'" + text + "' is not a date (yyyy-MM-dd)");
        }
    }

    public <E extends Enum<E>> E choice(String key, Class<E> type) {
        String text = text(key);
        if (text == null) {
            return null;
        }
        return Arrays.stream(type.getEnumConstants()).filter(c -> c.name().equalsIgnoreCase(text)).findFirst()
                .orElseThrow(() -> InvalidRequestException.field(key, "'" + text + "' is not one of "
                        + Arrays.toString(type.getEnumConstants())));
    }
}
