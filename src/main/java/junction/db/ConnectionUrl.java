package junction.db;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the URLs users give Hasura ({@code postgres://user:pass@host:5432/db?sslmode=disable}) into
 * pgjdbc URLs, adding {@code prepareThreshold=1} so that every statement is prepared on first use.
 */
public final class ConnectionUrl {
    private ConnectionUrl() {
    }

    public static String toJdbc(String url) {
        String jdbc = url.startsWith("jdbc:") ? url : fromPostgresUri(url);
        if (jdbc.contains("prepareThreshold=")) {
            return jdbc;
        }
        return jdbc + (jdbc.contains("?") ? "&" : "?") + "prepareThreshold=1";
    }

    private static String fromPostgresUri(String url) {
        if (!url.startsWith("postgres://") && !url.startsWith("postgresql://")) {
            throw new IllegalArgumentException("database URL must start with postgres:// or postgresql://");
        }
        URI uri = URI.create(url);
        String host = uri.getHost() == null ? "localhost" : uri.getHost();
        int port = uri.getPort() < 0 ? 5432 : uri.getPort();
        String database = uri.getRawPath() == null || uri.getRawPath().length() <= 1 ? "postgres" : uri.getRawPath().substring(1);
        List<String> params = new ArrayList<>();
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            String user = colon < 0 ? userInfo : userInfo.substring(0, colon);
            params.add("user=" + decode(user));
            if (colon >= 0) {
                params.add("password=" + decode(userInfo.substring(colon + 1)));
            }
        }
        if (uri.getRawQuery() != null) {
            params.add(uri.getRawQuery());
        }
        String jdbc = "jdbc:postgresql://" + host + ":" + port + "/" + database;
        return params.isEmpty() ? jdbc : jdbc + "?" + String.join("&", params);
    }

    private static String decode(String s) {
        return java.net.URLEncoder.encode(URLDecoder.decode(s, StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    }
}
