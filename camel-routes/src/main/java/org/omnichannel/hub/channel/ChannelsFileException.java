package org.omnichannel.hub.channel;

import java.util.List;

/** The channels file is wrong; the message lists every problem with its line and how to fix it. */
public class ChannelsFileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public ChannelsFileException(String file, List<String> problems) {
        super("channels file " + file + " has " + problems.size() + " problem" + (problems.size() == 1 ? "" : "s")
                + ":\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
