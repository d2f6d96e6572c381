<?php
// WeChat non-tax payment notification handler: PHP 8 with the openssl extension.
//
// Implements the default profile "wxbizmsgcrypt" of docs/PROTOCOL.md §4:
//   POST <path>?wxnontaxstr=<nonce>&timestamp=<unix s>&msg_signature=<sha1 hex>
//   body {"appid": "...", "encrypt": "<base64 AES-256-CBC>"}
// and answers HTTP 200 JSON {"errcode", "errmsg"} (+ "data", "timestamp", "nonce", "msg_signature" on 0).
//
// Run:   NONTAX_TOKEN=... NONTAX_ENCODING_AES_KEY=... WECHAT_APPID=... php -S 127.0.0.1:8080 handler.php
//        (port 0 picks a free port; PHP prints it: "Development Server (http://127.0.0.1:NNNNN) started")
// Prove: npm run check -- --target http://127.0.0.1:8080/notify   (same three variables set)
// Behind php-fpm/nginx the same file works as the script of the notification URL.

const BLOCK = 32;            // PKCS#7 padding to 32-byte blocks (not AES's 16): pad byte 1..32
const BODY_LIMIT = 65536;    // real notifications are a few KiB

/** A rejection with its documented errcode (docs/PROTOCOL.md §4): 210, 298, 299 or 300. */
class Reject extends Exception {}

function config(): array {
    $token = (string) getenv('NONTAX_TOKEN');
    $aesKey = (string) getenv('NONTAX_ENCODING_AES_KEY');
    $appid = (string) getenv('WECHAT_APPID');
    if ($token === '' || $appid === '' || !preg_match('/^[A-Za-z0-9]{43}$/', $aesKey)) {
        throw new RuntimeException('set NONTAX_TOKEN, WECHAT_APPID and NONTAX_ENCODING_AES_KEY (43 characters of A-Z a-z 0-9)');
    }
    $key = base64_decode($aesKey . '=');  // 32 bytes; iv = its first 16
    return ['token' => $token, 'appid' => $appid, 'key' => $key, 'iv' => substr($key, 0, 16)];
}

/** sha1 over the four strings sorted lexicographically, lower-case hex. */
function sign(array $c, string $timestamp, string $nonce, string $encrypt): string {
    $parts = [$c['token'], $timestamp, $nonce, $encrypt];
    sort($parts, SORT_STRING);  // SORT_STRING: PHP's default sort compares numeric strings as numbers
    return sha1(implode('', $parts));
}

function encrypt_msg(array $c, string $msg): string {
    $plain = random_bytes(16) . pack('N', strlen($msg)) . $msg . $c['appid'];  // N = uint32 big-endian
    $pad = BLOCK - strlen($plain) % BLOCK;
    $plain .= str_repeat(chr($pad), $pad);
    // OPENSSL_ZERO_PADDING means "no padding" here: the 32-byte padding is done by hand.
    return base64_encode(openssl_encrypt($plain, 'aes-256-cbc', $c['key'], OPENSSL_RAW_DATA | OPENSSL_ZERO_PADDING, $c['iv']));
}

function decrypt_msg(array $c, string $b64): string {
    $data = base64_decode($b64, true);  // strict: false on characters outside the alphabet
    if ($data === false) throw new Reject('decryption failed: not base64', 298);
    if ($data === '' || strlen($data) % 16 !== 0) throw new Reject('decryption failed: length not a multiple of 16', 298);
    $plain = openssl_decrypt($data, 'aes-256-cbc', $c['key'], OPENSSL_RAW_DATA | OPENSSL_ZERO_PADDING, $c['iv']);
    if ($plain === false) throw new Reject('decryption failed', 298);
    $pad = ord($plain[strlen($plain) - 1]);
    if ($pad < 1 || $pad > BLOCK) throw new Reject('decryption failed: bad padding', 298);
    $content = substr($plain, 0, -$pad);
    if (strlen($content) < 20) throw new Reject('decryption failed: too short', 298);
    $len = unpack('N', substr($content, 16, 4))[1];  // UTF-8 bytes, not characters
    if ($len > strlen($content) - 20) throw new Reject('decryption failed: bad length', 298);
    if (!hash_equals($c['appid'], substr($content, 20 + $len))) throw new Reject('decryption failed: appid mismatch', 298);
    return substr($content, 20, $len);
}

