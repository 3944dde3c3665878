package dev.trellis.coaching.internal;

import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.trellis.sharing.SharedItem;
import dev.trellis.sharing.SharedItemLabels;

/**
 * A person's own words for the items they share, so {@code /coach privacy} can list them: only records the owner
 * holds are named (an id of someone else's record names nothing).
 */
@Component
class OwnItemLabels implements SharedItemLabels {

    private final Goals goals;
    private final OneOnOnes series;
    private final Plans plans;
    private final CheckIns checkIns;

    OwnItemLabels(Goals goals, OneOnOnes series, Plans plans, CheckIns checkIns) {
        this.goals = goals;
        this.series = series;
        this.plans = plans;
        this.checkIns = checkIns;
    }

    @Override
    public Optional<String> label(String ownerId, SharedItem item) {
        return switch (item.kind()) {
            case "goal" -> goals.findById(item.id()).filter(g -> ownerId.equals(g.personId())).map(Goal::title);
            case "talkingPoint" -> series.findById(ownerId).flatMap(s -> s.talkingPoints().stream()
                    .filter(p -> p.id().equals(item.id())).findFirst()).map(OneOnOne.TalkingPoint::text);
            case "plan" -> plans.findById(item.id()).filter(p -> ownerId.equals(p.personId()))
                    .map(p -> p.aspiration() == null ? "" : p.aspiration());
            case "checkIn" -> checkIns.findById(item.id()).filter(c -> ownerId.equals(c.personId()))
                    .map(c -> c.at().toString().substring(0, 10));
            default -> Optional.empty();
        };
    }
}
