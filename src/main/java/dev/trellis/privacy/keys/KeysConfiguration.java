package dev.trellis.privacy.keys;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;

import dev.trellis.engine.FreeTextCodec;

/** Encryption at rest: the master key (checked at start-up), the data keys, and the codec every free text goes through. */
@Configuration(proxyBeanMethods = false)
class KeysConfiguration {

    @Bean
    MasterKeys masterKeys(CryptoProperties properties, MongoTemplate mongo, Environment environment) {
        boolean external = !environment.getProperty("spring.mongodb.uri", "").isBlank()
                || !environment.getProperty("spring.mongodb.host", "").isBlank();
        return MasterKeySource.resolve(properties, mongo, external);
    }

    @Bean
    DataKeys dataKeys(MongoTemplate mongo, MasterKeys masterKeys, CryptoProperties properties, Clock clock) {
        return new DataKeys(mongo, masterKeys, new KeyCache(properties.cacheSize(), properties.cacheTtl(), clock),
                clock);
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
