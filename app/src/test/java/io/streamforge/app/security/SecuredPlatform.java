package io.streamforge.app.security;

import io.streamforge.app.LocalPlatform;
import io.streamforge.app.PlatformFixture;
import io.streamforge.domain.Symbol;
import io.streamforge.runtime.auth.OidcSettings;
import io.streamforge.sim.SimConfig;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.acl.AclBinding;

/** A local platform on the secured broker + database with the chart's homelab ACLs applied. */
final class SecuredPlatform {
    static final String USER_PREFIX = "streamforge-";
    static final List<Symbol> SYMBOLS =
            List.of(Symbol.of("BTCUSDT"), Symbol.of("ETHUSDT"), Symbol.of("SOLUSDT"));

    private SecuredPlatform() {}

    static LocalPlatform start(Map<String, String> extraEnv) throws Exception {
        return start(extraEnv, OidcSettings.DISABLED);
    }

    /** With the API and the UI requiring tokens of {@code oidc}'s issuer. */
    static LocalPlatform start(Map<String, String> extraEnv, OidcSettings oidc) throws Exception {
        List<AclBinding> acls =
                ChartKafkaUsers.render().values().stream().flatMap(List::stream).toList();
        return PlatformFixture.startSecured(
                SimConfig.defaults().withSymbols(SYMBOLS),
                extraEnv,
                new LocalPlatform.Secured(USER_PREFIX, acls),
                oidc);
    }

    /** Loaders + connector + graph-builder + gnn-trainer on the three symbols over two days. */
    static String pipelineJson(String days) {
        String[] d = days.split(":");
        return "{\"symbols\":[\"BTCUSDT\",\"ETHUSDT\",\"SOLUSDT\"],\"time_range\":\""
                + d[0]
                + ":"
                + d[1]
                + "\",\"microservices\":["
                + "{\"target\":\"loader-api-candles\",\"type\":\"candles\",\"interval\":\"1m\"},"
                + "{\"target\":\"loader-api-trades\",\"type\":\"agg_trades\"},"
                + "{\"target\":\"arango-connector\"},"
                + "{\"target\":\"graph-builder\",\"params\":{\"resample\":\"15m\",\"indicators\":\"RSI:14\"}},"
                + "{\"target\":\"gnn-trainer\",\"params\":{\"resample\":\"15m\",\"gnn_epochs\":2}}]}";
    }
}
