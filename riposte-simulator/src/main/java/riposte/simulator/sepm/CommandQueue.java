package riposte.simulator.sepm;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The command queue. Commands are stored; per-endpoint states and side effects (removed files,
 * quarantine, uploaded files) are derived from the commands and the simulated time when asked, so
 * a scan of 50 000 endpoints costs two arrays and nothing per row until a page is read.
 */
final class CommandQueue {
    private final Ids ids;
    private final long seed;
    private final Fleet fleet;
    private final Inventory inventory;
    private final long minDelayMs;
    private final long maxDelayMs;
    private final Map<String, Command> byId = new ConcurrentHashMap<>();
    private final List<Command> remediations = new CopyOnWriteArrayList<>();
    private final List<Command> quarantines = new CopyOnWriteArrayList<>();
    private final List<Command> uploads = new CopyOnWriteArrayList<>();
    private int nextNumber;
    private int nextFileSerial;

    CommandQueue(Ids ids, long seed, Fleet fleet, Inventory inventory, long minDelayMs, long maxDelayMs) {
        this.ids = ids;
        this.seed = seed;
        this.fleet = fleet;
        this.inventory = inventory;
        this.minDelayMs = minDelayMs;
        this.maxDelayMs = Math.max(minDelayMs, maxDelayMs);
    }

    synchronized Command submit(CommandKind kind, int[] sortedTargets, long now, EocRequest eoc, Command.Upload upload) {
        int number = nextNumber++;
        long[] completes = new long[sortedTargets.length];
        for (int i = 0; i < sortedTargets.length; i++) {
            int idx = sortedTargets[i];
            if (!fleet.online(idx)) {
                completes[i] = Long.MAX_VALUE;
            } else {
                long draw = Ids.mix(seed ^ number * 0x9E3779B97F4A7C15L ^ idx * 0xC2B2AE3D27D4EB4FL) >>> 1;
                completes[i] = now + minDelayMs + draw % (maxDelayMs - minDelayMs + 1);
            }
        }
        int fileSerial = kind == CommandKind.UPLOAD ? nextFileSerial : -1;
        if (kind == CommandKind.UPLOAD) {
            nextFileSerial += sortedTargets.length;
        }
        Command command = new Command(number, ids.id(Ids.COMMAND, number), kind, now, sortedTargets, completes, eoc,
                upload, fileSerial);
        byId.put(command.id, command);
        switch (kind) {
            case EOC_REMEDIATE -> remediations.add(command);
            case QUARANTINE, UNQUARANTINE -> quarantines.add(command);
            case UPLOAD -> uploads.add(command);
            default -> { }
        }
        return command;
    }

    Optional<Command> find(String id) {
        return Optional.ofNullable(id == null ? null : byId.get(id.toUpperCase(Locale.ROOT)));
    }

    int size() {
        return byId.size();
    }

    /** Cancels the endpoints still pending at {@code now}; returns the new cancel command. */
    synchronized Command cancel(Command command, long now) {
        List<Integer> pending = new ArrayList<>();
        for (int pos = 0; pos < command.targets.length; pos++) {
            long done = command.completesAt[pos];
            if (done > now && command.cancelledAt > now) {
                pending.add(command.targets[pos]);
            }
        }
        if (command.cancelledAt == Long.MAX_VALUE) {
            command.cancelledAt = now;
        }
        return submit(CommandKind.CANCEL, pending.stream().mapToInt(Integer::intValue).toArray(), now, null, null);
    }

    /** Whether rows are listed yet: right after creation SEPM answers with an empty {@code content}. */
    boolean rowsVisible(Command command, long now) {
        return now >= command.createdMillis + Command.ROWS_VISIBLE_AFTER_MS;
    }

