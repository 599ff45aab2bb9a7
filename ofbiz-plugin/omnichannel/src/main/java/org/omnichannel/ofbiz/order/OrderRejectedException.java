package org.omnichannel.ofbiz.order;

/**
 * An order event that cannot be applied as it stands (an unknown SKU, an error from OFBiz's order
 * services): the ingest answers REJECTED with this message and nothing of the event is kept, so
 * the hub dead-letters it and {@code bin/omni replay} applies it once the cause is fixed.
 * An IllegalArgumentException, which the ingest service already answers as a rejection.
 */
public class OrderRejectedException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public OrderRejectedException(String message) {
        super(message);
    }
}
