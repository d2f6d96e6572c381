// src/capture/file-store.ts
import { mkdir, unlink } from "node:fs/promises";
import { join as join4 } from "node:path";

// src/capture/day-file-writer.ts
import { open, stat } from "node:fs/promises";
import { join } from "node:path";
var datasync = (fh) => fh.datasync();
var CaptureWriteError = class extends Error {
  name = "CaptureWriteError";
  code;
  path;
  constructor(path, cause) {
    const c = cause;
    super(`writing ${path} failed: ${c?.message ?? String(cause)}`, { cause });
    this.code = c?.code;
    this.path = path;
  }
};
function createDayFileWriter(dir, sync) {
  const handles = /* @__PURE__ */ new Map();
  const openFile = async (file) => {
    const path = join(dir, file);
    const size = await stat(path).then((s) => s.size, () => -1);
    const fh = await open(path, "a+", 384);
    try {
      if (size < 0) await syncDir(dir);
      const needsNewline = size > 0 && !await endsWithNewline(fh, size);
      return { fh, needsNewline, size: Math.max(0, size) };
    } catch (err) {
      await fh.close().catch(() => {
      });
      throw err;
    }
  };
  const handleFor = async (file) => {
    const have = handles.get(file);
    if (have) return have;
    for (const [name, o2] of handles) {
      handles.delete(name);
      await o2.fh.close().catch(() => {
      });
    }
    const o = await openFile(file);
    handles.set(file, o);
    return o;
  };
  return {
    async write(file, data) {
      let o;
      try {
        o = await handleFor(file);
        if (o.needsNewline) {
          await writeAll(o.fh, Buffer.from("\n"));
          o.size++;
          o.needsNewline = false;
        }
        const offset = o.size;
        await writeAll(o.fh, data);
        o.size += data.length;
        await sync(o.fh);
        return offset;
      } catch (err) {
        handles.delete(file);
        await o?.fh.close().catch(() => {
        });
        throw new CaptureWriteError(join(dir, file), err);
      }
    },
    async close() {
      const all = [...handles.values()];
      handles.clear();
      await Promise.all(all.map((o) => o.fh.close().catch(() => {
      })));
    }
  };
}
async function writeAll(fh, data) {
  let off = 0;
  while (off < data.length) {
    const { bytesWritten } = await fh.write(data, off, data.length - off);
    off += bytesWritten;
  }
}
async function endsWithNewline(fh, size) {
  const buf = Buffer.alloc(1);
  await fh.read(buf, 0, 1, size - 1);
  return buf[0] === 10;
}
async function syncDir(dir) {
  let d;
  try {
    d = await open(dir, "r");
    await d.sync();
  } catch (err) {
    if (!["EISDIR", "EINVAL", "EPERM", "ENOTSUP"].includes(err.code ?? "")) throw err;
  } finally {
    await d?.close().catch(() => {
    });
  }
}

// src/capture/group-commit.ts
var MAX_BATCH_ITEMS = 1e3;
function newBatch() {
  let resolve;
  let reject;
  const done = new Promise((res, rej) => {
    resolve = res;
    reject = rej;
  });
  done.catch(() => {
  });
  return { items: [], done, resolve, reject };
}
function createGroupCommitter(commit) {
  const queue = [];
  let running;
  const loop = async () => {
    await null;
    for (let batch = queue.shift(); batch; batch = queue.shift()) {
      try {
        await commit(batch.items);
        batch.resolve();
      } catch (err) {
        batch.reject(err instanceof Error ? err : new Error(String(err)));
      }
    }
  };
  const kick = () => {
    if (running) return;
    running = loop().finally(() => {
      running = void 0;
      if (queue.length > 0) kick();
    });
  };
  return {
    submit(item) {
      let open3 = queue[queue.length - 1];
      if (!open3 || open3.items.length >= MAX_BATCH_ITEMS) queue.push(open3 = newBatch());
      open3.items.push(item);
      kick();
      return open3.done;
    },
    async drain() {
      while (running) await running;
    }
  };
}

