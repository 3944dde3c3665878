package dev.trellis;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Keeps the features' dependencies pointing one way (channels → inbox → engine → flow; coaching → engine;
 * identity → engine; scheduling → inbox, engine; nothing → channels) and the engine core free of frameworks. Writes
 * the module diagram to {@code target/spring-modulith-docs}.
 */
class ModuleStructureTest {

    private static final ApplicationModules MODULES = ApplicationModules.of(TrellisApplication.class);
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.trellis");

    @Test
    void modulesHaveNoCyclesAndUseOnlyEachOthersPublicApi() {
        MODULES.verify();
        new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }

    @Test
    void flowLanguageDependsOnNoOtherFeature() {
        noClasses().that().resideInAPackage("dev.trellis.flow..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.trellis.engine..", "dev.trellis.inbox..",
                        "dev.trellis.channel..", "dev.trellis.coaching..", "dev.trellis.scheduling..",
                        "dev.trellis.privacy..", "dev.trellis.insight..", "dev.trellis.identity..")
                .check(CLASSES);
    }

    @Test
    void engineDependsOnlyOnTheFlowLanguage() {
        noClasses().that().resideInAPackage("dev.trellis.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.trellis.inbox..", "dev.trellis.channel..",
                        "dev.trellis.coaching..", "dev.trellis.scheduling..", "dev.trellis.privacy..",
                        "dev.trellis.insight..", "dev.trellis.identity..")
                .check(CLASSES);
    }

    /** Identity sits just above the engine (it implements the engine's PersonDirectory): it knows no feature data. */
    @Test
    void identityDependsOnlyOnTheEngine() {
        noClasses().that().resideInAPackage("dev.trellis.identity..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.trellis.inbox..", "dev.trellis.channel..",
                        "dev.trellis.coaching..", "dev.trellis.scheduling..", "dev.trellis.privacy..",
                        "dev.trellis.insight..")
                .check(CLASSES);
    }

    /** Sharing decides who may see what; it knows people and the engine, never the data it guards. */
    @Test
    void sharingDependsOnlyOnEngineAndIdentity() {
        noClasses().that().resideInAPackage("dev.trellis.sharing..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.trellis.inbox..", "dev.trellis.channel..",
                        "dev.trellis.coaching..", "dev.trellis.scheduling..", "dev.trellis.privacy..",
                        "dev.trellis.insight..")
                .check(CLASSES);
    }

    @Test
    void inboxDoesNotKnowChannels() {
        noClasses().that().resideInAPackage("dev.trellis.inbox..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.trellis.channel..", "dev.trellis.coaching..",
                        "dev.trellis.identity..")
                .check(CLASSES);
    }

    @Test
    void schedulingHandsTimersToTheInboxAndKnowsNoChannelOrCoaching() {
        noClasses().that().resideInAPackage("dev.trellis.scheduling..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.trellis.channel..", "dev.trellis.coaching..",
                        "dev.trellis.privacy..", "dev.trellis.insight..")
                .check(CLASSES);
    }

    @Test
    void nothingOutsideAChannelDependsOnIt() {
        noClasses().that().resideOutsideOfPackages("dev.trellis.channel..", "dev.trellis")
                .should().dependOnClassesThat().resideInAPackage("dev.trellis.channel..")
                .check(CLASSES);
    }

    @Test
    void channelsDoNotDependOnEachOther() {
        for (String channel : new String[] {"slack", "teams", "web"}) {
            String[] others = java.util.stream.Stream.of("slack", "teams", "web").filter(c -> !c.equals(channel))
                    .map(c -> "dev.trellis.channel." + c + "..").toArray(String[]::new);
            noClasses().that().resideInAPackage("dev.trellis.channel." + channel + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(others)
                    .check(CLASSES);
        }
    }

    @Test
    void onlyTheTeamsChannelUsesTheBotFrameworkAndOnlySlackUsesBolt() {
        noClasses().that().resideOutsideOfPackage("dev.trellis.channel.teams..")
                .should().dependOnClassesThat().resideInAPackage("com.microsoft.bot..")
                .check(CLASSES);
        noClasses().that().resideOutsideOfPackage("dev.trellis.channel.slack..")
                .should().dependOnClassesThat().resideInAPackage("com.slack..")
                .check(CLASSES);
    }

    @Test
    void engineCoreImportsNoFrameworkOrPlatform() {
        noClasses().that().resideInAPackage("dev.trellis.engine")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.mongodb..",
                        "org.bson..", "com.slack..", "com.microsoft..", "jakarta..")
                .check(CLASSES);
    }
}
