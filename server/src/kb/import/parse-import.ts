// Parsers for importing existing articles: Markdown (optional `key: value` front matter), Word-exported
// HTML, and CSV (RFC 4180, header row). Pure; each item becomes a draft article input or an error.
import type { ArticleContent } from '../../contracts/kb.ts';
import { ARTICLE_KINDS, type ArticleKind } from '../search/types.ts';

export interface ImportItem {
  readonly source: string;
  readonly kind: ArticleKind | undefined;
  readonly ownerUnitId: string | undefined;
  readonly public: boolean | undefined;
  readonly content: ArticleContent;
}

export type ParsedItem = { ok: true; item: ImportItem } | { ok: false; source: string; message: string };

const KIND_NAMES: Record<string, ArticleKind> = {
  办事指南: 'guide',
  服务指南: 'guide',
  政策法规: 'regulation',
  政策解读: 'interpretation',
  民生热点: 'hot_topic',
  热点: 'hot_topic',
  常见问答: 'faq',
  问答: 'faq',
  faq: 'faq',
};

export function parseKind(v: string | undefined): ArticleKind | undefined {
  if (!v) return undefined;
  const t = v.trim();
  if ((ARTICLE_KINDS as readonly string[]).includes(t)) return t as ArticleKind;
  return KIND_NAMES[t.toLowerCase()] ?? KIND_NAMES[t];
}

const list = (v: string | undefined): string[] =>
  (v ?? '')
    .replace(/^\[|\]$/g, '')
    .split(/[,，;；、|]/)
    .map((s) => s.trim().replace(/^["']|["']$/g, ''))
    .filter(Boolean);

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const day = (v: string | undefined): string | null => {
  const t = v?.trim().replace(/\//g, '-') ?? '';
  return DAY.test(t) ? t : null;
};

function fromFields(
  source: string,
  f: Record<string, string>,
  body: string,
  fallbackTitle: string,
): ParsedItem {
  const title = (f.title ?? f.标题 ?? fallbackTitle).trim();
  if (!title) return { ok: false, source, message: '缺少标题 (title)' };
  if (title.length > 200) return { ok: false, source, message: '标题超过200字' };
  const kindText = f.kind ?? f.类型;
  const kind = parseKind(kindText);
  if (kindText && !kind) return { ok: false, source, message: `未知类型 ${kindText}` };
  const pub = f.public ?? f.公开;
  return {
    ok: true,
    item: {
      source,
      kind,
      ownerUnitId: (f.unit ?? f.单位)?.trim() || undefined,
      public: pub === undefined ? undefined : !/^(false|no|0|否)$/i.test(pub.trim()),
      content: {
        title,
        summary: (f.summary ?? f.摘要 ?? '').trim(),
        body: body.trim(),
        tags: list(f.tags ?? f.标签),
        counties: list(f.counties ?? f.适用地区),
        effectiveFrom: day(f.effectiveFrom ?? f.生效日期),
        expiresAt: day(f.expiresAt ?? f.失效日期),
      },
    },
  };
}

const baseName = (name: string) => name.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');

export function parseMarkdown(name: string, text: string): ParsedItem {
  let body = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const fields: Record<string, string> = {};
  const fm = /^---\n([\s\S]*?)\n---\n?/.exec(body);
  if (fm) {
    for (const line of fm[1]!.split('\n')) {
      const m = /^\s*([\w\u4e00-\u9fff]+)\s*[:：]\s*(.*)$/.exec(line);
      if (m) fields[m[1]!] = m[2]!.trim();
    }
    body = body.slice(fm[0].length);
  }
  const h1 = /^#\s+(.+)$/m.exec(body);
  if (!fields.title && h1) body = body.replace(h1[0], '');
  return fromFields(name, fields, body, h1?.[1] ?? baseName(name));
}

const ENTITIES: Record<string, string> = {
  nbsp: ' ',
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  ldquo: '“',
  rdquo: '”',
  middot: '·',
  mdash: '—',
};

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code =
        e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number.parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : '';
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

/** Word "save as web page" HTML → plain text with paragraphs; title from <title> or the first heading. */
export function parseHtml(name: string, html: string): ParsedItem {
  const clean = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(style|script|head|xml)[\s\S]*?<\/\1>/gi, (m) =>
      /^<head/i.test(m) ? m.replace(/<(style|script|xml)[\s\S]*?<\/\1>/gi, '') : '',
    );
  const titleTag = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(clean)?.[1];
  const heading = /<h1[^>]*>([\s\S]*?)<\/h1>/i.exec(clean)?.[1];
  const strip = (s: string) =>
    decodeEntities(s.replace(/<[^>]+>/g, ''))
      .replace(/\s+/g, ' ')
      .trim();
  const bodyHtml =
    /<body[^>]*>([\s\S]*)<\/body>/i.exec(clean)?.[1] ?? clean.replace(/<head[\s\S]*?<\/head>/i, '');
  const text = decodeEntities(
    bodyHtml
      .replace(/<br\s*\/?>/gi, '\n')
      .replace(/<\/(p|div|h[1-6]|li|tr)>/gi, '\n')
      .replace(/<[^>]+>/g, ''),
  )
    .split('\n')
    .map((l) => l.replace(/[ \t\u00a0]+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
  const title = strip(heading ?? '') || strip(titleTag ?? '') || baseName(name);
  const body = text.startsWith(title) ? text.slice(title.length).trim() : text;
  return fromFields(name, {}, body, title);
}

/** RFC 4180 CSV: quoted fields, doubled quotes, CRLF/LF; returns rows of cells. */
export function parseCsvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const s = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && s[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (quoted) throw new Error('unterminated quoted field');
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows.filter((r) => r.some((c) => c.trim() !== ''));
}

export function parseCsv(name: string, text: string): ParsedItem[] {
  let rows: string[][];
  try {
    rows = parseCsvRows(text);
  } catch (e) {
    return [{ ok: false, source: name, message: (e as Error).message }];
  }
  const [header, ...data] = rows;
  if (!header) return [{ ok: false, source: name, message: '空文件' }];
  const keys = header.map((h) => h.trim());
  if (!keys.includes('title') && !keys.includes('标题'))
    return [{ ok: false, source: name, message: '缺少 title/标题 列' }];
  return data.map((cells, i) => {
    const f: Record<string, string> = {};
    keys.forEach((k, j) => {
      if (cells[j] !== undefined) f[k] = cells[j]!;
    });
    return fromFields(`${name}#${i + 2}`, f, f.body ?? f.正文 ?? '', '');
  });
}
