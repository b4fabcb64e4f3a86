package io.cxs.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.cxs.core.Cxs;
import io.cxs.core.customer.CustomerId;
import io.cxs.core.customer.CustomerView;
import io.cxs.core.customer.Identity;
import io.cxs.core.customer.IdentityKind;
import io.cxs.core.ingest.IngestReport;
import io.cxs.core.json.CxsJson;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code cxs profile --events FILE.jsonl [--db URL] [--customer ID]}: the identity-resolution
 * summary of an export (or of everything a database holds), or one customer's 360 view.
 */
final class ProfileCommand implements Subcommand {

  @Override
  public String name() {
    return "profile";
  }

  @Override
  public String usage() {
    return "profile " + Engines.SOURCE_USAGE + " [--customer ID]   customers, identities and merges;"
        + " or one customer's 360 view";
  }

  @Override
  public int run(Args args, PrintStream out, PrintStream err) throws Exception {
    Engines.Source source = Engines.source(args);
    Optional<String> customer = args.optional("customer");
    args.finish();
    ObjectMapper json = CxsJson.newMapper().enable(SerializationFeature.INDENT_OUTPUT);
    try (Engines.Engine engine = Engines.open(source.db())) {
      Cxs cxs = engine.cxs();
      IngestReport report = Inputs.ingest(cxs, source.events(), err);
      if (customer.isPresent()) {
        Optional<CustomerView> view = find(cxs, customer.get());
        if (view.isEmpty()) {
          err.println("cxs profile: no customer '" + customer.get() + "' in "
              + source.describe());
          return 1;
        }
        out.println(json.writeValueAsString(view.get()));
        return 0;
      }
      long[] identified = {0};
      long[] merges = {0};
      cxs.customers().forEach(c -> {
        if (c.identity(IdentityKind.USER_ID).isPresent()) {
          identified[0]++;
        }
        merges[0] += c.merges().size();
      });
      Map<String, Object> summary = new LinkedHashMap<>();
      summary.put("events", Inputs.counts(report));
      summary.put("customers", cxs.customers().count());
      summary.put("identified", identified[0]);
      summary.put("merges", merges[0]);
      summary.put("touchpoints", cxs.touchpoints().count());
      summary.put("feedback", cxs.feedback().count());
      out.println(json.writeValueAsString(summary));
      return 0;
    }
  }

  /** Finds a customer by customer id, by identity key ({@code kind:value}) or by user id. */
  static Optional<CustomerView> find(Cxs cxs, String id) {
    Optional<CustomerView> v = cxs.customer(CustomerId.of(id));
    if (v.isPresent()) {
      return v;
    }
    if (id.indexOf(':') > 0) {
      try {
        return cxs.customer(Identity.parse(id));
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
    }
    return cxs.customer(Identity.userId(id));
  }
}
