package io.cxs.examples.bench;

import io.cxs.core.customer.CustomerId;
import io.cxs.core.customer.Identity;
import io.cxs.core.customer.IdentityResolver;
import io.cxs.core.spi.TouchpointStore;
import io.cxs.core.touchpoint.Channel;
import io.cxs.core.touchpoint.Touchpoint;
import io.cxs.journey.funnel.EventPredicate;
import io.cxs.journey.funnel.Funnel;
import io.cxs.journey.funnel.FunnelReport;
import io.cxs.journey.funnel.FunnelStep;
import io.cxs.journey.timeline.TimelineScan;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The cost of a property condition on a funnel step (issue #5): the same four-step funnel over
 * the same in-memory store, with the last step matched by name only ({@link #funnelByName}) and
 * by name plus {@code category=shoes} ({@link #funnelWithProperty}). Every "Order Completed" has
 * properties (a category and a quantity); other events have none. The setup checks that the
 * property step keeps some but not all of the customers who ordered.
 *
 * <pre>
 * java -jar cxs-examples/target/cxs-bench.jar PropertyFunnelBenchmark -f 1 -wi 2 -i 3
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx8g"})
public class PropertyFunnelBenchmark {
  static final String[] NAMES = {"Product Viewed", "Product Added", "Checkout Started",
      "Order Completed", "Page Viewed"};
  static final long T0 = Instant.parse("2026-03-01T00:00:00Z").toEpochMilli();
  static final String[] CATEGORIES = {"shoes", "bags", "hats", "coats"};

  /** Customers with ten events each, names and gaps drawn from a fixed seed. */
  @State(Scope.Benchmark)
  public static class Stores {
    @Param({"1000000"})
    int customers;

    TouchpointStore store;
    IdentityResolver resolver;
    Funnel byName;
    Funnel withProperty;

    @Setup(Level.Trial)
    public void setUp() {
      Random random = new Random(42);
      store = TouchpointStore.inMemory();
      int id = 0;
      for (int c = 0; c < customers; c++) {
        long t = T0 + random.nextInt(86_400_000);
        Identity who = Identity.userId("c" + c);
        for (int e = 0; e < 10; e++) {
          t += random.nextInt(3_600_000);
          String name = NAMES[random.nextInt(NAMES.length)];
          Map<String, Object> properties = name.equals("Order Completed")
              ? Map.of("category", CATEGORIES[random.nextInt(CATEGORIES.length)],
                  "qty", (long) (1 + random.nextInt(3)))
              : Map.of();
          store.add(new Touchpoint("e" + id++, who, Channel.WEB, name, Instant.ofEpochMilli(t),
              Optional.empty(), properties, Optional.empty()));
        }
      }
      resolver = i -> Optional.of(CustomerId.of(i.value()));
      byName = Funnel.builder().step(NAMES[0]).step(NAMES[1]).step(NAMES[2]).step(NAMES[3])
          .window(Duration.ofDays(7)).build();
      withProperty = Funnel.builder().step(NAMES[0]).step(NAMES[1]).step(NAMES[2])
          .step(FunnelStep.of("Shoes ordered",
              EventPredicate.of(NAMES[3]).withProperty("category", "shoes")))
          .window(Duration.ofDays(7)).build();
      long all = byName.run(TimelineScan.of(store, resolver)).steps().get(3).count();
      long shoes = withProperty.run(TimelineScan.of(store, resolver)).steps().get(3).count();
      System.out.printf("%nordered: %d customers, shoes: %d%n", all, shoes);
      if (shoes <= 0 || shoes >= all) {
        throw new IllegalStateException("the property step should keep some but not all");
      }
    }
  }

  @Benchmark
  public FunnelReport funnelByName(Stores s) {
    return s.byName.run(TimelineScan.of(s.store, s.resolver));
  }

  @Benchmark
  public FunnelReport funnelWithProperty(Stores s) {
    return s.withProperty.run(TimelineScan.of(s.store, s.resolver));
  }
}
