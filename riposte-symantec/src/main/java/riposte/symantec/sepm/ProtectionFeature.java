package riposte.symantec.sepm;

import java.util.function.Function;

/** The engine flags of a {@link Computer} (0 off, 1 on, 2 not installed, 4 malfunctioning, 127 not reporting). */
public enum ProtectionFeature {
    AUTO_PROTECT(Computer::apOnOff),
    AV_ENGINE(Computer::avEngineOnOff),
    IPS_BROWSER_FIREFOX(Computer::cidsBrowserFfOnOff),
    IPS_BROWSER_IE(Computer::cidsBrowserIeOnOff),
    IPS(Computer::cidsDrvOnOff),
    DOWNLOAD_INSIGHT(Computer::daOnOff),
    ELAM(Computer::elamOnOff),
    FIREWALL(Computer::firewallOnOff),
    APPLICATION_DEVICE_CONTROL(Computer::pepOnOff),
    SONAR(Computer::ptpOnOff),
    TAMPER_PROTECTION(Computer::tamperOnOff);

    static final int OFF = 0;
    static final int MALFUNCTIONING = 4;

    private final Function<Computer, Integer> flag;

    ProtectionFeature(Function<Computer, Integer> flag) {
        this.flag = flag;
    }

    /** The raw flag, or null if SEPM did not send it. */
    public Integer flag(Computer c) {
        return flag.apply(c);
    }
}
