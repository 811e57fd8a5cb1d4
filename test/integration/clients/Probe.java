// Runs queries through MariaDB Connector/J and prints the results as JSON (used by the client tests).
// Usage: java -cp <dir>:mariadb-java-client.jar Probe <jdbc-url> <user|-> <password|->  with queries on stdin,
// separated by lines holding only "--8<--". Output: {"results":[...]} or {"connectError":{...}}; a result is
// {"columns":[...],"rows":[[...]]}, {"ok":true,"affected":n} or {"error":{"code","sqlState","message"}}.

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

public class Probe {
  static String quote(String s) {
    if (s == null) return "null";
    StringBuilder b = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"': b.append("\\\""); break;
        case '\\': b.append("\\\\"); break;
        case '\n': b.append("\\n"); break;
        case '\r': b.append("\\r"); break;
        case '\t': b.append("\\t"); break;
        default:
          if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
          else b.append(c);
      }
    }
    return b.append('"').toString();
  }

  static String error(SQLException e) {
    return "{\"code\":" + e.getErrorCode() + ",\"sqlState\":" + quote(e.getSQLState()) + ",\"message\":" + quote(e.getMessage()) + "}";
  }

  public static void main(String[] args) throws Exception {
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    List<String> queries = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    for (String line; (line = in.readLine()) != null; ) {
      if (line.equals("--8<--")) {
        queries.add(cur.toString());
        cur.setLength(0);
      } else {
        if (cur.length() > 0) cur.append('\n');
        cur.append(line);
      }
    }
    if (cur.length() > 0) queries.add(cur.toString());

    Properties props = new Properties();
    if (!args[1].equals("-")) props.setProperty("user", args[1]);
    if (!args[2].equals("-")) props.setProperty("password", args[2]);
    Connection conn;
    try {
      conn = DriverManager.getConnection(args[0], props);
    } catch (SQLException e) {
      System.out.println("{\"connectError\":" + error(e) + "}");
      return;
    }
    StringBuilder out = new StringBuilder("{\"results\":[");
    for (int q = 0; q < queries.size(); q++) {
      if (q > 0) out.append(',');
      try (Statement st = conn.createStatement()) {
        if (st.execute(queries.get(q))) {
          try (ResultSet rs = st.getResultSet()) {
            ResultSetMetaData md = rs.getMetaData();
            out.append("{\"columns\":[");
            for (int c = 1; c <= md.getColumnCount(); c++) out.append(c > 1 ? "," : "").append(quote(md.getColumnLabel(c)));
            out.append("],\"rows\":[");
            boolean first = true;
            while (rs.next()) {
              out.append(first ? "[" : ",[");
              first = false;
              for (int c = 1; c <= md.getColumnCount(); c++) out.append(c > 1 ? "," : "").append(quote(rs.getString(c)));
              out.append(']');
            }
            out.append("]}");
          }
        } else {
          out.append("{\"ok\":true,\"affected\":").append(st.getUpdateCount()).append('}');
        }
      } catch (SQLException e) {
        out.append("{\"error\":").append(error(e)).append('}');
      }
    }
    out.append("]}");
    try {
      conn.close();
    } catch (SQLException e) {
      // closing a connection the server already dropped is not a test failure
    }
    System.out.println(out);
  }
}
