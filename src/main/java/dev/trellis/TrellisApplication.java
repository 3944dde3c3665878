package dev.trellis;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Trellis: the web server, or {@code validate [path...]} to check flow files without starting it. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class TrellisApplication {

    public static void main(String[] args) {
        SpringApplication.run(TrellisApplication.class, args);
    }
}
