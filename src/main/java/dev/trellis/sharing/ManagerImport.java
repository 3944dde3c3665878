package dev.trellis.sharing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;

import dev.trellis.engine.PersonDirectory;
import dev.trellis.engine.PlatformIdentity;
import dev.trellis.identity.EmailLinks;

/**
 * {@code import-managers file.csv [--dry-run]}: manager links an operator vouches for, one pair a line:
 * {@code employee,manager}. Each side is a platform identity ({@code slack:T024BE7LD:U1234},
 * {@code teams:<tenant id>:<Entra object id>}) or an e-mail address of someone Trellis linked by verified e-mail.
 * A first line {@code employee,manager}, blank lines and lines starting with {@code #} are skipped. Imported links are
 * confirmed at once. Every line is checked before anything is written: one bad line and nothing is imported, so a
 * corrected file can simply be run again (an import is idempotent: a pair already linked is left alone).
 */
@Service
public class ManagerImport {

    private static final Set<String> PLATFORMS = Set.of("slack", "teams");

    /** One line's verdict: what happened (or would), or why the line is wrong. */
    public record Line(int number, String text, boolean error) {
    }

    /** The lines' verdicts, in file order; {@code errors} lines were wrong (then nothing was written). */
    public record Report(List<Line> lines, int errors, Map<ManagerLinks.ImportOutcome, Integer> counts,
                         boolean written) {
    }

    private final ManagerLinks links;
    private final PersonDirectory directory;
    private final EmailLinks emails;
    private final Clock clock;

    ManagerImport(ManagerLinks links, PersonDirectory directory, EmailLinks emails, Clock clock) {
        this.links = links;
        this.directory = directory;
        this.emails = emails;
        this.clock = clock;
    }

    private record Pair(int number, String employee, String manager, Side employeeSide, Side managerSide) {
    }

    /** One side of a pair: a known person, or a platform identity Trellis has not seen yet (made on import). */
    private record Side(String personId, PlatformIdentity identity) {
        String person(PersonDirectory directory) {
            return personId != null ? personId : directory.resolve(identity);
        }
    }

    public Report run(Reader csv, boolean dryRun) throws IOException {
        List<Line> lines = new ArrayList<>();
        List<Pair> pairs = new ArrayList<>();
        Map<String, Integer> employees = new HashMap<>();
        BufferedReader reader = new BufferedReader(csv);
        String raw;
        int number = 0;
        int errors = 0;
        while ((raw = reader.readLine()) != null) {
            number++;
            String text = raw.strip();
            if (number == 1 && text.startsWith("\uFEFF")) text = text.substring(1).strip();
            if (text.isEmpty() || text.startsWith("#")
                    || (number == 1 && text.replace(" ", "").equalsIgnoreCase("employee,manager"))) {
                continue;
            }
            String[] cells = text.split(",", -1);
            String problem = null;
            Side employee = null;
            Side manager = null;
            if (cells.length != 2) {
                problem = "expected two columns, employee,manager; found " + cells.length;
            } else {
                String e = unquote(cells[0]);
                String m = unquote(cells[1]);
                employee = side(e);
                manager = side(m);
                if (e.isEmpty() || m.isEmpty()) problem = "an empty column";
                else if (employee == null) problem = "employee: " + unknown(e);
                else if (manager == null) problem = "manager: " + unknown(m);
                else if (e.equalsIgnoreCase(m) || (employee.personId() != null
                        && employee.personId().equals(manager.personId()))) problem = "a person cannot be their own manager";
                else if (employees.containsKey(e.toLowerCase(Locale.ROOT))) {
                    problem = "this employee is already on line " + employees.get(e.toLowerCase(Locale.ROOT))
                            + " (one manager per person)";
                }
                if (problem == null) {
                    employees.put(e.toLowerCase(Locale.ROOT), number);
                    pairs.add(new Pair(number, e, m, employee, manager));
                }
            }
            if (problem != null) {
                errors++;
                lines.add(new Line(number, "line " + number + ": " + problem, true));
            }
        }
        Map<ManagerLinks.ImportOutcome, Integer> counts = new java.util.EnumMap<>(ManagerLinks.ImportOutcome.class);
        boolean write = errors == 0 && !dryRun;
        for (Pair pair : pairs) {
            ManagerLinks.ImportOutcome outcome;
            if (write) {
                outcome = links.importConfirmed(pair.employeeSide().person(directory),
                        pair.managerSide().person(directory), clock.instant(), false);
            } else if (pair.employeeSide().personId() == null || pair.managerSide().personId() == null) {
                outcome = pair.employeeSide().personId() == null ? ManagerLinks.ImportOutcome.ADDED
                        : links.openLinkOf(pair.employeeSide().personId()).isPresent()
                        ? ManagerLinks.ImportOutcome.REPLACED : ManagerLinks.ImportOutcome.ADDED;
            } else {
                outcome = links.importConfirmed(pair.employeeSide().personId(), pair.managerSide().personId(),
                        clock.instant(), true);
            }
            counts.merge(outcome, 1, Integer::sum);
            lines.add(new Line(pair.number(), "line " + pair.number() + ": " + pair.employee() + " -> "
                    + pair.manager() + ": " + describe(outcome, write), false));
        }
        lines.sort(java.util.Comparator.comparingInt(Line::number));
        return new Report(List.copyOf(lines), errors, counts, write);
    }

    private static String describe(ManagerLinks.ImportOutcome outcome, boolean written) {
        String verb = switch (outcome) {
            case ADDED -> written ? "linked" : "would be linked";
            case CONFIRMED_PROPOSAL -> written ? "their proposal confirmed" : "their proposal would be confirmed";
            case REPLACED -> written ? "linked, replacing their previous manager"
                    : "would be linked, replacing their previous manager";
            case UNCHANGED -> "already linked, unchanged";
        };
        return verb;
    }

    private Side side(String value) {
        if (value.contains("@") && !value.contains(":")) {
            return emails.personWith(value).map(person -> new Side(person, null)).orElse(null);
        }
        String[] parts = value.split(":", 3);
        if (parts.length != 3 || !PLATFORMS.contains(parts[0].toLowerCase(Locale.ROOT)) || parts[1].isBlank()
                || parts[2].isBlank() || value.chars().anyMatch(Character::isWhitespace)) {
            return null;
        }
        PlatformIdentity identity = new PlatformIdentity(parts[0].toLowerCase(Locale.ROOT), parts[1], parts[2]);
        Optional<String> known = directory.find(identity);
        return new Side(known.orElse(null), identity);
    }

    private static String unknown(String value) {
        if (value.contains("@") && !value.contains(":")) {
            return "no one is known by this e-mail address (Trellis knows addresses only with "
                    + "trellis.identity.link-by-email on, once the person has used it); use slack:TEAM:USER or "
                    + "teams:TENANT:USER";
        }
        return "not an identity: use slack:TEAM:USER, teams:TENANT:USER or an e-mail address";
    }

    private static String unquote(String cell) {
        String s = cell.strip();
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) s = s.substring(1, s.length() - 1).strip();
        return s;
    }
}
