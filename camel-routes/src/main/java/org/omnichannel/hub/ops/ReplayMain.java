package org.omnichannel.hub.ops;

/**
 * {@code bin/omni replay [--channel ID | --event ID | --all]}: replays omni.inbound.dlq onto
 * omni.inbound. Kafka is {@code KAFKA_BOOTSTRAP_SERVERS}, or the embedded broker of a running
 * hub on this machine (127.0.0.1 and {@code OMNI_KAFKA_PORT}, 19092 by default).
 */
public final class ReplayMain {

    private ReplayMain() {
    }

    public static void main(String[] args) throws Exception {
        DlqReplay.Selection selection = null;
        if (args.length == 1 && args[0].equals("--all")) {
            selection = DlqReplay.Selection.all();
        } else if (args.length == 2 && args[0].equals("--channel")) {
            selection = new DlqReplay.Selection(args[1], null);
        } else if (args.length == 2 && args[0].equals("--event")) {
            selection = new DlqReplay.Selection(null, args[1]);
        }
        if (selection == null) {
            System.err.println("usage: bin/omni replay --all | --channel CHANNEL_ID | --event EVENT_ID");
            System.exit(2);
        }
        String bootstrap = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
        if (bootstrap == null || bootstrap.isBlank()) {
            String port = System.getenv("OMNI_KAFKA_PORT");
            bootstrap = "127.0.0.1:" + (port == null || port.isBlank() ? "19092" : port);
        }
        DlqReplay.Outcome outcome = DlqReplay.replay(bootstrap, selection);
        System.out.println("read " + outcome.read() + " dead letter(s) from omni.inbound.dlq, replayed "
                + outcome.replayed() + " onto omni.inbound");
    }
}
