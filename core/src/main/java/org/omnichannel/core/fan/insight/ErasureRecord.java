package org.omnichannel.core.fan.insight;

import java.time.Instant;

/**
 * The audit entry of an erasure: who had which fan erased, when and why, and what was removed. It
 * deliberately does not name the pseudonym the kept aggregates now live under: with it, the
 * erasure could be undone.
 *
 * @param fanId              the erased fan's id (the internal key the request was about)
 * @param erasedAt           when
 * @param requestedBy        who asked for it (a user login, "fan-request:<ticket>")
 * @param reason             why (GDPR art. 17 request, PIPL art. 47 request, retention expiry...)
 * @param identitiesRemoved  identifiers removed
 * @param personRemoved      true when personal details were removed
 * @param consentsRemoved    consent records removed
 * @param textsRemoved       timeline entries whose free text (the fan's own words) was removed
 * @param entriesKept        timeline entries kept, pseudonymised, for the brand's aggregates
 */
public record ErasureRecord(String fanId, Instant erasedAt, String requestedBy, String reason, int identitiesRemoved,
                            boolean personRemoved, int consentsRemoved, int textsRemoved, int entriesKept) {
}
