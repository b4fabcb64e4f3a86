package io.cxs.journey.path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cxs.core.Cxs;
import io.cxs.core.ingest.TrackEvent;
import io.cxs.core.touchpoint.Channel;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

final class PathAnalysisTest {
  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
  private final Cxs cxs = Cxs.builder().build();
  private int ids;

  private void timeline(String user, String... events) {
    for (int i = 0; i < events.length; i++) {
      cxs.ingest(TrackEvent.of("m" + ids++, user, events[i], T0.plusSeconds(i), Channel.WEB));
    }
  }

  @Test
  void run_countsNextEventsTopPathsAndSankey() {
    timeline("u1", "Home", "View", "Add", "Buy");
    timeline("u2", "View", "Add", "Buy", "Home");
    timeline("u3", "View", "Search", "View");
    timeline("u4", "View");
    timeline("u5", "Home");

    PathReport r = PathAnalysis.after("View").depth(3).top(2).build().run(cxs);

    assertThat(r.customers()).isEqualTo(4);
    assertThat(r.adjacent()).containsExactly(new PathCount(List.of("Add"), 2),
        new PathCount(List.of("(end)"), 1), new PathCount(List.of("Search"), 1));
    assertThat(r.paths()).containsExactly(new PathCount(List.of("View", "Add", "Buy"), 2),
        new PathCount(List.of("View"), 1));
    assertThat(r.nodes()).contains(new SankeyNode("0:View", 0, "View", 4),
        new SankeyNode("1:Add", 1, "Add", 2), new SankeyNode("2:View", 2, "View", 1));
    assertThat(r.links()).contains(new SankeyLink("0:View", "1:Add", 2),
        new SankeyLink("1:Search", "2:View", 1));
  }

  @Test
  void run_beforeAlignsPathsOnTheAnchorAndFoldsRareNodes() {
    timeline("u1", "Home", "View", "Buy");
    timeline("u2", "Ad", "View", "Buy");
    timeline("u3", "Mail", "View", "Buy");
    timeline("u4", "Buy");

    PathReport r = PathAnalysis.before("Buy").depth(3).maxNodesPerStep(1).build().run(cxs);

    assertThat(r.adjacent()).containsExactly(new PathCount(List.of("View"), 3),
        new PathCount(List.of("(end)"), 1));
    assertThat(r.nodes()).containsExactly(new SankeyNode("0:(other)", 0, "(other)", 2),
        new SankeyNode("0:Ad", 0, "Ad", 1), new SankeyNode("1:View", 1, "View", 3),
        new SankeyNode("2:Buy", 2, "Buy", 4));
  }

  @Test
  void builder_rejectsBadOptions() {
    assertThatThrownBy(() -> PathAnalysis.after("View").depth(1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("depth must be in [2, 20] but was 1");
    assertThatThrownBy(() -> PathAnalysis.after("View").top(3).top(4))
        .isInstanceOf(IllegalStateException.class).hasMessage("top was already set to 3");
  }
}
