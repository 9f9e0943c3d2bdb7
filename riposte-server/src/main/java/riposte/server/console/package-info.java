/**
 * The web console: server-rendered Thymeleaf pages with htmx, for analysts who would rather click than type
 * (see {@code docs/console.md}). Pages live under {@code /console}; they are rendered from the Java services
 * directly, never by calling our own REST API over HTTP.
 *
 * <h2>Adding a page</h2>
 * <ol>
 *   <li>A controller in a feature sub-package ({@code riposte.server.console.<feature>}) mapped under
 *       {@code /console/<feature>}, returning a template name under {@code templates/console/<feature>/}. The
 *       URL rules in {@code SecurityConfiguration} already give GET to viewers, other methods to analysts, and
 *       {@code /console/settings/**} and {@code /console/audit/**} to admins only; check a stricter role in the
 *       controller with {@link riposte.server.console.ConsoleUser#require}.</li>
 *   <li>The template's root element replaces itself with the layout, passing its title, its main content and
 *       the navigation section to highlight:
 *       <pre>{@code
 * <html th:replace="~{console/layout :: layout(~{::title}, ~{::main}, 'indicators')}">
 * <head><title>Indicators · Riposte</title></head>
 * <body><main> ... </main></body></html>}</pre>
 *       The layout ({@code templates/console/layout.html}) gives the navigation, the user menu with logout and
 *       the flash message; {@link riposte.server.console.ConsoleAdvice} puts {@code me} (a {@link ConsoleUser})
 *       in every console model.</li>
 *   <li>Forms: use {@code th:action="@{...}"} and Spring Security adds the hidden {@code _csrf} field by itself.
 *       htmx requests ({@code hx-post}, {@code hx-delete}...) carry the CSRF token in the {@code X-CSRF-TOKEN}
 *       header, which the layout sets for the whole page with {@code hx-headers} on {@code <body>}. A controller
 *       answering an htmx request returns a fragment ({@code "console/x :: fragment"}); {@link Htmx} tells
 *       the two apart.</li>
 *   <li>Escaping: threat data is attacker-controlled. Render data with {@code th:text} (or {@code [[...]]}) and
 *       attributes with {@code th:href}/{@code th:value}/{@code th:attr} only — <b>never {@code th:utext}</b> or
 *       {@code [(...)]} for anything that came from a user, a playbook or Symantec. Stored report HTML is shown
 *       only inside a sandboxed {@code <iframe>} from the API, never inlined. No inline scripts or event handlers:
 *       the console's Content-Security-Policy ({@link ConsoleWebConfiguration}) forbids them; behaviour goes in
 *       {@code static/console/assets/console.js} or htmx attributes.</li>
 *   <li>Add a matrix entry for every new endpoint in {@code AuthorizationMatrixContract}, and a browser test
 *       extending {@code ConsoleBrowserTest} that visits the page (it also saves a screenshot).</li>
 * </ol>
 */
package riposte.server.console;