// Idempotence: WeChat delivers again when it lost your answer. PHP keeps no memory between
// requests, so this creates one marker file per order_id + status ('x' fails if it exists). In your
// service use your database's unique key on (order_id, status) and treat "already there" as done.
function apply_once($orderId, $status): void {
    $dir = getenv('NONTAX_APPLIED_DIR') ?: sys_get_temp_dir();
    $marker = $dir . '/nontax-applied-' . sha1(json_encode([$orderId, $status]));
    $f = @fopen($marker, 'x');
    if ($f === false) {
        if (!file_exists($marker)) throw new RuntimeException("cannot record $marker");
        file_put_contents('php://stderr', "already applied order_id=$orderId status=$status\n");
        return;
    }
    fclose($f);  // your business logic goes here: mark the bill paid (3, 4) or refunded (5)
    file_put_contents('php://stderr', "applied order_id=$orderId status=$status\n");
}

function handle(array $c, array $query, string $contentType, string $body): array {
    if (stripos($contentType, 'application/json') !== 0) throw new Reject('data format error: expected application/json', 210);
    $envelope = json_decode($body, true);
    if (!is_array($envelope) || !is_string($envelope['encrypt'] ?? null) || $envelope['encrypt'] === '') {
        throw new Reject('data format error: body is not JSON with an encrypt field', 210);
    }
    $encrypt = $envelope['encrypt'];
    $nonce = $query['wxnontaxstr'] ?? '';
    $timestamp = $query['timestamp'] ?? '';
    $signature = $query['msg_signature'] ?? '';
    if (!is_string($nonce) || !is_string($timestamp) || !is_string($signature) || $nonce === '' || $timestamp === '' || $signature === '') {
        throw new Reject('signature error: missing wxnontaxstr, timestamp or msg_signature', 300);
    }
    // Verify before decrypting, in constant time: an unsigned payload must not be acted on.
    if (!hash_equals(sign($c, $timestamp, $nonce, $encrypt), $signature)) throw new Reject('signature error', 300);
    $msg = decrypt_msg($c, $encrypt);
    $order = json_decode($msg, true);  // null on invalid UTF-8 as well as on invalid JSON
    if (!is_array($order) || !isset($order['order_id'], $order['status'])) throw new Reject('data format error: message is not JSON with order_id and status', 210);
    try {
        apply_once($order['order_id'], $order['status']);
    } catch (Throwable $e) {
        throw new Reject('system error', 299);  // never 0 unless recorded
    }
    $data = encrypt_msg($c, json_encode(['order_id' => $order['order_id'], 'status' => $order['status']], JSON_UNESCAPED_UNICODE));
    $ts = (string) time();
    $nonceOut = bin2hex(random_bytes(8));
    return ['errcode' => 0, 'errmsg' => 'ok', 'data' => $data, 'timestamp' => $ts, 'nonce' => $nonceOut, 'msg_signature' => sign($c, $ts, $nonceOut, $data)];
}

try {
    if ($_SERVER['REQUEST_METHOD'] !== 'POST') throw new Reject('data format error: POST only', 210);
    $body = (string) file_get_contents('php://input', false, null, 0, BODY_LIMIT + 1);
    if (strlen($body) > BODY_LIMIT) throw new Reject('data format error: body too large', 210);
    $answer = handle(config(), $_GET, $_SERVER['CONTENT_TYPE'] ?? '', $body);
} catch (Reject $r) {
    $answer = ['errcode' => $r->getCode(), 'errmsg' => $r->getMessage()];
} catch (Throwable $e) {  // a bug or a missing variable must still get a documented answer
    file_put_contents('php://stderr', 'error: ' . $e->getMessage() . "\n");
    $answer = ['errcode' => 299, 'errmsg' => 'system error'];
}
header('Content-Type: application/json');
echo json_encode($answer);
