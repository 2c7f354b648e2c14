// Trace and span ids as OTLP/JSON wants them: lowercase hex, 32 and 16 digits. Files from Tempo's own HTTP API hold
// them base64-encoded (protobuf's JSON mapping of bytes), OTLP/JSON and Jaeger files hex.

const HEX = /^[0-9a-f]+$/i;
const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/;

function base64ToHex(text: string): string | undefined {
  const clean = text.replace(/-/g, '+').replace(/_/g, '/');
  try {
    const binary = atob(clean);
    let hex = '';
    for (let i = 0; i < binary.length; i++) {
      hex += binary.charCodeAt(i).toString(16).padStart(2, '0');
    }
    return hex;
  } catch {
    return undefined;
  }
}

/**
 * An id from a file as lowercase hex of `digits` digits (left-padded with zeros: Tempo trims leading zeros), or
 * undefined when it is neither hex nor base64 of the right size.
 */
export function normalizeId(value: unknown, digits: 32 | 16): string | undefined {
  if (typeof value !== 'string') {
    return undefined;
  }
  const text = value.trim();
  if (text === '') {
    return undefined;
  }
  if (HEX.test(text) && text.length <= digits) {
    return text.toLowerCase().padStart(digits, '0');
  }
  // Base64 of 16 bytes is 24 characters, of 8 bytes 12: never a valid hex id of the same size.
  if (BASE64.test(text)) {
    const hex = base64ToHex(text);
    if (hex !== undefined && hex.length === digits) {
      return hex;
    }
  }
  return undefined;
}

/**
 * An id for export: lowercase hex padded to `digits`. Ids that are not hex (a hand-made trace, a hostile one) get
 * a stable hex digest instead, so parent links inside the file still match.
 */
export function exportId(value: string, digits: 32 | 16): string {
  const text = value.trim().toLowerCase();
  if (text !== '' && HEX.test(text) && text.length <= digits) {
    return text.padStart(digits, '0');
  }
  return digest(value, digits);
}

// FNV-1a over UTF-16 code units with different seeds per 8-digit block: stable, dependency-free, not a security hash.
function digest(text: string, digits: number): string {
  let out = '';
  for (let block = 0; out.length < digits; block++) {
    let h = (0x811c9dc5 ^ Math.imul(block + 1, 0x9e3779b1)) >>> 0;
    for (let i = 0; i < text.length; i++) {
      h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
    }
    out += h.toString(16).padStart(8, '0');
  }
  return out.slice(0, digits);
}
