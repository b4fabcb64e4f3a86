package io.cxs.journey.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;

/** Quantiles agree with the type 7 definition over a sorted copy, on both selection paths. */
final class LongSamplesPropertiesTest {

  @Provide
  Arbitrary<List<Long>> samples() {
    Arbitrary<Long> narrow = Arbitraries.longs().between(0, 50);
    Arbitrary<Long> wide = Arbitraries.longs().between(-1_000_000_000_000L, 1_000_000_000_000L);
    Arbitrary<Long> extreme = Arbitraries.of(Long.MIN_VALUE, Long.MAX_VALUE, 0L, -1L, 1L);
    Arbitrary<Long> skewed = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(20, Arbitraries.just(7L)),
        net.jqwik.api.Tuple.of(1, Arbitraries.longs().between(0, 604_800_000L)));
    return Arbitraries.oneOf(narrow, wide, extreme, skewed).list()
        .ofMinSize(1).ofMaxSize(3 * LongSamples.RADIX_MIN)
        .edgeCases(c -> c.includeOnly());
  }

  @Property(tries = 200)
  void quantiles_matchSortedDefinition(@ForAll("samples") List<Long> values,
      @ForAll @DoubleRange(min = 0, max = 1) double p) {
    LongSamples samples = new LongSamples();
    values.forEach(samples::add);
    long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
    OptionalDouble[] q = samples.quantiles(0.5, p, 0.9);
    assertThat(q[0].getAsDouble()).isEqualTo(type7(sorted, 0.5));
    assertThat(q[1].getAsDouble()).isEqualTo(type7(sorted, p));
    assertThat(q[2].getAsDouble()).isEqualTo(type7(sorted, 0.9));
    // asking again (after any reordering) gives the same answers
    assertThat(samples.quantile(p).getAsDouble()).isEqualTo(type7(sorted, p));
    assertThat(samples.size()).isEqualTo(values.size());
  }

  /** Parts kept apart (each as ints or as longs) and then added together give the whole's. */
  @Property(tries = 200)
  void addAll_givesTheQuantilesOfTheWhole(@ForAll("samples") List<Long> values,
      @ForAll("samples") List<Long> more, @ForAll boolean reserve) {
    LongSamples a = new LongSamples();
    LongSamples b = new LongSamples();
    if (reserve) {
      a.reserve(values.size() + more.size());
    }
    values.forEach(a::add);
    more.forEach(b::add);
    a.addAll(b);
    long[] sorted = java.util.stream.Stream.concat(values.stream(), more.stream())
        .mapToLong(Long::longValue).sorted().toArray();
    OptionalDouble[] q = a.quantiles(0, 0.5, 0.9, 1);
    assertThat(a.size()).isEqualTo(sorted.length);
    assertThat(q[0].getAsDouble()).isEqualTo(sorted[0]);
    assertThat(q[1].getAsDouble()).isEqualTo(type7(sorted, 0.5));
    assertThat(q[2].getAsDouble()).isEqualTo(type7(sorted, 0.9));
    assertThat(q[3].getAsDouble()).isEqualTo(sorted[sorted.length - 1]);
  }

  @Property(tries = 20)
  void quantiles_largeSkewedSample_matchSortedDefinition(@ForAll long seed) {
    java.util.Random random = new java.util.Random(seed);
    int n = LongSamples.RADIX_MIN * 4 + random.nextInt(1000);
    LongSamples samples = new LongSamples();
    long[] all = new long[n];
    for (int i = 0; i < n; i++) {
      // most samples within a second, a few up to a week: the buckets are very uneven
      all[i] = random.nextInt(10) == 0 ? (long) (random.nextDouble() * 604_800_000L)
          : random.nextInt(1000);
      samples.add(all[i]);
    }
    Arrays.sort(all);
    OptionalDouble[] q = samples.quantiles(0.9, 0.5, 0, 1);
    assertThat(q[0].getAsDouble()).isEqualTo(type7(all, 0.9));
    assertThat(q[1].getAsDouble()).isEqualTo(type7(all, 0.5));
    assertThat(q[2].getAsDouble()).isEqualTo(all[0]);
    assertThat(q[3].getAsDouble()).isEqualTo(all[n - 1]);
  }

  /** Hyndman and Fan type 7 over sorted values. */
  private static double type7(long[] sorted, double p) {
    double h = (sorted.length - 1) * p;
    int lo = (int) Math.floor(h);
    if (h == lo || lo + 1 >= sorted.length) {
      return sorted[lo];
    }
    return sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]);
  }
}
