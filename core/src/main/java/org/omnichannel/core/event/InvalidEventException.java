package org.omnichannel.core.event;

import java.util.List;

/** A ChannelEvent document that cannot be read; the message names every field that is wrong. */
public class InvalidEventException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public InvalidEventException(List<String> problems) {
        super("invalid ChannelEvent: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public InvalidEventException(String problem, Throwable cause) {
        super("invalid ChannelEvent: " + problem, cause);
        this.problems = List.of(problem);
    }

    /** Each problem, starting with the JSON path of the field it is about. */
    public List<String> problems() {
        return problems;
    }
}
