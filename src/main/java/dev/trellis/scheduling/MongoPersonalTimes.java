package dev.trellis.scheduling;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.stereotype.Component;

/** {@link PersonalTimes} in the {@code personalTime} collection, one document per person who chose something. */
@Component
class MongoPersonalTimes implements PersonalTimes {

    @Document("personalTime")
    record Stored(@Id String personId, String zone, String start, String end, List<String> workDays,
                  List<String> daysOff) {
    }

    private final MongoTemplate mongo;

    MongoPersonalTimes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public PersonalTime of(String personId, String platformZone) {
        Stored stored = mongo.findById(personId, Stored.class);
        if (stored == null) return PersonalTime.in(PersonalTimes.zoneOrUtc(platformZone));
        ZoneId zone = stored.zone() != null ? PersonalTimes.zoneOrUtc(stored.zone())
                : PersonalTimes.zoneOrUtc(platformZone);
        Set<DayOfWeek> days = stored.workDays() == null ? null
                : stored.workDays().stream().map(DayOfWeek::valueOf).collect(Collectors.toSet());
        Set<LocalDate> off = stored.daysOff() == null ? null
                : stored.daysOff().stream().map(LocalDate::parse).collect(Collectors.toSet());
        return new PersonalTime(zone, stored.start() == null ? null : LocalTime.parse(stored.start()),
                stored.end() == null ? null : LocalTime.parse(stored.end()), days, off);
    }

    @Override
    public void save(String personId, PersonalTime time) {
        mongo.save(new Stored(personId, time.zone().getId(), time.start().toString(), time.end().toString(),
                time.workDays().stream().map(DayOfWeek::name).sorted().toList(),
                time.daysOff().stream().map(LocalDate::toString).sorted().toList()));
    }

    @Override
    public void forget(String personId) {
        mongo.remove(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("_id").is(personId)), Stored.class);
    }
}
