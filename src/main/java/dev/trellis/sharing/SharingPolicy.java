package dev.trellis.sharing;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The one place that decides who may see what of whom. Every read that serves someone other than the owner asks it:
 *
 * <ul>
 *   <li>the owner sees everything of their own;</li>
 *   <li>their manager, only through a manager link the manager confirmed ({@link ManagerLinks}), sees the items the
 *       person shared with their manager and has not withdrawn;</li>
 *   <li>their peer coach, only while a peer session the person agreed to says so ({@link PeerCoaches}), sees the
 *       items shared with their peer coach;</li>
 *   <li>anyone else, an operator included, sees nothing personal.</li>
 * </ul>
 *
 * The answer is computed from the links and consents at the moment of the read: a withdrawn consent or an ended link
 * hides the items at once. It gives ids, never text: the caller reads the records it may show when it shows them.
 */
@Component
public class SharingPolicy {

    private final Consents consents;
    private final ObjectProvider<ManagerLinks> managerLinks;
    private final ObjectProvider<PeerCoaches> peerCoaches;

    /** Without a {@link ManagerLinks} bean nobody is anyone's manager, so a manager sees nothing: safe by default. */
    @org.springframework.beans.factory.annotation.Autowired
    SharingPolicy(Consents consents, ObjectProvider<ManagerLinks> managerLinks, ObjectProvider<PeerCoaches> peerCoaches) {
        this.consents = consents;
        this.managerLinks = managerLinks;
        this.peerCoaches = peerCoaches;
    }

    /** A policy over these links and consents (for code that is not wired by Spring, such as handler tests). */
    public SharingPolicy(Consents consents, ManagerLinks managerLinks, PeerCoaches peerCoaches) {
        this(consents, provider(managerLinks), provider(peerCoaches));
    }

    private static <T> ObjectProvider<T> provider(T bean) {
        return new ObjectProvider<>() {
            @Override
            public T getObject() {
                return bean;
            }

            @Override
            public T getIfUnique() {
                return bean;
            }
        };
    }

    /** What {@code viewerId} may see of {@code ownerId}'s items, now. */
    public Access access(String viewerId, String ownerId) {
        if (viewerId == null || ownerId == null) return Access.NOTHING;
        if (viewerId.equals(ownerId)) return Access.OWNER;
        Set<Audience> as = EnumSet.noneOf(Audience.class);
        ManagerLinks links = managerLinks.getIfUnique();
        if (links != null && links.managerOf(ownerId).filter(viewerId::equals).isPresent()) as.add(Audience.MANAGER);
        PeerCoaches peers = peerCoaches.getIfUnique();
        if (peers != null && peers.isPeerCoachOf(viewerId, ownerId)) as.add(Audience.PEER_COACH);
        if (as.isEmpty()) return Access.NOTHING;
        Set<SharedItem> items = consents.active(ownerId).stream().filter(c -> as.contains(c.audience()))
                .map(Consent::item).collect(Collectors.toUnmodifiableSet());
        return new Access(false, Set.copyOf(as), items);
    }

    /** Whether {@code viewerId} may see this one item of {@code ownerId}, now. */
    public boolean maySee(String viewerId, String ownerId, SharedItem item) {
        return access(viewerId, ownerId).maySee(item);
    }

    /**
     * What one viewer may see of one owner: everything ({@code owner}), or the items shared with the audiences the
     * viewer belongs to ({@code as}), or nothing.
     */
    public record Access(boolean owner, Set<Audience> as, Set<SharedItem> items) {

        static final Access OWNER = new Access(true, Set.of(), Set.of());
        static final Access NOTHING = new Access(false, Set.of(), Set.of());

        public boolean maySee(SharedItem item) {
            return owner || items.contains(item);
        }

        public boolean maySee(String kind, String id) {
            return kind != null && id != null && maySee(new SharedItem(kind, id));
        }

        /** The ids of the items of this kind the viewer may see (for an owner: use the owner's own records). */
        public Set<String> ids(String kind) {
            return items.stream().filter(i -> Objects.equals(i.kind(), kind)).map(SharedItem::id)
                    .collect(Collectors.toUnmodifiableSet());
        }

        /** Whether the viewer is the owner's manager (a confirmed link). */
        public boolean asManager() {
            return as.contains(Audience.MANAGER);
        }

        /** Whether the viewer is the owner's peer coach. */
        public boolean asPeerCoach() {
            return as.contains(Audience.PEER_COACH);
        }
    }
}
