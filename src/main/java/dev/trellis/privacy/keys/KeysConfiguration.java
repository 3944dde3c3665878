package dev.trellis.privacy.keys;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.MongoClient;

import dev.trellis.engine.FreeTextCodec;

/** Encryption at rest: the master key (checked at start-up), the data keys, and the codec every free text goes through. */
@Configuration(proxyBeanMethods = false)
class KeysConfiguration {

    /** Not a bean: the rest of Trellis autowires the data's {@code MongoTemplate}, never this one. */
    private static MongoTemplate keyStore(MongoClient client, CryptoProperties properties) {
        return new MongoTemplate(client, properties.keyDatabase());
    }

    @Bean
    MasterKeys masterKeys(CryptoProperties properties, MongoClient client, Environment environment) {
        boolean external = !environment.getProperty("spring.mongodb.uri", "").isBlank()
                || !environment.getProperty("spring.mongodb.host", "").isBlank();
        return MasterKeySource.resolve(properties, keyStore(client, properties), external);
    }

    @Bean
    DataKeys dataKeys(MongoClient client, MasterKeys masterKeys, CryptoProperties properties, Clock clock) {
        return new DataKeys(keyStore(client, properties), masterKeys,
                new KeyCache(properties.cacheSize(), properties.cacheTtl(), clock), clock);
    }

    @Bean
    FreeTextCodec freeTextCodec(DataKeys dataKeys, Clock clock) {
        return new SealedText(dataKeys, clock);
    }

    @Bean
    PersonKeys personKeys(DataKeys dataKeys) {
        return new PersonKeys(dataKeys);
    }

    @Bean
    MasterKeyRotation masterKeyRotation(DataKeys dataKeys, MasterKeys masterKeys) {
        return new MasterKeyRotation(dataKeys, masterKeys);
    }
}
