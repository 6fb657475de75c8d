// Pure: the desk's own settings (desk-config.json in userData), parsed and changed without touching the disk.
import type { z } from 'zod';
import { deskConfigSchema, serverUrlSchema, type DeskConfig } from '../../../shared/ipc/contract.ts';
import { describeIssues } from './issues.ts';
import { clockTimeSchema } from '../../../shared/rules/nightly.ts';

export const DEFAULT_SERVER_URL = 'http://127.0.0.1:8080';
export const DEFAULT_NIGHTLY_SYNC_AT = '02:30';

/** What is stored: the bridge's DeskConfig plus main-only settings the renderer does not see. */
export const storedDeskConfigSchema = deskConfigSchema.extend({ nightlySyncAt: clockTimeSchema });
export type StoredDeskConfig = z.infer<typeof storedDeskConfigSchema>;

export interface ParsedDeskConfig {
  config: StoredDeskConfig;
  /** Why a value was replaced by its default; empty when everything was read as written. */
  problems: string[];
}

/** Defaults: the server from FIRSTDESK_SERVER_URL (set by `npm start`) when valid, else the local HQ server. */
export function defaultDeskConfig(env: Readonly<Record<string, string | undefined>>): ParsedDeskConfig {
  const fromEnv = env['FIRSTDESK_SERVER_URL'];
  if (fromEnv === undefined || fromEnv === '') {
    return { config: { serverUrl: DEFAULT_SERVER_URL, nightlySyncAt: DEFAULT_NIGHTLY_SYNC_AT }, problems: [] };
  }
  const parsed = serverUrlSchema.safeParse(fromEnv);
  return parsed.success
    ? { config: { serverUrl: parsed.data, nightlySyncAt: DEFAULT_NIGHTLY_SYNC_AT }, problems: [] }
    : {
        config: { serverUrl: DEFAULT_SERVER_URL, nightlySyncAt: DEFAULT_NIGHTLY_SYNC_AT },
        problems: [describeIssues(`FIRSTDESK_SERVER_URL "${fromEnv}" ignored`, parsed.error)],
      };
}

/**
 * Reads the stored file's text (null when there is none). Each setting is kept when valid and otherwise replaced by
 * its default with a problem reported, so one bad value does not throw away the others nor stop the desk starting.
 */
export function parseStoredDeskConfig(text: string | null, defaults: StoredDeskConfig): ParsedDeskConfig {
  if (text === null) return { config: defaults, problems: [] };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { config: defaults, problems: ['desk-config.json is not valid JSON; using the defaults'] };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { config: defaults, problems: ['desk-config.json does not hold an object; using the defaults'] };
  }
  const stored = raw as Record<string, unknown>;
  const problems: string[] = [];
  const pick = <T>(key: keyof StoredDeskConfig, schema: z.ZodType<T>, fallback: T): T => {
    if (!(key in stored)) return fallback;
    const parsed = schema.safeParse(stored[key]);
    if (parsed.success) return parsed.data;
    problems.push(describeIssues(`desk-config.json ${key} ignored`, parsed.error));
    return fallback;
  };
  const config: StoredDeskConfig = {
    serverUrl: pick('serverUrl', serverUrlSchema, defaults.serverUrl),
    nightlySyncAt: pick('nightlySyncAt', clockTimeSchema, defaults.nightlySyncAt),
  };
  return { config, problems };
}

/** The config with a new HQ server address; throws an Error saying what is wrong with a bad one. */
export function withServerUrl(current: StoredDeskConfig, serverUrl: unknown): StoredDeskConfig {
  const parsed = serverUrlSchema.safeParse(serverUrl);
  if (!parsed.success) throw new Error(describeIssues('The HQ server address was not changed', parsed.error));
  return { ...current, serverUrl: parsed.data };
}

/** The config with the bureau's nightly sync time (from the settings the desk pulled); throws on a bad time. */
export function withNightlySyncAt(current: StoredDeskConfig, nightlySyncAt: unknown): StoredDeskConfig {
  const parsed = clockTimeSchema.safeParse(nightlySyncAt);
  if (!parsed.success) throw new Error(describeIssues('The nightly sync time was not changed', parsed.error));
  return { ...current, nightlySyncAt: parsed.data };
}

/** The part of the config the renderer may see, exactly as the bridge contract describes it. */
export function publicDeskConfig(config: StoredDeskConfig): DeskConfig {
  return deskConfigSchema.parse({ serverUrl: config.serverUrl });
}

export function serializeDeskConfig(config: StoredDeskConfig): string {
  return `${JSON.stringify(storedDeskConfigSchema.parse(config), null, 2)}\n`;
}
