package dev.trellis.flow;

import org.junit.jupiter.api.Test;

class DumpTest {
    @Test
    void dump() {
        System.out.println("VALID: " + FlowFixtures.errorLines(FlowFixtures.loadValid()) + " flows=" + FlowFixtures.loadValid().flows().size());
        for (var f : FlowFixtures.yamlFiles(FlowFixtures.BROKEN)) {
            System.out.println("== " + f);
            FlowFixtures.errorLines(FlowFixtures.loadBroken(f.getFileName().toString())).forEach(System.out::println);
        }
    }
}
