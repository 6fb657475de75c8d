import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { serviceItemIdSchema, type ServiceItem } from '../../../shared/model/catalog.ts';
import type { ReferenceDoc, Settings } from '../../../shared/model/reference.ts';
import { beijingDate } from '../../../shared/rules/case.ts';
import {
  composeGuide,
  feeText,
  promisedLimitText,
  statutoryLimitText,
  type GuideBureau,
  type GuideLanguage,
  type GuideVersion,
} from '../../../shared/rules/guide/compose.ts';
import { PUBLIC_SITE_PATH } from '../../../shared/rules/guide/link.ts';
import { publishedAtOf } from '../../../shared/rules/guide/publishedAt.ts';
import type { Db } from '../storage/db.ts';
import { currentReferenceDocs } from '../storage/referenceSnapshot.ts';
import { pageLang } from './publicRatingPage.ts';
import { commitmentsPage, guidePage, notFoundPage, PUBLIC_SITE_CSP } from './publicSitePages.ts';

// 公开承诺 on HQ (issue 16 item 3, art. 20–23): GET /public (the commitments page), /public/items/:id (an item's
// current published guide, with its earlier versions) and /public/items/:id/v/:rev (one published version, marked
// when superseded); ?lang=en for English. No sign-in, and nothing about a person: every page is made from the
// bureau's settings and the catalog's published versions only. A draft is an event (catalog.itemSaved) and never a
// document, so only what a second person approved — or, for versions stored before issue 16, what was seeded or
// saved under the old rules (dated by its document) — is ever shown.

/** A page that can still change (a newer version, edited settings) is kept five minutes; ETag makes a check cheap. */
const CACHE_CURRENT = 'public, max-age=300';
/**
 * A superseded version is frozen, but its page's frame (the bureau's name and hotline, the link to the current
 * version) comes from today's settings: kept a day, not for ever, so a changed hotline reaches every cache.
 */
const CACHE_FROZEN = 'public, max-age=86400';

interface PublishedVersion extends GuideVersion {
  readonly active: boolean;
}

interface Site {
  readonly settings: Settings | undefined;
  readonly departments: ReadonlyMap<string, string>;
  /** Per item, its current version and every earlier one HQ kept. */
  readonly items: ReadonlyMap<
    string,
    { readonly current: PublishedVersion; readonly earlier: readonly GuideVersion[] }
  >;
}

/** When a version was published: its publication, else (stored before issue 16) when its document was written. */
function publishedAt(item: ServiceItem, fallback: string): string {
  return item.publication?.publishedAt ?? fallback;
}

function siteOf(docs: readonly ReferenceDoc[]): Site {
  let settings: Settings | undefined;
  const departments = new Map<string, string>();
  const current = new Map<string, PublishedVersion>();
  const earlier = new Map<string, GuideVersion[]>();
  for (const doc of docs) {
    if (doc.kind === 'settings') settings = doc.body;
    else if (doc.kind === 'department') departments.set(doc.id, doc.body.name);
    else if (doc.kind === 'serviceItem') {
      current.set(doc.id, {
        item: doc.body,
        rev: doc.rev,
        publishedAt: publishedAt(doc.body, doc.updatedAt),
        active: doc.body.active,
      });
    } else if (doc.kind === 'serviceItemVersion') {
      const { item, rev } = doc.body;
      const list = earlier.get(item.id) ?? [];
      list.push({ item, rev, publishedAt: publishedAtOf(item, doc) });
      earlier.set(item.id, list);
    }
  }
  const items = new Map(
    [...current].map(([id, version]) => [
      id,
      { current: version, earlier: (earlier.get(id) ?? []).filter((v) => v.rev < version.rev) },
    ]),
  );
  return { settings, departments, items };
}

function bureauOf(site: Site): GuideBureau {
  return {
    bureauName: site.settings?.bureauName ?? '',
    consultPhone: site.settings?.consultPhone ?? '',
    complaintPhone: site.settings?.complaintPhone ?? '',
    departmentName: (id) => site.departments.get(id),
  };
}

const etagOf = (html: string) => `"${createHash('sha256').update(html, 'utf8').digest('base64url').slice(0, 27)}"`;

/** Whether the browser's If-None-Match names this page's tag (weak or strong, or *). */
function fresh(request: FastifyRequest, etag: string): boolean {
  const header = request.headers['if-none-match'];
  if (typeof header !== 'string') return false;
  return header.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t === etag || t === `W/${etag}`;
  });
}

function send(request: FastifyRequest, reply: FastifyReply, status: number, html: string, cache: string): FastifyReply {
  // The desk's security headers (http/static.ts), and the site's own CSP in place of the desk app's.
  reply
    .header('content-type', 'text/html; charset=utf-8')
    .header('x-content-type-options', 'nosniff')
    .header('x-frame-options', 'DENY')
    .header('referrer-policy', 'no-referrer')
    .header('cross-origin-resource-policy', 'same-origin');
  if (status !== 200) return reply.code(status).header('cache-control', 'no-cache').send(html);
  const etag = etagOf(html);
  reply.header('etag', etag).header('cache-control', cache);
  return fresh(request, etag) ? reply.code(304).send() : reply.code(200).send(html);
}