// src/capture/order-index.ts
function orderKey(orderId, status) {
  return `${orderId}\0${status}`;
}
function createOrderIndex(max) {
  const orders = /* @__PURE__ */ new Map();
  return {
    note(orderId, status, id) {
      const key = orderKey(orderId, status);
      if (orders.has(key)) return () => {
      };
      orders.set(key, id);
      while (orders.size > max) orders.delete(orders.keys().next().value);
      return () => {
        if (orders.get(key) === id) orders.delete(key);
      };
    },
    find(orderId, status) {
      return orders.get(orderKey(orderId, status));
    },
    forget(ids) {
      for (const [k, id] of orders) if (ids.has(id)) orders.delete(k);
    }
  };
}
function orderOf(r) {
  const p = r.inspection?.payload;
  if (p?.order_id === void 0 || r.answer.body.errcode !== 0) return void 0;
  return [String(p.order_id), String(p.status)];
}

// src/capture/memory-store.ts
function matches(r, f) {
  if (f.sinceMs !== void 0 && Date.parse(r.receivedAt) < f.sinceMs) return false;
  if (f.errcode !== void 0 && r.answer.body.errcode !== f.errcode) return false;
  if (f.orderId !== void 0 && r.inspection.payload?.order_id !== f.orderId) return false;
  return true;
}
function applyFilter(records, f = {}) {
  const out = [];
  for (const r of records) if (matches(r, f)) out.push(r);
  out.reverse().sort((a, b) => a.receivedAt < b.receivedAt ? 1 : a.receivedAt > b.receivedAt ? -1 : 0);
  return f.limit === void 0 ? out : out.slice(0, f.limit);
}
function createMemoryStore(max = 1e3) {
  const records = /* @__PURE__ */ new Map();
  const orders = createOrderIndex(max * 4);
  return {
    async append(r) {
      records.set(r.id, r);
      const order = orderOf(r);
      if (order) orders.note(order[0], order[1], r.id);
      while (records.size > max) records.delete(records.keys().next().value);
    },
    async list(f) {
      return applyFilter(records.values(), f);
    },
    async get(id) {
      return records.get(id);
    },
    findOrder(orderId, status) {
      return orders.find(orderId, status);
    },
    async close() {
    }
  };
}

// src/capture/record-refs.ts
import { open as open2 } from "node:fs/promises";
import { join as join3 } from "node:path";

// src/capture/ndjson-files.ts
import { createReadStream } from "node:fs";
import { readdir } from "node:fs/promises";
import { join as join2 } from "node:path";

// src/capture/record-line.ts
function serializeRecord(r) {
  return JSON.stringify(compact(r));
}
function compact(r) {
  const env = r.inspection.envelope;
  const cipher = env?.encrypt;
  if (!env || !cipher || r.body.encoding !== "utf8") return r;
  const start = r.body.text.indexOf(cipher);
  if (start < 0) return r;
  const shared = { encrypt: [start, start + cipher.length] };
  const inspection = { ...r.inspection, envelope: { ...env, encrypt: "" } };
  const sig = r.inspection.signature;
  const at = sig?.parts?.indexOf(cipher) ?? -1;
  if (sig?.parts && at >= 0) {
    const parts = sig.parts.slice();
    parts[at] = "";
    shared.partsAt = at;
    const hashedJoined = sig.hashed === sig.parts.join("");
    if (hashedJoined) shared.hashedJoined = true;
    inspection.signature = { ...sig, parts, ...hashedJoined ? { hashed: void 0 } : {} };
  }
  return { ...r, inspection, shared };
}
function expandRecord(v) {
  const shared = v.shared;
  if (!shared) return v;
  delete v.shared;
  const env = v.inspection?.envelope;
  if (!env || v.body?.encoding !== "utf8") return v;
  const cipher = v.body.text.slice(shared.encrypt[0], shared.encrypt[1]);
  env.encrypt = cipher;
  const sig = v.inspection.signature;
  if (sig?.parts && shared.partsAt !== void 0) {
    sig.parts[shared.partsAt] = cipher;
    if (shared.hashedJoined) sig.hashed = sig.parts.join("");
  }
  return v;
}

