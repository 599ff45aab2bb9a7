package org.omnichannel.core.fan;

/**
 * Strong evidence that a record and a fan, or two fans, are different people, found where other
 * evidence would have linked them; the link was not made. Values are not repeated (they may be
 * national ids); the attribute and the fans are named.
 *
 * @param recordId  the record being resolved
 * @param fan       the fan it was not linked to (or not merged with)
 * @param other     the other fan of a refused merge, or null when the record itself conflicts
 * @param attribute what disagrees: BIRTH_DATE, NATIONAL_ID, WECHAT_UNIONID... or UNMERGED when a
 *                  person split the two fans before
 * @param detail    the whole story in words
 */
public record Conflict(String recordId, FanId fan, FanId other, String attribute, String detail) {
}
