package riposte.server.console;

import riposte.simulator.ses.SesSimulator;

/**
 * The SES simulator for the console tests: started once per test JVM (the tests share one Spring context, and so
 * one database), closed when the JVM exits. {@link ConsoleBrowserTest} registers it as the {@code SES} credential
 * the way an admin would, through the API.
 */
final class Simulators {
    private static final Object LOCK = new Object();
    private static SesSimulator ses;

    private Simulators() {}

    static SesSimulator ses() {
        synchronized (LOCK) {
            if (ses == null) {
                ses = SesSimulator.builder().build().start();
                SesSimulator started = ses;
                Runtime.getRuntime().addShutdownHook(new Thread(started::close, "ses-simulator-stop"));
            }
            return ses;
        }
    }
}
