package dev.trellis.sharing;

import org.springframework.data.mongodb.core.MongoTemplate;

/** The real MongoDB manager links on a test's own store, for handler tests without Spring. */
public final class TestManagerLinks {

    private TestManagerLinks() {
    }

    public static ManagerLinks on(MongoTemplate mongo) {
        MongoManagerLinks links = new MongoManagerLinks(mongo);
        links.afterSingletonsInstantiated();
        return links;
    }
}
