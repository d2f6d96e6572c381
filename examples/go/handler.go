// WeChat non-tax payment notification handler: Go, standard library only.
//
// Implements the default profile "wxbizmsgcrypt" of docs/PROTOCOL.md §4:
//
//	POST <path>?wxnontaxstr=<nonce>&timestamp=<unix s>&msg_signature=<sha1 hex>
//	body {"appid": "...", "encrypt": "<base64 AES-256-CBC>"}
//
// and answers HTTP 200 JSON {"errcode", "errmsg"} (+ "data", "timestamp", "nonce", "msg_signature" on 0).
//
// Run:   NONTAX_TOKEN=... NONTAX_ENCODING_AES_KEY=... WECHAT_APPID=... PORT=8080 go run handler.go
// Prove: npm run check -- --target http://127.0.0.1:8080/notify   (same three variables set)
// PORT=0 picks a free port; the bound URL is printed as "listening on http://...".
package main

import (
	"bytes"
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"crypto/sha1"
	"crypto/subtle"
	"encoding/base64"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"os"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"
)

const (
	block     = 32        // PKCS#7 padding to 32-byte blocks (not AES's 16): pad byte 1..32
	bodyLimit = 64 * 1024 // real notifications are a few KiB
)

var (
	token, appid = os.Getenv("NONTAX_TOKEN"), os.Getenv("WECHAT_APPID")
	key, iv      []byte
)

// reject is an answer with its documented errcode (docs/PROTOCOL.md §4): 210, 298, 299 or 300.
type reject struct {
	errcode int
	errmsg  string
}

func main() {
	aesKey := os.Getenv("NONTAX_ENCODING_AES_KEY")
	if token == "" || appid == "" || !regexp.MustCompile(`^[A-Za-z0-9]{43}$`).MatchString(aesKey) {
		fmt.Fprintln(os.Stderr, "set NONTAX_TOKEN, WECHAT_APPID and NONTAX_ENCODING_AES_KEY (43 characters of A-Z a-z 0-9)")
		os.Exit(2)
	}
	key, _ = base64.StdEncoding.DecodeString(aesKey + "=") // 32 bytes
	iv = key[:16]
	host, port := getenv("HOST", "127.0.0.1"), getenv("PORT", "8080")
	ln, err := net.Listen("tcp", net.JoinHostPort(host, port))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	fmt.Printf("listening on http://%s/notify\n", ln.Addr())
	http.Serve(ln, http.HandlerFunc(serve))
}

func serve(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(io.LimitReader(r.Body, bodyLimit+1))
	io.Copy(io.Discard, r.Body) // drain, then answer
	var answer any
	switch {
	case err != nil:
		answer = reject{210, "data format error: could not read the body"}
	case r.Method != http.MethodPost:
		answer = reject{210, "data format error: POST only"}
	case len(body) > bodyLimit:
		answer = reject{210, "data format error: body too large"}
	default:
		answer = handle(r, body)
	}
	if rj, ok := answer.(reject); ok {
		answer = map[string]any{"errcode": rj.errcode, "errmsg": rj.errmsg}
	}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(answer)
}

func handle(r *http.Request, body []byte) any {
	if mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mt != "application/json" {
		return reject{210, "data format error: expected application/json"}
	}
	var envelope struct {
		Encrypt *string `json:"encrypt"`
	}
	if err := json.Unmarshal(body, &envelope); err != nil || envelope.Encrypt == nil || *envelope.Encrypt == "" {
		return reject{210, "data format error: body is not JSON with an encrypt field"}
	}
	encrypt := *envelope.Encrypt
	q := r.URL.Query()
	nonce, timestamp, signature := q.Get("wxnontaxstr"), q.Get("timestamp"), q.Get("msg_signature")
	if nonce == "" || timestamp == "" || signature == "" {
		return reject{300, "signature error: missing wxnontaxstr, timestamp or msg_signature"}
	}
	// Verify before decrypting, in constant time: an unsigned payload must not be acted on.
	if subtle.ConstantTimeCompare([]byte(sign(timestamp, nonce, encrypt)), []byte(signature)) != 1 {
		return reject{300, "signature error"}
	}
	msg, rj := decrypt(encrypt)
	if rj != nil {
		return *rj
	}
	var order map[string]any
	dec := json.NewDecoder(bytes.NewReader(msg))
	dec.UseNumber() // keep numbers as sent: status 3 stays 3, a long order_id keeps its digits
	if err := dec.Decode(&order); err != nil || dec.More() || order["order_id"] == nil || order["status"] == nil {
		return reject{210, "data format error: message is not JSON with order_id and status"}
	}
	if err := applyOnce(order["order_id"], order["status"]); err != nil {
		return reject{299, "system error"} // never 0 unless recorded
	}
	out, _ := json.Marshal(map[string]any{"order_id": order["order_id"], "status": order["status"]})
	data := encryptMsg(out)
	ts := strconv.FormatInt(time.Now().Unix(), 10)
	nonceOut := hex.EncodeToString(randomBytes(8))
	return map[string]any{"errcode": 0, "errmsg": "ok", "data": data, "timestamp": ts, "nonce": nonceOut, "msg_signature": sign(ts, nonceOut, data)}
}

