package riposte.simulator.http;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Finds the route for a raw path: an exact match first, else the longest matching prefix with a non-empty rest, so
 * {@code /insight/network/history/} wins over {@code /insight/network/}.
 */
final class Router {

    /** What a path resolved to: the routes on that path (one per method) and, for prefix routes, the raw rest. */
    record Match(List<Route> routes, String tail) {
        Route forMethod(String method) {
            for (Route r : routes) {
                if (r.method().equals(method)) return r;
            }
            return null;
        }

        String allowHeader() {
            return String.join(", ", routes.stream().map(Route::method).distinct().toList());
        }
    }

    private final List<Route> exact = new CopyOnWriteArrayList<>();
    private final List<Route> prefixes = new CopyOnWriteArrayList<>();

    void add(Route route) {
        if (route.prefix()) {
            if (!route.path().endsWith("/")) throw new IllegalArgumentException("prefix must end in /: " + route.path());
            List<Route> sorted = new ArrayList<>(prefixes);
            sorted.add(route);
            // Longest first; equal paths adjacent so that one path's routes (one per method) are collected together.
            sorted.sort(Comparator.comparingInt((Route r) -> r.path().length()).reversed().thenComparing(Route::path));
            prefixes.clear();
            prefixes.addAll(sorted);
        } else {
            exact.add(route);
        }
    }

    /** The match for {@code rawPath}, or {@code null} for no route at all (404). */
    Match match(String rawPath) {
        List<Route> found = new ArrayList<>(2);
        for (Route r : exact) {
            if (r.path().equals(rawPath)) found.add(r);
        }
        if (!found.isEmpty()) return new Match(found, "");
        String matchedPrefix = null;
        for (Route r : prefixes) {
            if (matchedPrefix != null && !r.path().equals(matchedPrefix)) break;
            if (rawPath.length() > r.path().length() && rawPath.startsWith(r.path())) {
                matchedPrefix = r.path();
                found.add(r);
            }
        }
        return found.isEmpty() ? null : new Match(found, rawPath.substring(matchedPrefix.length()));
    }
}