    EndpointState state(Command c, int pos, long now) {
        long done = c.completesAt[pos];
        if (done == Long.MAX_VALUE || now < c.receivedAt(pos) && now < c.cancelledAt) {
            return new EndpointState(EndpointState.INITIAL, 0, null, null, null, null, null);
        }
        long received = c.receivedAt(pos);
        if (c.cancelledAt <= now && c.cancelledAt < done) {
            return new EndpointState(EndpointState.CANCELLED, 0, "", received <= c.cancelledAt ? received : null,
                    c.cancelledAt, null, c.kind.isEoc() ? null : "");
        }
        if (now < c.startedAt(pos)) {
            return new EndpointState(EndpointState.RECEIVED, 0, null, received, received, null, null);
        }
        if (now < done) {
            return new EndpointState(EndpointState.IN_PROGRESS, 0, null, received, c.startedAt(pos), null, null);
        }
        int idx = c.targets[pos];
        return switch (c.kind) {
            case EOC_SCAN, EOC_REMEDIATE -> new EndpointState(EndpointState.COMPLETED, 0, "", received, done, null,
                    EocResult.write(c.eoc, filesAt(idx, done, c)));
            case UPLOAD -> uploadedFile(c, pos).isPresent()
                    ? new EndpointState(EndpointState.COMPLETED, 0, "", received, done,
                            ids.id(Ids.FILE, c.firstFileSerial + pos), "")
                    : new EndpointState(EndpointState.ERROR, 6, uploadError(c, idx), received, done, null, "");
            default -> new EndpointState(EndpointState.COMPLETED, 0, "", received, done, null, "");
        };
    }

    /** Files of {@code idx} at {@code at}, after the remediations completed by then (excluding {@code upTo} and later). */
    List<InventoryFile> filesAt(int idx, long at, Command upTo) {
        List<InventoryFile> files = inventory.baseFiles(fleet.computer(idx));
        if (remediations.isEmpty()) {
            return files;
        }
        List<Command> applied = new ArrayList<>();
        for (Command r : remediations) {
            int pos = r.position(idx);
            if (pos >= 0 && r.completedBy(pos, at)) {
                applied.add(r);
            }
        }
        applied.sort(Comparator.comparingLong((Command r) -> r.completesAt[r.position(idx)]).thenComparingInt(r -> r.number));
        List<InventoryFile> out = new ArrayList<>(files);
        for (Command r : applied) {
            if (r == upTo) {
                break;
            }
            out.removeIf(f -> EocResult.removes(r.eoc, f));
        }
        return out;
    }

    boolean quarantinedAt(int idx, long now) {
        Command last = null;
        long lastDone = Long.MIN_VALUE;
        for (Command q : quarantines) {
            int pos = q.position(idx);
            if (pos >= 0 && q.completedBy(pos, now) && q.completesAt[pos] >= lastDone) {
                last = q;
                lastDone = q.completesAt[pos];
            }
        }
        return last != null && last.kind == CommandKind.QUARANTINE;
    }

    /** The uploaded file behind {@code fileId}, once its upload completed. */
    Optional<InventoryFile> uploadedFile(String fileId, long now) {
        OptionalInt serial = ids.index(Ids.FILE, fileId == null ? null : fileId.toUpperCase(Locale.ROOT));
        if (serial.isEmpty()) {
            return Optional.empty();
        }
        for (Command c : uploads) {
            int pos = serial.getAsInt() - c.firstFileSerial;
            if (pos >= 0 && pos < c.targets.length) {
                return c.completedBy(pos, now) ? uploadedFile(c, pos) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    private Optional<InventoryFile> uploadedFile(Command c, int pos) {
        Command.Upload u = c.upload;
        if (!isExecutable(u.filePath())) {
            return Optional.empty();
        }
        return filesAt(c.targets[pos], c.completesAt[pos], null).stream()
                .filter(f -> f.path().equalsIgnoreCase(u.filePath().strip()))
                .filter(f -> u.md5() == null || u.md5().equalsIgnoreCase(f.md5()))
                .filter(f -> u.sha1() == null || u.sha1().equalsIgnoreCase(f.sha1()))
                .filter(f -> u.sha256() == null || u.sha256().equalsIgnoreCase(f.sha256()))
                .findFirst();
    }

    private String uploadError(Command c, int idx) {
        return isExecutable(c.upload.filePath()) ? "File not found" : "Unsupported file type";
    }

    /** fn_sep documents that only executable types (.exe, .bat, .msi ...) can be uploaded. */
    static boolean isExecutable(String path) {
        String p = path.strip().toLowerCase(Locale.ROOT);
        return List.of(".exe", ".dll", ".bat", ".cmd", ".msi", ".ps1", ".com", ".scr", ".sys", ".vbs", ".js")
                .stream().anyMatch(p::endsWith) || !p.contains(".");
    }
}
