package org.omnichannel.connector.spi;

import java.time.Instant;
import java.util.List;

/**
 * One page of a poll: the references found, the token of the next page (null on the last), and the
 * newest change time seen on this page (null when the page is empty), from which the hub moves its
 * persisted watermark once every page's references are durably queued.
 */
public record PollPage(List<FetchRef> references, String nextPageToken, Instant newestChange) {

    public PollPage {
        references = List.copyOf(references);
        nextPageToken = nextPageToken == null || nextPageToken.isBlank() ? null : nextPageToken;
    }

    public boolean last() {
        return nextPageToken == null;
    }
}
