// WeChat non-tax payment notification handler: Java 17, JDK only (javax.crypto + com.sun.net.httpserver).
//
// Implements the default profile "wxbizmsgcrypt" of docs/PROTOCOL.md §4:
//   POST <path>?wxnontaxstr=<nonce>&timestamp=<unix s>&msg_signature=<sha1 hex>
//   body {"appid": "...", "encrypt": "<base64 AES-256-CBC>"}
// and answers HTTP 200 JSON {"errcode", "errmsg"} (+ "data", "timestamp", "nonce", "msg_signature" on 0).
//
// Run:   NONTAX_TOKEN=... NONTAX_ENCODING_AES_KEY=... WECHAT_APPID=... PORT=8080 java Handler.java
// Prove: npm run check -- --target http://127.0.0.1:8080/notify   (same three variables set)
// PORT=0 picks a free port; the bound URL is printed as "listening on http://...".
// In your service, keep decrypt/encrypt/sign/handle and use your own JSON library (Jackson, Gson)
// instead of the small reader at the bottom, which is only here to keep this file dependency-free.
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.*;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

public class Handler {
  static final String TOKEN = env("NONTAX_TOKEN"), AES_KEY = env("NONTAX_ENCODING_AES_KEY"), APPID = env("WECHAT_APPID");
  static final int BLOCK = 32; // PKCS#7 padding to 32-byte blocks (not AES's 16): pad byte 1..32
  static final int BODY_LIMIT = 64 * 1024; // real notifications are a few KiB
  static final SecureRandom RANDOM = new SecureRandom();
  static byte[] key, iv;

  /** A rejection with its documented errcode (docs/PROTOCOL.md §4): 210, 298, 299 or 300. */
  static class Reject extends Exception {
    final int errcode;
    Reject(int errcode, String errmsg) { super(errmsg); this.errcode = errcode; }
  }

  public static void main(String[] args) throws Exception {
    if (TOKEN.isEmpty() || APPID.isEmpty() || !AES_KEY.matches("[A-Za-z0-9]{43}")) {
      System.err.println("set NONTAX_TOKEN, WECHAT_APPID and NONTAX_ENCODING_AES_KEY (43 characters of A-Z a-z 0-9)");
      System.exit(2);
    }
    key = Base64.getDecoder().decode(AES_KEY + "="); // 32 bytes
    iv = Arrays.copyOf(key, 16);
    String host = System.getenv().getOrDefault("HOST", "127.0.0.1");
    int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8080"));
    HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
    server.createContext("/", Handler::serve);
    server.start();
    System.out.println("listening on http://" + host + ":" + server.getAddress().getPort() + "/notify");
  }

  static void serve(HttpExchange ex) throws java.io.IOException {
    String answer;
    try (InputStream in = ex.getRequestBody()) {
      byte[] body = in.readNBytes(BODY_LIMIT + 1);
      in.transferTo(java.io.OutputStream.nullOutputStream()); // drain, then answer
      try {
        if (!"POST".equals(ex.getRequestMethod())) throw new Reject(210, "data format error: POST only");
        if (body.length > BODY_LIMIT) throw new Reject(210, "data format error: body too large");
        answer = handle(query(ex.getRequestURI().getRawQuery()), ex.getRequestHeaders().getFirst("Content-Type"), body);
      } catch (Reject r) {
        answer = "{\"errcode\":" + r.errcode + ",\"errmsg\":" + Json.quote(r.getMessage()) + "}";
      } catch (Exception e) {
        e.printStackTrace();
        answer = "{\"errcode\":299,\"errmsg\":\"system error\"}";
      }
    }
    byte[] out = answer.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.sendResponseHeaders(200, out.length);
    ex.getResponseBody().write(out);
    ex.close();
  }

