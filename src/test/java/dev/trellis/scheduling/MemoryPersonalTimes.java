package dev.trellis.scheduling;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** People's times kept in memory, for tests without MongoDB. */
class MemoryPersonalTimes implements PersonalTimes {

    final Map<String, PersonalTime> chosen = new ConcurrentHashMap<>();

    @Override
    public PersonalTime of(String personId, String platformZone) {
        return chosen.getOrDefault(personId, PersonalTime.in(PersonalTimes.zoneOrUtc(platformZone)));
    }

    @Override
    public void save(String personId, PersonalTime time) {
        chosen.put(personId, time);
    }

    @Override
    public void forget(String personId) {
        chosen.remove(personId);
    }
}