// src/capture/ndjson-files.ts
var DAY_FILE_RE = /^captures-(\d{4}-\d{2}-\d{2})\.ndjson$/;
var DAY_MS = 864e5;
function dayFileName(receivedAt, fallbackMs) {
  const ms = Date.parse(receivedAt);
  const day = new Date(Number.isFinite(ms) ? ms : fallbackMs).toISOString().slice(0, 10);
  return `captures-${day}.ndjson`;
}
function dayRange(fileName) {
  const day = DAY_FILE_RE.exec(fileName)?.[1] ?? "1970-01-01";
  const startMs = Date.parse(`${day}T00:00:00.000Z`);
  return { startMs, endMs: startMs + DAY_MS };
}
async function listDayFiles(dir) {
  try {
    return (await readdir(dir)).filter((n) => DAY_FILE_RE.test(n)).sort();
  } catch (err) {
    if (err.code === "ENOENT") return [];
    throw err;
  }
}
async function* readLines(path) {
  let carry = [];
  let line = 0;
  let offset = 0;
  const emit = (terminated) => {
    const buf = Buffer.concat(carry);
    carry = [];
    const at = offset;
    offset += buf.length + (terminated ? 1 : 0);
    return { text: buf.toString("utf8"), line: ++line, bytes: buf.length, offset: at, terminated };
  };
  for await (const chunk of createReadStream(path)) {
    let start = 0;
    for (let nl = chunk.indexOf(10, start); nl !== -1; nl = chunk.indexOf(10, start)) {
      carry.push(chunk.subarray(start, nl));
      yield emit(true);
      start = nl + 1;
    }
    if (start < chunk.length) carry.push(chunk.subarray(start));
  }
  if (carry.length > 0) yield emit(false);
}
function parseRecordLine(text) {
  let v;
  try {
    v = JSON.parse(text);
  } catch {
    return void 0;
  }
  if (typeof v !== "object" || v === null) return void 0;
  const r = v;
  if (typeof r.id !== "string" || typeof r.receivedAt !== "string" || typeof r.answer?.body?.errcode !== "number") return void 0;
  return expandRecord(r);
}
async function* scanRecords(dir, file) {
  try {
    for await (const l of readLines(join2(dir, file))) {
      if (l.text.trim() === "") continue;
      const record = parseRecordLine(l.text);
      if (record) yield { record, offset: l.offset, bytes: l.bytes };
      else yield { skipped: { file, line: l.line, bytes: l.bytes, why: l.terminated ? "unparseable" : "unterminated" } };
    }
  } catch (err) {
    if (err.code !== "ENOENT") throw err;
  }
}

// src/capture/record-refs.ts
function refOf(r, file, offset, bytes) {
  return { id: r.id, file, offset, bytes, receivedAt: r.receivedAt, errcode: r.answer.body.errcode, orderId: r.inspection?.payload?.order_id };
}
function selectRefs(refs, f = {}) {
  const out = [];
  for (const r of refs) {
    if (f.sinceMs !== void 0 && Date.parse(r.receivedAt) < f.sinceMs) continue;
    if (f.errcode !== void 0 && r.errcode !== f.errcode) continue;
    if (f.orderId !== void 0 && r.orderId !== f.orderId) continue;
    out.push(r);
  }
  out.reverse().sort((a, b) => a.receivedAt < b.receivedAt ? 1 : a.receivedAt > b.receivedAt ? -1 : 0);
  return f.limit === void 0 ? out : out.slice(0, f.limit);
}
async function readRefs(dir, refs) {
  const out = [];
  const files = /* @__PURE__ */ new Map();
  try {
    for (const ref of refs) {
      if (!files.has(ref.file)) files.set(ref.file, await open2(join3(dir, ref.file), "r").catch(() => void 0));
      const fh = files.get(ref.file);
      if (!fh) {
        out.push(void 0);
        continue;
      }
      const buf = Buffer.allocUnsafe(ref.bytes);
      const { bytesRead } = await fh.read(buf, 0, ref.bytes, ref.offset);
      const r = bytesRead === ref.bytes ? parseRecordLine(buf.toString("utf8")) : void 0;
      out.push(r?.id === ref.id ? r : void 0);
    }
  } finally {
    await Promise.all([...files.values()].map((fh) => fh?.close().catch(() => {
    })));
  }
  return out;
}

