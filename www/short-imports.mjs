// Shortens the names of the wasm module's imports from the JS glue, a post-build step between
// wasm-bindgen and wasm-opt. wasm-bindgen names every import after the Rust/JS function and a hash
// (`__wbg_addEventListener_847fd86b8c33ec43`, 113 of them, each written in the wasm's import
// section and again in the glue's import object); they are replaced by `a`, `b`, … `ba`, … in both
// files. Measured (docs/performance.md): 2.6 KB brotli less for the widget. Nothing else changes:
// the import module, the kinds and types stay, so the glue and the wasm still fit each other — the
// browser tests run on the result.
//
// Usage: node www/short-imports.mjs WASM GLUE_JS   (both rewritten in place)
// Fails (exit 1) if a name is not found exactly once in the glue: a wasm-bindgen upgrade that
// changes the glue's shape must stop the build, not ship a wasm whose imports do not resolve.

import { readFileSync, writeFileSync } from "node:fs";

const [wasmPath, gluePath] = process.argv.slice(2);
if (!wasmPath || !gluePath) {
    console.error("usage: node www/short-imports.mjs WASM GLUE_JS");
    process.exit(2);
}

const wasm = readFileSync(wasmPath);
let glue = readFileSync(gluePath, "utf8");

function readLeb(buf, at) {
    let value = 0, shift = 0, byte;
    do {
        byte = buf[at++];
        value += (byte & 0x7f) * 2 ** shift;
        shift += 7;
    } while (byte & 0x80);
    return [value, at];
}

function leb(value) {
    const out = [];
    do {
        let byte = value & 0x7f;
        value = Math.floor(value / 128);
        if (value) byte |= 0x80;
        out.push(byte);
    } while (value);
    return Buffer.from(out);
}

function readName(buf, at) {
    const [len, start] = readLeb(buf, at);
    return [buf.subarray(start, start + len).toString("utf8"), start + len];
}

function name(text) {
    const bytes = Buffer.from(text, "utf8");
    return Buffer.concat([leb(bytes.length), bytes]);
}

// `a` … `z`, then `ba` … : base 26 without a leading `a` so that no two names are equal.
function shortName(n) {
    let s = "";
    do {
        s = String.fromCharCode(97 + (n % 26)) + s;
        n = Math.floor(n / 26);
    } while (n);
    return s;
}

// The end of an import's description (after its kind byte), by the import kinds of the core spec.
function skipDesc(buf, kind, at) {
    const limits = (p) => {
        const flags = buf[p++];
        [, p] = readLeb(buf, p);
        if (flags & 1) [, p] = readLeb(buf, p);
        return p;
    };
    switch (kind) {
        case 0: return readLeb(buf, at)[1]; // function: type index
        case 1: return limits(at + 1); // table: reference type, limits
        case 2: return limits(at); // memory: limits
        case 3: return at + 2; // global: value type, mutability
        case 4: return readLeb(buf, at + 1)[1]; // tag: attribute, type index
        default: throw new Error(`unknown import kind ${kind}`);
    }
}

// The export section with the glue's helpers renamed (`__wbindgen_malloc`, the closure shims
// `wasm_bindgen_<hash>___convert__closures…`): the glue reaches each only as `wasm.NAME`. The
// widget's own exports (`mount`, `answer_json`, …) and `memory` keep their names.
let exported = 0;
function renameExports(start, end) {
    let [count, p] = readLeb(wasm, start);
    const body = [leb(count)];
    for (let i = 0; i < count; i++) {
        let field;
        [field, p] = readName(wasm, p);
        const kind = wasm[p];
        const [, descEnd] = readLeb(wasm, p + 1);
        let next = field;
        if (/^__wbindgen_|^__externref_|^wasm_bindgen_/.test(field)) {
            const pattern = new RegExp(`\\bwasm\\.${field}\\b`, "g");
            if (glue.match(pattern)) {
                next = `_${shortName(exported++)}`;
                glue = glue.replace(pattern, `wasm.${next}`);
            }
        }
        body.push(name(next), wasm.subarray(p, descEnd));
        p = descEnd;
    }
    if (p !== end) throw new Error("the export section did not end where its size says");
    const content = Buffer.concat(body);
    return Buffer.concat([Buffer.from([7]), leb(content.length), content]);
}

if (wasm.readUInt32LE(0) !== 0x6d736100) throw new Error(`${wasmPath} is not a wasm module`);
const parts = [wasm.subarray(0, 8)];
let at = 8;
let renamed = 0;
while (at < wasm.length) {
    const id = wasm[at];
    const [size, start] = readLeb(wasm, at + 1);
    const end = start + size;
    if (id === 7) {
        parts.push(renameExports(start, end));
        at = end;
        continue;
    }
    if (id !== 2) {
        parts.push(wasm.subarray(at, end));
        at = end;
        continue;
    }
    let [count, p] = readLeb(wasm, start);
    const body = [leb(count)];
    const taken = new Set();
    for (let i = 0; i < count; i++) {
        let module, field;
        [module, p] = readName(wasm, p);
        [field, p] = readName(wasm, p);
        const kind = wasm[p];
        const descEnd = skipDesc(wasm, kind, p + 1);
        let next = field;
        // Only the glue's functions; anything else (memory, a table another tool added) keeps its name.
        if (kind === 0 && /^__wbg_|^__wbindgen_/.test(field)) {
            next = shortName(renamed++);
            const pattern = new RegExp(`\\b${field}\\b`, "g");
            const found = glue.match(pattern)?.length ?? 0;
            if (found !== 1) {
                throw new Error(`the import ${field} is in the glue ${found} times, not once: has wasm-bindgen's output changed?`);
            }
            glue = glue.replace(pattern, next);
        }
        if (taken.has(`${module}\0${next}`)) throw new Error(`two imports named ${next}`);
        taken.add(`${module}\0${next}`);
        body.push(name(module), name(next), wasm.subarray(p, descEnd));
        p = descEnd;
    }
    if (p !== end) throw new Error("the import section did not end where its size says");
    const content = Buffer.concat(body);
    parts.push(Buffer.from([2]), leb(content.length), content);
    at = end;
}

writeFileSync(wasmPath, Buffer.concat(parts));
writeFileSync(gluePath, glue);
console.log(`short-imports: ${renamed} imports and ${exported} exports renamed in ${wasmPath} and ${gluePath}`);
