package dev.trellis.scheduling;

import java.util.Map;
import java.util.Optional;

import dev.trellis.engine.PersonDirectory;
import dev.trellis.engine.PlatformIdentity;
import org.springframework.stereotype.Component;

/**
 * Drops a reminder whose platform identity no longer belongs to anyone: the person was erased (erasure removes their
 * identity links, then their jobs; a job firing in between finds nobody).
 */
@Component
class PersonGoneGuard {

    private final PersonDirectory directory;

    PersonGoneGuard(PersonDirectory directory) {
        this.directory = directory;
    }

    Optional<String> drop(String personId, PlatformIdentity identity) {
        return directory.find(identity).isPresent() ? Optional.empty() : Optional.of("person erased");
    }
}
