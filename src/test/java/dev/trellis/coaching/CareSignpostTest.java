package dev.trellis.coaching;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import dev.trellis.flow.MessageBundle;
import dev.trellis.flow.YamlMessageBundle;

/** The help a person who writes of distress is pointed to is said in their language, with the operator's numbers. */
class CareSignpostTest {

    private static final MessageBundle SHIPPED = YamlMessageBundle.load(Path.of("conversation-flows", "messages"));

    private static CoachingReflector reflector(CareProperties care) {
        return new CoachingReflector(care, new StaticListableBeanFactory(Map.of("messages", SHIPPED))
                .getBeanProvider(MessageBundle.class));
    }

    /** Binds {@code trellis.care.*} the way Spring does from application properties or environment variables. */
    private static CareProperties bound(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties)).bind("trellis.care", CareProperties.class)
                .orElseGet(CareProperties::shipped);
    }

    @Test
    void withoutOperatorTextsEachLocaleGetsTheShippedSignpostInItsLanguage() {
        CoachingReflector reflector = reflector(CareProperties.shipped());

        assertThat(reflector.care("Honestly I'm burnt out", "en"))
                .startsWith("Thank you for telling me.").contains("Employee Assistance Programme (EAP), HR");
        assertThat(reflector.care("Ehrlich gesagt bin ich ausgebrannt", "de"))
                .startsWith("Danke, dass du mir das erzählst.").contains("Mitarbeiterberatung")
                .doesNotContain("someone you trust");
        assertThat(reflector.care("Ich denke an Suizid", "de-AT")).contains("Telefonseelsorge").contains("Mitarbeiterberatung");
    }

    @Test
    void operatorSignpostPerLocaleWinsAndOtherLocalesKeepTheGeneralOne() {
        CareProperties care = bound(Map.of(
                "trellis.care.signpost", "Call the EAP on 0800 111 222, free and confidential.",
                "trellis.care.locales.de.signpost", "Die Mitarbeiterberatung erreichst du kostenlos unter 0800 333 444.",
                "trellis.care.locales.de.urgent", "Ruf jetzt die Telefonseelsorge an: 0800 111 0 111."));
        CoachingReflector reflector = reflector(care);

        assertThat(reflector.care("Ich halte es nicht mehr aus", "de-AT"))
                .endsWith("Die Mitarbeiterberatung erreichst du kostenlos unter 0800 333 444.");
        assertThat(reflector.care("Ich denke an Suizid", "de"))
                .contains("Ruf jetzt die Telefonseelsorge an: 0800 111 0 111. Die Mitarbeiterberatung erreichst du");
        assertThat(reflector.care("I can't cope with the workload", "en"))
                .endsWith("Call the EAP on 0800 111 222, free and confidential.");
        // a locale with no text of its own gets the operator's general number, not the shipped wording without one
        assertThat(reflector.care("I can't cope", "fr")).endsWith("Call the EAP on 0800 111 222, free and confidential.");
        assertThat(reflector.care("I want to die", "en")).contains("crisis line now")
                .endsWith("Call the EAP on 0800 111 222, free and confidential.");
    }

    @Test
    void ordinaryAnswersGetNoCare() {
        assertThat(reflector(CareProperties.shipped()).care("Busy but fine", "de")).isNull();
    }
}