  static String handle(Map<String, String> q, String contentType, byte[] body) throws Exception {
    if (contentType == null || !contentType.toLowerCase().startsWith("application/json")) throw new Reject(210, "data format error: expected application/json");
    Object envelope;
    try { envelope = Json.parse(utf8(body)); } catch (Exception e) { throw new Reject(210, "data format error: body is not JSON"); }
    Object encrypt = envelope instanceof Map ? ((Map<?, ?>) envelope).get("encrypt") : null;
    if (!(encrypt instanceof String) || ((String) encrypt).isEmpty()) throw new Reject(210, "data format error: no encrypt");
    String nonce = q.get("wxnontaxstr"), timestamp = q.get("timestamp"), signature = q.get("msg_signature");
    if (isEmpty(nonce) || isEmpty(timestamp) || isEmpty(signature)) throw new Reject(300, "signature error: missing wxnontaxstr, timestamp or msg_signature");
    // Verify before decrypting, in constant time: an unsigned payload must not be acted on.
    byte[] expected = sign(timestamp, nonce, (String) encrypt).getBytes(StandardCharsets.UTF_8);
    if (!MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.UTF_8))) throw new Reject(300, "signature error");
    Object order;
    try { order = Json.parse(decrypt((String) encrypt)); } catch (Reject r) { throw r; } catch (Exception e) { throw new Reject(210, "data format error: message is not JSON"); }
    if (!(order instanceof Map) || ((Map<?, ?>) order).get("order_id") == null || ((Map<?, ?>) order).get("status") == null) throw new Reject(210, "data format error: no order_id or status");
    Object orderId = ((Map<?, ?>) order).get("order_id"), status = ((Map<?, ?>) order).get("status");
    try { applyOnce(orderId, status); } catch (RuntimeException e) { throw new Reject(299, "system error"); } // never 0 unless recorded
    String data = encrypt("{\"order_id\":" + Json.write(orderId) + ",\"status\":" + Json.write(status) + "}");
    String ts = String.valueOf(System.currentTimeMillis() / 1000);
    String nonceOut = HexFormat.of().formatHex(randomBytes(8));
    return "{\"errcode\":0,\"errmsg\":\"ok\",\"data\":\"" + data + "\",\"timestamp\":\"" + ts + "\",\"nonce\":\"" + nonceOut
      + "\",\"msg_signature\":\"" + sign(ts, nonceOut, data) + "\"}";
  }

  // Idempotence: WeChat delivers again when it lost your answer. Here an in-memory set; in your
  // service use your database's unique key on (order_id, status) and treat "already there" as done.
  static final Set<String> APPLIED = ConcurrentHashMap.newKeySet();
  static void applyOnce(Object orderId, Object status) {
    String id = Json.write(orderId) + ":" + Json.write(status);
    if (!APPLIED.add(id)) { System.out.println("already applied order_id=" + orderId + " status=" + status); return; }
    // your business logic goes here: mark the bill paid (3, 4) or refunded (5)
    System.out.println("applied order_id=" + orderId + " status=" + status);
  }

  /** sha1 over the four strings sorted lexicographically, lower-case hex. */
  static String sign(String timestamp, String nonce, String encrypt) throws Exception {
    String[] parts = { TOKEN, timestamp, nonce, encrypt };
    Arrays.sort(parts);
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(String.join("", parts).getBytes(StandardCharsets.UTF_8)));
  }

  static String encrypt(String msg) throws Exception {
    byte[] body = msg.getBytes(StandardCharsets.UTF_8), appid = APPID.getBytes(StandardCharsets.UTF_8);
    int n = 20 + body.length + appid.length, pad = BLOCK - n % BLOCK;
    ByteBuffer plain = ByteBuffer.allocate(n + pad).put(randomBytes(16)).putInt(body.length).put(body).put(appid); // putInt is big-endian
    while (plain.hasRemaining()) plain.put((byte) pad);
    Cipher c = Cipher.getInstance("AES/CBC/NoPadding");
    c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
    return Base64.getEncoder().encodeToString(c.doFinal(plain.array()));
  }

  static String decrypt(String b64) throws Exception {
    byte[] data;
    try { data = Base64.getDecoder().decode(b64); } catch (IllegalArgumentException e) { throw new Reject(298, "decryption failed: not base64"); }
    if (data.length == 0 || data.length % 16 != 0) throw new Reject(298, "decryption failed: length not a multiple of 16");
    Cipher c = Cipher.getInstance("AES/CBC/NoPadding"); // the 32-byte padding is removed by hand below
    c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
    byte[] plain = c.doFinal(data);
    int pad = plain[plain.length - 1] & 0xff;
    if (pad < 1 || pad > BLOCK) throw new Reject(298, "decryption failed: bad padding");
    int end = plain.length - pad;
    if (end < 20) throw new Reject(298, "decryption failed: too short");
    long len = ByteBuffer.wrap(plain, 16, 4).getInt() & 0xffffffffL; // UTF-8 bytes, not characters
    if (len > end - 20) throw new Reject(298, "decryption failed: bad length");
    byte[] appid = Arrays.copyOfRange(plain, 20 + (int) len, end);
    if (!MessageDigest.isEqual(appid, APPID.getBytes(StandardCharsets.UTF_8))) throw new Reject(298, "decryption failed: appid mismatch");
    try { return utf8(Arrays.copyOfRange(plain, 20, 20 + (int) len)); } catch (Exception e) { throw new Reject(210, "data format error: message is not UTF-8"); }
  }

  static String utf8(byte[] b) throws Exception { // strict: invalid UTF-8 throws instead of turning into U+FFFD
    return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
  }
  static byte[] randomBytes(int n) { byte[] b = new byte[n]; RANDOM.nextBytes(b); return b; }
  static boolean isEmpty(String s) { return s == null || s.isEmpty(); }
  static String env(String name) { return System.getenv().getOrDefault(name, ""); }
  static Map<String, String> query(String raw) {
    Map<String, String> q = new HashMap<>();
    if (raw != null) for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) q.putIfAbsent(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return q;
  }

  /** A minimal strict JSON reader/writer (objects, arrays, strings, numbers, literals); use your JSON library instead. */
  static class Json {
    final String s; int i;
    Json(String s) { this.s = s; }
    static Object parse(String s) { Json p = new Json(s); Object v = p.value(); p.ws(); if (p.i != s.length()) throw p.err(); return v; }
    RuntimeException err() { return new IllegalArgumentException("bad JSON at " + i); }
    void ws() { while (i < s.length() && " \t\r\n".indexOf(s.charAt(i)) >= 0) i++; }
    char next() { if (i >= s.length()) throw err(); return s.charAt(i++); }
    Object value() {
      ws();
      char c = next();
      if (c == '{') {
        Map<String, Object> m = new LinkedHashMap<>();
        ws(); if (s.startsWith("}", i)) { i++; return m; }
        do { ws(); if (next() != '"') throw err(); String k = string(); ws(); if (next() != ':') throw err(); m.put(k, value()); ws(); c = next(); } while (c == ',');
        if (c != '}') throw err();
        return m;
      }
      if (c == '[') {
        List<Object> l = new ArrayList<>();
        ws(); if (s.startsWith("]", i)) { i++; return l; }
        do { l.add(value()); ws(); c = next(); } while (c == ',');
        if (c != ']') throw err();
        return l;
      }
      if (c == '"') return string();
      for (String lit : new String[] { "true", "false", "null" }) if (s.startsWith(lit, i - 1)) { i += lit.length() - 1; return lit.equals("null") ? null : Boolean.valueOf(lit); }
      int start = --i;
      while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) i++;
      try { return new BigDecimal(s.substring(start, i)); } catch (NumberFormatException e) { throw err(); }
    }
    String string() {
      StringBuilder b = new StringBuilder();
      for (char c = next(); c != '"'; c = next()) {
        if (c < 0x20) throw err();
        if (c != '\\') { b.append(c); continue; }
        char e = next();
        switch (e) {
          case 'b': b.append('\b'); break; case 'f': b.append('\f'); break; case 'n': b.append('\n'); break;
          case 'r': b.append('\r'); break; case 't': b.append('\t'); break;
          case 'u': if (i + 4 > s.length()) throw err(); b.append((char) Integer.parseInt(s.substring(i, i + 4), 16)); i += 4; break;
          default: if ("\"\\/".indexOf(e) < 0) throw err(); b.append(e);
        }
      }
      return b.toString();
    }
    static String write(Object v) {
      if (v instanceof BigDecimal) return ((BigDecimal) v).toPlainString();
      return v instanceof String ? quote((String) v) : String.valueOf(v);
    }
    static String quote(String v) {
      StringBuilder b = new StringBuilder("\"");
      for (char c : v.toCharArray()) {
        if (c == '"' || c == '\\') b.append('\\').append(c);
        else if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
        else b.append(c);
      }
      return b.append('"').toString();
    }
  }
}