// Idempotence: WeChat delivers again when it lost your answer. Here an in-memory set; in your
// service use your database's unique key on (order_id, status) and treat "already there" as done.
var (
	applied   = map[string]bool{}
	appliedMu sync.Mutex
)

func applyOnce(orderID, status any) error {
	id := fmt.Sprintf("%v:%v", orderID, status)
	appliedMu.Lock()
	defer appliedMu.Unlock()
	if applied[id] {
		fmt.Printf("already applied order_id=%v status=%v\n", orderID, status)
		return nil
	}
	applied[id] = true // your business logic goes here: mark the bill paid (3, 4) or refunded (5)
	fmt.Printf("applied order_id=%v status=%v\n", orderID, status)
	return nil
}

// sign is sha1 over the four strings sorted lexicographically, lower-case hex.
func sign(timestamp, nonce, encrypt string) string {
	parts := []string{token, timestamp, nonce, encrypt}
	sort.Strings(parts)
	sum := sha1.Sum([]byte(strings.Join(parts, "")))
	return hex.EncodeToString(sum[:])
}

func encryptMsg(msg []byte) string {
	var plain bytes.Buffer
	plain.Write(randomBytes(16))
	binary.Write(&plain, binary.BigEndian, uint32(len(msg)))
	plain.Write(msg)
	plain.WriteString(appid)
	pad := block - plain.Len()%block
	plain.Write(bytes.Repeat([]byte{byte(pad)}, pad))
	b, _ := aes.NewCipher(key)
	out := make([]byte, plain.Len())
	cipher.NewCBCEncrypter(b, iv).CryptBlocks(out, plain.Bytes())
	return base64.StdEncoding.EncodeToString(out)
}

func decrypt(b64 string) ([]byte, *reject) {
	data, err := base64.StdEncoding.DecodeString(b64) // strict: rejects characters outside the alphabet
	if err != nil {
		return nil, &reject{298, "decryption failed: not base64"}
	}
	if len(data) == 0 || len(data)%aes.BlockSize != 0 {
		return nil, &reject{298, "decryption failed: length not a multiple of 16"}
	}
	b, _ := aes.NewCipher(key)
	plain := make([]byte, len(data))
	cipher.NewCBCDecrypter(b, iv).CryptBlocks(plain, data) // no padding removed: done by hand below
	pad := int(plain[len(plain)-1])
	if pad < 1 || pad > block {
		return nil, &reject{298, "decryption failed: bad padding"}
	}
	content := plain[:len(plain)-pad]
	if len(content) < 20 {
		return nil, &reject{298, "decryption failed: too short"}
	}
	n := uint64(binary.BigEndian.Uint32(content[16:20])) // UTF-8 bytes, not characters
	if n > uint64(len(content)-20) {
		return nil, &reject{298, "decryption failed: bad length"}
	}
	if subtle.ConstantTimeCompare(content[20+n:], []byte(appid)) != 1 {
		return nil, &reject{298, "decryption failed: appid mismatch"}
	}
	msg := content[20 : 20+n]
	if !utf8.Valid(msg) { // encoding/json would silently replace invalid UTF-8
		return nil, &reject{210, "data format error: message is not UTF-8"}
	}
	return msg, nil
}

func randomBytes(n int) []byte {
	b := make([]byte, n)
	rand.Read(b)
	return b
}

func getenv(name, fallback string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return fallback
}
