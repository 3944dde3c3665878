package dev.trellis;

import java.io.PrintStream;

import dev.trellis.privacy.keys.MasterKeyRotation;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code rotate-master-key}: starts Trellis without its web server, without processing events and without Quartz,
 * rewraps every data key with the new master key ({@code TRELLIS_NEW_MASTER_KEY}, or a generated one when the key
 * lives in {@code TRELLIS_DATA_DIR}), and stops. Run it with every Trellis node stopped. Exit 0 when done, 1 with the
 * reason otherwise.
 */
final class RotateMasterKeyCommand {

    private final PrintStream out;

    RotateMasterKeyCommand(PrintStream out) {
        this.out = out;
    }

    int run(String... args) {
        SpringApplication application = new SpringApplication(TrellisApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setDefaultProperties(java.util.Map.of(
                "trellis.inbox.processing", "false",
                "spring.quartz.auto-startup", "false",
                "trellis.crypto.rotating", "true"));
        try (ConfigurableApplicationContext context = application.run(args)) {
            MasterKeyRotation.Result result = context.getBean(MasterKeyRotation.class).rotate();
            out.println("Rewrapped " + result.rewrapped() + " data key(s) from master key " + result.oldKeyId()
                    + " to " + result.newKeyId() + ".");
            out.println(result.keyFile() != null ? "The new master key is in " + result.keyFile() + "."
                    : "Now set TRELLIS_MASTER_KEY to the value of TRELLIS_NEW_MASTER_KEY, unset "
                    + "TRELLIS_NEW_MASTER_KEY, and start Trellis.");
            return 0;
        } catch (RuntimeException e) {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            out.println("Master key rotation failed: " + root.getMessage());
            return 1;
        }
    }
}
