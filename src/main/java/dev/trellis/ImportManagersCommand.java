package dev.trellis;

import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

import dev.trellis.sharing.ManagerImport;

/**
 * {@code import-managers file.csv [--dry-run]}: starts Trellis without its web server, event processing and Quartz,
 * imports the manager links of the file (see {@link ManagerImport} for its columns) and stops. Prints a line per
 * pair (what changed, or with {@code --dry-run} what would) and per bad line (its number and what is wrong). Exit 0
 * when every line was good, 1 when any was not (then nothing is written), 2 when the file cannot be read.
 */
final class ImportManagersCommand {

    private final PrintStream out;

    ImportManagersCommand(PrintStream out) {
        this.out = out;
    }

    int run(String... args) {
        List<String> springArgs = new ArrayList<>();
        Path file = null;
        boolean dryRun = false;
        for (String arg : args) {
            if (arg.equals("--dry-run")) dryRun = true;
            else if (arg.startsWith("--")) springArgs.add(arg);
            else if (file == null) file = Path.of(arg);
            else {
                out.println("import-managers takes one file; usage: import-managers file.csv [--dry-run]");
                return 2;
            }
        }
        if (file == null) {
            out.println("usage: import-managers file.csv [--dry-run]");
            return 2;
        }
        if (!Files.isReadable(file)) {
            out.println("Cannot read " + file);
            return 2;
        }
        SpringApplication application = new SpringApplication(TrellisApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setDefaultProperties(java.util.Map.of(
                "trellis.inbox.processing", "false",
                "spring.quartz.auto-startup", "false"));
        try (ConfigurableApplicationContext context = application.run(springArgs.toArray(String[]::new));
             Reader csv = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            ManagerImport.Report report = context.getBean(ManagerImport.class).run(csv, dryRun);
            report.lines().forEach(line -> out.println(line.text()));
            if (report.errors() > 0) {
                out.println(report.errors() + " line(s) wrong; nothing was imported. Fix them and run it again.");
                return 1;
            }
            out.println((dryRun ? "Dry run, nothing written: " : "Imported: ") + report.counts()
                    + ". Imported links count as confirmed.");
            return 0;
        } catch (NoSuchFileException e) {
            out.println("Cannot read " + file);
            return 2;
        } catch (java.nio.charset.MalformedInputException e) {
            out.println("Cannot read " + file + ": it is not UTF-8 text");
            return 2;
        } catch (Exception e) {
            Throwable root = e;
            while (root.getCause() != null) root = root.getCause();
            out.println("Import failed: " + root.getClass().getSimpleName() + ": " + root.getMessage());
            return 1;
        }
    }
}
