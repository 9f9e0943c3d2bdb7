package riposte.server.console;

import riposte.simulator.sepm.SepmSimulator;
import riposte.simulator.ses.SesSimulator;

/**
 * The SES and SEPM simulators for the console tests: started once per test JVM (the tests share one Spring context, and so
 * one database), closed when the JVM exits. {@link ConsoleBrowserTest} registers it as the {@code SES} credential
 * the way an admin would, through the API.
 */
final class Simulators {
    private static final Object LOCK = new Object();
    private static SesSimulator ses;
    private static SepmSimulator sepm;

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

    /** A small SEPM fleet (200 endpoints), over plain HTTP so that the server needs no extra trust for it. */
    static SepmSimulator sepm() {
        synchronized (LOCK) {
            if (sepm == null) {
                sepm = SepmSimulator.builder().https(false).build().start();
                SepmSimulator started = sepm;
                Runtime.getRuntime().addShutdownHook(new Thread(started::close, "sepm-simulator-stop"));
            }
            return sepm;
        }
    }
}
