package org.omnichannel.connector.pos;

import org.omnichannel.connector.spi.MappingResult;

/**
 * Something in a dropped file that was not imported: a row ({@code where} = "line 7") or a receipt
 * ({@code where} = "order SH01/1002").
 */
record PosProblem(String where, String message) {

    /** As the SPI reports it to the hub: an INVALID_PART skip whose detail starts with where. */
    MappingResult.Skipped toSkipped() {
        return new MappingResult.Skipped(MappingResult.SkipReason.INVALID_PART, where + ": " + message);
    }
}
