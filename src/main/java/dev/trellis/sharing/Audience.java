package dev.trellis.sharing;

import java.util.Locale;

/** Who a person can share an item with. */
public enum Audience {
    /** The person's manager, through a manager link the manager confirmed. */
    MANAGER("manager"),
    /** The colleague coaching the person in a peer-coaching session the person agreed to. */
    PEER_COACH("peerCoach");

    private final String flowName;

    Audience(String flowName) {
        this.flowName = flowName;
    }

    /** The name flows use in a {@code share} step's {@code audience}. */
    public String flowName() {
        return flowName;
    }

    /** The audience a flow names ({@code manager}, {@code peerCoach}); also accepts the enum's own name. */
    public static Audience of(String name) {
        for (Audience a : values()) {
            if (a.flowName.equalsIgnoreCase(name) || a.name().equalsIgnoreCase(name)) return a;
        }
        throw new IllegalArgumentException("unknown audience '" + name + "'");
    }

    @Override
    public String toString() {
        return flowName.toLowerCase(Locale.ROOT);
    }
}