/** The page's own CSP over the desk app's, which the server sets on every HTML answer (a route's onSend runs last). */
const ownCsp = async (_request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
  reply.header('content-security-policy', PUBLIC_SITE_CSP);
  return payload;
};

const REV_RE = /^[1-9]\d{0,8}$/;

type ItemParams = { id: string; rev?: string };

export function registerPublicSite(app: FastifyInstance, db: Db): void {
  const notFound = (request: FastifyRequest, reply: FastifyReply, lang: GuideLanguage, site: Site) =>
    send(request, reply, 404, notFoundPage(lang, site.settings?.bureauName ?? '', PUBLIC_SITE_PATH), CACHE_CURRENT);

  app.get(PUBLIC_SITE_PATH, { onSend: ownCsp }, async (request, reply) => {
    const lang = pageLang(request.query);
    const site = siteOf(await currentReferenceDocs(db));
    const bureau = bureauOf(site);
    const active = [...site.items.values()]
      .map((i) => i.current)
      .filter((v) => v.active)
      .sort((a, b) => a.item.name.localeCompare(b.item.name, 'zh-CN') || a.item.id.localeCompare(b.item.id));
    const newest = active
      .map((v) => v.publishedAt)
      .sort()
      .at(-1);
    const html = commitmentsPage({
      lang,
      bureauName: bureau.bureauName,
      duties: site.settings?.publicDuties,
      consultPhone: bureau.consultPhone,
      complaintPhone: bureau.complaintPhone,
      items: active.map(({ item }) => ({
        id: item.id,
        name: item.name,
        promised: promisedLimitText(item, lang),
        statutory: statutoryLimitText(item, lang),
        fee: feeText(item, lang),
      })),
      catalogDate: newest ? beijingDate(newest) : undefined,
    });
    return send(request, reply, 200, html, CACHE_CURRENT);
  });

  const itemPage = async (request: FastifyRequest<{ Params: ItemParams }>, reply: FastifyReply) => {
    const lang = pageLang(request.query);
    const site = siteOf(await currentReferenceDocs(db));
    const { id, rev } = request.params;
    const entry = serviceItemIdSchema.safeParse(id).success ? site.items.get(id) : undefined;
    if (!entry || (rev !== undefined && !REV_RE.test(rev))) return notFound(request, reply, lang, site);
    const wanted = rev === undefined ? entry.current.rev : Number(rev);
    const version = wanted === entry.current.rev ? entry.current : entry.earlier.find((v) => v.rev === wanted);
    if (!version) return notFound(request, reply, lang, site);
    const superseded = version.rev < entry.current.rev;
    const html = guidePage({
      guide: composeGuide(version, bureauOf(site), lang),
      // A superseded version's page is frozen: it names its successor and links to the current page, which lists
      // every version; so a later publication never changes it.
      versions: superseded
        ? []
        : [entry.current, ...entry.earlier].map((v) => ({ rev: v.rev, publishedOn: beijingDate(v.publishedAt) })),
      currentRev: entry.current.rev,
      active: superseded || entry.current.active,
      complaintPhone: version.item.complaintPhone,
    });
    return send(request, reply, 200, html, superseded ? CACHE_FROZEN : CACHE_CURRENT);
  };
  app.get<{ Params: ItemParams }>(`${PUBLIC_SITE_PATH}/items/:id`, { onSend: ownCsp }, itemPage);
  app.get<{ Params: ItemParams }>(`${PUBLIC_SITE_PATH}/items/:id/v/:rev`, { onSend: ownCsp }, itemPage);

  // Any other address under /public (a link cut short, a slash too many) is the site's 404, never the desk app —
  // except a page's own address with a trailing slash (/public/, /public/items/x/), as people type or paste it.
  app.get(`${PUBLIC_SITE_PATH}/*`, { onSend: ownCsp }, async (request, reply) => {
    const target = withoutTrailingSlash(request.url);
    if (target) return reply.code(301).header('cache-control', CACHE_FROZEN).header('location', target).send();
    return notFound(request, reply, pageLang(request.query), siteOf(await currentReferenceDocs(db)));
  });
}

/** A page of the site that exists by its form, with the slash at its end removed; only such a path is redirected. */
const PAGE_WITH_SLASH = new RegExp(`^(${PUBLIC_SITE_PATH}(?:/items/[a-z0-9-]{1,64}(?:/v/[1-9][0-9]{0,8})?)?)/$`);

/**
 * Where a URL with a trailing slash on one of the site's pages belongs: the same page and query, or null. Only paths
 * of the site's own form are redirected (never to another host: the target always starts with /public).
 */
export function withoutTrailingSlash(url: string): string | null {
  const q = url.indexOf('?');
  const path = q === -1 ? url : url.slice(0, q);
  const page = PAGE_WITH_SLASH.exec(path)?.[1];
  return page === undefined ? null : `${page}${q === -1 ? '' : url.slice(q)}`;
}
