"""WeChat non-tax payment notification handler: Python 3, `cryptography` + http.server.

Implements the default profile "wxbizmsgcrypt" of docs/PROTOCOL.md §4:
  POST <path>?wxnontaxstr=<nonce>&timestamp=<unix s>&msg_signature=<sha1 hex>
  body {"appid": "...", "encrypt": "<base64 AES-256-CBC>"}
and answers HTTP 200 JSON {"errcode", "errmsg"} (+ "data", "timestamp", "nonce", "msg_signature" on 0).

Run:   NONTAX_TOKEN=... NONTAX_ENCODING_AES_KEY=... WECHAT_APPID=... PORT=8080 python3 handler.py
       (needs the `cryptography` package: pip install cryptography, or apt-get install python3-cryptography)
Prove: npm run check -- --target http://127.0.0.1:8080/notify   (same three variables set)
PORT=0 picks a free port; the bound URL is printed as "listening on http://...".
"""
import base64
import binascii
import hashlib
import hmac
import json
import os
import re
import secrets
import struct
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

TOKEN = os.environ.get("NONTAX_TOKEN", "")
AES_KEY = os.environ.get("NONTAX_ENCODING_AES_KEY", "")
APPID = os.environ.get("WECHAT_APPID", "")
BLOCK = 32  # PKCS#7 padding to 32-byte blocks (not AES's 16): pad byte 1..32
BODY_LIMIT = 64 * 1024  # real notifications are a few KiB

if not TOKEN or not APPID or not re.fullmatch(r"[A-Za-z0-9]{43}", AES_KEY):
    sys.exit("set NONTAX_TOKEN, WECHAT_APPID and NONTAX_ENCODING_AES_KEY (43 characters of A-Z a-z 0-9)")
KEY = base64.b64decode(AES_KEY + "=")  # 32 bytes
IV = KEY[:16]


class Reject(Exception):
    """A rejection with its documented errcode (docs/PROTOCOL.md §4): 210, 298, 299 or 300."""

    def __init__(self, errcode, errmsg):
        super().__init__(errmsg)
        self.errcode, self.errmsg = errcode, errmsg


def sign(timestamp, nonce, encrypt):
    """sha1 over the four strings sorted lexicographically, lower-case hex."""
    return hashlib.sha1("".join(sorted([TOKEN, timestamp, nonce, encrypt])).encode()).hexdigest()


def encrypt(msg: bytes) -> str:
    plain = secrets.token_bytes(16) + struct.pack(">I", len(msg)) + msg + APPID.encode()
    pad = BLOCK - len(plain) % BLOCK
    enc = Cipher(algorithms.AES(KEY), modes.CBC(IV)).encryptor()
    return base64.b64encode(enc.update(plain + bytes([pad]) * pad) + enc.finalize()).decode()


def decrypt(b64: str) -> bytes:
    try:
        data = base64.b64decode(b64, validate=True)  # without validate, bad characters are skipped
    except binascii.Error:
        raise Reject(298, "decryption failed: not base64")
    if not data or len(data) % 16:
        raise Reject(298, "decryption failed: length not a multiple of 16")
    dec = Cipher(algorithms.AES(KEY), modes.CBC(IV)).decryptor()  # no padding removed: done by hand
    plain = dec.update(data) + dec.finalize()
    pad = plain[-1]
    if not 1 <= pad <= BLOCK:
        raise Reject(298, "decryption failed: bad padding")
    content = plain[:-pad]
    if len(content) < 20:
        raise Reject(298, "decryption failed: too short")
    (length,) = struct.unpack(">I", content[16:20])  # UTF-8 bytes, not characters
    if length > len(content) - 20:
        raise Reject(298, "decryption failed: bad length")
    if not hmac.compare_digest(content[20 + length:], APPID.encode()):
        raise Reject(298, "decryption failed: appid mismatch")
    return content[20:20 + length]


# Idempotence: WeChat delivers again when it lost your answer. Here an in-memory set; in your
# service use your database's unique key on (order_id, status) and treat "already there" as done.
applied = set()
applied_lock = threading.Lock()


def apply_once(order_id, status):
    with applied_lock:
        if (order_id, status) in applied:
            print(f"already applied order_id={order_id} status={status}", flush=True)
            return
        applied.add((order_id, status))  # your business logic: mark the bill paid (3, 4) or refunded (5)
        print(f"applied order_id={order_id} status={status}", flush=True)


def handle(query, content_type, body):
    if not content_type.lower().startswith("application/json"):
        raise Reject(210, "data format error: expected application/json")
    try:
        envelope = json.loads(body.decode("utf-8"))
    except ValueError:  # also covers UnicodeDecodeError
        raise Reject(210, "data format error: body is not JSON")
    enc = envelope.get("encrypt") if isinstance(envelope, dict) else None
    if not isinstance(enc, str) or not enc:
        raise Reject(210, "data format error: no encrypt")
    nonce, timestamp, signature = (query.get(k, [""])[0] for k in ("wxnontaxstr", "timestamp", "msg_signature"))
    if not nonce or not timestamp or not signature:
        raise Reject(300, "signature error: missing wxnontaxstr, timestamp or msg_signature")
    # Verify before decrypting, in constant time: an unsigned payload must not be acted on.
    if not hmac.compare_digest(sign(timestamp, nonce, enc).encode(), signature.encode()):
        raise Reject(300, "signature error")
    try:
        order = json.loads(decrypt(enc).decode("utf-8"))
    except ValueError:
        raise Reject(210, "data format error: message is not UTF-8 JSON")
    if not isinstance(order, dict) or order.get("order_id") is None or order.get("status") is None:
        raise Reject(210, "data format error: no order_id or status")
    try:
        apply_once(order["order_id"], order["status"])
    except Exception:
        raise Reject(299, "system error")  # never 0 unless recorded
    data = encrypt(json.dumps({"order_id": order["order_id"], "status": order["status"]}, ensure_ascii=False).encode())
    ts, nonce_out = str(int(time.time())), secrets.token_hex(8)
    return {"errcode": 0, "errmsg": "ok", "data": data, "timestamp": ts, "nonce": nonce_out, "msg_signature": sign(ts, nonce_out, data)}


class Handler(BaseHTTPRequestHandler):
    def do_POST(self):
        length = self.headers.get("Content-Length") or "0"
        size = int(length) if length.isdigit() else 0  # no or bad length: read nothing, answer 210
        body = self.rfile.read(min(size, BODY_LIMIT + 1))
        remaining = size - len(body)
        while remaining > 0:  # drain the rest of an oversized body, then answer
            chunk = self.rfile.read(min(65536, remaining))
            if not chunk:
                break
            remaining -= len(chunk)
        try:
            if size > BODY_LIMIT:
                raise Reject(210, "data format error: body too large")
            answer = handle(parse_qs(urlsplit(self.path).query), self.headers.get("Content-Type", ""), body)
        except Reject as r:
            answer = {"errcode": r.errcode, "errmsg": r.errmsg}
        except Exception as e:  # a bug here must still get a documented answer
            print(f"error: {e!r}", file=sys.stderr, flush=True)
            answer = {"errcode": 299, "errmsg": "system error"}
        out = json.dumps(answer).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(out)))
        self.end_headers()
        self.wfile.write(out)

    def log_message(self, *args):  # keep stdout for the application's own lines
        pass


if __name__ == "__main__":
    host, port = os.environ.get("HOST", "127.0.0.1"), int(os.environ.get("PORT", "8080"))
    server = ThreadingHTTPServer((host, port), Handler)
    print(f"listening on http://{host}:{server.server_address[1]}/notify", flush=True)
    server.serve_forever()
