package dev.trellis;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import java.util.Arrays;
import java.util.List;

/**
 * Trellis: the web server; {@code validate [path...]} to check flow files without starting it;
 * {@code rotate-master-key} to rewrap every data key with a new master key; {@code import-managers file.csv
 * [--dry-run]} to import manager links an operator vouches for.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class TrellisApplication {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("validate")) {
            List<String> paths = Arrays.asList(args).subList(1, args.length);
            System.exit(new ValidateCommand(System.out).run(paths));
        }
        if (args.length > 0 && args[0].equals("rotate-master-key")) {
            System.exit(new RotateMasterKeyCommand(System.out).run(Arrays.copyOfRange(args, 1, args.length)));
        }
        if (args.length > 0 && args[0].equals("import-managers")) {
            System.exit(new ImportManagersCommand(System.out).run(Arrays.copyOfRange(args, 1, args.length)));
        }
        SpringApplication.run(TrellisApplication.class, args);
    }
}
