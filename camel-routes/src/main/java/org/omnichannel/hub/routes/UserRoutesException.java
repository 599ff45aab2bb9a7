package org.omnichannel.hub.routes;

import java.util.List;

/** A route file in the routes directory is wrong; the message names each file and line. */
public class UserRoutesException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UserRoutesException(List<String> problems) {
        super("the routes directory has " + problems.size() + " bad route file" + (problems.size() == 1 ? "" : "s")
                + ":\n  " + String.join("\n  ", problems));
    }
}
