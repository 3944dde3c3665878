package dev.trellis.privacy.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.trellis.engine.FreeTextCodec;
import dev.trellis.testing.MutableClock;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Per-person data keys wrapped by the master key, against a real MongoDB wire server: what is stored cannot be read
 * without the key, destroying a key makes every copy unreadable, and a wrong or missing master key stops Trellis
 * before it writes anything.
 */
@ExtendWith(OutputCaptureExtension.class)
class DataKeysTest {

    private static final MasterKey A = MasterKey.generate();
    private static final MasterKey B = MasterKey.generate();

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final MongoClient client;
    private final MongoTemplate mongo;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T10:00:00Z"));

    @TempDir
    Path dir;

    DataKeysTest() {
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        mongo = new MongoTemplate(client, "keys");
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    private DataKeys keys(MasterKeys master) {
        return new DataKeys(mongo, master, new KeyCache(100, Duration.ofMinutes(10), clock), clock);
    }

    private FreeTextCodec codec(MasterKey master) {
        return new SealedText(keys(new MasterKeys(master, null, null)), clock);
    }

    private CryptoProperties properties(String masterKey, String newMasterKey, boolean rotating) {
        return new CryptoProperties(masterKey, newMasterKey, dir.resolve("master.key"), 100, Duration.ofMinutes(10),
                Duration.ofDays(2), "keys", rotating);
    }

    @Test
    void whatAPersonWroteIsStoredEncryptedAndOpensOnlyWithTheirKey() {
        FreeTextCodec codec = codec(A);

        String stored = codec.seal("ana", "I want to lead the platform team");

        assertThat(stored).startsWith("tk1:").doesNotContain("platform team");
        assertThat(codec.seal("ana", "I want to lead the platform team")).isNotEqualTo(stored);
        assertThat(codec.open("ana", stored)).isEqualTo("I want to lead the platform team");
        codec.seal("ben", "something else");
        assertThatThrownBy(() -> codec.open("ben", stored)).isInstanceOf(UnreadableText.class);
        Document key = mongo.findById("person:ana", Document.class, DataKeys.COLLECTION);
        assertThat(key.getString(DataKeys.MASTER_KEY_ID)).isEqualTo(A.id());
        assertThat(key.toJson()).doesNotContain("platform team");
    }

    @Test
    void textIsNeverStoredInClearWithoutItsPerson() {
        FreeTextCodec codec = codec(A);

        assertThatThrownBy(() -> codec.seal(null, "my words")).isInstanceOf(IllegalArgumentException.class);
        assertThat(codec.seal("ana", null)).isNull();
    }

    @Test
    void destroyingAPersonsKeyMakesEveryCopyUnreadable() {
        DataKeys keys = keys(new MasterKeys(A, null, null));
        FreeTextCodec codec = new SealedText(keys, clock);
        String copy = codec.seal("ana", "my manager scares me");
        String other = codec.seal("ben", "ben's words");

        assertThat(new PersonKeys(keys).destroy("ana")).isTrue();

        assertThatThrownBy(() -> codec.open("ana", copy)).isInstanceOf(UnreadableText.class);
        // another node, with nothing cached, cannot either; and the master key alone gives nothing back
        assertThatThrownBy(() -> codec(A).open("ana", copy)).isInstanceOf(UnreadableText.class);
        assertThat(codec.open("ben", other)).isEqualTo("ben's words");
        assertThat(new PersonKeys(keys).destroy("ana")).isFalse();
    }

    @Test
    void inboxTextInTransitOpensForItsEventOnlyAndNotAfterItsKeyRetired() {
        DataKeys keys = keys(new MasterKeys(A, null, null));
        FreeTextCodec codec = new SealedText(keys, clock);
        String stored = codec.sealInTransit("slack:Ev1", "my private answer");

        assertThat(stored).startsWith("tt1:2026-12-03:").doesNotContain("private");
        assertThat(codec.openInTransit("slack:Ev1", stored)).isEqualTo("my private answer");
        assertThatThrownBy(() -> codec.openInTransit("slack:Ev2", stored)).isInstanceOf(UnreadableText.class);

        clock.advance(Duration.ofDays(3));
        new TransitKeyUpkeep(keys, properties(null, null, false), clock).retire();

        assertThatThrownBy(() -> codec.openInTransit("slack:Ev1", stored)).isInstanceOf(UnreadableText.class)
                .hasMessageContaining("expired");
    }

    @Test
    void onceWarmTheInboxSealsWithoutTouchingTheStoreEvenAcrossMidnight() {
        DataKeys keys = keys(new MasterKeys(A, null, null));
        FreeTextCodec codec = new SealedText(keys, clock);
        clock.advance(Duration.ofHours(13).plusMinutes(55)); // 23:55
        new TransitKeyUpkeep(keys, properties(null, null, false), clock).warm(); // as every minute

        server.shutdownNow(); // any read or write now fails
        String today = codec.sealInTransit("slack:Ev1", "said before midnight");
        clock.advance(Duration.ofMinutes(6));
        String tomorrow = codec.sealInTransit("slack:Ev2", "said after midnight");

        assertThat(today).startsWith("tt1:2026-12-03:");
        assertThat(tomorrow).startsWith("tt1:2026-12-04:");
        assertThat(codec.openInTransit("slack:Ev2", tomorrow)).isEqualTo("said after midnight");
    }

    @Test
    void aWrongMasterKeyStopsStartUpWithAClearMessage() {
        codec(A).seal("ana", "words");

        assertThatThrownBy(() -> MasterKeySource.resolve(properties(B.toBase64(), null, false), mongo, false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("wrapped by master key " + A.id())
                .hasMessageContaining("configured master key is " + B.id())
                .hasMessageContaining("wrong");
        assertThat(MasterKeySource.resolve(properties(A.toBase64(), null, false), mongo, false).current().id())
                .isEqualTo(A.id());
    }

    @Test
    void aMasterKeyThatIsNotThirtyTwoBytesOfBase64IsRefusedWithoutEchoingIt() {
        assertThatThrownBy(() -> MasterKeySource.resolve(properties("c2hvcnQ=", null, false), mongo, false))
                .hasMessageContaining("TRELLIS_MASTER_KEY must be 32 bytes").hasMessageNotContaining("c2hvcnQ=");
        assertThatThrownBy(() -> MasterKeySource.resolve(properties("not base64 at all!", null, false), mongo, false))
                .hasMessageContaining("not base64");
    }

    @Test
    void theEmbeddedDefaultGeneratesAnOwnerOnlyKeyFileWithAWarning(CapturedOutput output) throws Exception {
        MasterKeys first = MasterKeySource.resolve(properties(null, null, false), mongo, false);
        new SealedText(keys(first), clock).seal("ana", "words");

        Path file = dir.resolve("master.key");
        assertThat(file).exists();
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(output).contains("WARN").contains("Generated a new master key in " + file)
                .doesNotContain(first.current().toBase64());
        assertThat(MasterKeySource.resolve(properties(null, null, false), mongo, false).current().id())
                .isEqualTo(first.current().id());
    }

    @Test
    void aLostKeyFileStopsStartUpInsteadOfGeneratingANewKey() throws Exception {
        MasterKeys first = MasterKeySource.resolve(properties(null, null, false), mongo, false);
        new SealedText(keys(first), clock).seal("ana", "words");
        Files.delete(dir.resolve("master.key"));

        assertThatThrownBy(() -> MasterKeySource.resolve(properties(null, null, false), mongo, false))
                .hasMessageContaining("1 data key(s) exist but there is no master key")
                .hasMessageContaining("TRELLIS_MASTER_KEY");
        assertThat(dir.resolve("master.key")).doesNotExist();
    }

    @Test
    void anExternalMongoDbNeedsAConfiguredMasterKey() {
        assertThatThrownBy(() -> MasterKeySource.resolve(properties(null, null, false), mongo, true))
                .hasMessageContaining("TRELLIS_MASTER_KEY is required with an external MongoDB");
    }

    @Test
    void rotationRewrapsEveryKeySoTheNewMasterKeyOpensOldTextAndTheOldOneNoLonger() {
        String stored = codec(A).seal("ana", "my plan");
        String transit = codec(A).sealInTransit("web:e1", "in flight");

        MasterKeys during = MasterKeySource.resolve(properties(A.toBase64(), B.toBase64(), true), mongo, false);
        MasterKeyRotation.Result result = new MasterKeyRotation(keys(during), during).rotate();

        assertThat(result.rewrapped()).isEqualTo(2);
        assertThat(result.newKeyId()).isEqualTo(B.id());
        MasterKeys after = MasterKeySource.resolve(properties(B.toBase64(), null, false), mongo, false);
        FreeTextCodec rotated = new SealedText(keys(after), clock);
        assertThat(rotated.open("ana", stored)).isEqualTo("my plan");
        assertThat(rotated.openInTransit("web:e1", transit)).isEqualTo("in flight");
        assertThatThrownBy(() -> MasterKeySource.resolve(properties(A.toBase64(), null, false), mongo, false))
                .hasMessageContaining("configured master key is " + A.id());
        // running it again (after a crash half-way) finds nothing left to do
        assertThat(new MasterKeyRotation(keys(during), during).rotate().rewrapped()).isZero();
    }

    @Test
    void rotatingAKeyFileReplacesTheFileOnlyOnceEveryKeyIsRewrapped() throws Exception {
        MasterKeys first = MasterKeySource.resolve(properties(null, null, false), mongo, false);
        String stored = new SealedText(keys(first), clock).seal("ana", "my plan");

        MasterKeys during = MasterKeySource.resolve(properties(null, null, true), mongo, false);
        assertThat(dir.resolve("master.key.next")).exists();
        new MasterKeyRotation(keys(during), during).rotate();

        assertThat(dir.resolve("master.key.next")).doesNotExist();
        MasterKeys after = MasterKeySource.resolve(properties(null, null, false), mongo, false);
        assertThat(after.current().id()).isNotEqualTo(first.current().id()).isEqualTo(during.next().id());
        assertThat(new SealedText(keys(after), clock).open("ana", stored)).isEqualTo("my plan");
    }

    @Test
    void linkingTwoPeopleKeepsTextSealedForEitherReadable() {
        DataKeys keys = keys(new MasterKeys(A, null, null));
        FreeTextCodec codec = new SealedText(keys, clock);
        String fromSlack = codec.seal("slack-person", "said in Slack");
        String fromWeb = codec.seal("web-person", "said on the web");

        new PersonKeys(keys).merge("slack-person", "web-person");

        FreeTextCodec fresh = codec(A);
        assertThat(fresh.open("web-person", fromSlack)).isEqualTo("said in Slack");
        assertThat(fresh.open("web-person", fromWeb)).isEqualTo("said on the web");
        assertThat(fresh.open("slack-person", fromSlack)).isEqualTo("said in Slack");
        assertThat(MasterKeySource.resolve(properties(A.toBase64(), null, false), mongo, false)).isNotNull();
        new PersonKeys(keys).destroy("web-person");
        assertThatThrownBy(() -> codec(A).open("web-person", fromSlack)).isInstanceOf(UnreadableText.class);
        assertThatThrownBy(() -> codec(A).open("slack-person", fromSlack)).isInstanceOf(UnreadableText.class);
    }

    @Test
    void theKeyCacheHoldsABoundedNumberOfKeys() {
        KeyCache cache = new KeyCache(2, Duration.ofMinutes(10), clock);
        DataKeys keys = new DataKeys(mongo, new MasterKeys(A, null, null), cache, clock);

        keys.person("a");
        keys.person("b");
        keys.person("c");

        assertThat(cache.size()).isEqualTo(2);
    }
}
