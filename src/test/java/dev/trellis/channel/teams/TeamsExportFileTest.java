package dev.trellis.channel.teams;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import dev.trellis.engine.PersonDirectory;
import dev.trellis.engine.PlatformIdentity;
import dev.trellis.privacy.PersonalExport;

/**
 * {@code /coach export} in Teams: the files come as Teams' file-consent cards in the personal chat; what the person
 * allows is put into the OneDrive location Teams names and shown as a file card; a declined card sends nothing; a
 * consent that names someone else's export uploads nothing.
 */
class TeamsExportFileTest extends TeamsTestEnvironment {

    @Autowired
    PersonDirectory people;
    @Autowired
    PersonalExport exports;

    private static final String UPLOAD = "/onedrive/upload/";

    private static List<JsonNode> consentCards(TeamsPerson person) {
        return person.posted().stream()
                .flatMap(activity -> StreamSupport.stream(activity.path("attachments").spliterator(), false))
                .filter(a -> TeamsFileConsent.CONSENT_CARD.equals(a.path("contentType").asText())).toList();
    }

    private TeamsPerson exported(String aad) throws Exception {
        TeamsPerson person = new TeamsPerson(port, mongo, aad, "Robin Doe");
        person.says("/coach export");
        await().atMost(Duration.ofSeconds(30)).until(() -> consentCards(person).size() == 2);
        return person;
    }

    @Test
    void allowedFileGoesToTheOneDriveLocationTeamsNamesAndIsShownAsAFileCard() throws Exception {
        BotFramework.STUB.stubFor(put(urlMatching(UPLOAD + ".*")).willReturn(aResponse().withStatus(201)));
        TeamsPerson robin = exported("aad-export-robin");
        List<JsonNode> cards = consentCards(robin);
        assertThat(cards).extracting(card -> card.path("name").asText())
                .anySatisfy(name -> assertThat(name).endsWith(".json"))
                .anySatisfy(name -> assertThat(name).endsWith(".md"));
        assertThat(cards).allSatisfy(card -> assertThat(card.path("content").path("sizeInBytes").asInt()).isPositive());
        assertThat(robin.posted().stream().flatMap(a -> TeamsConnectorLog.texts(a).stream()))
                .noneMatch(text -> text.contains("can't receive files"))
                .anyMatch(text -> text.contains("choose *Allow* on each card"));

        JsonNode json = cards.stream().filter(c -> c.path("name").asText().endsWith(".json")).findFirst().orElseThrow();
        String uploadUrl = BotFramework.STUB.baseUrl() + UPLOAD + "robin-json";
        assertThat(BotFramework.send(port, BotFramework.fileConsent("consent-robin", robin.conversation, robin.aad,
                "accept", json.path("content").path("acceptContext").toString(), uploadUrl)).statusCode())
                .isEqualTo(200);

        await().atMost(Duration.ofSeconds(20)).until(() ->
                !BotFramework.STUB.findAll(putRequestedFor(urlEqualTo(UPLOAD + "robin-json"))).isEmpty());
        LoggedRequest upload = BotFramework.STUB.findAll(putRequestedFor(urlEqualTo(UPLOAD + "robin-json"))).get(0);
        String personId = people.find(new PlatformIdentity(TeamsChannel.NAME, BotFramework.TENANT, robin.aad))
                .orElseThrow();
        PersonalExport.Files files = exports.find(json.path("content").path("acceptContext").path("export").asText(),
                personId).orElseThrow();
        assertThat(upload.getBody()).isEqualTo(files.json());
        assertThat(upload.getBodyAsString()).contains("exportedAt");
        assertThat(upload.getHeader("Content-Range")).isEqualTo("bytes 0-" + (upload.getBody().length - 1) + "/"
                + upload.getBody().length);
        await().atMost(Duration.ofSeconds(20)).until(() -> robin.posted().stream()
                .flatMap(a -> StreamSupport.stream(a.path("attachments").spliterator(), false))
                .anyMatch(a -> TeamsFileConsent.INFO_CARD.equals(a.path("contentType").asText())
                        && a.path("name").asText().equals("data.json")
                        && a.path("content").path("uniqueId").asText().equals("1150D938-8870-4044-9F2C-5BBDEBA70C9D")));
    }

    @Test
    void declinedFileIsNotSentAndThePersonIsToldHowToAskAgain() throws Exception {
        TeamsPerson sam = exported("aad-export-sam");
        JsonNode card = consentCards(sam).get(0);
        BotFramework.STUB.resetRequests();
        assertThat(BotFramework.send(port, BotFramework.fileConsent("decline-sam", sam.conversation, sam.aad,
                "decline", card.path("content").path("declineContext").toString(),
                BotFramework.STUB.baseUrl() + UPLOAD + "sam")).statusCode()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(20)).until(() -> sam.posted().stream()
                .flatMap(a -> TeamsConnectorLog.texts(a).stream()).anyMatch(t -> t.startsWith("Okay, I haven't sent")));
        assertThat(BotFramework.STUB.findAll(putRequestedFor(urlMatching(UPLOAD + ".*")))).isEmpty();
    }

    @Test
    void consentNamingSomeoneElsesExportUploadsNothing() throws Exception {
        BotFramework.STUB.stubFor(put(urlMatching(UPLOAD + ".*")).willReturn(aResponse().withStatus(201)));
        TeamsPerson kim = exported("aad-export-kim");
        String kimsContext = consentCards(kim).get(0).path("content").path("acceptContext").toString();
        TeamsPerson mallory = new TeamsPerson(port, mongo, "aad-export-mallory", "Mallory Doe");
        mallory.says("hello");

        assertThat(BotFramework.send(port, BotFramework.fileConsent("forged", mallory.conversation, mallory.aad,
                "accept", kimsContext, BotFramework.STUB.baseUrl() + UPLOAD + "mallory")).statusCode()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(20)).until(() -> mallory.posted().stream()
                .flatMap(a -> TeamsConnectorLog.texts(a).stream()).anyMatch(t -> t.contains("isn't yours")));
        assertThat(BotFramework.STUB.findAll(putRequestedFor(urlMatching(UPLOAD + ".*")))).isEmpty();
    }
}
