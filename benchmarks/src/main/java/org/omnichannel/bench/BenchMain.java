package org.omnichannel.bench;

import java.lang.reflect.InvocationTargetException;
import java.util.Arrays;
import java.util.Locale;

/**
 * {@code bin/omni bench NAME [args]}: runs {@code org.omnichannel.bench.<Name>Bench}'s main, e.g.
 * {@code bin/omni bench identity} runs {@code IdentityBench}. Each bench prints its own figures.
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: bin/omni bench NAME [args]   (NAME: identity, inventory, incentive, ...)");
            System.exit(2);
        }
        Class<?> bench;
        try {
            bench = benchClass(args[0]);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        try {
            bench.getMethod("main", String[].class).invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    /** The bench class of a name: identity → IdentityBench. */
    static Class<?> benchClass(String name) {
        if (name.isBlank() || !name.chars().allMatch(Character::isLetterOrDigit)) {
            throw new IllegalArgumentException("bench name '" + name + "' must be letters and digits, e.g. identity");
        }
        String className = BenchMain.class.getPackageName() + "."
                + name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1) + "Bench";
        try {
            return Class.forName(className);
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("no benchmark '" + name + "': there is no class " + className);
        }
    }
}