// src/capture/file-store.ts
var MAX_SKIPPED_LISTED = 100;
var ORDER_INDEX_FACTOR = 4;
async function createFileStore(o) {
  const now = o.now ?? Date.now;
  const dir = o.dir;
  const max = Math.max(1, o.maxInMemory);
  try {
    if (!o.readOnly) await mkdir(dir, { recursive: true, mode: 448 });
  } catch (err) {
    throw new Error(`CAPTURE_DIR "${dir}" cannot be created (${err.message}): point CAPTURE_DIR at a writable directory`);
  }
  const recent = /* @__PURE__ */ new Map();
  const orders = createOrderIndex(max * ORDER_INDEX_FACTOR);
  const stats = { records: 0, skippedPartial: 0, skipped: [], files: 0 };
  const remember = (ref) => {
    recent.delete(ref.id);
    recent.set(ref.id, ref);
    while (recent.size > max) recent.delete(recent.keys().next().value);
  };
  const indexOrder = (r) => {
    const order = orderOf(r);
    return order ? orders.note(order[0], order[1], r.id) : NO_UNDO;
  };
  const files = await listDayFiles(dir);
  stats.files = files.length;
  for (const file of files) {
    for await (const item of scanRecords(dir, file)) {
      if ("record" in item) {
        stats.records++;
        remember(refOf(item.record, file, item.offset, item.bytes));
        indexOrder(item.record);
      } else {
        stats.skippedPartial++;
        if (stats.skipped.length < MAX_SKIPPED_LISTED) stats.skipped.push(item.skipped);
      }
    }
  }
  if (stats.skippedPartial > 0) {
    o.log?.warn(
      { captureDir: dir, skipped: stats.skipped.slice(0, 5) },
      `skipped ${stats.skippedPartial} partial capture record(s) in ${dir} (a crash mid-write tears the last line); every complete record was read`
    );
  }
  const writer = createDayFileWriter(dir, o.sync ?? datasync);
  const committer = createGroupCommitter(async (batch) => {
    try {
      for (const [file, items] of byFile(batch)) await commitFile(file, items);
    } catch (err) {
      for (const p of batch) p.undo();
      throw err;
    }
  });
  const commitFile = async (file, items) => {
    const { data, spans } = encodeLines(items);
    const base = await writer.write(file, data);
    for (let i = 0; i < items.length; i++) {
      remember(refOf(items[i].record, file, base + spans[2 * i], spans[2 * i + 1]));
      stats.records++;
    }
  };
  let closed = false;
  const scanNewestFirst = async function* () {
    for (const file of (await listDayFiles(dir)).reverse()) {
      const records = [];
      for await (const item of scanRecords(dir, file)) if ("record" in item) records.push(item.record);
      yield { file, records };
    }
  };
  const scanList = async (f) => {
    const chunks = [];
    let found = 0;
    for await (const { file, records } of scanNewestFirst()) {
      if (f.sinceMs !== void 0 && dayRange(file).endMs <= f.sinceMs) break;
      const hits = records.filter((r) => matches(r, f));
      chunks.push(hits);
      found += hits.length;
      if (f.limit !== void 0 && found >= f.limit) break;
    }
    return applyFilter(chunks.reverse().flat(), f);
  };
  const scanGet = async (id) => {
    for await (const { records } of scanNewestFirst()) {
      const r = records.find((x) => x.id === id);
      if (r) return r;
    }
    return void 0;
  };
  return {
    dir,
    stats,
    append(r, line) {
      if (closed) return Promise.reject(new Error("the capture store is closed (the receiver is shutting down)"));
      if (o.readOnly) return Promise.reject(new Error(`the capture store in ${dir} was opened read-only`));
      const undo = indexOrder(r);
      return committer.submit({ file: dayFileName(r.receivedAt, now()), line: line ?? serializeRecord(r), record: r, undo });
    },
    async list(f = {}) {
      const inMemory = selectRefs(recent.values(), { ...f, limit: void 0 });
      const oldest = recent.values().next().value;
      const complete = stats.records <= recent.size || f.limit !== void 0 && inMemory.length >= f.limit || f.sinceMs !== void 0 && oldest !== void 0 && Date.parse(oldest.receivedAt) < f.sinceMs;
      if (!complete) return scanList(f);
      const refs = f.limit === void 0 ? inMemory : inMemory.slice(0, f.limit);
      const records = await readRefs(dir, refs);
      return records.every((r) => r !== void 0) ? records : scanList(f);
    },
    async get(id) {
      const ref = recent.get(id);
      const [hit] = ref ? await readRefs(dir, [ref]) : [];
      return hit ?? scanGet(id);
    },
    findOrder(orderId, status) {
      return orders.find(orderId, status);
    },
    async prune(olderThanMs) {
      if (!(olderThanMs >= 0)) throw new RangeError(`prune needs a non-negative age (got ${olderThanMs})`);
      const cutoffMs = now() - olderThanMs;
      const today = dayFileName("", now());
      const result = { cutoff: new Date(cutoffMs).toISOString(), removed: [], records: 0 };
      for (const file of await listDayFiles(dir)) {
        if (file === today || dayRange(file).endMs > cutoffMs) continue;
        const ids = /* @__PURE__ */ new Set();
        for await (const item of scanRecords(dir, file)) if ("record" in item) ids.add(item.record.id);
        await unlink(join4(dir, file)).catch((err) => {
          if (err.code !== "ENOENT") throw err;
        });
        for (const id of ids) recent.delete(id);
        orders.forget(ids);
        result.removed.push({ file, records: ids.size });
        result.records += ids.size;
      }
      stats.records = Math.max(0, stats.records - result.records);
      return result;
    },
    async close() {
      closed = true;
      await committer.drain();
      await writer.close();
    }
  };
}
var NO_UNDO = () => {
};
function encodeLines(items) {
  const spans = [];
  let size = 0;
  for (const p of items) {
    const n = Buffer.byteLength(p.line, "utf8");
    spans.push(size, n);
    size += n + 1;
  }
  const data = Buffer.allocUnsafe(size);
  for (let i = 0; i < items.length; i++) {
    const at = spans[2 * i];
    data.write(items[i].line, at, "utf8");
    data[at + spans[2 * i + 1]] = 10;
  }
  return { data, spans };
}
function byFile(batch) {
  const out = /* @__PURE__ */ new Map();
  for (const p of batch) {
    const items = out.get(p.file);
    if (items) items.push(p);
    else out.set(p.file, [p]);
  }
  return out;
}

// src/capture/body.ts
import { createHash } from "node:crypto";
var utf8 = new TextDecoder("utf-8", { fatal: true });
function recordBody(raw) {
  let encoding = "utf8";
  let text;
  try {
    text = utf8.decode(raw);
  } catch {
    encoding = "base64";
    text = raw.toString("base64");
  }
  return { encoding, text, bytes: raw.length, sha256: createHash("sha256").update(raw).digest("hex") };
}
function bodyBytes(b) {
  return Buffer.from(b.text, b.encoding);
}

export {
  recordBody,
  bodyBytes,
  createMemoryStore,
  serializeRecord,
  dayFileName,
  dayRange,
  listDayFiles,
  scanRecords,
  createFileStore
};
