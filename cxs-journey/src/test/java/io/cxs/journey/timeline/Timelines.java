package io.cxs.journey.timeline;

import io.cxs.core.spi.ScanDictionary;
import java.util.Map;
import java.util.TreeMap;

/** Renders what a timeline scan visits as text per customer id, to compare two scans. */
final class Timelines {
  private Timelines() {}

  /** @return by customer id, its timeline as "time name channel stage" lines */
  static Map<String, String> render(TimelineScan scan) {
    Map<String, String> out = new TreeMap<>();
    ScanDictionary[] dict = new ScanDictionary[1];
    Customers[] customers = new Customers[1];
    scan.run(new TimelineVisitor() {
      @Override
      public void begin(ScanDictionary dictionary, Customers c) {
        dict[0] = dictionary;
        customers[0] = c;
      }

      @Override
      public void visit(Timeline t) {
        StringBuilder b = new StringBuilder();
        for (int r = 0; r < t.size(); r++) {
          b.append(t.epochMillis(r)).append(' ').append(dict[0].name(t.name(r))).append(' ')
              .append(dict[0].channel(t.channel(r)).name()).append(' ').append(t.stage(r))
              .append('\n');
        }
        String id = customers[0].id(t.customer()).value();
        if (out.put(id, b.toString()) != null) {
          throw new AssertionError("customer " + id + " was visited twice");
        }
      }
    });
    return out;
  }
}
