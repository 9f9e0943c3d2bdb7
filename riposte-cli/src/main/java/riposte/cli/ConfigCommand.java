package riposte.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import riposte.cli.config.Setting;
import riposte.cli.config.Settings;

/** {@code riposte config}: shows the effective configuration. */
@Command(name = "config", header = "Show the effective configuration.", subcommands = ConfigCommand.Show.class)
final class ConfigCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "show", header = "List every setting with its value and where it came from; secrets are masked.")
    static final class Show implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--config", paramLabel = "FILE", description = "Configuration file (default: $RIPOSTE_CONFIG, else ./riposte.yml).")
        Path config;

        @Override
        public Integer call() {
            Settings settings = Settings.load(config);
            var out = spec.commandLine().getOut();
            out.println("config file: " + settings.file().map(Path::toString).orElse("(none)"));
            int width = 0;
            for (Setting s : Setting.values()) width = Math.max(width, s.key().length());
            for (Setting s : Setting.values()) {
                Settings.Value v = settings.value(s);
                out.printf("%-" + width + "s  %-30s  %s%n", s.key(), v.shown(),
                        v.source().name().toLowerCase(java.util.Locale.ROOT)
                                + (v.source() == Settings.Source.ENVIRONMENT ? " (" + s.environmentVariable() + ")" : ""));
            }
            out.flush();
            return ExitCodes.OK;
        }
    }
}
