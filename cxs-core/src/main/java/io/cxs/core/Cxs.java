package io.cxs.core;

import static com.google.common.base.Preconditions.checkState;

import io.cxs.core.customer.Consent;
import io.cxs.core.customer.Customer;
import io.cxs.core.customer.CustomerId;
import io.cxs.core.customer.CustomerView;
import io.cxs.core.customer.Identity;
import io.cxs.core.customer.IdentityKind;
import io.cxs.core.customer.IdentityResolver;
import io.cxs.core.customer.MergeRecord;
import io.cxs.core.feedback.Feedback;
import io.cxs.core.ingest.Event;
import io.cxs.core.ingest.FeedbackEvent;
import io.cxs.core.ingest.IdentifyEvent;
import io.cxs.core.ingest.IngestReport;
import io.cxs.core.ingest.LineError;
import io.cxs.core.ingest.TrackEvent;
import io.cxs.core.json.EventReader;
import io.cxs.core.spi.CustomerStore;
import io.cxs.core.spi.Eraser;
import io.cxs.core.spi.FeedbackStore;
import io.cxs.core.spi.ScanDictionary;
import io.cxs.core.spi.TouchpointStore;
import io.cxs.core.touchpoint.Touchpoint;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cxs engine: ingests events, resolves identities into customers, and answers customer 360
 * views. Built with {@link #builder()}:
 *
 * <pre>{@code
 * Cxs cxs = Cxs.builder().build();            // in-memory stores, system UTC clock
 * cxs.ingest(IdentifyEvent.link("m1", "c-42", "a-9", now, Map.of("email", "ann@example.com")));
 * cxs.ingest(TrackEvent.of("m2", "c-42", "Order Completed", now, Channel.WEB));
 * CustomerView ann = cxs.customer(CustomerId.of("c-42")).orElseThrow();
 * }</pre>
 *
 * <h2>Identity resolution</h2>
 * Every event names a user id, an anonymous id, or both; an {@code identify} may add an e-mail
 * address and a phone number. All identities named together belong to one customer, and
 * customers that come to share an identity are merged. A customer's id is its smallest user id,
 * or, with none, the key of its smallest identity (such as {@code anonymous_id:a-9}), so the
 * outcome does not depend on the order in which events arrive. Each merge is recorded as a
 * {@link MergeRecord} in the surviving profile. Stored events keep the identity they arrived
 * with; views and analytics resolve it through {@link #resolver()} when they read.
 *
 * <h2>Idempotency</h2>
 * An event whose message id was already stored is a {@link IngestOutcome#DUPLICATE} and changes
 * nothing. Traits and consents are last-writer-wins by event timestamp, per trait and per consent
 * scope, so redelivered or late {@code identify} events cannot overwrite newer values.
 *
 * <h2>Threads</h2>
 * Thread-safe: writes are serialized, reads run concurrently. Listeners run on the writing
 * thread, after the store write; a listener that throws is logged and skipped.
 *
 * @since 0.1
 */
public final class Cxs implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Cxs.class);

  private final CustomerStore customers;
  private final TouchpointStore touchpoints;
  private final FeedbackStore feedback;
  private final Eraser eraser;
  private final Clock clock;
  /** Rebuilt from the customer store when a profile write fails; guarded by the write lock. */
  private IdentityGraph graph;
  /** True when {@link #graph} may disagree with the customer store; guarded by the write lock. */
  private boolean graphStale;
  private final IdentityResolver resolver = new GraphResolver();
  private final Set<String> seenIdentifies = ConcurrentHashMap.newKeySet();
  private final List<Consumer<? super Touchpoint>> touchpointListeners = new CopyOnWriteArrayList<>();
  private final List<Consumer<? super Feedback>> feedbackListeners = new CopyOnWriteArrayList<>();
  private final List<Consumer<? super MergeRecord>> mergeListeners = new CopyOnWriteArrayList<>();
  private final List<Consumer<? super Customer>> eraseListeners = new CopyOnWriteArrayList<>();
  private final Object writeLock = new Object();
  private volatile boolean listenerFailureLogged;
  private volatile boolean closed;

  private Cxs(Builder b) {
    this.customers = b.customers != null ? b.customers : CustomerStore.inMemory();
    this.touchpoints = b.touchpoints != null ? b.touchpoints : TouchpointStore.inMemory();
    this.feedback = b.feedback != null ? b.feedback : FeedbackStore.inMemory();
    this.clock = b.clock != null ? b.clock : Clock.systemUTC();
    this.eraser = b.eraser != null ? b.eraser
        : Eraser.perStore(this.customers, this.touchpoints, this.feedback);
    this.graph = loadGraph(this.customers);
  }

  /** The identity graph of the stored customers. */
  private static IdentityGraph loadGraph(CustomerStore customers) {
    IdentityGraph g = new IdentityGraph();
    customers.forEach(c -> {
      int root = -1;
      for (Identity i : c.identities()) {
        int n = g.node(i);
        root = root < 0 ? n : g.union(root, n);
      }
      g.seen(g.root(root), c.createdAt().toEpochMilli());
    });
    return g;
  }

  /**
   * The identity graph, rebuilt first from the customer store if a profile write failed since
   * (the graph may then hold links the store never got); call with the write lock held.
   *
   * @throws StorageException if the customer store cannot be read to rebuild it
   */
  private IdentityGraph graph() {
    if (graphStale) {
      graph = loadGraph(customers);
      graphStale = false;
      LOG.debug("identity graph rebuilt from the customer store after a failed write");
    }
    return graph;
  }

  /** @return a builder with in-memory stores and the system UTC clock as defaults */
  public static Builder builder() {
    return new Builder();
  }

  // ---- ingestion ----------------------------------------------------------------------------

  /**
   * Ingests one event: stores it (a {@code track} as a touchpoint, a {@code feedback} as
   * feedback) and links its identities, or applies it (an {@code identify}'s links, traits and
   * consents).
   *
   * <h3>Faults and redelivery</h3>
   * A {@code track} or {@code feedback} event is two writes: the event (touchpoint or feedback
   * store), then the profile change it causes (customer store). They are not one transaction;
   * instead, <em>redelivering the event repairs whatever the first delivery left undone</em>. An
   * event whose message id is already stored is not stored again, but its identity links are
   * applied again, which changes nothing when they are already there (every profile change is
   * idempotent: identities are a set, traits and consents are last-writer-wins by event time,
   * the creation time is a minimum). So if the first delivery threw, or the process died, after
   * the event was stored and before its profile was written, the redelivery writes the profile
   * (and the merge it causes), and returns {@link IngestOutcome#ACCEPTED}, as the first delivery
   * never did; listeners are told then. A redelivery that finds nothing missing is a
   * {@link IngestOutcome#DUPLICATE}. Redelivering every event of a stream whose ingestion failed
   * part-way therefore ends in the state of a clean run: the same customers with the same
   * identities, traits, consents and times, the same timelines and analytics. Only the merge
   * history may differ, as it records what happened: a merge that another event of the stream
   * made before the redelivery is recorded under that event. An {@code identify} is one profile
   * write; a redelivered one is a duplicate if this engine applied it, or if the customer store
   * {@linkplain CustomerStore#containsIdentify remembers} it (the JDBC store does, so its dedupe
   * survives a restart), and is otherwise applied again, which changes nothing it already did.
   *
   * <p>If a profile write fails, the engine rebuilds its identity graph from the customer store
   * before the next ingestion or read, so that it never resolves through a link the store does
   * not have.
   *
   * @param event the event
   * @return {@link IngestOutcome#DUPLICATE} if its message id was already stored and nothing
   *     was missing, else {@link IngestOutcome#ACCEPTED}
   * @throws IllegalStateException if this engine is closed
   * @throws StorageException if a store fails; redeliver the event to complete it
   */
  public IngestOutcome ingest(Event event) {
    Objects.requireNonNull(event, "event");
    checkState(!closed, "cxs is closed");
    List<MergeRecord> merges = new ArrayList<>(0);
    IngestOutcome outcome;
    synchronized (writeLock) {
      outcome = ingestLocked(event, merges);
    }
    if (outcome == IngestOutcome.ACCEPTED) {
      notifyListeners(event, merges);
    }
    return outcome;
  }

  /** {@link #ingest} without the listeners; the caller holds the write lock. */
  private IngestOutcome ingestLocked(Event event, List<MergeRecord> merges) {
    IdentityGraph g = graph();
    boolean stored;
    switch (event.type()) {
      case TRACK:
        stored = touchpoints.add(((TrackEvent) event).toTouchpoint());
        break;
      case FEEDBACK:
        stored = feedback.add(((FeedbackEvent) event).toFeedback());
        break;
      default:
        if (seenIdentifies.contains(event.messageId())
            || customers.containsIdentify(event.messageId())) {
          return IngestOutcome.DUPLICATE;
        }
        stored = true;
    }
    boolean linked;
    try {
      linked = link(g, event, merges);
    } catch (RuntimeException e) {
      graphStale = true;
      throw e;
    }
    if (!stored && !linked) {
      return IngestOutcome.DUPLICATE;
    }
    if (event.type() == Event.Type.IDENTIFY) {
      // after the profile write: if this fails, a redelivery applies the identify again
      customers.addIdentify(event.messageId());
      seenIdentifies.add(event.messageId());
    }
    if (!stored) {
      LOG.debug("redelivered event {} completed what its first delivery left undone",
          event.messageId());
    }
    return IngestOutcome.ACCEPTED;
  }

  /**
   * Ingests events in order, as {@link #ingest} would one by one, under one acquisition of the
   * write lock; the listeners hear of the accepted ones after it. For the {@link Importer}.
   *
   * @param events the events
   * @param outcomes receives the outcome of each event
   * @return the number of events ingested: all of them, unless a store failed on the next one
   *     (its failure is then in {@code failure[0]})
   */
  int ingestAll(List<Event> events, IngestOutcome[] outcomes, RuntimeException[] failure) {
    checkState(!closed, "cxs is closed");
    int n = events.size();
    List<List<MergeRecord>> merges = new ArrayList<>(n);
    int done = 0;
    synchronized (writeLock) {
      try {
        for (; done < n; done++) {
          List<MergeRecord> m = new ArrayList<>(0);
          outcomes[done] = ingestLocked(events.get(done), m);
          merges.add(m);
        }
      } catch (CxsException e) {
        failure[0] = e;
      }
    }
    if (hasListeners()) {
      for (int i = 0; i < done; i++) {
        if (outcomes[i] == IngestOutcome.ACCEPTED) {
          notifyListeners(events.get(i), merges.get(i));
        }
      }
    }
    return done;
  }

  private boolean hasListeners() {
    return !touchpointListeners.isEmpty() || !feedbackListeners.isEmpty()
        || !mergeListeners.isEmpty();
  }

  /**
   * An importer for large JSON Lines inputs: bytes in, lines parsed on several threads if asked,
   * events ingested in line order, with progress. See {@link Importer}.
   *
   * <pre>{@code
   * IngestReport report = cxs.importer().threads(2).progress(p -> log(p)).run(path);
   * }</pre>
   *
   * @return a new importer for this engine
   * @since 0.1
   */
  public Importer importer() {
    return new Importer(this);
  }

  /**
   * Ingests JSON Lines, one event per line (see {@link EventReader} for the shape). Blank lines
   * are skipped; a malformed or invalid line is rejected with its line number and the rest are
   * ingested.
   *
   * @param reader the lines; read to the end, not closed
   * @return counts of accepted, duplicate and rejected lines, and the first rejections
   * @throws UncheckedIOException if the reader fails
   * @throws IngestFailedException if a store fails on a line: it names the line and reports the
   *     lines before it, which were ingested
   */
  public IngestReport ingestJsonLines(Reader reader) {
    Objects.requireNonNull(reader, "reader");
    BufferedReader in = reader instanceof BufferedReader
        ? (BufferedReader) reader : new BufferedReader(reader, 1 << 16);
    long accepted = 0;
    long duplicates = 0;
    long rejected = 0;
    List<LineError> errors = new ArrayList<>();
    long lineNo = 0;
    try {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        try {
          if (ingest(EventReader.parse(line)) == IngestOutcome.ACCEPTED) {
            accepted++;
          } else {
            duplicates++;
          }
        } catch (InvalidEventException e) {
          rejected++;
          if (errors.size() < IngestReport.MAX_ERRORS) {
            errors.add(new LineError(lineNo, e.field(), e.getMessage()));
          }
        } catch (IllegalArgumentException e) {
          rejected++;
          if (errors.size() < IngestReport.MAX_ERRORS) {
            errors.add(new LineError(lineNo, "event", e.getMessage()));
          }
        } catch (CxsException e) {
          // a store failed: not the line's fault, so it is not a rejection; stop and say where
          throw new IngestFailedException(lineNo,
              new IngestReport(accepted, duplicates, rejected, errors), e);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("reading JSON Lines failed at line " + (lineNo + 1), e);
    }
    LOG.debug("ingested {} lines: {} accepted, {} duplicates, {} rejected", lineNo, accepted,
        duplicates, rejected);
    return new IngestReport(accepted, duplicates, rejected, errors);
  }

  /**
   * Ingests a JSON Lines file (UTF-8, or gzip-compressed UTF-8), as
   * {@code importer().run(file)} does on the calling thread; see {@link Importer} and
   * {@link #ingestJsonLines(Reader)}.
   *
   * @param file the file
   * @return the report
   * @throws UncheckedIOException if the file cannot be read
   * @throws IngestFailedException if a store fails on a line
   */
  public IngestReport ingestJsonLines(Path file) {
    return importer().run(file);
  }

  /**
   * Ingests JSON Lines from a stream of UTF-8 bytes (or gzip-compressed UTF-8), as
   * {@code importer().run(in)} does on the calling thread; the stream is read to the end and not
   * closed.
   *
   * @param in the bytes
   * @return the report
   * @throws UncheckedIOException if the stream cannot be read
   * @throws IngestFailedException if a store fails on a line
   * @since 0.1
   */
  public IngestReport ingestJsonLines(InputStream in) {
    return importer().run(in);
  }

  // ---- identity resolution --------------------------------------------------------------------

  /**
   * Links the event's identities and updates the profile; caller holds the write lock.
   *
   * @return true if the graph or a profile changed (always for an {@code identify})
   */
  private boolean link(IdentityGraph graph, Event event, List<MergeRecord> mergesOut) {
    List<Identity> ids = event.identities();
    Instant ts = event.timestamp();
    boolean profileChange = event instanceof IdentifyEvent;
    // Fast path: identities already linked into one customer, and nothing to apply.
    if (!profileChange) {
      int root = graph.find(ids.get(0));
      for (int k = 1; k < ids.size() && root >= 0; k++) {
        if (graph.find(ids.get(k)) != root) {
          root = -1;
        }
      }
      if (root >= 0) {
        if (!graph.seen(root, ts.toEpochMilli())) {
          return false;
        }
        Optional<Customer> c = customers.find(graph.customerId(root));
        if (c.isPresent() && ts.isBefore(c.get().createdAt())) {
          Customer old = c.get();
          customers.put(new Customer(old.id(), old.identities(), old.traits(), old.traitTimes(),
              old.consents(), ts, updatedAt(ts, old.traitTimes(), old.consents()),
              old.merges()));
        }
        return true;
      }
    }
    // The customers these identities belonged to before, and which identity linked each.
    Map<CustomerId, Identity> before = new LinkedHashMap<>();
    for (Identity i : ids) {
      int r = graph.find(i);
      if (r >= 0) {
        before.putIfAbsent(graph.customerId(r), i);
      }
    }
    int root = -1;
    for (Identity i : ids) {
      int n = graph.node(i);
      root = root < 0 ? n : graph.union(root, n);
    }
    root = graph.root(root);
    graph.seen(root, ts.toEpochMilli());
    CustomerId target = graph.customerId(root);

    List<Customer> parts = new ArrayList<>(before.size());
    for (CustomerId id : before.keySet()) {
      customers.find(id).ifPresent(parts::add);
    }
    Set<Identity> identities = new LinkedHashSet<>(ids);
    Map<String, Object> traits = new HashMap<>();
    Map<String, Instant> traitTimes = new HashMap<>();
    Map<String, Consent> consents = new LinkedHashMap<>();
    Instant created = ts;
    List<MergeRecord> merges = new ArrayList<>();
    for (Customer p : parts) {
      identities.addAll(p.identities());
      p.traits().forEach((k, v) -> putTrait(traits, traitTimes, k, v, p.traitTimes().get(k)));
      p.consents().forEach(c -> putConsent(consents, c));
      created = min(created, p.createdAt());
      merges.addAll(p.merges());
    }
    if (event instanceof IdentifyEvent) {
      IdentifyEvent ie = (IdentifyEvent) event;
      ie.traits().forEach((k, v) -> putTrait(traits, traitTimes, k, v, ts));
      ie.consents().forEach(c -> putConsent(consents, c));
    }
    for (Map.Entry<CustomerId, Identity> e : before.entrySet()) {
      if (!e.getKey().equals(target)) {
        MergeRecord m = new MergeRecord(target, e.getKey(), e.getValue(), event.messageId(), ts,
            event.type().name().toLowerCase(java.util.Locale.ROOT) + " named "
                + describe(ids) + " together");
        merges.add(m);
        mergesOut.add(m);
      }
    }
    merges.sort(Comparator.comparing(MergeRecord::at).thenComparing(MergeRecord::messageId)
        .thenComparing(m -> m.merged().value()));
    Customer merged = new Customer(target, new ArrayList<>(identities), traits, traitTimes,
        new ArrayList<>(consents.values()), created,
        updatedAt(created, traitTimes, consents.values()), merges);
    if (before.isEmpty()) {
      customers.put(merged);
    } else {
      customers.replace(merged, before.keySet());
    }
    if (!mergesOut.isEmpty()) {
      LOG.debug("merged {} customer(s) into {} by event {}", mergesOut.size(), target,
          event.messageId());
    }
    return true;
  }

  private static String describe(List<Identity> ids) {
    List<String> kinds = new ArrayList<>();
    for (Identity i : ids) {
      kinds.add(i.kind().code());
    }
    return String.join(", ", kinds);
  }

  /** Last writer wins per trait; equal times keep the larger value's text, so order is irrelevant. */
  private static void putTrait(Map<String, Object> traits, Map<String, Instant> times, String key,
      Object value, Instant at) {
    Instant old = times.get(key);
    if (old == null || at.isAfter(old)
        || (at.equals(old) && value.toString().compareTo(traits.get(key).toString()) > 0)) {
      traits.put(key, value);
      times.put(key, at);
    }
  }

  /** Last decision wins per scope; at equal times the most restrictive wins. */
  private static void putConsent(Map<String, Consent> consents, Consent c) {
    String scope = c.purpose() + "\u0000" + c.channel().map(Object::toString).orElse("");
    Consent old = consents.get(scope);
    if (old == null || c.at().isAfter(old.at())
        || (c.at().equals(old.at()) && c.status().ordinal() > old.status().ordinal())) {
      consents.put(scope, c);
    }
  }

  /**
   * The newest trait or consent change, or the creation time: a function of the profile alone,
   * so it does not depend on the order in which events arrived.
   */
  private static Instant updatedAt(Instant created, Map<String, Instant> traitTimes,
      java.util.Collection<Consent> consents) {
    Instant u = created;
    for (Instant t : traitTimes.values()) {
      u = max(u, t);
    }
    for (Consent c : consents) {
      u = max(u, c.at());
    }
    return u;
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  // ---- reads ----------------------------------------------------------------------------------

  /**
   * The customer 360 view.
   *
   * @param id a customer id
   * @return the profile with every touchpoint and piece of feedback of every identity, or empty
   *     if there is no such customer
   */
  public Optional<CustomerView> customer(CustomerId id) {
    Objects.requireNonNull(id, "id");
    return customers.find(id).map(this::view);
  }

  /**
   * The customer 360 view of whoever an identity belongs to now.
   *
   * @param identity any identity of the customer, such as an anonymous id merged long ago
   * @return the view, or empty if the identity is unknown
   */
  public Optional<CustomerView> customer(Identity identity) {
    return customerOf(identity).flatMap(this::customer);
  }

  /**
   * @param identity an identity
   * @return the id of the customer it belongs to now, or empty if unknown
   */
  public Optional<CustomerId> customerOf(Identity identity) {
    Objects.requireNonNull(identity, "identity");
    synchronized (writeLock) {
      return graph().customerOf(identity);
    }
  }

  /**
   * @return a resolver backed by this engine's identity graph; it sees later merges, and its
   *     {@link IdentityResolver#resolveAll} is one pass over the graph
   */
  public IdentityResolver resolver() {
    return resolver;
  }

  /** The engine's resolver: bulk resolution under one lock, without a map of customer ids. */
  private final class GraphResolver implements IdentityResolver {
    @Override
    public Optional<CustomerId> customerOf(Identity identity) {
      return Cxs.this.customerOf(identity);
    }

    @Override
    public List<CustomerId> resolveAll(List<Identity> identities, int[] customers) {
      Objects.requireNonNull(identities, "identities");
      if (customers.length < identities.size()) {
        throw new IllegalArgumentException("customers has length " + customers.length
            + " but there are " + identities.size() + " identities");
      }
      synchronized (writeLock) {
        return graph().resolveAll(identities, customers);
      }
    }

    @Override
    public List<CustomerId> resolveAll(ScanDictionary dictionary, int[] customers) {
      Objects.requireNonNull(dictionary, "dictionary");
      if (customers.length < dictionary.subjectCount()) {
        throw new IllegalArgumentException("customers has length " + customers.length
            + " but the dictionary has " + dictionary.subjectCount() + " subjects");
      }
      synchronized (writeLock) {
        return graph().resolveAll(dictionary, customers);
      }
    }
  }

  private CustomerView view(Customer c) {
    List<Touchpoint> tps = new ArrayList<>();
    List<Feedback> fbs = new ArrayList<>();
    for (Identity i : c.identities()) {
      if (i.kind() == IdentityKind.USER_ID || i.kind() == IdentityKind.ANONYMOUS_ID) {
        tps.addAll(touchpoints.timeline(i));
        fbs.addAll(feedback.timeline(i));
      }
    }
    tps.sort(Comparator.comparing(Touchpoint::timestamp).thenComparing(Touchpoint::eventId));
    fbs.sort(Comparator.comparing(Feedback::timestamp).thenComparing(Feedback::eventId));
    return new CustomerView(c, tps, fbs);
  }

  /**
   * Erases a customer everywhere (right to be forgotten): its touchpoints and feedback under
   * every identity, its profile, and its identities in the identity graph; then tells the
   * {@link #onErase erasure listeners}, so that components holding data derived from the
   * customer (action logs, follow-up cases, recommendations) forget it too.
   *
   * @param id the customer id
   * @return true if there was such a customer
   */
  public boolean erase(CustomerId id) {
    Objects.requireNonNull(id, "id");
    Optional<Customer> c;
    synchronized (writeLock) {
      c = customers.find(id);
      if (c.isEmpty()) {
        return false;
      }
      long removed = eraser.erase(id, c.get().identities());
      graph().remove(c.get().identities());
      LOG.debug("erased customer {}: {} stored items", id, removed);
    }
    for (Consumer<? super Customer> l : eraseListeners) {
      try {
        l.accept(c.get());
      } catch (RuntimeException e) {
        LOG.warn("an erasure listener failed for customer {}", id, e);
      }
    }
    return true;
  }

  /** @return the customer store */
  public CustomerStore customers() {
    return customers;
  }

  /** @return the touchpoint store */
  public TouchpointStore touchpoints() {
    return touchpoints;
  }

  /** @return the feedback store */
  public FeedbackStore feedback() {
    return feedback;
  }

  /** @return the clock this engine was built with */
  public Clock clock() {
    return clock;
  }

  // ---- listeners ------------------------------------------------------------------------------

  /**
   * Calls {@code listener} with every touchpoint stored from now on.
   *
   * @param listener the listener; if it throws, the failure is logged and ingestion goes on
   * @return a registration that removes it when closed
   */
  public ListenerRegistration onTouchpoint(Consumer<? super Touchpoint> listener) {
    return register(touchpointListeners, listener);
  }

  /**
   * Calls {@code listener} with every piece of feedback stored from now on.
   *
   * @param listener the listener; if it throws, the failure is logged and ingestion goes on
   * @return a registration that removes it when closed
   */
  public ListenerRegistration onFeedback(Consumer<? super Feedback> listener) {
    return register(feedbackListeners, listener);
  }

  /**
   * Calls {@code listener} with every identity merge from now on.
   *
   * @param listener the listener; if it throws, the failure is logged and ingestion goes on
   * @return a registration that removes it when closed
   */
  public ListenerRegistration onMerge(Consumer<? super MergeRecord> listener) {
    return register(mergeListeners, listener);
  }

  /**
   * Calls {@code listener} with the profile of every customer erased from now on, after the
   * stores have forgotten it, so that a component holding data about the customer (by its id or
   * any of its identities) can forget it too.
   *
   * @param listener the listener; if it throws, the failure is logged and erasure goes on
   * @return a registration that removes it when closed
   */
  public ListenerRegistration onErase(Consumer<? super Customer> listener) {
    return register(eraseListeners, listener);
  }

  private static <T> ListenerRegistration register(List<Consumer<? super T>> list,
      Consumer<? super T> listener) {
    Objects.requireNonNull(listener, "listener");
    list.add(listener);
    return () -> list.remove(listener);
  }

  private void notifyListeners(Event event, List<MergeRecord> merges) {
    for (MergeRecord m : merges) {
      for (Consumer<? super MergeRecord> l : mergeListeners) {
        safely(l, m, event);
      }
    }
    if (event instanceof TrackEvent && !touchpointListeners.isEmpty()) {
      Touchpoint t = ((TrackEvent) event).toTouchpoint();
      for (Consumer<? super Touchpoint> l : touchpointListeners) {
        safely(l, t, event);
      }
    } else if (event instanceof FeedbackEvent && !feedbackListeners.isEmpty()) {
      Feedback f = ((FeedbackEvent) event).toFeedback();
      for (Consumer<? super Feedback> l : feedbackListeners) {
        safely(l, f, event);
      }
    }
  }

  private <T> void safely(Consumer<? super T> listener, T value, Event event) {
    try {
      listener.accept(value);
    } catch (RuntimeException e) {
      if (!listenerFailureLogged) {
        listenerFailureLogged = true;
        LOG.warn("a listener failed on event {}; further listener failures are logged at DEBUG",
            event.messageId(), e);
      } else {
        LOG.debug("a listener failed on event {}", event.messageId(), e);
      }
    }
  }

  /**
   * Closes the engine: further ingestion fails. Stores passed to the builder are not closed;
   * they belong to the caller.
   */
  @Override
  public void close() {
    closed = true;
  }

  /**
   * Configures a {@link Cxs}. Each option may be set once.
   *
   * @since 0.1
   */
  public static final class Builder {
    private CustomerStore customers;
    private TouchpointStore touchpoints;
    private FeedbackStore feedback;
    private Clock clock;
    private Eraser eraser;

    private Builder() {}

    /**
     * @param store the customer store (default: {@link CustomerStore#inMemory()})
     * @return this builder
     * @throws IllegalStateException if already set
     */
    public Builder customerStore(CustomerStore store) {
      checkState(customers == null, "customer store was already set to %s", customers);
      customers = Objects.requireNonNull(store, "store");
      return this;
    }

    /**
     * @param store the touchpoint store (default: {@link TouchpointStore#inMemory()})
     * @return this builder
     * @throws IllegalStateException if already set
     */
    public Builder touchpointStore(TouchpointStore store) {
      checkState(touchpoints == null, "touchpoint store was already set to %s", touchpoints);
      touchpoints = Objects.requireNonNull(store, "store");
      return this;
    }

    /**
     * @param store the feedback store (default: {@link FeedbackStore#inMemory()})
     * @return this builder
     * @throws IllegalStateException if already set
     */
    public Builder feedbackStore(FeedbackStore store) {
      checkState(feedback == null, "feedback store was already set to %s", feedback);
      feedback = Objects.requireNonNull(store, "store");
      return this;
    }

    /**
     * @param clock the clock for everything time-dependent (default: {@link Clock#systemUTC()})
     * @return this builder
     * @throws IllegalStateException if already set
     */
    public Builder clock(Clock clock) {
      checkState(this.clock == null, "clock was already set to %s", this.clock);
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * @param eraser how {@link Cxs#erase} removes a customer from the stores (default:
     *     {@link Eraser#perStore}, each store in turn); pass {@code JdbcStores.eraser()} to erase
     *     in one transaction
     * @return this builder
     * @throws IllegalStateException if already set
     */
    public Builder eraser(Eraser eraser) {
      checkState(this.eraser == null, "eraser was already set to %s", this.eraser);
      this.eraser = Objects.requireNonNull(eraser, "eraser");
      return this;
    }

    /**
     * Builds the engine. With existing stores, the identity graph is rebuilt from the stored
     * customers' identities.
     *
     * @return the engine
     */
    public Cxs build() {
      return new Cxs(this);
    }
  }

}
