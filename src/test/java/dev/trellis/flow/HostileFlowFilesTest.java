package dev.trellis.flow;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * Flow files come from a repository anyone on the team can change: a file built to exhaust memory or loop is
 * refused with its place named, quickly, and nothing else loads half-way.
 */
class HostileFlowFilesTest {

    private static final String BILLION_LAUGHS = """
            id: laughs
            title: Laughs
            a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
            b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
            c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
            d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
            e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
            f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
            steps:
              - id: hi
                say: *f
            """;

    @Test
    void billionLaughsIsRefusedAtItsFirstAlias() {
        assertThatThrownBy(() -> FlowFixtures.loader().loadOne("flows/laughs.yaml", BILLION_LAUGHS, Set.of()))
                .isInstanceOf(FlowException.class)
                .hasMessageContaining("flows/laughs.yaml:4:")
                .hasMessageContaining("aliases (*name) are not allowed");
    }

    @Test
    void aliasPointingIntoItsOwnAnchorIsRefusedNotFollowedForever() {
        String loop = "id: loop\ntitle: Loop\nsteps: &s\n  - id: a\n    say: hi\n    next: *s\n";

        assertThatThrownBy(() -> FlowFixtures.loader().loadOne("flows/loop.yaml", loop, Set.of()))
                .isInstanceOf(FlowException.class)
                .hasMessageContaining("flows/loop.yaml:6:11: aliases (*name) are not allowed");
    }

    @Test
    void aSingleHarmlessLookingAliasIsRefusedToo() {
        String reuse = "id: reuse\ntitle: &t Reuse\nsteps:\n  - id: a\n    say: *t\n";

        assertThatThrownBy(() -> FlowFixtures.loader().loadOne("flows/reuse.yaml", reuse, Set.of()))
                .isInstanceOf(FlowException.class)
                .hasMessageContaining("flows/reuse.yaml:5:10: aliases");
    }

    @Test
    void nestingDeeperThanAnyFlowNeedsIsASyntaxErrorNotAStackOverflow() {
        String deep = "id: deep\ntitle: Deep\nx: " + "[".repeat(1_000) + "]".repeat(1_000) + "\nsteps: []\n";

        assertThatThrownBy(() -> FlowFixtures.loader().loadOne("flows/deep.yaml", deep, Set.of()))
                .isInstanceOf(FlowException.class)
                .hasMessageContaining("flows/deep.yaml")
                .hasMessageContaining("YAML syntax error");
    }
}
