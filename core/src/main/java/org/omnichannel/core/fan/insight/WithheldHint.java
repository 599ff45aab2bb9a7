package org.omnichannel.core.fan.insight;

/** A hint the rules found but the fan's consents did not allow, and why: the clerk should know not to. */
public record WithheldHint(ActionKind kind, String reason) {
}
